"""The timeline in a real browser: htmx swaps, history, in-place detail, and the no-JavaScript path."""

import datetime
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.factories import make_actor, make_article, make_event, make_outlet

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLES = ".event-title a"


@pytest.fixture
def timeline(live_server):
    """A small, plausible China–Russia timeline; returns the live server's base URL."""
    china, russia = make_actor("China"), make_actor("Russia")
    make_actor("Xi Jinping", kind="person", country=china)
    make_actor("Vladimir Putin", kind="person", country=russia)
    kompas = make_outlet("Kompas", domain="kompas.example", language="id")
    tass = make_outlet("TASS", domain="tass.example", language="ru", state_affiliated=True)
    make_event(
        title="Treaty of Good-Neighbourliness signed in Moscow",
        kind="agreement",
        date_start=datetime.date(2001, 7, 16),
        sentence="China and Russia signed a treaty of friendship and cooperation in Moscow on 16 July 2001.",
    )
    make_event(
        title="Joint statement on a partnership 'without limits'",
        kind="agreement",
        date_start=datetime.date(2022, 2, 4),
        actors=("Xi Jinping", "Vladimir Putin"),
    )
    invasion = make_event(
        title="Russia invades Ukraine",
        kind="invasion",
        date_start=datetime.date(2022, 2, 24),
        actors=("Russia", "Ukraine"),
    )
    invasion.roles.filter(actor__name="Russia").update(role="initiator")
    invasion.roles.filter(actor__name="Ukraine").update(role="target")
    make_event(
        title="Joint bomber patrol over the Sea of Japan",
        kind="exercise",
        date_start=datetime.date(2022, 5, 1),
        date_end=datetime.date(2022, 5, 31),
        precision="month",
    )
    call = make_event(
        title="Xi and Putin speak by phone",
        date_start=datetime.date(2022, 6, 15),
        actors=("Xi Jinping", "Vladimir Putin"),
        sentence="Presiden China Xi Jinping berbicara dengan Presiden Rusia Vladimir Putin melalui telepon pada Rabu.",
        article=make_article(title="Xi dan Putin bertelepon", outlet=kompas, language="id"),
        date_trail="“Rabu” → 2022-06-15 (publication 2022-06-15 21:01 +07:00)",
    )
    call.evidence.update(date_expression="Rabu")
    call.evidence.create(
        article=make_article(title="Putin and Xi hold phone talks", outlet=tass, language="en"),
        sentence="Vladimir Putin and Xi Jinping held a telephone conversation on Wednesday.",
        start=0,
        end=72,
        extractor_version="test",
    )
    make_event(
        title="Xi to pay a state visit to Moscow",
        kind="visit",
        modality="planned",
        date_start=datetime.date(2023, 3, 20),
        date_end=datetime.date(2023, 3, 22),
        actors=("Xi Jinping", "Russia"),
    )
    return live_server.url


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def titles(page) -> list[str]:
    return [text.strip() for text in page.locator(TITLES).all_inner_texts()]


def mark_document(page) -> None:
    """Tag the loaded document so a test can tell a swap from a full page load."""
    page.evaluate("window.__linimasaMarker = 'still here'")


def document_is_unchanged(page) -> bool:
    return page.evaluate("window.__linimasaMarker === 'still here'")


class TestFilters:
    def test_choosing_a_kind_swaps_the_list_and_puts_the_filter_in_the_url(self, page, timeline):
        page.goto(timeline)
        expect(page.locator(TITLES)).to_have_count(6)
        mark_document(page)

        page.select_option("#filter-kind", "agreement")

        page.wait_for_url(re.compile(r"\?kind=agreement$"))
        expect(page.locator(TITLES)).to_have_count(2)
        assert titles(page) == [
            "Treaty of Good-Neighbourliness signed in Moscow",
            "Joint statement on a partnership 'without limits'",
        ]
        assert document_is_unchanged(page)

    def test_a_country_filter_with_a_kind_shows_its_peoples_events(self, page, timeline):
        page.goto(timeline)
        mark_document(page)

        page.select_option("#filter-actor", "Russia")
        page.wait_for_url(re.compile(r"\?actor=Russia$"))
        page.select_option("#filter-kind", "call")
        page.wait_for_url(re.compile(r"\?actor=Russia&kind=call$"))

        expect(page.locator(TITLES)).to_have_count(1)
        assert titles(page) == ["Xi and Putin speak by phone"]
        assert document_is_unchanged(page)

    def test_an_actor_name_in_a_row_filters_in_place(self, page, timeline):
        page.goto(f"{timeline}/?kind=agreement")
        mark_document(page)

        page.locator(".event", has_text="Treaty of Good-Neighbourliness").get_by_role("link", name="Russia").click()

        page.wait_for_url(lambda url: query_of(url) == {"actor": ["Russia"], "kind": ["agreement"]})
        expect(page.locator(TITLES)).to_have_count(2)
        expect(page.locator("#filter-actor")).to_have_value("Russia")
        expect(page.locator("#filter-kind")).to_have_value("agreement")
        assert document_is_unchanged(page)

    def test_back_restores_the_previous_list_and_choices(self, page, timeline):
        page.goto(timeline)
        page.select_option("#filter-kind", "agreement")
        page.wait_for_url(re.compile(r"kind=agreement"))
        expect(page.locator(TITLES)).to_have_count(2)
        page.select_option("#filter-kind", "invasion")
        page.wait_for_url(re.compile(r"kind=invasion"))
        expect(page.locator(TITLES)).to_have_count(1)

        page.go_back()
        page.wait_for_url(re.compile(r"kind=agreement$"))
        expect(page.locator(TITLES)).to_have_count(2)
        expect(page.locator("#filter-kind")).to_have_value("agreement")

        page.go_back()
        page.wait_for_url(re.compile(r"/$"))
        expect(page.locator(TITLES)).to_have_count(6)
        expect(page.locator("#filter-kind")).to_have_value("")

    def test_a_shared_filtered_link_opens_filtered(self, page, timeline):
        page.goto(f"{timeline}/?actor=Ukraine")

        assert titles(page) == ["Russia invades Ukraine"]
        expect(page.locator("#filter-actor")).to_have_value("Ukraine")
        expect(page.locator(".event-facts .role").first).to_have_text("(initiator)")


