"""The date patterns of languages written with spaces (English, Indonesian, Russian).

Part of ingest.extraction.dates: build_alphabetic adds each pattern and its reader to a Grammar.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.extraction.dates_calendar import DAY, YEAR, Date, make_day, narrow, two_digit_year
from ingest.extraction.dates_lexicon import (
    Grammar,
    direction_of,
    followed_by,
    lookup,
    needed_words,
    preceded_by,
    starts_clean,
    words,
)
from ingest.extraction.dates_resolve import (
    ago_hit,
    day_hit,
    decade_hit,
    from_publication,
    month_hit,
    month_through_dateparser,
    quarter_hit,
    ref_hit,
    season_hit,
    through_dateparser,
    unit_hit,
    weekday_hit,
    year_hit,
)


def build_alphabetic(g: Grammar) -> None:  # noqa: C901 - one pattern after another, read top to bottom
    """Patterns for languages written with spaces. Each starts with its core (a digit, a month, a
    weekday...) so the regex engine can skip ahead; the words before the core ("pada", "in", "last")
    are read afterwards by the `before` patterns."""
    lex = g.lex
    sensitive = lex.get("case_sensitive_names", False)
    month = words(lex["months"], names=True, case_sensitive=sensitive)
    weekday = words(lex["weekdays"], names=True, case_sensitive=sensitive)
    suffix = words(lex["day_suffixes"]) if lex["day_suffixes"] else ""
    day = rf"{DAY}{('(?:' + suffix + ')?') if suffix else ''}"
    of = rf"(?:\s+{words(lex['day_month_joiners'])})?" if lex["day_month_joiners"] else ""
    year_joiner = rf"(?:{words(lex['month_year_joiners'])}\s+)?" if lex["month_year_joiners"] else ""
    year_suffix = rf"(?:\s*{words(lex['year_suffixes'])}(?!\w))?" if lex["year_suffixes"] else ""
    end = r"(?![\w%]|[.,]\d)"
    context = words(lex["context_before"] + list(lex.get("qualifiers", {})))  # "pada", "in", "early", "awal"
    relation_words = lex["last_words"] + lex["this_words"] + lex["next_words"]
    relation_after = lex.get("relation_position") == "after"
    relation = words([] if relation_after else relation_words)  # "last June", "в прошлом году"
    after = words(lex["context_after"] + (relation_words if relation_after else []))  # "Juni lalu"
    year_units = {k: v for k, v in lex["relative_units"].items() if v[0] == "year"}
    relative_year = rf"\s+(?P<ry>{words(year_units)})(?!\w)"  # "June last year", "Juni tahun lalu"
    joiners = words(lex["range_joiners"])
    pair_open = words(lex.get("range_pair_openers", {}))
    pair_close = words(lex.get("range_pair_openers", {}).values())
    mdy = lex.get("date_order") == "MDY"
    prefix = words(lex["year_prefixes"])
    # what may stand before a core, read backwards from it
    context_before = g.before(
        rf"(?<!\w)(?P<ctx>{context})(?:\s+|\s*-\s*)(?:(?P<rel>{relation})\s+)?|(?<!\w)(?P<rel2>{relation})\s+"
    )
    year_before = g.before(
        rf"(?:(?<!\w)(?P<ctx>{context})(?:\s+|\s*-\s*))?(?<!\w)(?P<pre>{prefix})\s+|(?<!\w)(?P<ctx2>{context})(?:\s+|\s*-\s*)"
    )
    opener_before = g.before(rf"(?<!\w)(?P<open>{pair_open})\s+")

    def shifted_year(m, ctx):
        return None if ctx.base is None else ctx.base.year + lookup(year_units, m["ry"])[1]

    def month_of(text):
        return lookup(lex["months"], text)

    def day_of(text):
        return int(re.match(r"\d+", text).group())

    def look_back(pattern, m, ctx, start=None):
        start = m.start() if start is None else start
        return pattern.search(ctx.text, max(0, start - 40), start)

    def coordinated(ctx, start):
        """'in January and February', 'in 2004 and 2008': the second needs no preposition of its own."""
        found = g.coordinated.search(ctx.text, max(0, start - 30), start)
        if not found:
            return False
        word = found.group().split()[0].strip(",")
        return bool(re.fullmatch(YEAR, word)) or lookup(lex["months"], word) is not None

    def read_numeric(m, ctx):
        a, b, y = int(m["a"]), int(m["b"]), m["y"]
        if len(y) == 2 and m["sep"] == "-":
            return None  # "12-3-22" is more often a score or a code than a date
        year = int(y) if len(y) == 4 else two_digit_year(int(y), ctx.base)  # the century is ours to choose
        d, mo = (b, a) if (mdy and a <= 12 and b <= 31) or (b > 12 and a <= 12) else (a, b)
        # computed here, not asked of dateparser: digits need no locale, and for every day and month
        # number dateparser reads "a/b/yyyy" in our date order as this (or not at all when the day
        # does not exist, which day_hit refuses too); one dateparser call cost more than the whole scan
        return day_hit(ctx, m.start(), m.end(), year, mo, d)

    # "\d\d?" rather than "\d{1,2}": the same matches, but a leading digit class lets the regex
    # engine skip straight to the next digit of the text
    g.add(
        rf"(?P<a>\d\d?)(?P<sep>[/.\-])(?P<b>\d{{1,2}})(?P=sep)(?P<y>\d{{4}}|\d{{2}}){end}(?![/\-:])",
        read_numeric,
        "/.-",
    )

    def read_iso(m, ctx):
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        if mo > 12:  # "2022-13-05": no month; dateparser reads it year-day-month, so it decides
            y, mo, d = through_dateparser(ctx, f"{y}-{mo:02d}-{d:02d}", "day", (y, mo, d))
        return day_hit(ctx, m.start(), m.end(), y, mo, d)  # a valid ISO date is read exactly as written

    g.add(rf"(?P<y>{YEAR})(?P<sep>[-/.])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})(?![\w/:]|[.\-]\d)", read_iso, "/.-")

    def read_paren(m, ctx):  # "(15/6)" after a weekday or alone, Indonesian press style
        a, b = int(m["a"]), int(m["b"])
        d, mo = (b, a) if mdy and b <= 31 and a <= 12 else (a, b)
        return day_hit(ctx, m.start("a"), m.end("b"), None, mo, d, year_given=False)

    g.add(r"\(\s*(?P<a>\d{1,2})/(?P<b>\d{1,2})\s*\)", read_paren)

    def read_text_dmy(m, ctx):
        own = (int(m["y"]), month_of(m["m"]), day_of(m["d"]))
        year, mo, d = month_through_dateparser(ctx, m["m"], own)
        return day_hit(ctx, m.start(), m.end(), year, mo, d)

    g.add(rf"(?P<d>{day}){of}\s+(?P<m>{month})\.?,?\s+{year_joiner}(?P<y>{YEAR}){year_suffix}{end}", read_text_dmy)
    if mdy:
        g.add(rf"(?P<m>{month})\.?\s+(?P<d>{day}),?\s+(?P<y>{YEAR}){end}", read_text_dmy)

    def read_text_dm(m, ctx):
        # dateparser reads day and month only; the year is always ours (publication, 'tahun lalu')
        _, mo, d = month_through_dateparser(ctx, m["m"], (None, month_of(m["m"]), day_of(m["d"])))
        relation = direction_of(m["after"], lex)  # "24 Mei lalu", "3 Juli mendatang"
        if relation:
            prefer = {"last": "past", "next": "future"}.get(relation)
            return day_hit(ctx, m.start(), m.end(), None, mo, d, year_given=False, prefer=prefer)
        if m["ry"]:
            year = shifted_year(m, ctx)
            hit = year and day_hit(ctx, m.start(), m.end(), year, mo, d)
            return hit and replace(hit, relative=True, reason=from_publication(ctx))
        return day_hit(ctx, m.start(), m.end(), None, mo, d, year_given=False)

    day_after = words(relation_words if relation_after else [])
    g.add(rf"(?P<d>{day}){of}\s+(?P<m>{month})(?!\w)(?:{relative_year}|\s+(?P<after>{day_after})(?!\w))?", read_text_dm)
    if mdy:
        g.add(rf"(?P<m>{month})\.?\s+(?P<d>{day})(?![\w%:]|[.,]\d)(?:{relative_year})?(?P<after>(?!x)x)?", read_text_dm)

    def read_month_year(m, ctx):
        year, mo, _ = month_through_dateparser(ctx, m["m"], (int(m["y"]), month_of(m["m"]), None))
        return month_hit(ctx, m.start(), m.end(), year, mo)

    g.add(rf"(?P<m>{month})\.?,?\s+{year_joiner}(?P<y>{YEAR}){year_suffix}{end}", read_month_year)

    def read_month(m, ctx):
        word = m["m"]
        if m["ry"]:
            year = shifted_year(m, ctx)
            hit = year and month_hit(ctx, m.start(), m.end(), year, month_of(word))
            return hit and replace(hit, relative=True, reason=from_publication(ctx))
        if word.lower().rstrip(".") in lex["bare_month_blocked"]:
            return None  # "Mar", "Dec" alone are too often something else
        if re.search(r"\d\s+$", ctx.text[max(0, m.start() - 4) : m.start()]):
            return None  # the month of "3-4 Juli mendatang" belongs to its day
        before = look_back(context_before, m, ctx)
        rel = before and (before["rel"] or before["rel2"])
        if not (before or m["after"] or coordinated(ctx, m.start())):
            return None
        relation = direction_of(rel, lex) or direction_of(m["after"], lex)
        start = before.start("rel" if before["rel"] else "rel2") if rel else m.start()
        end_ = m.end("after") if relation and m["after"] else m.end("m")
        return month_hit(ctx, start, end_, None, month_of(word), relative_to=relation)

    g.add(rf"(?P<m>{month})(?!\w)(?:{relative_year}|\s+(?P<after>{after})(?!\w))?", read_month)

    count_nouns = lex.get("count_nouns_after", [])

    def read_year(m, ctx):
        if not starts_clean(ctx.text, m.start(), ".,"):
            return None
        before = look_back(year_before, m, ctx)
        later = m["after"] and direction_of(m["after"], lex)
        if not (before or m["suf"] or later or coordinated(ctx, m.start())):
            return None
        if followed_by(ctx.text, m.end("y"), count_nouns):
            return None
        start = before.start("pre") if before and before["pre"] else m.start()
        end_ = m.end("after") if later else (m.end("suf") if m["suf"] else m.end("y"))
        return year_hit(ctx, start, end_, int(m["y"]))

    g.add(
        rf"(?P<y>{YEAR})(?:\s*(?P<suf>{words(lex['year_suffixes'])})(?!\w))?{end}(?:\s+(?P<after>{after})(?!\w))?",
        read_year,
    )

    def read_year_range(m, ctx):
        first, last = int(m["y1"]), m["y2"]
        last = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
        if not first < last <= first + 100:
            return None
        if m["close"] and not look_back(opener_before, m, ctx):
            return None  # "2014 and 2022" is two years, "between 2014 and 2022" a range
        hit = year_hit(ctx, m.start(), m.end(), first)
        return replace(hit, latest=Date(last, 12, 31), end_value=f"{last:04d}", reason="explicit range of years")

    g.add(
        rf"(?P<y1>{YEAR})(?:\s*(?:{joiners})\s*|\s+(?P<close>{pair_close})\s+)(?P<y2>{YEAR}|\d\d){year_suffix}{end}"
        rf"(?![/\-])",
        read_year_range,
        ".,/-",
    )

    def read_day_range(m, ctx):
        if m["close"] and not look_back(opener_before, m, ctx):
            return None
        mo = month_of(m["m"])
        year = int(m["y"]) if m["y"] else None
        prefer = {"last": "past", "next": "future"}.get(direction_of(m["after"], lex))
        first = day_hit(ctx, m.start(), m.end(), year, mo, day_of(m["d1"]), year_given=year is not None, prefer=prefer)
        last = first and make_day(first.earliest.year, mo, day_of(m["d2"]))  # both ends share the first's year
        if not last or last <= first.earliest:
            return None
        return replace(first, latest=last, end_value=last.isoformat(), reason="range: " + first.reason)

    span_joiner = rf"(?:\s*(?:{joiners})\s*|\s+(?P<close>{pair_close})\s+)"
    tail = rf"(?:\.?,?\s+{year_joiner}(?P<y>{YEAR}){year_suffix}{end}|\s+(?P<after>{day_after})(?!\w))?"
    g.add(rf"(?P<d1>{day}){span_joiner}(?P<d2>{day}){of}\s+(?P<m>{month})(?!\w){tail}", read_day_range)
    if mdy:
        g.add(
            rf"(?P<m>{month})\.?\s+(?P<d1>{day}){span_joiner}(?P<d2>{day})(?![\w%:])(?:,?\s+(?P<y>{YEAR}){end})?"
            r"(?P<after>(?!x)x)?",
            read_day_range,
        )

    def read_month_range(m, ctx):
        first = month_hit(ctx, m.start(), m.end(), int(m["y"]), month_of(m["m1"]))
        last = month_hit(ctx, m.start(), m.end(), int(m["y"]), month_of(m["m2"]))
        if not first or not last or last.earliest <= first.earliest:
            return None
        return replace(first, latest=last.latest, end_value=last.value, reason="explicit range of months")

    g.add(
        rf"(?P<m1>{month})\s*(?:{joiners})\s*(?P<m2>{month})\.?,?\s+{year_joiner}(?P<y>{YEAR}){year_suffix}{end}",
        read_month_range,
    )

    blocked_before = lex.get("weekday_blocked_before", [])
    blocked_after = lex.get("weekday_blocked_after", [])
    weekday_context = lex.get("weekday_context", [])
    relation_before = g.before(rf"(?<!\w)(?P<rel>{relation})\s+")

    def read_weekday(m, ctx):
        if m["after"] and m["w"].lower() in lex.get("weekday_also_unit", []):
            return None  # "Minggu lalu" is last week
        if preceded_by(ctx.text, m.start(), blocked_before) or followed_by(ctx.text, m.end("w"), blocked_after):
            return None
        before = look_back(relation_before, m, ctx)
        if lex.get("weekday_needs_context") and not (before or preceded_by(ctx.text, m.start(), weekday_context)):
            return None
        relation = direction_of(before and before["rel"] or m["after"], lex)
        start = before.start() if before else m.start()
        end_ = m.end("after") if relation and m["after"] else m.end("w")
        return weekday_hit(ctx, start, end_, lookup(lex["weekdays"], m["w"]), relation)

    weekday_after = words(relation_words if relation_after else [])
    g.add(rf"(?P<w>{weekday})(?!\w)(?:\s+(?P<after>{weekday_after})(?!\w))?", read_weekday)

    relative_days = lex.get("relative_days", {})
    day_blocked = lex.get("relative_day_blocked_before", [])

    def read_relative_day(m, ctx):
        if preceded_by(ctx.text, m.start(), day_blocked):
            return None
        return unit_hit(ctx, m.start(), m.end(), "day", lookup(relative_days, m.group()))

    g.add(rf"{words(relative_days)}(?!\w)", read_relative_day, needs=needed_words(relative_days))

    units = lex.get("relative_units", {})
    unit_blocked = lex.get("relative_blocked_before", [])

    def read_relative_unit(m, ctx):
        if preceded_by(ctx.text, m.start(), unit_blocked):
            return None
        unit, by = lookup(units, m.group())
        return unit_hit(ctx, m.start(), m.end(), unit, by)

    g.add(rf"{words(units)}(?!\w)", read_relative_unit, needs=needed_words(units))

    numbers = lex.get("numbers", {})
    unit_words = lex.get("unit_words", {})
    ago, later = words(lex.get("ago_after", [])), words(lex.get("later_after", []))
    durations = lex.get("duration_markers", [])
    amount = rf"(?P<n>\d{{1,3}}|{words(numbers)}|{words(lex.get('vague_numbers', []))})"

    def read_ago(m, ctx):
        if preceded_by(ctx.text, m.start(), durations):
            return None
        n = m["n"]
        value = 1 if not n else int(n) if n.isdigit() else lookup(numbers, n)
        return ago_hit(ctx, m.start(), m.end(), value, lookup(unit_words, m["u"]), -1 if m["ago"] else 1)

    unit_then_direction = rf"{words(unit_words)}\s+(?:{ago}|{later})(?!\w)"  # "days ago", "tahun lalu"
    g.add(
        rf"{amount}\s+(?P<u>{words(unit_words)})\s+(?:(?P<ago>{ago})|(?P<later>{later}))(?!\w)",
        read_ago,
        core=unit_then_direction,
    )
    if lex.get("later_before"):  # "через два дня"
        g.add(
            rf"{words(lex['later_before'])}\s+{amount}\s+(?P<u>{words(unit_words)})(?!\w)(?P<ago>(?!x)x)?",
            read_ago,
            needs=needed_words(lex["later_before"]),
        )
    if lex.get("bare_unit_ago"):  # "год назад": a year ago
        g.add(
            rf"(?P<u>{words(lex['bare_unit_ago'])})\s+(?P<ago>{ago})(?!\w)(?P<n>(?!x)x)?",
            read_ago,
            needs=needed_words(lex.get("ago_after", [])),
        )
    if lex.get("one_prefix"):  # "setahun lalu", "sepekan lalu"
        g.add(
            rf"{words([lex['one_prefix']])}(?P<u>{words(unit_words)})\s+(?:(?P<ago>{ago})|(?P<later>{later}))(?!\w)"
            rf"(?P<n>(?!x)x)?",
            read_ago,
            core=unit_then_direction,
        )

    ordinals = lex.get("quarter_ordinals", {})
    quarter_word = words(lex.get("quarter_words", []))

    def read_quarter(m, ctx):
        quarter = int(m["q"]) if m["q"] else lookup(ordinals, m["o"])
        year = m["y"]
        if year:
            year = int(year) if len(year) == 4 else two_digit_year(int(year.lstrip("'")), ctx.base)
        return quarter_hit(ctx, m.start(), m.end(), quarter, year)

    quarter_joiner = words(lex["month_year_joiners"] + ["of", "tahun"])
    year_tail = rf"(?:\s*(?:/|,|{quarter_joiner})?\s*(?P<y>{YEAR}){year_suffix})?{end}"
    g.add(rf"Q(?P<q>[1-4])(?:\s*[/-]?\s*(?P<y>{YEAR}|'\d\d))?(?!\w)(?P<o>(?!x)x)?", read_quarter)
    # Every match holds a quarter word ('kuartal', 'quarter'): rare in news, and its check costs a tenth of a pass
    quarter_needs = needed_words(lex.get("quarter_words", []))
    if lex.get("quarter_order") == "word_first":
        pattern = rf"{quarter_word}\s+(?P<o>{words(ordinals)})(?!\w){year_tail}(?P<q>(?!x)x)?"
    else:
        pattern = rf"(?P<o>{words(ordinals)})[\s-]+{quarter_word}(?!\w){year_tail}(?P<q>(?!x)x)?"
    g.add(pattern, read_quarter, needs=quarter_needs)

    seasons = lex.get("seasons", {})
    season_joiner = rf"(?:{words(lex['season_year_joiners'])}\s+)?" if lex.get("season_year_joiners") else ""
    season_before = g.before(
        rf"(?<!\w)(?P<ctx>{context})\s+(?:{words(['the'])}\s+)?(?:(?P<rel>{relation})\s+)?"
        rf"|(?<!\w)(?P<rel2>{relation})\s+"
    )
    season_blocked = lex.get("season_blocked_after", [])

    def read_season(m, ctx):
        if followed_by(ctx.text, m.end("s"), season_blocked):
            return None  # "the Winter Olympics"
        before = look_back(season_before, m, ctx)
        rel = before and (before["rel"] or before["rel2"])
        relation = direction_of(rel, lex) or direction_of(m["after"], lex)
        if lex.get("season_needs_context") and not (m["y"] or before or relation):
            return None
        start = before.start("rel" if before["rel"] else "rel2") if rel else m.start()
        end_ = m.end("y") if m["y"] else (m.end("after") if relation and m["after"] else m.end("s"))
        if m["y"] and m["suf"]:
            end_ = m.end("suf")
        code = lookup(seasons, m["s"])
        return season_hit(ctx, start, end_, code, int(m["y"]) if m["y"] else None, relation)

    g.add(
        rf"(?P<s>{words(seasons)})(?!\w)"
        rf"(?:\s+{season_joiner}(?P<y>{YEAR})(?P<suf>{year_suffix}){end}|\s+(?P<after>{after})(?!\w))?",
        read_season,
        needs=needed_words(seasons),
    )

    decade_before = g.before(rf"(?<!\w)(?P<pre>{words(lex.get('decade_prefixes', []))})\s+")
    decade_suffix = words(lex.get("decade_suffixes", []))

    def read_decade(m, ctx):
        before = look_back(decade_before, m, ctx)
        start = before.start() if before else m.start()
        if m["d"]:
            return decade_hit(ctx, start, m.end(), int(m["d"]), False)
        if not (before or m["apo"]):
            return None
        year = two_digit_year(int(m["dd"]), ctx.base)
        return decade_hit(ctx, start, m.end(), year // 10 * 10, True)

    # Every match ends '0s', "0's", '0-an': a core that starts with a plain '0' is found at memchr speed, four
    # times faster than looking for each ending in the lower-cased text
    g.add(
        rf"(?:(?P<d>(?:1[89]|20)\d0)|(?P<apo>['’])?(?P<dd>\d0))(?:['’]?{decade_suffix})(?!\w)",
        read_decade,
        ".,",
        core=rf"0['’]?{decade_suffix}",
    )

    refs = lex.get("refs", {})

    def read_ref(m, ctx):
        return ref_hit(ctx, m.start(), m.end(), lookup(refs, m.group()))

    g.add(rf"{words(refs)}(?!\w)", read_ref, needs=needed_words(refs))

    qualifier_units = lex.get("qualifier_units", {})
    not_after = words(lex["context_after"] + relation_words)

    def read_qualified_unit(m, ctx):  # "awal tahun", "the end of the month": this unit
        qualifier = lookup(lex["qualifiers"], m["q"])
        unit = lookup(qualifier_units, m["u"])
        hit = unit_hit(ctx, m.start(), m.end(), unit, 0)
        if hit is None:
            return None
        earliest, latest = narrow(hit.earliest, hit.latest, unit, qualifier)
        return replace(hit, earliest=earliest, latest=latest, qualifier=qualifier)

    g.add(
        rf"(?P<q>{words(lex.get('qualifiers', {}))})\s+(?P<u>{words(qualifier_units)})(?!\w)"
        rf"(?!\s*(?:\d|{month}(?!\w)|{not_after}(?!\w)))",
        read_qualified_unit,
        needs=needed_words(qualifier_units),
    )
