import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import make_actor, make_article, make_event, make_outlet
from timeline.models import Actor, Event

HX = {"HX-Request": "true"}


def event_titles(html: str) -> list[str]:
    """Event titles in the order the page shows them."""
    return re.findall(r'<h5 class="event-title">\s*<a [^>]*>([^<]+)</a>', html)


@pytest.fixture
def timeline_url():
    return reverse("timeline:index")


@pytest.mark.django_db
class TestTimelinePage:
    def test_it_lists_events_in_date_order_grouped_by_year_and_month(self, client, timeline_url):
        make_event(title="Drills in the Sea of Japan", kind="exercise", date_start=datetime.date(2021, 10, 14))
        make_event(title="Leaders speak by phone", date_start=datetime.date(2022, 6, 15))
        make_event(title="Visit to Moscow", kind="visit", date_start=datetime.date(2022, 2, 4))

        html = client.get(timeline_url).content.decode()

        assert event_titles(html) == ["Drills in the Sea of Japan", "Visit to Moscow", "Leaders speak by phone"]
        assert html.index(">2021</h3>") < html.index(">October 2021</h4>") < html.index(">2022</h3>")
        assert html.index(">2022</h3>") < html.index(">February 2022</h4>") < html.index(">June 2022</h4>")

    def test_it_shows_dates_at_their_precision(self, client, timeline_url):
        make_event(
            title="Partnership without limits",
            kind="agreement",
            date_start=datetime.date(2022, 2, 1),
            date_end=datetime.date(2022, 2, 28),
            precision="month",
        )
        make_event(title="Call on the birthday", date_start=datetime.date(2022, 6, 15))

        html = client.get(timeline_url).content.decode()

        assert "Feb 2022" in html
        assert "1 Feb" not in html and "15 Feb" not in html
        assert "15 Jun 2022" in html

    def test_coarse_dates_lead_their_year_and_month(self, client, timeline_url):
        make_event(title="Talks on the 2nd", date_start=datetime.date(2022, 2, 2))
        make_event(
            title="Sometime in February",
            date_start=datetime.date(2022, 2, 1),
            date_end=datetime.date(2022, 2, 28),
            precision="month",
        )
        make_event(title="Early in the year", kind="statement", date_start=datetime.date(2022, 3, 3))
        make_event(
            title="Sometime in 2022",
            date_start=datetime.date(2022, 1, 1),
            date_end=datetime.date(2022, 12, 31),
            precision="year",
        )

        html = client.get(timeline_url).content.decode()

        assert event_titles(html) == [
            "Sometime in 2022",
            "Sometime in February",
            "Talks on the 2nd",
            "Early in the year",
        ]
        assert "2022</time>" in html

    def test_it_shows_kind_actors_roles_and_source_count(self, client, timeline_url):
        event = make_event(title="Sanctions on chip exports", kind="sanction", actors=("United States", "China"))
        event.roles.filter(actor__name="United States").update(role="initiator")
        event.roles.filter(actor__name="China").update(role="target")
        second = make_article(outlet=make_outlet("Kabar Timur"))
        event.evidence.create(article=second, sentence="Another report.", start=5, end=20, extractor_version="t")

        html = client.get(timeline_url).content.decode()

        assert "kind-sanction" in html and ">sanction</span>" in html
        assert 'United States</a> <span class="role">(initiator)</span>' in html
        assert 'China</a> <span class="role">(target)</span>' in html
        assert "2 sources" in html

    def test_participants_are_shown_without_a_role(self, client, timeline_url):
        make_event(title="A call")

        html = client.get(timeline_url).content.decode()

        assert "(participant)" not in html
        assert "1 source<" in html

    def test_planned_events_are_marked_planned(self, client, timeline_url):
        make_event(title="Xi to visit Moscow", kind="visit", modality="planned", date_start=datetime.date(2023, 3, 20))

        html = client.get(timeline_url).content.decode()

        assert "is-planned" in html
        assert "planned for 20 Mar 2023" in html
        assert ">Planned</span>" in html

    def test_unpublished_events_are_not_shown(self, client, timeline_url):
        make_event(title="Proposed, not reviewed", status="proposed")
        make_event(title="Rejected by a curator", status="rejected")
        make_event(title="Published call")

        html = client.get(timeline_url).content.decode()

        assert event_titles(html) == ["Published call"]

    def test_it_shows_an_empty_state_when_nothing_is_published(self, client, timeline_url):
        html = client.get(timeline_url).content.decode()

        assert "No events have been published yet." in html
        assert 'class="timeline"' not in html

    def test_it_links_to_the_admin_for_curators(self, client, timeline_url):
        html = client.get(timeline_url).content.decode()

        assert 'href="/admin/"' in html
        assert "Linimasa" in html


