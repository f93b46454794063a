"""Facets, zoom, paging and the open event: every state from the URL, rendered in full or as a fragment."""

import datetime
import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import make_actor, make_article, make_event, make_outlet
from timeline.models import ActorAlias
from timeline.selectors import PAGE_SIZE


def forget_rendered_pages() -> None:
    """The next request renders its page: no cached rows, strips or whole page (ops.pagecache)."""
    for alias in ("default", "pages"):
        caches[alias].clear()


HX = {"HX-Request": "true"}


def event_titles(html: str) -> list[str]:
    return re.findall(r'<h5 class="event-title"><a [^>]*>([^<]+)</a>', html)


@pytest.fixture
def url():
    return reverse("timeline:index")


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


@pytest.mark.django_db
class TestActorFacet:
    def test_an_alias_in_any_language_finds_the_actor(self, client, url):
        china = make_actor("China")
        ActorAlias.objects.create(actor=china, name="Tiongkok", language="id")
        ActorAlias.objects.create(actor=china, name="Китай", language="ru")
        make_event(title="China-India call", actors=("China", "India"))
        make_event(title="Russia-India call", actors=("Russia", "India"))

        for name in ("Tiongkok", "tiongkok", "Китай"):
            html = client.get(url, {"actor": name}).content.decode()
            assert event_titles(html) == ["China-India call"], name
            assert '<input type="checkbox" name="actor" value="China" checked>' in html

    def test_the_fragment_pushes_the_canonical_address(self, client, url):
        ActorAlias.objects.create(actor=make_actor("China"), name="Tiongkok", language="id")
        make_event(title="A call")

        response = client.get(url, {"actor": ["Tiongkok", ""], "kind": "call"}, headers=HX)

        assert response["HX-Push-Url"] == "/?actor=China&kind=call"
        assert 'id="actor-chips" class="chips" hx-swap-oob="true"' in response.content.decode()

    def test_several_actors_show_events_of_any_of_them(self, client, url):
        make_event(title="China-India call", actors=("China", "India"))
        make_event(title="Russia-Belarus call", actors=("Russia", "Belarus"))
        make_event(title="Japan-Korea call", actors=("Japan", "Korea"))

        html = client.get(url, {"actor": ["India", "Belarus"]}).content.decode()

        assert event_titles(html) == ["China-India call", "Russia-Belarus call"]

    def test_suggestions_match_aliases_and_name_the_actor(self, client):
        china = make_actor("China")
        ActorAlias.objects.create(actor=china, name="Tiongkok", language="id")
        make_actor("Tonga")

        html = client.get(reverse("timeline:actors"), {"actor": "Tiong"}).content.decode()

        assert 'name="actor" value="China"' in html
        assert "Tiongkok (id)" in html
        assert "Tonga" not in html

    def test_suggestions_for_unknown_text_say_so(self, client):
        html = client.get(reverse("timeline:actors"), {"actor": "Atlantis"}).content.decode()

        assert "No actor called “Atlantis”" in html


@pytest.mark.django_db
class TestSourceFacets:
    def test_outlet_and_language_facets_keep_events_with_such_sources(self, client, url):
        kompas = make_outlet("Kompas", language="id")
        make_event(title="Reported by Kompas", article=make_article(outlet=kompas, language="id"))
        make_event(title="Reported in English")

        by_outlet = client.get(url, {"outlet": "Kompas"}).content.decode()
        by_language = client.get(url, {"lang": "id"}).content.decode()

        assert event_titles(by_outlet) == ["Reported by Kompas"]
        assert event_titles(by_language) == ["Reported by Kompas"]

    def test_state_media_of_one_country_count_as_one_independent_source(self, client, url):
        tass = make_outlet("TASS", country="Russia", state_affiliated=True)
        ria = make_outlet("RIA Novosti", country="Russia", state_affiliated=True)
        kompas = make_outlet("Kompas", country="Indonesia")
        state_only = make_event(title="Only Russian state media", article=make_article(outlet=tass))
        state_only.evidence.create(
            article=make_article(outlet=ria), sentence="s", start=0, end=1, extractor_version="t"
        )
        mixed = make_event(title="State media and Kompas", article=make_article(outlet=tass))
        mixed.evidence.create(article=make_article(outlet=kompas), sentence="s", start=0, end=1, extractor_version="t")

        html = client.get(url, {"sources": "2"}).content.decode()
        detail = client.get(state_only.get_absolute_url()).content.decode()

        assert event_titles(html) == ["State media and Kompas"]
        assert "Reported by 2 sources" in detail and "1 independent source" in detail

    def test_a_bad_number_of_sources_says_so(self, client, url):
        html = client.get(url, {"sources": "many"}).content.decode()

        assert "The number of sources must be a whole number." in html