class TestEventDetail:
    def test_opening_an_event_shows_its_evidence_in_place(self, page, timeline):
        page.goto(timeline)
        mark_document(page)
        row = page.locator(".event", has_text="Xi and Putin speak by phone")

        row.locator(TITLES).click()

        quotes = row.locator(".event-detail blockquote")
        expect(quotes).to_have_count(2)
        expect(quotes.first).to_contain_text("berbicara dengan Presiden Rusia Vladimir Putin")
        expect(row.locator(".event-detail")).to_contain_text("Kompas")
        expect(row.locator(".event-detail")).to_contain_text("state media")
        expect(row.locator(".date-trail")).to_contain_text("2022-06-15")
        assert page.url.rstrip("/") == timeline.rstrip("/")
        assert document_is_unchanged(page)

    def test_a_second_click_closes_the_detail(self, page, timeline):
        page.goto(timeline)
        row = page.locator(".event", has_text="Xi and Putin speak by phone")
        row.locator(TITLES).click()
        expect(row.locator(".event-detail")).to_be_visible()
        expect(row.locator(TITLES)).to_have_attribute("aria-expanded", "true")

        row.locator(TITLES).click()

        expect(row.locator(".event-detail")).to_have_count(0)
        expect(row.locator(TITLES)).to_have_attribute("aria-expanded", "false")

    def test_planned_events_say_so(self, page, timeline):
        page.goto(timeline)
        row = page.locator(".event", has_text="Xi to pay a state visit to Moscow")

        expect(row.locator(".planned-badge")).to_be_visible()
        expect(row.locator("time")).to_have_text("planned for 20–22 Mar 2023")


class TestWithoutJavaScript:
    def test_submitting_the_filter_form_filters(self, page_without_js, timeline):
        page = page_without_js
        page.goto(timeline)
        expect(page.locator(TITLES)).to_have_count(6)

        page.select_option("#filter-kind", "exercise")
        page.get_by_role("button", name="Show events").click()

        page.wait_for_url(re.compile(r"kind=exercise"))
        assert titles(page) == ["Joint bomber patrol over the Sea of Japan"]
        expect(page.locator("#filter-kind")).to_have_value("exercise")

    def test_an_event_link_opens_its_own_page(self, page_without_js, timeline):
        page = page_without_js
        page.goto(timeline)

        page.get_by_role("link", name="Xi and Putin speak by phone").click()

        page.wait_for_url(re.compile(r"/events/\d+/$"))
        expect(page.locator("h1")).to_have_text("Xi and Putin speak by phone")
        expect(page.locator("blockquote")).to_have_count(2)


class TestLayout:
    def test_the_page_fits_a_small_phone(self, browser, timeline, output_dir):
        context = browser.new_context(viewport={"width": 360, "height": 740})
        page = context.new_page()
        page.goto(timeline)
        page.locator(".event", has_text="Xi and Putin speak by phone").locator(TITLES).click()
        expect(page.locator(".event-detail")).to_be_visible()

        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        page.screenshot(path=str(output_dir / "timeline-360.png"), full_page=True)

        context.close()
        assert overflow <= 0

    def test_screenshot_of_the_timeline(self, page, timeline, output_dir):
        page.goto(timeline)
        page.locator(".event", has_text="Xi and Putin speak by phone").locator(TITLES).click()
        expect(page.locator(".event-detail")).to_be_visible()

        path = output_dir / "timeline.png"
        page.screenshot(path=str(path), full_page=True)

        assert path.stat().st_size > 10_000
