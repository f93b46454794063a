"""The timeline in a real browser: facets and history, zoom, scrolling, detail, language, keyboard, no JS."""

import datetime
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from tests.factories import make_actor, make_article, make_event, make_outlet
from timeline.models import ActorAlias
from timeline.selectors import PAGE_SIZE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLES = ".event-title a"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()  # the density strip is cached per process; each test has its own rows
    yield
    cache.clear()


@pytest.fixture
def timeline(live_server):
    """A small, plausible China–Russia timeline; returns the live server's base URL."""
    china, russia = make_actor("China"), make_actor("Russia")
    ActorAlias.objects.create(actor=china, name="Tiongkok", language="id")
    make_actor("Xi Jinping", kind="person", country=china)
    make_actor("Vladimir Putin", kind="person", country=russia)
    kompas = make_outlet("Kompas", domain="kompas.example", language="id", country="Indonesia")
    tass = make_outlet("TASS", domain="tass.example", language="ru", country="Russia", state_affiliated=True)
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
    call.evidence.update(date_expression="Rabu", trigger="melalui telepon")
    call.evidence.create(
        article=make_article(title="Putin and Xi hold phone talks", outlet=tass, language="en"),
        sentence="Vladimir Putin and Xi Jinping held a telephone conversation on Wednesday.",
        start=0,
        end=72,
        date_expression="Wednesday",
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


def kind_box(page, kind: str):
    return page.locator(f'#filter-form input[name="kind"][value="{kind}"]')


class TestFacetsAndHistory:
    def test_choosing_a_kind_swaps_the_list_and_puts_it_in_the_url(self, page, timeline, output_dir):
        page.goto(timeline)
        expect(page.locator(TITLES)).to_have_count(6)
        mark_document(page)

        kind_box(page, "agreement").check()

        page.wait_for_url(re.compile(r"\?kind=agreement$"))
        expect(page.locator(TITLES)).to_have_count(2)
        assert titles(page) == [
            "Treaty of Good-Neighbourliness signed in Moscow",
            "Joint statement on a partnership 'without limits'",
        ]
        expect(page.locator("#live-status")).to_contain_text("2 events")
        assert document_is_unchanged(page)
        page.screenshot(path=str(output_dir / "timeline-facet-kind.png"), full_page=True)

    def test_back_and_forward_restore_the_list_and_the_controls(self, page, timeline):
        page.goto(timeline)
        kind_box(page, "agreement").check()
        page.wait_for_url(re.compile(r"kind=agreement$"))
        expect(page.locator(TITLES)).to_have_count(2)
        kind_box(page, "agreement").uncheck()
        page.wait_for_url(re.compile(r"/$"))
        kind_box(page, "invasion").check()
        page.wait_for_url(re.compile(r"kind=invasion$"))
        expect(page.locator(TITLES)).to_have_count(1)

        page.go_back()
        page.wait_for_url(re.compile(r"/$"))
        expect(page.locator(TITLES)).to_have_count(6)
        expect(kind_box(page, "invasion")).not_to_be_checked()
        page.go_back()
        page.wait_for_url(re.compile(r"kind=agreement$"))
        expect(page.locator(TITLES)).to_have_count(2)
        expect(kind_box(page, "agreement")).to_be_checked()
        page.go_forward()
        page.wait_for_url(re.compile(r"/$"))
        expect(page.locator(TITLES)).to_have_count(6)
        expect(kind_box(page, "agreement")).not_to_be_checked()

    def test_typing_an_alias_suggests_the_actor_and_choosing_it_filters(self, page, timeline, output_dir):
        page.goto(timeline)
        mark_document(page)

        page.locator("#actor-input").press_sequentially("Tiong", delay=30)
        suggestion = page.locator(".suggestion", has_text="China")
        expect(suggestion).to_contain_text("Tiongkok")
        page.screenshot(path=str(output_dir / "timeline-actor-typeahead.png"))
        suggestion.click()

        page.wait_for_url(lambda url: query_of(url) == {"actor": ["China"]})
        expect(page.locator("#actor-chips .chip")).to_have_text("China (untick to remove)")
        expect(page.locator(TITLES)).to_have_count(5)  # China's own and its people's events
        expect(page.locator("#actor-input")).to_have_value("")
        assert document_is_unchanged(page)

    def test_an_actor_name_in_a_row_filters_in_place(self, page, timeline):
        page.goto(f"{timeline}/?kind=agreement")
        mark_document(page)

        page.locator(".event", has_text="Treaty of Good-Neighbourliness").get_by_role("link", name="Russia").click()

        page.wait_for_url(lambda url: query_of(url) == {"actor": ["Russia"], "kind": ["agreement"]})
        expect(page.locator(TITLES)).to_have_count(2)
        expect(page.locator("#actor-chips .chip")).to_have_count(1)
        expect(kind_box(page, "agreement")).to_be_checked()
        assert document_is_unchanged(page)

    def test_between_two_actors_with_direction(self, page, timeline):
        page.goto(timeline)
        page.locator(".field-more summary").click()

        page.fill("#filter-a", "Russia")
        page.fill("#filter-b", "Ukraine")
        page.locator("#filter-b").press("Enter")
        page.wait_for_url(lambda url: query_of(url) == {"a": ["Russia"], "b": ["Ukraine"]})
        page.get_by_label("B → A").check()

        page.wait_for_url(lambda url: query_of(url).get("dir") == ["ba"])
        expect(page.locator(".empty-state")).to_be_visible()
        page.get_by_label("A → B").check()
        page.wait_for_url(lambda url: query_of(url).get("dir") == ["ab"])
        assert titles(page) == ["Russia invades Ukraine"]

    def test_a_shared_link_opens_with_its_facets(self, page, timeline):
        page.goto(f"{timeline}/?actor=Ukraine")

        assert titles(page) == ["Russia invades Ukraine"]
        expect(page.locator("#actor-chips input[value='Ukraine']")).to_be_checked()
        expect(page.locator(".event-facts .role").first).to_have_text("(initiator)")


class TestZoom:
    def test_the_density_strip_zooms_from_decades_to_days(self, page, timeline, output_dir):
        page.goto(timeline)
        mark_document(page)
        page.screenshot(path=str(output_dir / "timeline-decades.png"), full_page=True)

        page.locator(".density .bar", has_text="2020s").click()
        page.wait_for_url(re.compile(r"period=2020s$"))
        page.locator(".density .bar", has_text="2022").click()
        page.wait_for_url(re.compile(r"period=2022$"))
        expect(page.locator(TITLES)).to_have_count(4)
        page.screenshot(path=str(output_dir / "timeline-months-2022.png"), full_page=True)
        page.locator(".density a.bar").first.click()  # February, the first month with events
        page.wait_for_url(re.compile(r"period=2022-02$"))

        expect(page.locator(TITLES)).to_have_count(2)
        expect(page.locator(".density-heading")).to_have_text("Events by day")
        expect(page.locator(".density a.bar.is-current")).to_have_count(0)
        assert document_is_unchanged(page)

        page.go_back()
        page.wait_for_url(re.compile(r"period=2022$"))
        expect(page.locator(TITLES)).to_have_count(4)
        page.get_by_role("link", name="All time").click()
        page.wait_for_url(re.compile(r"/$"))
        expect(page.locator(TITLES)).to_have_count(6)


class TestScrolling:
    def test_scrolling_to_the_end_loads_the_next_page(self, page, live_server, output_dir):
        for n in range(PAGE_SIZE + 5):
            make_event(title=f"Call number {n:02d}", date_start=datetime.date(2020, 1, 1) + datetime.timedelta(days=n))
        page.goto(live_server.url)
        expect(page.locator(TITLES)).to_have_count(PAGE_SIZE)
        address = page.url

        page.locator(".page-more").scroll_into_view_if_needed()

        expect(page.locator(TITLES)).to_have_count(PAGE_SIZE + 5)
        expect(page.locator(".page-end")).to_be_visible()
        assert titles(page)[-1] == f"Call number {PAGE_SIZE + 4:02d}"
        assert page.url == address


class TestEventDetail:
    def test_opening_an_event_shows_its_sources_in_place_and_in_the_url(self, page, timeline, output_dir):
        page.goto(timeline)
        mark_document(page)
        row = page.locator(".event", has_text="Xi and Putin speak by phone")

        row.locator(TITLES).click()

        detail = row.locator(".event-detail")
        expect(detail.locator("blockquote")).to_have_count(2)
        expect(detail.locator(".outlet-group")).to_have_count(2)
        expect(detail.locator("mark.date-expression-mark").first).to_have_text("Rabu")
        expect(detail.locator("blockquote mark.trigger-mark")).to_have_text("melalui telepon")
        expect(detail).to_contain_text("state media")
        expect(detail).to_contain_text("2 independent sources")
        expect(row.locator(".date-trail")).to_contain_text("2022-06-15")
        page.wait_for_url(lambda url: "event" in query_of(url))
        assert document_is_unchanged(page)
        page.screenshot(path=str(output_dir / "timeline-event-open.png"), full_page=True)

        page.reload()
        expect(page.locator(".event", has_text="Xi and Putin speak by phone").locator(".event-detail")).to_be_visible()

    def test_a_second_click_closes_the_detail_and_the_url_forgets_it(self, page, timeline):
        page.goto(timeline)
        row = page.locator(".event", has_text="Xi and Putin speak by phone")
        row.locator(TITLES).click()
        expect(row.locator(".event-detail")).to_be_visible()
        expect(row.locator(TITLES)).to_have_attribute("aria-expanded", "true")

        row.locator(TITLES).click()

        expect(row.locator(".event-detail")).to_have_count(0)
        expect(row.locator(TITLES)).to_have_attribute("aria-expanded", "false")
        assert "event" not in query_of(page.url)

    def test_planned_events_say_so(self, page, timeline):
        page.goto(timeline)
        row = page.locator(".event", has_text="Xi to pay a state visit to Moscow")

        expect(row.locator(".planned-badge")).to_be_visible()
        expect(row.locator("time")).to_have_text("planned for 20–22 Mar 2023")


class TestLanguage:
    def test_switching_to_indonesian_translates_the_page_and_its_dates(self, page, timeline, output_dir):
        page.goto(f"{timeline}/?kind=exercise")

        page.select_option("#language-select", "id")
        page.get_by_role("button", name="Switch").click()

        expect(page.locator("html")).to_have_attribute("lang", "id")
        expect(page.get_by_role("button", name="Tampilkan peristiwa")).to_be_visible()
        expect(page.locator(".event time")).to_have_text("Mei 2022")
        expect(page.locator(".kind-badge")).to_have_text("latihan militer")
        assert query_of(page.url) == {"kind": ["exercise"]}
        page.screenshot(path=str(output_dir / "timeline-indonesian.png"), full_page=True)


class TestKeyboard:
    def test_the_page_works_by_keyboard_alone(self, page, timeline):
        page.goto(timeline)

        kind_box(page, "agreement").focus()
        page.keyboard.press("Space")
        page.wait_for_url(re.compile(r"kind=agreement$"))
        expect(page.locator(TITLES)).to_have_count(2)
        expect(kind_box(page, "agreement")).to_be_focused()
        # The new bars answer Enter through htmx once the swap has settled (before that, a plain link).
        page.wait_for_function("() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')")

        page.locator(".density a.bar").first.focus()
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"period=2000s"))
        expect(page.locator(".density a.bar.is-current, #timeline-results").first).to_be_focused()

        page.locator(TITLES).first.focus()
        page.keyboard.press("Enter")
        expect(page.locator(".event-detail")).to_be_visible()

    def test_the_skip_link_comes_first(self, page, timeline):
        page.goto(timeline)

        page.keyboard.press("Tab")

        expect(page.locator(".skip-link")).to_be_focused()


