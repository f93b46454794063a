import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from tests.factories import make_curator, make_event
from timeline import curation
from timeline.curation_models import CurationAction
from timeline.models import Event


@pytest.fixture
def proposed_event(db):
    return make_event(title="Proposed drills awaiting review", kind="exercise", status="proposed")


@pytest.fixture
def curator_client(db):
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_curator())
    return client


def csrf_token(client: Client) -> str:
    client.get(reverse("timeline:index"))
    return client.cookies["csrftoken"].value


@pytest.mark.django_db
class TestTimelineForCurators:
    def test_readers_do_not_see_proposed_events(self, client, proposed_event):
        html = client.get(reverse("timeline:index")).content.decode()

        assert "Proposed drills awaiting review" not in html
        assert client.get(proposed_event.get_absolute_url()).status_code == 404

    def test_curators_see_them_marked_with_publish_and_reject(self, curator_client, proposed_event):
        html = curator_client.get(reverse("timeline:index")).content.decode()

        assert "Proposed drills awaiting review" in html
        assert "is-proposed" in html and "Proposed: not shown to readers" in html
        assert reverse("timeline:curate-publish", args=[proposed_event.pk]) in html
        detail = curator_client.get(proposed_event.get_absolute_url())
        assert detail.status_code == 200
        assert "Proposed: not shown to readers" in detail.content.decode()

    def test_publishing_in_place_returns_the_published_row(self, curator_client, proposed_event):
        url = reverse("timeline:curate-publish", args=[proposed_event.pk])

        response = curator_client.post(url, headers={"HX-Request": "true", "X-CSRFToken": csrf_token(curator_client)})

        html = response.content.decode()
        assert response.status_code == 200
        assert f'id="event-{proposed_event.pk}"' in html and "is-proposed" not in html
        assert Event.objects.get(pk=proposed_event.pk).status == Event.Status.PUBLISHED
        assert CurationAction.objects.get(event=proposed_event).user.username == "ina"

    def test_rejecting_in_place_keeps_the_reason(self, curator_client, proposed_event):
        url = reverse("timeline:curate-reject", args=[proposed_event.pk])
        headers = {"HX-Request": "true", "X-CSRFToken": csrf_token(curator_client)}

        empty = curator_client.post(url, {"reason": ""}, headers=headers)
        response = curator_client.post(url, {"reason": "Old drills, wrong year"}, headers=headers)

        assert empty.status_code == 422
        assert "Old drills, wrong year" in response.content.decode()
        assert CurationAction.objects.get(event=proposed_event).reason == "Old drills, wrong year"

    def test_a_post_without_the_csrf_token_is_refused(self, curator_client, proposed_event):
        response = curator_client.post(reverse("timeline:curate-publish", args=[proposed_event.pk]))

        assert response.status_code == 403
        assert Event.objects.get(pk=proposed_event.pk).status == Event.Status.PROPOSED


@pytest.mark.django_db
class TestReadersCannotCurate:
    @pytest.fixture(params=["anonymous", "signed-in reader"])
    def reader(self, request, client):
        if request.param == "signed-in reader":
            client.force_login(get_user_model().objects.create_user("reader", password="not-a-real-password"))
        return client

    def test_no_curation_endpoint_answers_a_reader(self, reader, proposed_event):
        other = make_event(status="proposed")
        action = curation.merge([proposed_event, other], into=proposed_event)
        posts = [
            reverse("timeline:curate-publish", args=[proposed_event.pk]),
            reverse("timeline:curate-reject", args=[proposed_event.pk]),
            reverse("admin:timeline_event_split", args=[proposed_event.pk]),
            reverse("admin:timeline_event_undo", args=[action.pk]),
            reverse("admin:timeline_event_changelist"),
        ]
        pages = [
            reverse("admin:timeline_event_changelist"),
            reverse("admin:timeline_event_change", args=[proposed_event.pk]),
            reverse("admin:timeline_event_history", args=[proposed_event.pk]),
            reverse("admin:timeline_curationaction_changelist"),
            reverse("admin:ingest_article_changelist"),
            reverse("admin:timeline_actor_changelist"),
        ]

        answers = [reader.post(url, {"reason": "x", "action": "publish_events"}).status_code for url in posts]
        answers += [reader.get(url).status_code for url in pages]

        # 403 from our views, 302 to the login page from the admin: never a page, never a change.
        assert set(answers) <= {302, 403}
        assert Event.objects.get(pk=proposed_event.pk).status == Event.Status.PROPOSED
        assert CurationAction.objects.get(pk=action.pk).undone is None
