"""The date patterns of Chinese: 2022年2月24日, 去年3月, 上周三, 三天前...

Part of ingest.extraction.dates: build_chinese adds each pattern and its reader to a Grammar.
"""

from __future__ import annotations

from dataclasses import replace

from ingest.extraction.dates_calendar import YEAR, make_day, narrow, shift_month
from ingest.extraction.dates_lexicon import Grammar, words
from ingest.extraction.dates_resolve import (
    ago_hit,
    day_hit,
    decade_hit,
    from_publication,
    month_hit,
    prefer_at,
    quarter_hit,
    ref_hit,
    season_hit,
    through_dateparser,
    unit_hit,
    weekday_hit,
    year_hit,
)


def chinese_number(text: str, numbers: dict) -> int | None:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + numbers.get(text[1:], 0)
    if text.endswith("十"):
        return numbers.get(text[:-1], 0) * 10
    if "十" in text:
        tens, ones = text.split("十", 1)
        return numbers.get(tens, 0) * 10 + numbers.get(ones, 0)
    return numbers.get(text)


def build_chinese(g: Grammar) -> None:
    lex = g.lex
    month_q = words(lex["month_qualifiers"])

    def qualified(hit, word, table):
        if hit is None or not word:
            return hit
        qualifier = table[word]
        earliest, latest = narrow(hit.earliest, hit.latest, hit.precision, qualifier)
        return replace(hit, earliest=earliest, latest=latest, qualifier=qualifier)

    def read_ymd(m, ctx):
        own = (int(m["y"]), int(m["m"]), int(m["d"]))
        year, mo, d = through_dateparser(ctx, "{}年{}月{}日".format(*own), "day", own)
        return day_hit(ctx, m.start(), m.end(), year, mo, d)

    g.add(rf"(?P<y>{YEAR})\s*年\s*(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*[日号]", read_ymd)

    def read_md(m, ctx):
        return day_hit(ctx, m.start(), m.end(), None, int(m["m"]), int(m["d"]), year_given=False)

    g.add(r"(?<![\d年])(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]", read_md)

    def read_day_only(m, ctx):  # "24日" in Chinese news: a day of the publication month, or the one before
        if ctx.base is None:
            return None
        d = int(m["d"])
        year, month = ctx.base.year, ctx.base.month
        prefer = prefer_at(ctx, m.start())
        if d > ctx.base.day and prefer == "past":
            year, month = shift_month(year, month, -1)
        elif d < ctx.base.day and prefer == "future":
            year, month = shift_month(year, month, 1)
        hit = day_hit(ctx, m.start(), m.end(), year, month, d)
        return hit and replace(hit, relative=True, reason=f"month taken from publication {ctx.published}")

    g.add(r"(?<![\d月日年])(?P<d>\d{1,2})\s*日(?![\d])", read_day_only)

    def read_ym(m, ctx):
        year, mo, _ = through_dateparser(ctx, f"{m['y']}年{m['m']}月", "month", (int(m["y"]), int(m["m"]), None))
        return qualified(month_hit(ctx, m.start(), m.end(), year, mo), m["q"], lex["month_qualifiers"])

    g.add(rf"(?P<y>{YEAR})\s*年\s*(?P<m>\d{{1,2}})\s*月份?(?P<q>{month_q})?(?![\d日号])", read_ym)

    def read_m(m, ctx):
        hit = month_hit(ctx, m.start(), m.end(), None, int(m["m"]))
        return qualified(hit, m["q"], lex["month_qualifiers"])

    g.add(rf"(?<![\d年个])(?P<m>\d{{1,2}})\s*月份?(?P<q>{month_q})?(?![\d日号])", read_m)

    def read_y(m, ctx):
        return qualified(year_hit(ctx, m.start(), m.end(), int(m["y"])), m["q"], lex["year_qualifiers"])

    g.add(rf"(?<!\d)(?P<y>{YEAR})\s*年度?(?P<q>初|底|末)?(?![\d代])", read_y)

    def read_decade(m, ctx):
        first = int(m["d"]) if m["d"] else 1900 + int(m["dd"])
        return decade_hit(ctx, m.start(), m.end(), first, False)

    g.add(r"(?:(?:上世纪|20世纪|二十世纪)(?P<dd>\d0)|(?<!\d)(?P<d>(?:1[89]|20)\d0))\s*年代", read_decade)

    def read_quarter(m, ctx):
        return quarter_hit(ctx, m.start(), m.end(), lex["quarter_ordinals"][m["q"]], int(m["y"]) if m["y"] else None)

    g.add(rf"(?:(?P<y>{YEAR})\s*年\s*)?第(?P<q>[一二三四1-4])季度", read_quarter)

    relative_units = lex["relative_units"]

    def read_season(m, ctx):
        code = lex["seasons"][m["s"]]
        if m["rel"]:
            unit, by = relative_units[m["rel"]]
            if ctx.base is None:
                return None
            return season_hit(ctx, m.start(), m.end(), code, ctx.base.year + by)
        return season_hit(ctx, m.start(), m.end(), code, int(m["y"]) if m["y"] else None)

    g.add(rf"(?:(?P<y>{YEAR})\s*年|(?P<rel>去年|今年|明年))?(?P<s>[春夏秋冬])(?:季|天)(?!\w)", read_season)

    weekdays = lex["weekdays"]

    def read_relative_month(m, ctx):  # "去年3月", "今年2月24日"
        if ctx.base is None:
            return None
        year = ctx.base.year + relative_units[m["rel"]][1]
        if m["d"]:
            hit = day_hit(ctx, m.start(), m.end(), year, int(m["m"]), int(m["d"]))
        else:
            hit = month_hit(ctx, m.start(), m.end(), year, int(m["m"]))
        return hit and replace(hit, relative=True, reason=from_publication(ctx))

    g.add(r"(?P<rel>去年|今年|明年|前年)\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*[日号])?", read_relative_month)

    month_words = [word for word, (unit, _) in relative_units.items() if unit == "month"]

    def read_relative_month_day(m, ctx):  # "本月21日", "上月3日": a day of a month counted from publication
        if ctx.base is None:
            return None
        year, month = shift_month(ctx.base.year, ctx.base.month, relative_units[m["rel"]][1])
        hit = day_hit(ctx, m.start(), m.end(), year, month, int(m["d"]))
        return hit and replace(hit, relative=True, reason=from_publication(ctx))

    g.add(rf"(?P<rel>{words(month_words)})\s*(?P<d>\d{{1,2}})\s*[日号]", read_relative_month_day)

    def read_weekday(m, ctx):
        relation = "last" if m["rel"] in lex["weekday_last"] else "next" if m["rel"] in lex["weekday_next"] else None
        return weekday_hit(ctx, m.start(), m.end(), weekdays[m["w"]], relation)

    g.add(rf"(?P<rel>[上下本这])?(?:个)?(?:{'|'.join(lex['weekday_prefixes'])})(?P<w>[一二三四五六日天])", read_weekday)

    def read_relative_unit(m, ctx):
        unit, by = relative_units[m["u"]]
        hit = unit_hit(ctx, m.start(), m.end(), unit, by)
        table = lex["year_qualifiers"] if unit == "year" else lex["month_qualifiers"]
        if hit and m["q"] in table:
            return qualified(hit, m["q"], table)
        return hit

    g.add(rf"(?P<u>{words(relative_units)})(?P<q>初|底|末|上旬|中旬|下旬)?", read_relative_unit)

    this_unit = lex["this_unit_qualifiers"]

    def read_this_unit(m, ctx):
        unit, qualifier = this_unit[m.group()]
        hit = unit_hit(ctx, m.start(), m.end(), unit, 0)
        if hit is None:
            return None
        earliest, latest = narrow(hit.earliest, hit.latest, unit, qualifier)
        return replace(hit, earliest=earliest, latest=latest, qualifier=qualifier)

    g.add(rf"(?<![\d去今明前后])(?:{words(this_unit)})", read_this_unit)

    def read_relative_day(m, ctx):
        return unit_hit(ctx, m.start(), m.end(), "day", lex["relative_days"][m.group()])

    g.add(words(lex["relative_days"]), read_relative_day)

    numbers = lex["numbers"]

    def read_ago(m, ctx):
        amount = chinese_number(m["n"], numbers)
        direction = -1 if m["dir"] in lex["ago_after"] else 1
        return ago_hit(ctx, m.start(), m.end(), amount, lex["unit_words"][m["u"]], direction)

    g.add(
        rf"(?<![\d年])(?P<n>\d{{1,3}}|[一二两三四五六七八九十]+)\s*(?P<u>{words(lex['unit_words'])})"
        rf"(?P<dir>{words(lex['ago_after'] + lex['later_after'])})",
        read_ago,
    )

    def read_range(m, ctx):
        year = int(m["y"]) if m["y"] else None
        first = day_hit(ctx, m.start(), m.end(), year, int(m["m"]), int(m["d1"]), year_given=year is not None)
        if first is None:
            return None
        last = make_day(first.earliest.year, int(m["m"]), int(m["d2"]))
        if last is None or last <= first.earliest:
            return None
        return replace(first, latest=last, end_value=last.isoformat(), reason="range: " + first.reason)

    g.add(
        rf"(?:(?P<y>{YEAR})\s*年\s*)?(?P<m>\d{{1,2}})\s*月\s*(?P<d1>\d{{1,2}})\s*[日号]?\s*(?:{words(lex['range_joiners'])})"
        rf"\s*(?P<d2>\d{{1,2}})\s*[日号]",
        read_range,
    )

    def read_ref(m, ctx):
        return ref_hit(ctx, m.start(), m.end(), lex["refs"][m.group()])

    g.add(words(lex["refs"]), read_ref)