@pytest.mark.django_db
class TestTimelineFragment:
    def test_htmx_gets_only_the_event_list_for_the_same_url(self, client, timeline_url):
        make_event(title="Leaders speak by phone")
        make_event(title="Visit to Moscow", kind="visit", date_start=datetime.date(2022, 2, 4))

        full = client.get(timeline_url).content.decode()
        response = client.get(timeline_url, headers=HX)
        fragment = response.content.decode()

        assert fragment.lstrip().startswith('<section id="timeline-results"')
        assert "<html" not in fragment and 'id="filter-form"' not in fragment
        assert event_titles(fragment) == event_titles(full) == ["Visit to Moscow", "Leaders speak by phone"]

    def test_both_responses_vary_on_hx_request(self, client, timeline_url):
        assert "HX-Request" in client.get(timeline_url)["Vary"]
        assert "HX-Request" in client.get(timeline_url, headers=HX)["Vary"]

    def test_a_history_restore_gets_the_full_page(self, client, timeline_url):
        make_event(title="Leaders speak by phone")

        html = client.get(timeline_url, headers={**HX, "HX-History-Restore-Request": "true"}).content.decode()

        assert "<html" in html and "<form" in html

    def test_the_filtered_fragment_holds_only_matching_events(self, client, timeline_url):
        make_event(title="Phone call")
        make_event(title="Drills", kind="exercise")

        fragment = client.get(timeline_url, {"kind": "exercise"}, headers=HX).content.decode()

        assert event_titles(fragment) == ["Drills"]


@pytest.mark.django_db
class TestTimelineFilters:
    def test_a_filtered_url_renders_the_full_page_with_filters_selected(self, client, timeline_url):
        make_event(title="China-Russia call", actors=("China", "Russia"))
        make_event(title="China-Russia drills", kind="exercise", actors=("China", "Russia"))
        make_event(title="Russia-India call", actors=("Russia", "India"))
        make_event(title="China-India call", actors=("China", "India"))

        html = client.get(timeline_url, {"actor": "Russia", "kind": "call"}).content.decode()

        assert "<html" in html
        assert event_titles(html) == ["China-Russia call", "Russia-India call"]
        assert '<input type="checkbox" name="actor" value="Russia" checked>' in html
        assert '<input type="checkbox" name="kind" value="call" checked>' in html

    def test_actor_names_match_regardless_of_case(self, client, timeline_url):
        make_event(title="China-Russia call")
        make_event(title="China-India call", actors=("China", "India"))

        html = client.get(timeline_url, {"actor": "india"}).content.decode()

        assert event_titles(html) == ["China-India call"]

    def test_actor_names_in_rows_link_to_their_filter_keeping_the_kind(self, client, timeline_url):
        make_event(title="China-India call", actors=("China", "India"))

        html = client.get(timeline_url, {"kind": "call"}).content.decode()

        assert 'href="/?actor=India&amp;kind=call" hx-get="/?actor=India&amp;kind=call"' in html

    def test_an_actor_can_be_given_by_id(self, client, timeline_url):
        make_event(title="China-India call", actors=("China", "India"))
        make_event(title="Russia-Belarus call", actors=("Russia", "Belarus"))

        html = client.get(timeline_url, {"actor": Actor.objects.get(name="Belarus").pk}).content.decode()

        assert event_titles(html) == ["Russia-Belarus call"]

    def test_a_country_filter_matches_events_of_its_people(self, client, timeline_url):
        russia = make_actor("Russia")
        make_actor("Vladimir Putin", kind="person", country=russia)
        make_actor("Xi Jinping", kind="person", country=make_actor("China"))
        make_event(title="Putin and Xi speak", actors=("Vladimir Putin", "Xi Jinping"))
        make_event(title="China and India talk", actors=("China", "India"))

        html = client.get(timeline_url, {"actor": "Russia"}).content.decode()

        assert event_titles(html) == ["Putin and Xi speak"]

    def test_the_outlet_choices_list_every_outlet(self, client, timeline_url):
        make_event(article=make_article(outlet=make_outlet("Kabar Timur")))

        html = client.get(timeline_url).content.decode()

        assert '<input type="checkbox" name="outlet" value="Kabar Timur">' in html

    def test_a_filter_with_no_matches_shows_the_empty_state(self, client, timeline_url):
        make_event(title="Phone call")

        html = client.get(timeline_url, {"kind": "invasion"}).content.decode()

        assert "No published events match these filters." in html
        assert 'href="/">Clear the filters</a>' in html
        assert event_titles(html) == []

    def test_an_unknown_actor_gives_a_clear_message(self, client, timeline_url):
        make_event(title="Phone call")

        response = client.get(timeline_url, {"actor": "Atlantis"})
        html = response.content.decode()

        assert response.status_code == 200
        assert "There is no actor called “Atlantis”" in html
        assert event_titles(html) == []

    def test_an_unknown_kind_gives_a_clear_message(self, client, timeline_url):
        make_event(title="Phone call")

        html = client.get(timeline_url, {"kind": "party"}, headers=HX).content.decode()

        assert "“party” is not a kind of event" in html

    @pytest.mark.parametrize("actor", ["99999999999999999999999", "0", "<script>", " "])
    def test_odd_actor_values_never_crash(self, client, timeline_url, actor):
        make_event(title="Phone call")

        response = client.get(timeline_url, {"actor": actor})

        assert response.status_code == 200
        assert "<script>" not in response.content.decode()


