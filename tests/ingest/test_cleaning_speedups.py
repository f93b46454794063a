"""The shortcuts that make cleaning fast must never change what it keeps or reads.

Each test compares a fast path with the plain one it replaces, on every line of the test corpus
and on edge cases (upper and title case, 'İ', Unicode spaces, empty text, text at the start or end).
"""

import datetime as dt
import re
from pathlib import Path

import pytest

from ingest import page_header
from ingest.boilerplate_rules import (
    NAVIGATION_ARROW,
    NAVIGATION_NUMBERS,
    NAVIGATION_SEPARATORS,
    count_words,
    drop_furniture,
    ends_sentence,
    has_capitals,
    is_navigation,
    load_rules,
)
from ingest.datelines import (
    DATE_FORMS,
    FULL_YEAR,
    MONTHS,
    TIME,
    find_calendar_date,
    find_publication_date,
    find_time,
)
from ingest.page_header import LEAD_PREFIXES, strip_lead_prefix

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
RULES_DIR = Path(__file__).resolve().parents[2] / "ingest" / "boilerplate"


def corpus_pages() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))]


def corpus_lines() -> list[str]:
    return [line.strip() for page in corpus_pages() for line in page.splitlines() if line.strip()]


EDGE_LINES = [
    "",
    " ",
    "İ",
    "İstanbul | Ankara | İzmir",
    "READ MORE:",
    "Read More",
    "Baca Juga: Putin dan Xi Bertemu",
    "BACA JUGA",
    "Related",
    "Join Our WhatsApp Channel",
    "Gabung saluran WhatsApp Kompas.com",
    "Сайт в Telegram",
    "Подписывайтесь на нас в Telegram",
    "(Foto: Antara/Reuters)",
    "Xi Jinping in Beijing. REUTERS/Tingshu Wang/File Photo",
    "REUTERS/Tingshu Wang",
    "5 min read",
    "3 MIN READ",
    "Updated 2 hours ago",
    "Comments",
    "Jane Doe contributed to this report.",
    "Sign up for our newsletter",
    "Our Standards: The Thomson Reuters Trust Principles.",
    "点击下载APP",
    "打开新华社客户端",
    "下载 App 看更多新闻",
    "新华社客户端扫码下载",
    "The BBC is not responsible for the content of external sites.",
]


class TestGuardedRulesByPage:
    """drop_furniture tests a page's lines only against the guarded rules whose strings the page holds."""

    def plain_match(self, lowered: str) -> bool:
        """Every drop_line rule alone, as written (case-blind when it has capitals)."""
        return any(re.search(f"(?i:{p})" if has_capitals(p) else p, lowered) for p in drop_patterns())

    def test_page_guards_give_what_every_guard_gives(self):
        drop_line = load_rules().drop_line
        for page in corpus_pages() + ["\n".join(EDGE_LINES)]:
            lowered_lines = [line.strip().lower() for line in page.split("\n")]
            guards = drop_line.guards_in("\n".join(lowered_lines))
            for lowered in filter(None, lowered_lines):
                assert drop_line.matches(lowered, guards) == drop_line.matches(lowered), lowered

    def test_merged_rules_give_what_each_rule_gives(self):
        drop_line = load_rules().drop_line
        for line in corpus_lines() + EDGE_LINES:
            lowered = line.strip().lower()
            if lowered:
                assert drop_line.matches(lowered) == self.plain_match(lowered), lowered

    def test_a_page_without_the_string_skips_the_rule_and_one_with_it_does_not(self):
        drop_line = load_rules().drop_line
        assert all(string not in "" for string, _ in drop_line.guards_in(""))
        assert drop_line.guards_in("") == ()
        page = "the kremlin said.\nfollow us on our whatsapp channel"
        assert "whatsapp" in {string for string, _ in drop_line.guards_in(page)}
        assert drop_line.matches("follow us on our whatsapp channel", drop_line.guards_in(page))

    def test_drop_furniture_drops_what_the_plain_rules_drop(self):
        for page in corpus_pages() + ["\n".join(EDGE_LINES), "\n".join(EDGE_LINES[::-1]), ""]:
            lines = page.split("\n")
            assert drop_furniture(lines) == plain_drop_furniture(lines)

    def test_the_chinese_app_rule_reads_lowered_lines_as_before(self):
        # 'APP' was dropped from the rule: lines are lower-cased before any rule sees them
        old = re.compile(r"(?i:^(点击|打开|下载).{0,20}(客户端|app|APP))")
        new = re.compile(rules_of("zh")[4])
        lines = ["点击下载APP", "点击下载App", "打开新华社客户端", "下载 aPp", "下载", "下载" + "x" * 30 + "app", "APP"]
        for line in lines:
            assert bool(new.match(line.lower())) == bool(old.match(line.lower())), line