@pytest.mark.django_db
class TestDatesAndSearch:
    def test_a_date_range_accepts_years_months_and_days(self, client, url):
        make_event(title="2021 drills", kind="exercise", date_start=day("2021-08-09"))
        make_event(title="2022 statement", kind="statement", date_start=day("2022-02-04"))
        make_event(title="2023 visit", kind="visit", date_start=day("2023-03-21"))

        html = client.get(url, {"from": "2021-09", "to": "2023-03-20"}).content.decode()

        assert event_titles(html) == ["2022 statement"]

    @pytest.mark.parametrize("params", [{"from": "yesterday"}, {"to": "2022-13"}, {"from": "2023", "to": "2022"}])
    def test_bad_dates_give_a_message_not_an_error(self, client, url, params):
        response = client.get(url, params)

        assert response.status_code == 200
        assert 'role="alert"' in response.content.decode()

    def test_search_finds_words_in_titles_and_in_source_sentences(self, client, url):
        make_event(title="Power of Siberia pipeline opens")
        make_event(title="Leaders talk", sentence="They discussed the Siberia pipeline and grain.")
        make_event(title="Naval drills", kind="exercise")

        by_title = client.get(url, {"q": "power"}).content.decode()
        by_sentence = client.get(url, {"q": "pipeline"}).content.decode()
        nothing = client.get(url, {"q": "ballet"}).content.decode()

        assert event_titles(by_title) == ["Power of Siberia pipeline opens"]
        assert sorted(event_titles(by_sentence)) == ["Leaders talk", "Power of Siberia pipeline opens"]
        assert "No published events match these filters." in nothing

    def test_search_text_with_operators_is_taken_literally(self, client, url):
        make_event(title="Power of Siberia")

        response = client.get(url, {"q": "power & | ! :* ('"})

        assert response.status_code == 200
        assert event_titles(response.content.decode()) == ["Power of Siberia"]


@pytest.mark.django_db
class TestBetweenTwoActors:
    @pytest.fixture
    def events(self):
        china, russia = make_actor("China"), make_actor("Russia")
        make_actor("Xi Jinping", kind="person", country=china)
        make_actor("Vladimir Putin", kind="person", country=russia)
        joint = make_event(title="Joint patrol", kind="exercise", actors=("China", "Russia"))
        call = make_event(title="Xi calls Putin", actors=("Xi Jinping", "Vladimir Putin"))
        call.roles.filter(actor__name="Xi Jinping").update(role="initiator")
        call.roles.filter(actor__name="Vladimir Putin").update(role="target")
        visit = make_event(title="Putin visits Beijing", kind="visit", actors=("Vladimir Putin", "China"))
        visit.roles.filter(actor__name="Vladimir Putin").update(role="initiator")
        make_event(title="China-India talks", actors=("China", "India"))
        return joint, call, visit

    def test_both_actors_must_take_part(self, client, url, events):
        html = client.get(url, {"a": "China", "b": "Russia"}).content.decode()

        assert event_titles(html) == ["Joint patrol", "Xi calls Putin", "Putin visits Beijing"]

    @pytest.mark.parametrize(
        ("direction", "titles"),
        [("ab", ["Xi calls Putin"]), ("ba", ["Putin visits Beijing"]), ("joint", ["Joint patrol"])],
    )
    def test_direction_narrows_to_who_acted_on_whom(self, client, url, events, direction, titles):
        html = client.get(url, {"a": "China", "b": "Russia", "dir": direction}).content.decode()

        assert event_titles(html) == titles