@pytest.mark.django_db
class TestTimelineQueries:
    def count_queries(self, client, url, **params) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url, params).status_code == 200
        return len(queries)

    def make_events(self, count: int):
        people = [make_actor(f"Envoy {n}", kind="person", country=make_actor("Russia")) for n in range(3)]
        for n in range(count):
            make_event(
                title=f"Event {n}",
                actors=("China", people[n % 3].name),
                date_start=datetime.date(2000 + n % 20, n % 12 + 1, n % 28 + 1),
            )

    def test_the_page_runs_the_same_queries_for_5_and_50_events(self, client, timeline_url):
        self.make_events(5)
        few = self.count_queries(client, timeline_url)
        few_filtered = self.count_queries(client, timeline_url, actor="Russia", kind="call")
        self.make_events(45)
        many = self.count_queries(client, timeline_url)
        many_filtered = self.count_queries(client, timeline_url, actor="Russia", kind="call")

        assert Event.objects.visible().count() == 50
        assert few == many
        assert few_filtered == many_filtered
        assert many <= 5


@pytest.mark.django_db
class TestEventDetail:
    def test_the_fragment_shows_evidence_with_its_article(self, client):
        article = make_article(title="Xi and Putin talk by phone", url="https://kabar.example/xi-putin")
        event = make_event(
            sentence="Xi spoke with Putin on Wednesday.", article=article, date_trail="Rabu → 2022-06-15"
        )
        event.evidence.update(date_expression="Rabu")

        response = client.get(event.get_absolute_url(), headers=HX)
        html = response.content.decode()

        assert "<html" not in html
        assert f'id="event-detail-{event.pk}"' in html
        assert "<blockquote" in html and "Xi spoke with Putin on Wednesday." in html
        assert 'href="https://kabar.example/xi-putin"' in html
        assert "Xi and Putin talk by phone" in html
        assert "Warta Dunia" in html
        assert "15 Jun 2022" in html
        assert '“<mark class="date-expression-mark">Rabu</mark>”' in html
        assert "Rabu → 2022-06-15" in html
        assert "HX-Request" in response["Vary"]

    def test_the_full_page_shows_the_same_evidence(self, client):
        event = make_event(title="Leaders speak by phone", sentence="Xi spoke with Putin on Wednesday.")

        html = client.get(event.get_absolute_url()).content.decode()

        assert "<html" in html
        assert '<h1 class="event-page-title">Leaders speak by phone</h1>' in html
        assert "Xi spoke with Putin on Wednesday." in html
        assert 'href="https://warta-dunia.example/news/' in html

    def test_an_article_without_url_links_to_the_admin(self, client):
        article = make_article(url=None, title="Pasted text")
        event = make_event(article=article)

        html = client.get(event.get_absolute_url(), headers=HX).content.decode()

        assert f'href="/admin/ingest/article/{article.pk}/change/"' in html

    def test_the_rows_link_to_the_detail_with_and_without_htmx(self, client):
        event = make_event(title="Leaders speak by phone")

        html = client.get(reverse("timeline:index")).content.decode()

        url = event.get_absolute_url()
        assert f'href="{url}" hx-get="{url}"' in html
        assert f'hx-target="#event-{event.pk}-detail"' in html
        assert f'id="event-{event.pk}-detail"' in html

    @pytest.mark.parametrize("status", ["proposed", "rejected"])
    def test_unpublished_events_are_not_found(self, client, status):
        event = make_event(status=status)

        assert client.get(event.get_absolute_url()).status_code == 404
        assert client.get(event.get_absolute_url(), headers=HX).status_code == 404

    def test_a_missing_event_is_not_found(self, client):
        assert client.get(reverse("timeline:event", args=[424242])).status_code == 404

    def test_a_merged_event_redirects_to_the_event_it_was_merged_into(self, client):
        kept = make_event(title="The call")
        duplicate = make_event(title="Same call, other outlet", status="merged", merged_into=kept)

        response = client.get(duplicate.get_absolute_url())

        assert response.status_code == 302
        assert response["Location"] == kept.get_absolute_url()

    def test_only_get_is_allowed(self, client):
        event = make_event()

        assert client.post(event.get_absolute_url()).status_code == 405
        assert client.post(reverse("timeline:index")).status_code == 405
