"""Spans of text chosen greedily so that none overlaps another (dates, triggers: longest first)."""

import bisect


class DisjointSpans:
    """The spans taken so far, kept in order of start.

    They never overlap, so in order of start their ends rise too: a new span overlaps one of them
    exactly when the last span starting before its end reaches past its start. That is one
    bisection per span offered, where checking every span taken made a long text quadratic
    (thousands of dates or triggers in one pasted page)."""

    def __init__(self) -> None:
        self._spans: list[tuple[int, int]] = []

    def take(self, start: int, end: int) -> bool:
        """Take [start, end) if it overlaps no span taken; say whether it was taken.

        Overlap as the scans always meant it: neither ends at or before the other's start."""
        before_end = bisect.bisect_left(self._spans, (end, -1))
        if before_end and self._spans[before_end - 1][1] > start:
            return False
        bisect.insort(self._spans, (start, end))
        return True