@pytest.mark.django_db
class TestZoomAndDensity:
    def make_spread(self):
        make_event(title="1996 partnership", kind="agreement", date_start=day("1996-04-25"))
        make_event(title="2001 treaty", kind="agreement", date_start=day("2001-07-16"))
        make_event(title="Feb 2022 statement", kind="statement", date_start=day("2022-02-04"))
        make_event(title="Feb 2022 call", date_start=day("2022-02-25"))
        make_event(title="Jun 2022 call", date_start=day("2022-06-15"))

    def bars(self, html: str) -> list[tuple[str, str]]:
        return re.findall(r'<a class="bar[^"]*" href="/(\?[^"]*)"[^>]*aria-label="([^"]+)"', html)

    def test_the_strip_shows_decades_then_years_then_months_then_days(self, client, url):
        self.make_spread()

        decades = self.bars(client.get(url).content.decode())
        years = self.bars(client.get(url, {"period": "2020s"}).content.decode())
        months = self.bars(client.get(url, {"period": "2022"}).content.decode())
        days = self.bars(client.get(url, {"period": "2022-02"}).content.decode())

        assert decades == [("?period=1990s", "1990s: 1 event"), ("?period=2000s", "2000s: 1 event"),
                           ("?period=2020s", "2020s: 3 events")]
        assert years == [("?period=2022", "2022: 3 events")]
        assert months == [("?period=2022-02", "February 2022: 2 events"), ("?period=2022-06", "June 2022: 1 event")]
        assert [query for query, _ in days] == ["?period=2022-02-04", "?period=2022-02-25"]

    def test_the_list_shows_only_the_zoomed_period(self, client, url):
        self.make_spread()

        html = client.get(url, {"period": "2022-02"}).content.decode()

        assert event_titles(html) == ["Feb 2022 statement", "Feb 2022 call"]
        assert "2 events" in html

    def test_empty_periods_keep_their_place_but_are_not_links(self, client, url):
        self.make_spread()

        html = client.get(url, {"period": "2022"}).content.decode()

        assert html.count('class="bar is-empty"') == 10

    def test_bars_are_coloured_by_kind(self, client, url):
        self.make_spread()

        html = client.get(url, {"period": "2022-02"}).content.decode()

        assert '<rect class="kind-statement"' in html and '<rect class="kind-call"' in html

    def test_the_strip_keeps_the_facets(self, client, url):
        self.make_spread()

        html = client.get(url, {"kind": "call"}).content.decode()

        assert self.bars(html) == [("?kind=call&amp;period=2020s", "2020s: 2 events")]

    @pytest.mark.parametrize("period", ["1999s", "2022-13", "2022-02-30", "soon"])
    def test_a_bad_period_gives_a_message(self, client, url, period):
        response = client.get(url, {"period": period})

        assert response.status_code == 200
        assert "is not a period of the timeline" in response.content.decode()

    def test_a_new_event_shows_in_the_strip_at_once(self, client, url):
        self.make_spread()
        client.get(url)

        make_event(title="1997 visit", kind="visit", date_start=day("1997-04-23"))

        assert ("?period=1990s", "1990s: 2 events") in self.bars(client.get(url).content.decode())


