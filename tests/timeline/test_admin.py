import datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from ingest.models import Article, Outlet
from tests.factories import make_actor, make_article, make_event
from timeline.models import Actor, ActorAlias, Event, EventActor, Evidence, Office

MODELS = [Actor, ActorAlias, Office, Event, EventActor, Evidence, Outlet, Article]


@pytest.fixture
def curator(client):
    user = get_user_model().objects.create_superuser("curator", "curator@example.org", "not-a-real-password")
    client.force_login(user)
    return client


@pytest.fixture
def sample_rows():
    russia = make_actor("Russia")
    putin = make_actor("Vladimir Putin", kind="person", country=russia)
    ActorAlias.objects.create(actor=russia, name="Rusia", language="id")
    Office.objects.create(holder=putin, title="President of Russia", start=datetime.date(2012, 5, 7))
    no_url = make_article(url=None, title="Pasted bulletin")
    event = make_event(
        title="Putin and Xi speak by phone",
        actors=("Vladimir Putin", "Xi Jinping"),
        sentence="Presiden Rusia Vladimir Putin berbicara dengan Xi Jinping pada Rabu.",
        status="proposed",
        date_trail="Rabu → 2022-06-15 (publication 2022-06-15 21:01 +07:00)",
    )
    make_event(title="Drills reported only in a paste", kind="exercise", actors=("China", "Kazakhstan"), article=no_url)
    return event


def admin_url(model, action: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


@pytest.mark.django_db
class TestAdminPages:
    @pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
    def test_a_curator_can_open_the_list_and_a_change_page(self, curator, sample_rows, model):
        row = model.objects.first()

        assert curator.get(admin_url(model, "changelist")).status_code == 200
        assert curator.get(admin_url(model, "change", row.pk)).status_code == 200
        assert curator.get(admin_url(model, "add")).status_code == 200

    @pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
    def test_search_runs_on_every_list(self, curator, sample_rows, model):
        assert curator.get(admin_url(model, "changelist"), {"q": "Putin"}).status_code == 200

    def test_anonymous_visitors_are_sent_to_the_login(self, client, sample_rows):
        response = client.get(admin_url(Event, "changelist"))

        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


@pytest.mark.django_db
class TestEventAdmin:
    def test_the_list_shows_date_at_precision_and_source_count(self, curator, sample_rows):
        html = curator.get(admin_url(Event, "changelist")).content.decode()

        assert "15 Jun 2022" in html
        assert "Putin and Xi speak by phone" in html
        assert 'class="field-source_count">1<' in html

    def test_search_finds_events_by_actor_alias_and_evidence(self, curator, sample_rows):
        by_alias = curator.get(admin_url(Event, "changelist"), {"q": "Rusia"}).content.decode()
        by_sentence = curator.get(admin_url(Event, "changelist"), {"q": "berbicara"}).content.decode()
        by_nothing = curator.get(admin_url(Event, "changelist"), {"q": "zzzz-nothing"}).content.decode()

        assert "Putin and Xi speak by phone" in by_alias
        assert "Drills reported only in a paste" not in by_alias
        assert "Putin and Xi speak by phone" in by_sentence
        assert "Putin and Xi speak by phone" not in by_nothing

    def test_the_change_page_shows_evidence_trail_and_article_links(self, curator, sample_rows):
        event = sample_rows
        article = event.evidence.get().article

        html = curator.get(admin_url(Event, "change", event.pk)).content.decode()

        assert "berbicara dengan Xi Jinping" in html
        assert "Rabu → 2022-06-15" in html
        assert f'href="{admin_url(Article, "change", article.pk)}"' in html
        assert f'href="{article.url}"' in html

    def test_publish_action_puts_events_on_the_timeline(self, curator, client, sample_rows):
        event = sample_rows
        reader = Client()  # `client` is the signed-in curator, who also sees proposed events
        assert reader.get(event.get_absolute_url()).status_code == 404

        response = curator.post(
            admin_url(Event, "changelist"),
            {"action": "publish_events", "_selected_action": [event.pk]},
            follow=True,
        )

        event.refresh_from_db()
        assert event.status == Event.Status.PUBLISHED
        assert "1 event published." in response.content.decode()
        assert reader.get(event.get_absolute_url()).status_code == 200

    def test_reject_action_takes_events_off_the_timeline(self, curator, sample_rows):
        published = Event.objects.get(title="Drills reported only in a paste")

        curator.post(
            admin_url(Event, "changelist"),
            {"action": "reject_events", "_selected_action": [published.pk], "reason": "Not a China-Russia event"},
        )

        published.refresh_from_db()
        assert published.status == Event.Status.REJECTED
        assert "Drills reported only in a paste" not in curator.get(reverse("timeline:index")).content.decode()

    def test_actions_leave_merged_events_merged(self, curator, sample_rows):
        kept = Event.objects.get(title="Drills reported only in a paste")
        merged = make_event(title="Duplicate drills", kind="exercise", status="merged", merged_into=kept)

        response = curator.post(
            admin_url(Event, "changelist"),
            {"action": "publish_events", "_selected_action": [merged.pk, sample_rows.pk]},
            follow=True,
        )

        merged.refresh_from_db()
        assert merged.status == Event.Status.MERGED
        assert "1 merged event left unchanged." in response.content.decode()


@pytest.mark.django_db
class TestArticleAdmin:
    def test_the_list_counts_events_found_per_article(self, curator, sample_rows):
        article = sample_rows.evidence.get().article
        second = make_event(title="Another call", article=article, date_start=datetime.date(2022, 7, 1))
        assert second.evidence.get().article == article

        html = curator.get(admin_url(Article, "changelist")).content.decode()

        assert 'class="field-events_found">2<' in html

    def test_search_finds_articles_by_title(self, curator, sample_rows):
        html = curator.get(admin_url(Article, "changelist"), {"q": "bulletin"}).content.decode()

        assert "Pasted bulletin" in html
        assert "1 article" in html or "1 result" in html


@pytest.mark.django_db
class TestActorAdmin:
    def test_the_change_page_holds_aliases_and_offices(self, curator, sample_rows):
        putin = Actor.objects.get(name="Vladimir Putin")
        russia = Actor.objects.get(name="Russia")

        putin_html = curator.get(admin_url(Actor, "change", putin.pk)).content.decode()
        russia_html = curator.get(admin_url(Actor, "change", russia.pk)).content.decode()

        assert "President of Russia" in putin_html
        assert 'value="Rusia"' in russia_html

    def test_search_finds_actors_by_alias(self, curator, sample_rows):
        html = curator.get(admin_url(Actor, "changelist"), {"q": "Rusia"}).content.decode()

        assert ">Russia</a>" in html
        assert ">Xi Jinping</a>" not in html
