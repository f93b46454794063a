import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from tests.factories import make_curator


@pytest.mark.django_db
class TestAddCurator:
    def test_it_creates_a_staff_member_in_the_curators_group(self, monkeypatch):
        make_curator("existing")  # makes sure the group is there after any flush
        monkeypatch.setenv("LINIMASA_CURATOR_PASSWORD", "a-long-test-password-42")

        call_command("add_curator", "sari")

        user = get_user_model().objects.get(username="sari")
        assert user.is_staff and not user.is_superuser
        assert user.has_perm("timeline.change_event") and not user.has_perm("timeline.delete_event")

    def test_a_weak_password_is_refused_with_the_reason(self, monkeypatch):
        make_curator("existing")
        monkeypatch.setenv("LINIMASA_CURATOR_PASSWORD", "123")

        with pytest.raises(CommandError, match="too short"):
            call_command("add_curator", "sari")
        assert not get_user_model().objects.filter(username="sari").exists()
