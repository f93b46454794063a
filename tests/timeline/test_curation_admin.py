import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from ingest.extraction import EXTRACTOR_VERSION
from ingest.models import Article
from ingest.pipeline import process_article
from tests.factories import make_actor, make_article, make_curator, make_event, make_outlet
from timeline import curation
from timeline.curation_models import CurationAction
from timeline.models import ActorAlias, Event, Evidence

QUEUE = "admin:timeline_event_changelist"


@pytest.fixture
def curator_client(client):
    """A staff member in the 'curators' group made by the migration: no superuser powers."""
    client.force_login(make_curator())
    return client


def conflicting_event() -> Event:
    event = make_event(status="proposed", title="Xi and Putin speak by phone", confidence=0.7)
    Evidence.objects.filter(event=event).update(
        reported_start=datetime.date(2022, 6, 15), reported_end=datetime.date(2022, 6, 15), reported_precision="day",
        date_expression="Rabu",
    )
    Evidence.objects.create(
        event=event, article=make_article(outlet=make_outlet("Moscow Daily")), sentence="On Thursday they spoke.",
        start=0, end=23, extractor_version="t", date_expression="Thursday", reported_precision="day",
        reported_start=datetime.date(2022, 6, 16), reported_end=datetime.date(2022, 6, 16),
    )
    return event


@pytest.mark.django_db
class TestReviewQueue:
    def test_it_shows_actors_sources_and_the_date_conflict_flag(self, curator_client):
        conflicting_event()

        html = curator_client.get(reverse(QUEUE), {"status__exact": "proposed"}).content.decode()

        assert "Xi and Putin speak by phone" in html
        assert 'class="field-actor_names">China, Russia<' in html
        assert 'class="field-source_count">2<' in html
        assert 'class="field-independent_outlets">2<' in html
        assert 'class="field-date_conflict"><img src="/static/admin/img/icon-yes.svg"' in html

    @pytest.mark.parametrize(
        ("params", "shown"),
        [
            ({"date_conflict": "yes"}, True),
            ({"date_conflict": "no"}, False),
            ({"confidence": "medium"}, True),
            ({"confidence": "high"}, False),
            ({"language": "en"}, True),
            ({"language": "id"}, False),
        ],
    )
    def test_filters_narrow_the_queue(self, curator_client, params, shown):
        conflicting_event()

        html = curator_client.get(reverse(QUEUE), params).content.decode()

        assert ("Xi and Putin speak by phone" in html) is shown

    def test_filters_by_actor_and_outlet_find_the_event(self, curator_client):
        event = conflicting_event()
        china = make_actor("China")
        outlet = make_outlet("Moscow Daily")

        by_actor = curator_client.get(reverse(QUEUE), {"actor": china.pk}).content.decode()
        by_outlet = curator_client.get(reverse(QUEUE), {"outlet": outlet.pk}).content.decode()

        assert event.title in by_actor and event.title in by_outlet

    def test_the_event_page_puts_the_disagreeing_sources_side_by_side(self, curator_client):
        event = conflicting_event()

        html = curator_client.get(reverse("admin:timeline_event_change", args=[event.pk])).content.decode()

        assert 'class="date-conflict"' in html
        assert "15 Jun 2022" in html and "16 Jun 2022" in html and "Moscow Daily" in html
        assert '<mark class="date-expression-mark">Thursday</mark>' in html


@pytest.mark.django_db
class TestQueueActions:
    def test_merge_asks_which_event_to_keep_then_merges(self, curator_client):
        keep, other = make_event(status="proposed"), make_event(status="proposed")
        selected = {"action": "merge_events", "_selected_action": [keep.pk, other.pk]}

        question = curator_client.post(reverse(QUEUE), selected)
        curator_client.post(reverse(QUEUE), {**selected, "into": keep.pk})

        assert "Merge into the chosen event" in question.content.decode()
        other.refresh_from_db()
        assert other.merged_into == keep
        assert keep.evidence.count() == 2

    def test_reject_without_a_reason_asks_for_one(self, curator_client):
        event = make_event(status="proposed")

        response = curator_client.post(reverse(QUEUE), {"action": "reject_events", "_selected_action": [event.pk]})

        assert 'name="reason"' in response.content.decode()
        assert Event.objects.get(pk=event.pk).status == Event.Status.PROPOSED

    def test_split_page_moves_ticked_sources_to_a_new_event(self, curator_client):
        event = conflicting_event()
        moved = event.evidence.get(date_expression="Thursday")

        curator_client.post(
            reverse("admin:timeline_event_split", args=[event.pk]),
            {"evidence": [moved.pk], "title": "A second call", "date_start": "2022-06-16", "precision": "day"},
        )

        new = Event.objects.get(title="A second call")
        assert list(new.evidence.all()) == [moved]
        assert new.status == Event.Status.PROPOSED

    def test_undo_page_reverses_a_merge(self, curator_client):
        keep, other = make_event(), make_event()
        action = curation.merge([keep, other], into=keep)

        curator_client.post(reverse("admin:timeline_event_undo", args=[action.pk]))

        assert Event.objects.get(pk=other.pk).status == Event.Status.PUBLISHED
        assert CurationAction.objects.get(pk=action.pk).undone is not None

    def test_editing_the_date_in_the_form_is_in_the_history_with_revert(self, curator_client):
        event = make_event(status="proposed")
        url = reverse("admin:timeline_event_change", args=[event.pk])
        form = curator_client.get(url).context["adminform"].form
        data = {name: value for name, value in form.initial.items() if value is not None}
        data.update({"date_start": "2022-06-14", "date_end": "2022-06-14", "merged_into": ""})
        data.update({"roles-TOTAL_FORMS": 0, "roles-INITIAL_FORMS": 0, "evidence-TOTAL_FORMS": 0,
                     "evidence-INITIAL_FORMS": 0})

        curator_client.post(url, data)
        history = curator_client.get(reverse("admin:timeline_event_history", args=[event.pk])).content.decode()

        edited = Event.objects.get(pk=event.pk)
        assert edited.date_start == datetime.date(2022, 6, 14)
        assert "Corrected by a curator from 15 Jun 2022 to 14 Jun 2022" in edited.date_trail
        assert CurationAction.objects.get(event=event).kind == CurationAction.Kind.EDIT_DATE
        assert "ina" in history
        record = Event.history.filter(id=event.pk).order_by("history_date").first()
        revert = reverse("admin:timeline_event_simple_history", args=[event.pk, record.history_id])
        assert curator_client.get(revert).status_code == 200