@pytest.mark.django_db
class TestKeysetPaging:
    def make_events(self, count: int, on: str = "2022-06-15"):
        return [make_event(title=f"Event {n:03d}", date_start=day(on)) for n in range(count)]

    def test_pages_follow_each_other_without_gaps_or_repeats(self, client, url):
        events = self.make_events(PAGE_SIZE * 2 + 5)  # all on one day: the id breaks the ties
        seen, next_url = [], url
        while next_url:
            html = client.get(next_url).content.decode()
            seen += event_titles(html)
            match = re.search(r'class="page-link page-newer" href="([^"]+)"', html)
            next_url = match.group(1).replace("&amp;", "&") if match else None

        assert seen == [e.title for e in events]

    def test_the_next_rows_come_as_a_fragment_for_infinite_scroll(self, client, url):
        self.make_events(PAGE_SIZE + 3)
        html = client.get(url).content.decode()
        sentinel = re.search(
            r'<li id="(page-more-[^"]+)" class="page-more"\s+hx-get="([^"]+)" hx-trigger="revealed"', html
        )

        fragment = client.get(
            sentinel.group(2).replace("&amp;", "&"), headers={**HX, "HX-Target": sentinel.group(1)}
        ).content.decode()

        assert "<section" not in fragment and "<html" not in fragment
        assert event_titles(fragment) == [f"Event {n:03d}" for n in range(PAGE_SIZE, PAGE_SIZE + 3)]
        assert "The end of this timeline." in fragment

    def test_the_older_link_goes_back_one_page(self, client, url):
        self.make_events(PAGE_SIZE + 3)
        second = client.get(url).content.decode()
        newer = re.search(r'class="page-link page-newer" href="([^"]+)"', second).group(1).replace("&amp;", "&")
        second = client.get(newer).content.decode()
        older = re.search(r'class="page-link page-older"><a href="([^"]+)"', second).group(1).replace("&amp;", "&")

        first_again = client.get(older).content.decode()

        assert event_titles(first_again) == [f"Event {n:03d}" for n in range(PAGE_SIZE)]

    def test_a_continued_page_repeats_no_headings(self, client, url):
        self.make_events(PAGE_SIZE + 2)
        html = client.get(url).content.decode()
        newer = re.search(r'class="page-link page-newer" href="([^"]+)"', html).group(1).replace("&amp;", "&")

        fragment = client.get(newer, headers={**HX, "HX-Target": "page-more-x"}).content.decode()

        assert "year-heading" not in fragment and "month-heading" not in fragment

    @pytest.mark.parametrize("cursor", ["2022-02-30.1", "yesterday", "2022-01-01.99999999999999999999"])
    def test_odd_cursors_start_from_the_beginning(self, client, url, cursor):
        self.make_events(2)

        response = client.get(url, {"after": cursor})

        assert response.status_code == 200
        assert len(event_titles(response.content.decode())) == 2

    def test_the_query_count_is_the_same_at_any_depth(self, client, url):
        self.make_events(PAGE_SIZE * 3)
        html = client.get(url).content.decode()
        deep = re.search(r'class="page-link page-newer" href="([^"]+)"', html).group(1).replace("&amp;", "&")
        forget_rendered_pages()
        with CaptureQueriesContext(connection) as first:
            client.get(url)
        forget_rendered_pages()
        with CaptureQueriesContext(connection) as later:
            client.get(deep)

        assert len(first) == len(later) <= 5


