"""A curator's path in Chromium: sign in, open the queue, merge duplicates, fix a date, publish;
then a reader sees the result and its changelog on the public timeline."""

import datetime

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from tests.factories import make_article, make_curator, make_event, make_outlet
from timeline.models import Event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-test-password-42"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def duplicates(live_server):
    """One phone call proposed twice: dated to the month by one outlet, to the day by another."""
    make_curator("ina", PASSWORD)
    by_month = make_event(
        title="Xi and Putin speak by phone",
        status="proposed",
        date_start=datetime.date(2022, 2, 1),
        date_end=datetime.date(2022, 2, 28),
        precision="month",
        actors=("China", "Russia"),
        sentence="Xi and Putin spoke by phone in February.",
        article=make_article(outlet=make_outlet("Kabar Kita")),
    )
    by_day = make_event(
        title="Putin and Xi hold a call",
        status="proposed",
        date_start=datetime.date(2022, 2, 3),
        actors=("China", "Russia"),
        sentence="Putin called Xi on Thursday, 3 February.",
        article=make_article(outlet=make_outlet("Moscow Daily")),
    )
    return live_server.url, by_month, by_day


def run_action(page, action: str, *pks: int) -> None:
    for pk in pks:
        page.check(f'input[name="_selected_action"][value="{pk}"]')
    page.select_option('select[name="action"]', action)
    page.click('button[name="index"]')


def test_a_curator_merges_fixes_the_date_publishes_and_readers_see_it(browser, page, duplicates):
    base, kept, duplicate = duplicates

    # Sign in and open the queue of proposed events.
    page.goto(f"{base}/admin/login/?next=/admin/timeline/event/%3Fstatus__exact%3Dproposed")
    page.fill("#id_username", "ina")
    page.fill("#id_password", PASSWORD)
    page.click('input[type="submit"]')
    expect(page.locator("#result_list")).to_contain_text("Xi and Putin speak by phone")
    expect(page.locator("#result_list")).to_contain_text("Putin and Xi hold a call")

    # Merge the two duplicates, keeping the first.
    run_action(page, "merge_events", kept.pk, duplicate.pk)
    page.check(f"#into-{kept.pk}")
    page.click('input[value="Merge into the chosen event"]')
    expect(page.locator(".messagelist")).to_contain_text(f"1 event merged into #{kept.pk}")

    # Fix the date: the call was on 4 February (a late-evening call in Moscow, the next day in Asia).
    page.fill("#id_date_start", "2022-02-04")
    page.fill("#id_date_end", "2022-02-04")
    page.select_option("#id_precision", "day")
    page.click('input[name="_continue"]')
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    # Publish it from the queue.
    page.goto(f"{base}/admin/timeline/event/?status__exact=proposed")
    run_action(page, "publish_events", kept.pk)
    expect(page.locator(".messagelist")).to_contain_text("1 event published.")

    # A reader (no session) sees one event, at its corrected date, with its changelog.
    reader = browser.new_context()
    try:
        public = reader.new_page()
        public.goto(f"{base}/")
        titles = public.locator(".event-title a")
        expect(titles.filter(has_text="Xi and Putin speak by phone")).to_have_count(1)
        expect(titles.filter(has_text="Putin and Xi hold a call")).to_have_count(0)
        public.goto(f"{base}/events/{duplicate.pk}/")  # the duplicate's address leads to the kept event
        expect(public.locator("h1")).to_have_text("Xi and Putin speak by phone")
        expect(public.locator(".event-meta time")).to_have_text("4 Feb 2022")
        changelog = public.locator(f"#changelog-{kept.pk}")
        expect(changelog).to_contain_text("Date corrected from Feb 2022 to 4 Feb 2022")
        expect(changelog).to_contain_text(f"Merged with #{duplicate.pk}")
        expect(changelog).to_contain_text("Published on the timeline")
        expect(public.locator(".outlet-group")).to_have_count(2)  # both outlets' reports, on one event
    finally:
        reader.close()
    assert Event.objects.get(pk=duplicate.pk).merged_into_id == kept.pk


def test_a_curator_publishes_and_rejects_in_place_on_the_timeline(browser, page, live_server):
    make_curator("ina", PASSWORD)
    keep = make_event(title="Joint naval patrol in the Pacific", kind="exercise", status="proposed")
    drop = make_event(title="Misread headline about a summit", kind="summit", status="proposed",
                      date_start=datetime.date(2022, 7, 1))
    page.goto(f"{live_server.url}/admin/login/?next=/")
    page.fill("#id_username", "ina")
    page.fill("#id_password", PASSWORD)
    page.click('input[type="submit"]')

    row = page.locator(f"#event-{keep.pk}")
    expect(row.locator(".proposed-badge")).to_be_visible()
    row.locator(".curate-publish button").click()
    expect(page.locator(f"#event-{keep.pk} .proposed-badge")).to_have_count(0)
    expect(page.locator(f"#event-{keep.pk} .event-title")).to_have_text("Joint naval patrol in the Pacific")

    other = page.locator(f"#event-{drop.pk}")
    other.locator('input[name="reason"]').fill("Not a summit: a headline misread")
    other.locator(".curate-reject button").click()
    expect(page.locator(f"#event-{drop.pk}")).to_contain_text("Rejected")

    assert Event.objects.get(pk=keep.pk).status == Event.Status.PUBLISHED
    assert Event.objects.get(pk=drop.pk).status == Event.Status.REJECTED