def rules_of(language: str) -> list[str]:
    import json

    return json.loads((RULES_DIR / f"{language}.json").read_text(encoding="utf-8"))["drop_line"]


def drop_patterns() -> list[str]:
    return [p for language in ("id", "en", "ru", "zh") for p in rules_of(language)]


def plain_is_navigation(line: str) -> bool:
    """is_navigation without its shortcut for lines with no separator."""
    line = line.strip()
    if not line or ends_sentence(line):
        return False
    parts = [p for p in NAVIGATION_SEPARATORS.split(line) if p.strip()]
    if len(parts) < 2 or any(count_words(p) > 4 for p in parts):
        return False
    if NAVIGATION_NUMBERS.search(line) or (any(ch.isdigit() for ch in line) and len(parts) < 3):
        return False
    return len(parts) >= 3 or NAVIGATION_ARROW.search(line) is not None


def plain_drop_furniture(lines: list[str]) -> list[str]:
    """drop_furniture with every rule tested alone and the plain navigation test."""
    from ingest.boilerplate_rules import is_capitalised_headline, is_headline_like, is_list_header

    plain = TestGuardedRulesByPage().plain_match
    kept, in_list = [], False
    for line in lines:
        stripped = line.strip()
        if not stripped:
            if not in_list:
                kept.append(line)
            continue
        if is_list_header(stripped):
            in_list = True
            continue
        if plain(stripped.lower()) or plain_is_navigation(stripped):
            continue
        if in_list and (is_headline_like(stripped) or is_capitalised_headline(stripped)):
            continue
        in_list = False
        kept.append(line)
    return kept


class TestNavigationShortcut:
    SPACED = [
        "Главное   Россия   В мире",
        "Главное\u3000\u3000\u3000Россия\u3000\u3000\u3000В мире",
        "Berita\u00a0\u00a0\u00a0Dunia\u00a0\u00a0\u00a0Olahraga",
        "Berita \u2009 Dunia \u2009 Olahraga",
        "新闻　　　国际　　　体育",
        "Новости\t\t\tПолитика\t\t\tЭкономика",
        "Новости  Политика  Экономика",
        "İstanbul · Ankara · İzmir",
        "ПОЛИТИКА   ЭКОНОМИКА   СПОРТ",
        "Politik\u200a\u200a\u200aEkonomi\u200a\u200a\u200aOlahraga",
    ]

    def test_printable_text_holds_no_space_but_the_ascii_one(self):
        # the shortcut's ground: '\s' in a printable line can only be ' '
        import sys

        assert not [
            c for c in map(chr, range(sys.maxunicode + 1)) if c != " " and c.isprintable() and re.match(r"\s", c)
        ]

    @pytest.mark.parametrize("line", SPACED)
    def test_lines_spaced_by_any_whitespace_are_read_as_before(self, line):
        assert is_navigation(line) == plain_is_navigation(line)

    def test_unicode_spaced_menus_are_still_menus(self):
        assert is_navigation("Главное\u3000\u3000\u3000Россия\u3000\u3000\u3000В мире")
        assert is_navigation("Berita\u00a0\u00a0\u00a0Dunia\u00a0\u00a0\u00a0Olahraga")

    def test_every_corpus_line_is_read_as_before(self):
        for line in corpus_lines() + EDGE_LINES:
            assert is_navigation(line) == plain_is_navigation(line), line


class TestLeadPrefixShortcut:
    EXAMPLES = [
        "BEIJING, KOMPAS.com – China akan memperkuat kerja sama dengan Rusia.",
        "MOSCOW (Reuters) - Russia and China held talks on Tuesday.",
        "BEIJING, June 15 (Xinhua) -- Chinese President Xi Jinping spoke by phone.",
        "(Reuters) - Russia and China agreed on a new pipeline.",
        "Jakarta, 15 Juni 2022 (ANTARA) - Presiden Joko Widodo tiba di Moskwa.",
        "Jakarta - Presiden Joko Widodo tiba di Moskwa hari ini.",
        "Москва. 21 марта. INTERFAX.RU - Владимир Путин провел переговоры.",
        "МОСКВА, 15 июн — РИА Новости. Президент России провел переговоры.",
        "МОСКВА, 15 июня. /ТАСС/. Президент России провел переговоры с Си.",
        "【财新网】中俄两国元首举行会谈，双方同意加强合作。",
        "新华社北京6月15日电（记者 张三）国家主席习近平同俄罗斯总统普京通电话。",
        "中新网北京6月15日电 国家主席习近平同俄罗斯总统普京通电话。",
        "Putin and Xi meet at SCO summit in Astana, hail ties as best in history",
        "İSTANBUL, Reuters - Turkish officials met Russian envoys on Monday.",
        "İstanbul - Pejabat Turki bertemu utusan Rusia pada Senin.",
        "",
        "-",
        "Moscow, Beijing - the two capitals agreed.",
    ]

    def plain(self, paragraph, monkeypatch):
        with monkeypatch.context() as patched:
            patched.setattr(page_header, "contains_any", lambda text, strings: True)  # no shortcut
            return strip_lead_prefix(paragraph)

    def test_every_example_and_corpus_line_gives_the_plain_lead(self, monkeypatch):
        for paragraph in self.EXAMPLES + corpus_lines():
            assert strip_lead_prefix(paragraph) == self.plain(paragraph, monkeypatch), paragraph

    def test_the_shortcut_still_finds_the_prefixes(self):
        assert strip_lead_prefix(self.EXAMPLES[0]).place == "Beijing"
        assert strip_lead_prefix(self.EXAMPLES[8]).place == "Москва"
        assert strip_lead_prefix(self.EXAMPLES[9]).text == "中俄两国元首举行会谈，双方同意加强合作。"
        assert strip_lead_prefix(self.EXAMPLES[10]).place == "北京"

    def test_a_paragraph_without_the_marks_matches_no_prefix(self):
        for paragraph in self.EXAMPLES + corpus_lines():
            if not any(mark in paragraph for mark in page_header.LEAD_PREFIX_MARKS):
                if not paragraph.startswith(page_header.LEAD_PREFIX_AGENCIES):
                    assert not any(pattern.match(paragraph) for pattern in LEAD_PREFIXES), paragraph


