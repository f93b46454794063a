from unittest import mock

import pytest

from ops import health

pytestmark = pytest.mark.django_db


@pytest.fixture
def celery_conf():
    """Celery's settings, restored after the test."""
    from config.celery import app

    saved = {key: app.conf[key] for key in ("task_always_eager",)}
    yield app.conf
    for key, value in saved.items():
        app.conf[key] = value


class TestHealthz:
    def test_it_answers_ok_when_database_and_broker_answer(self, client):
        response = client.get("/healthz")
        body = response.json()
        assert response.status_code == 200
        assert body["status"] == "ok"
        assert body["checks"]["database"] == "ok"
        assert body["checks"]["broker"] in {"ok", "in-process"}

    def test_without_a_broker_tasks_run_in_process_and_that_is_healthy(self, client, celery_conf):
        celery_conf.task_always_eager = True
        assert client.get("/healthz").json()["checks"]["broker"] == "in-process"

    def test_an_unreachable_broker_gives_503_naming_the_broker(self, client):
        with mock.patch.object(health, "find_broker", return_value="redis://127.0.0.1:1/0"):
            response = client.get("/healthz")
        assert response.status_code == 503
        assert response.json()["failed"] == ["broker"]
        assert response.json()["checks"]["database"] == "ok"

    def test_a_database_that_does_not_answer_gives_503_naming_the_database(self, client):
        with mock.patch.object(health, "connection") as broken:
            broken.cursor.side_effect = OSError("connection refused")
            response = client.get("/healthz")
        assert response.status_code == 503
        assert response.json()["failed"] == ["database"]

    def test_it_is_never_cached(self, client):
        assert "no-cache" in client.get("/healthz")["Cache-Control"]
