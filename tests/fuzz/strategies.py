"""Hypothesis strategies for hostile article text, shared by the property tests (bench/fuzz.py has its own)."""

import datetime as dt

from hypothesis import strategies as st

# Pieces a real article may carry, mixed with noise: dates that cannot exist, years out of range,
# four scripts, the words our rules look for.
FRAGMENTS = [
    "31/2/2022", "29/2/2023", "0/0/0", "32/13/2022", "31 Februari 2022", "30 February 2021",
    "year 0", "tahun 0", "99999", "tahun 99999", "9999-12-31", "0000-01-01", "1/1/1",
    "Rabu (15/6/2022)", "kemarin", "yesterday", "pada Februari", "early February", "20–22 Maret 2023",
    "15/06/2022, 21:01 WIB", "24 февраля 2022 года", "2022年2月24日", "公元前", "第99999年",
    "Presiden Rusia Vladimir Putin", "Xi Jinping", "Tiongkok", "Китай", "中国", "menelepon", "bertemu",
    "signed an agreement", "joint exercise", "sanctions", "Baca juga:", "ADVERTISEMENT", "\u200b",
    "\u202e", "\ufeff", "\x00", "\r\n", "\t", "  ", "\n\n", ".", "!?", "(", ")", "«", "»", "—",
]  # fmt: skip

SCRIPTS = st.sampled_from([(0x20, 0x7E), (0xA0, 0x24F), (0x400, 0x4FF), (0x4E00, 0x9FFF), (0x0, 0x10FFFF)])


@st.composite
def script_runs(draw) -> str:
    low, high = draw(SCRIPTS)
    return draw(st.text(st.characters(min_codepoint=low, max_codepoint=high, exclude_categories=["Cs"]), max_size=60))


def article_texts() -> st.SearchStrategy[str]:
    """Mixed-script text built from fragments and noise, sometimes with one very long line."""
    piece = st.one_of(st.sampled_from(FRAGMENTS), script_runs())
    body = st.lists(piece, max_size=40).map(" ".join)
    long_line = st.tuples(st.sampled_from(FRAGMENTS + ["a", "Putin ", "31/2/2022 "]), st.integers(1000, 20000)).map(
        lambda pair: pair[0] * (pair[1] // max(1, len(pair[0])))
    )
    return st.one_of(body, st.tuples(body, long_line, body).map("\n".join))


@st.composite
def nested_html(draw) -> str:
    """Deeply nested, sometimes unclosed, markup around article text."""
    depth = draw(st.integers(0, 600))
    tag = draw(st.sampled_from(["div", "p", "span", "b", "table", "li", "svg", "script", "x-y"]))
    inner = draw(article_texts())
    closed = draw(st.booleans())
    return f"<html><body>{f'<{tag}>' * depth}{inner}{f'</{tag}>' * depth if closed else ''}</body></html>"


def publication_times() -> st.SearchStrategy[dt.datetime | None]:
    zones = st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=7)), dt.timezone(dt.timedelta(hours=-11))])
    return st.one_of(
        st.none(),
        st.datetimes(min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30), timezones=zones),
    )