class TestWithoutJavaScript:
    def test_submitting_the_form_filters(self, page_without_js, timeline):
        page = page_without_js
        page.goto(timeline)
        expect(page.locator(TITLES)).to_have_count(6)

        kind_box(page, "exercise").check()
        page.locator("#actor-input").fill("Tiongkok")
        page.get_by_role("button", name="Show events").click()

        page.wait_for_url(re.compile(r"kind=exercise"))
        assert titles(page) == ["Joint bomber patrol over the Sea of Japan"]
        expect(page.locator("#actor-chips input[value='China']")).to_be_checked()

    def test_bars_and_paging_links_work(self, page_without_js, live_server):
        page = page_without_js
        for n in range(PAGE_SIZE + 2):
            make_event(title=f"Call number {n:02d}", date_start=datetime.date(2020, 1, 1) + datetime.timedelta(days=n))
        page.goto(live_server.url)

        page.get_by_role("link", name="Newer events").click()
        expect(page.locator(TITLES)).to_have_count(2)
        page.get_by_role("link", name="Older events").click()
        expect(page.locator(TITLES)).to_have_count(PAGE_SIZE)
        page.locator(".density a.bar").first.click()
        page.wait_for_url(re.compile(r"period=2020s"))

    def test_an_event_link_opens_its_own_page(self, page_without_js, timeline, output_dir):
        page = page_without_js
        page.goto(timeline)

        page.get_by_role("link", name="Xi and Putin speak by phone").click()

        page.wait_for_url(re.compile(r"/events/\d+/$"))
        expect(page.locator("h1")).to_have_text("Xi and Putin speak by phone")
        expect(page.locator("blockquote")).to_have_count(2)
        page.screenshot(path=str(output_dir / "event-page.png"), full_page=True)


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
        page.goto(f"{timeline}/?period=2022")
        page.locator(".event", has_text="Xi and Putin speak by phone").locator(TITLES).click()
        expect(page.locator(".event-detail")).to_be_visible()

        path = output_dir / "timeline.png"
        page.screenshot(path=str(path), full_page=True)

        assert path.stat().st_size > 10_000

    def test_the_print_stylesheet_hides_the_controls(self, page, timeline):
        page.goto(timeline)

        page.emulate_media(media="print")

        expect(page.locator(".filters")).to_be_hidden()
        expect(page.locator(".density")).to_be_hidden()
        expect(page.locator(TITLES).first).to_be_visible()