def plain_find_calendar_date(line, language):
    """find_calendar_date as it was: every match of every form, then the earliest."""
    if not FULL_YEAR.search(line):
        return None
    found = []
    for pattern, marks in DATE_FORMS:
        if marks and not any(mark in line for mark in marks):
            continue
        for match in pattern.finditer(line):
            parts = match.groupdict()
            if "a" in parts:
                first, second = int(parts["a"]), int(parts["b"])
                month_first = second > 12 or (language == "en" and first <= 12)
                day, month = (second, first) if month_first else (first, second)
            elif parts["month"].isdigit():
                day, month = int(parts["day"]), int(parts["month"])
            else:
                month = MONTHS.get(parts["month"].lower()) or MONTHS.get(parts["month"].lower()[:3])
                day = int(parts["day"])
                if month is None:
                    continue
            try:
                found.append((dt.date(int(parts["year"]), month, day), match.start(), match.end(), match))
            except ValueError:
                continue
    return min(found, key=lambda item: item[1]) if found else None


def plain_find_time(line, skip):
    for match in TIME.finditer(line):
        if skip[0] <= match.start() < skip[1]:
            continue
        hour, minute = int(match["hour"]), int(match["minute"])
        ampm = (match["ampm"] or "").lower().replace(".", "").replace(" ", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60:
            return dt.time(hour, minute, min(int(match["second"] or 0), 59))
    return None


class TestFirstDateOfEachForm:
    LINES = [
        "",
        "2022",
        "15 June 2022",
        "31 June 2022, 15 July 2022",  # the first match is no date: the next one is
        "Bug 5, 2022 and June 6, 2022",
        "June 6, 2022 and 5 June 2022",
        "15/06/2022 15 June 2022",
        "2022-06-15 15/06/2022",
        "Updated 2022-06-15T21:01:00+07:00",
        "Published: 15.06.2022 - 21:01",
        "13/13/2022 then 12/11/2022",
        "2022年6月15日 20:30",
        "15 ИЮНЯ 2022, 12:00 МСК",
        "15 июня 2022 года",
        "JUNE 15, 2022 9:01 AM ET",
        "Monday, 16 July, 2001, 14:47 GMT 15:47 UK",
        "Vostok-2018 drills",
        "İstanbul, 15 Haziran 2022",
        "İ 15 June 2022",
        "15 June 2022",
        "99:99 then 10:30 pm, 15 June 2022",
        "15 June 2022 25:61 21.45",
        "10.30.2022 and 11.30",
    ]

    def test_every_line_gives_the_plain_date_and_time(self):
        lines = self.LINES + corpus_lines()
        for line in lines:
            for language in ("en", "id", None):
                fast, plain = find_calendar_date(line, language), plain_find_calendar_date(line, language)
                assert (fast is None) == (plain is None), line
                if fast is not None:
                    assert fast[:3] == plain[:3] and fast[3].re is plain[3].re, line
                    assert find_time(line, fast[1:3]) == plain_find_time(line, fast[1:3]), line
            for skip in ((0, 0), (0, 5), (3, 40)):
                assert find_time(line, skip) == plain_find_time(line, skip), line

    def test_a_form_skips_a_non_date_to_its_next_match(self):
        found = find_publication_date("31 June 2022, 15 July 2022", "en")
        assert found is not None and found.date == dt.date(2022, 7, 15)

    def test_the_earliest_form_wins(self):
        found = find_publication_date("June 6, 2022 and 5 June 2022", "en")
        assert found is not None and found.date == dt.date(2022, 6, 6)
