import datetime

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_curator

LOGIN = reverse("admin:login")
PASSWORD = "a-long-test-password-42"


@pytest.fixture(autouse=True)
def fast_hashing(settings):
    # Each attempt hashes a password; the default hasher is slow on purpose, which these tests need not be.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def sign_in(client, password: str):
    return client.post(LOGIN, {"username": "ina", "password": password, "next": "/admin/"})


@pytest.mark.django_db
class TestLoginGuessing:
    def test_after_too_many_wrong_passwords_even_the_right_one_waits(self, client):
        make_curator("ina", PASSWORD)
        for _ in range(settings.AXES_FAILURE_LIMIT):
            sign_in(client, "guess")

        response = sign_in(client, PASSWORD)

        assert response.status_code == 429
        assert "_auth_user_id" not in client.session

    def test_the_lock_lifts_after_the_cool_off(self, client):
        make_curator("ina", PASSWORD)
        for _ in range(settings.AXES_FAILURE_LIMIT):
            sign_in(client, "guess")
        cool_off = datetime.timedelta(hours=settings.AXES_COOLOFF_TIME)
        AccessAttempt.objects.update(attempt_time=timezone.now() - cool_off - datetime.timedelta(minutes=1))

        response = sign_in(client, PASSWORD)

        assert response.status_code == 302
        assert client.session["_auth_user_id"]

    def test_a_few_typos_do_not_lock_anyone_out(self, client):
        make_curator("ina", PASSWORD)
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            sign_in(client, "typo")

        assert sign_in(client, PASSWORD).status_code == 302