@pytest.mark.django_db
class TestOpenEvent:
    def test_a_url_with_an_open_event_renders_it_in_place(self, client, url):
        make_event(title="Other call")
        event = make_event(title="The open call", sentence="Xi spoke with Putin on Wednesday.")

        html = client.get(url, {"event": event.pk}).content.decode()

        row = html[html.index(f'id="event-{event.pk}"'):]
        assert f'id="event-{event.pk}-detail"><div class="event-detail"' in row.replace("\n", "").replace("  ", "")
        assert 'aria-expanded="true"' in row
        assert "Xi spoke with Putin on Wednesday." in html

    def test_opening_a_row_pushes_its_address(self, client, url):
        event = make_event(title="A call")

        html = client.get(url, {"kind": "call"}).content.decode()

        assert f'hx-push-url="/?kind=call&amp;event={event.pk}"' in html

    def test_an_open_event_outside_the_page_is_shown_above_the_list(self, client, url):
        make_event(title="A call in 2022")
        old = make_event(title="A treaty in 2001", kind="agreement", date_start=day("2001-07-16"))

        html = client.get(url, {"period": "2022", "event": old.pk}).content.decode()

        assert 'class="open-event"' in html and "A treaty in 2001" in html

    def test_an_unknown_or_unpublished_open_event_is_ignored(self, client, url):
        hidden = make_event(title="Proposed", status="proposed")

        for value in (hidden.pk, 987654, "x"):
            response = client.get(url, {"event": value})
            assert response.status_code == 200
            assert 'class="open-event"' not in response.content.decode()


@pytest.mark.django_db
class TestEventDetailSources:
    def test_evidence_is_grouped_by_outlet_with_its_profile(self, client):
        tass = make_outlet("TASS", country="Russia", state_affiliated=True, language="ru")
        kompas = make_outlet("Kompas", country="Indonesia", language="id")
        event = make_event(title="The call", article=make_article(outlet=tass))
        event.evidence.create(article=make_article(outlet=kompas), sentence="Kompas one", start=0, end=9,
                              extractor_version="t")
        event.evidence.create(article=make_article(outlet=tass), sentence="TASS two", start=5, end=9,
                              extractor_version="t")

        html = client.get(event.get_absolute_url(), headers=HX).content.decode()

        assert html.count('class="outlet-group"') == 2
        tass_group = html[html.index(">TASS<"):html.index(">Kompas<")]
        assert tass_group.count("<blockquote") == 2 and "state media" in tass_group
        assert "Indonesia" in html and "not state-affiliated" in html

    def test_the_date_expression_and_trigger_are_highlighted(self, client):
        event = make_event(sentence="Xi <b>spoke</b> with Putin by phone on Wednesday.")
        event.evidence.update(date_expression="Wednesday", trigger="by phone")

        html = client.get(event.get_absolute_url(), headers=HX).content.decode()

        marked = '<mark class="trigger-mark">by phone</mark> on <mark class="date-expression-mark">Wednesday</mark>'
        assert marked in html
        assert "&lt;b&gt;spoke&lt;/b&gt;" in html

    def test_related_events_share_an_actor_within_30_days(self, client):
        event = make_event(title="The call", date_start=day("2022-06-15"))
        make_event(title="Drills a week later", kind="exercise", date_start=day("2022-06-22"))
        make_event(title="Talks a year later", date_start=day("2023-06-15"))
        make_event(title="Unrelated actors", actors=("Brazil", "Chile"), date_start=day("2022-06-16"))

        html = client.get(event.get_absolute_url()).content.decode()

        related = html[html.index('class="related"'):]
        assert "Drills a week later" in related
        assert "Talks a year later" not in related and "Unrelated actors" not in related


@pytest.mark.django_db
class TestIndonesian:
    def test_the_interface_and_dates_follow_the_chosen_language(self, client, url):
        make_event(title="Panggilan", date_start=day("2022-05-01"), date_end=day("2022-05-31"), precision="month")

        client.post(reverse("set_language"), {"language": "id", "next": "/"})
        html = client.get(url).content.decode()

        assert '<html lang="id">' in html
        assert "Tampilkan peristiwa" in html
        assert "Mei 2022" in html and "May 2022" not in html
        assert "panggilan telepon" in html

    def test_english_is_the_default(self, client, url):
        html = client.get(url).content.decode()

        assert '<html lang="en">' in html and "Show events" in html


@pytest.mark.django_db
class TestHostileQueryStrings:
    def test_a_nul_in_a_filter_is_a_message_not_a_server_error(self, client):
        make_event()
        response = client.get("/?actor=%00China&a=%00x&kind=ca%00ll&q=%00")
        assert response.status_code == 200
