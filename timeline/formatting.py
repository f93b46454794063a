"""Dates shown at the precision the sources give them, never finer."""

import calendar
import datetime

_QUALIFIER = {"early": "early", "mid": "mid", "late": "late"}


def _last_day_of_month(day: datetime.date) -> datetime.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _unit_label(day: datetime.date, precision: str) -> str:
    if precision == "decade":
        return f"{day.year // 10 * 10}s"
    if precision == "year":
        return f"{day.year}"
    if precision == "quarter":
        return f"Q{(day.month - 1) // 3 + 1} {day.year}"
    if precision == "season":
        season = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}.get(day.month, "season")
        return f"{season} {day.year}"
    if precision == "month":
        return f"{day:%b %Y}"
    if precision == "week":
        iso = day.isocalendar()
        return f"week {iso.week} of {iso.year}"
    return f"{day.day} {day:%b %Y}"


def _unit_end(day: datetime.date, precision: str) -> datetime.date:
    if precision == "decade":
        return datetime.date(day.year // 10 * 10 + 9, 12, 31)
    if precision == "year":
        return datetime.date(day.year, 12, 31)
    if precision in {"quarter", "season"}:
        return _last_day_of_month(_add_months(day, 2))
    if precision == "month":
        return _last_day_of_month(day)
    if precision == "week":
        return day + datetime.timedelta(days=6 - day.weekday())
    return day


def _add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def format_date_span(
    start: datetime.date, end: datetime.date | None, precision: str, qualifier: str = ""
) -> str:
    """'15 Jun 2022', 'Feb 2022', 'early 2021', '20–22 Mar 2023', 'Mar 2022 – Jun 2022'."""
    end = end or start
    label = _unit_label(start, precision)
    if qualifier in _QUALIFIER:
        return f"{_QUALIFIER[qualifier]} {label}"
    if end <= _unit_end(start, precision):
        return label
    if precision == "day":
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}–{end.day} {end:%b %Y}"
        if start.year == end.year:
            return f"{start.day} {start:%b} – {end.day} {end:%b %Y}"
    return f"{label} – {_unit_label(end, precision)}"