@pytest.mark.django_db
class TestCuratorsGroup:
    def test_curators_may_change_events_but_never_delete_them(self):
        make_curator()  # the group as the migration makes it
        permissions = set(Group.objects.get(name="curators").permissions.values_list("codename", flat=True))

        assert {"change_event", "view_event", "change_evidence", "add_actoralias", "change_article"} <= permissions
        assert not {"delete_event", "delete_evidence", "delete_article", "delete_actor"} & permissions

    def test_a_curator_cannot_delete_an_event_in_the_admin(self, curator_client):
        event = make_event()

        response = curator_client.get(reverse("admin:timeline_event_delete", args=[event.pk]))

        assert response.status_code == 403


@pytest.mark.django_db
class TestArticleAndAliasActions:
    def test_reextracting_an_article_merges_into_its_events_without_duplicates(
        self, curator_client, django_capture_on_commit_callbacks
    ):
        text = (
            "Presiden Rusia Vladimir Putin dan Presiden China Xi Jinping berbicara melalui telepon "
            "pada Rabu (15/6/2022)."
        )
        article = make_article(raw=text, text=text, language="id", status=Article.Status.FETCHED)
        process_article(article.pk)
        events_before = set(Evidence.objects.filter(article=article).values_list("event", flat=True))
        Article.objects.filter(pk=article.pk).update(extractor_version="an older extractor")

        with django_capture_on_commit_callbacks(execute=True):
            curator_client.post(
                reverse("admin:ingest_article_changelist"),
                {"action": "reextract", "_selected_action": [article.pk]},
            )

        article.refresh_from_db()
        assert article.extractor_version == EXTRACTOR_VERSION
        assert events_before
        assert set(Evidence.objects.filter(article=article).values_list("event", flat=True)) == events_before
        assert Evidence.objects.filter(article=article).count() == len(events_before)

    def test_the_article_list_shows_why_an_article_failed(self, curator_client):
        make_article(title="Paywalled page", status=Article.Status.FAILED, error="no article text was found")

        html = curator_client.get(reverse("admin:ingest_article_changelist"), {"status__exact": "failed"}).content

        assert "no article text was found" in html.decode()

    def test_saving_a_new_alias_reextracts_the_articles_that_mention_it(
        self, curator_client, django_capture_on_commit_callbacks
    ):
        russia = make_actor("Russia")
        article = make_article(text="Negeri Beruang Merah menggelar latihan.", extractor_version="old")

        with django_capture_on_commit_callbacks(execute=True):
            curator_client.post(
                reverse("admin:timeline_actoralias_add"),
                {"actor": russia.pk, "name": "Negeri Beruang Merah", "language": "id"},
            )

        assert ActorAlias.objects.filter(name="Negeri Beruang Merah").exists()
        article.refresh_from_db()
        assert article.extractor_version != "old"

    def test_an_alias_added_on_the_actor_page_reextracts_too(self, curator_client, django_capture_on_commit_callbacks):
        china = make_actor("China")
        article = make_article(text="Negeri Tirai Bambu dan Rusia menggelar latihan.", extractor_version="old")
        data = {
            "name": "China", "kind": "country", "country": "", "wikidata_id": "",
            "aliases-TOTAL_FORMS": 1, "aliases-INITIAL_FORMS": 0,
            "aliases-0-name": "Negeri Tirai Bambu", "aliases-0-language": "id",
            "offices-TOTAL_FORMS": 0, "offices-INITIAL_FORMS": 0,
        }

        with django_capture_on_commit_callbacks(execute=True):
            curator_client.post(reverse("admin:timeline_actor_change", args=[china.pk]), data)

        assert china.aliases.filter(name="Negeri Tirai Bambu").exists()
        article.refresh_from_db()
        assert article.extractor_version != "old"
