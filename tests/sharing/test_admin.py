import pytest

from sharing.models import Timeline
from sharing.states import share_state

pytestmark = pytest.mark.django_db


@pytest.fixture
def curator_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("curator", "c@example.org", "a-long-password-42")
    client.force_login(user)
    return client


def add(client, **fields):
    data = {"title": "", "description": "", "query": "", "visibility": "public", "owner": "", "included": "",
            "excluded": "", "snapshots-TOTAL_FORMS": "0", "snapshots-INITIAL_FORMS": "0"}
    data.update(fields)
    return client.post("/admin/sharing/timeline/add/", data)


class TestTimelineAdmin:
    def test_a_curator_saves_a_public_timeline_with_the_page_canonical_query(self, curator_client, events):
        response = add(curator_client, title="Calls", query="kind=call&actor=russia")
        assert response.status_code == 302
        timeline = Timeline.objects.get()
        assert timeline.query == "actor=Russia&kind=call"
        # Sharing the same state from the page later finds this timeline's key.
        assert share_state("actor=Russia&kind=call", visibility="public")[0] == timeline

    def test_a_query_the_page_would_refuse_is_refused_with_its_reason(self, curator_client, events):
        response = add(curator_client, query="kind=picnic")
        assert response.status_code == 200
        assert "picnic" in response.content.decode()
        assert not Timeline.objects.exists()

    def test_the_list_links_to_each_timeline(self, curator_client, events):
        timeline, _ = share_state("kind=call")
        assert f'href="/t/{timeline.slug}/"' in curator_client.get("/admin/sharing/timeline/").content.decode()
