import json
import logging

import pytest
from celery import shared_task

from ops.logs import JsonFormatter
from ops.models import TaskCount

pytestmark = pytest.mark.django_db


def json_lines(caplog, logger: str) -> list[dict]:
    formatter = JsonFormatter()
    return [json.loads(formatter.format(r)) for r in caplog.records if r.name == logger]


class TestRequestLog:
    def test_each_request_logs_one_line_with_its_id_status_and_duration(self, client, caplog):
        with caplog.at_level(logging.INFO, logger="linimasa.request"):
            response = client.get("/healthz", headers={"X-Request-ID": "proxy-given-id-123"})
        lines = json_lines(caplog, "linimasa.request")
        assert len(lines) == 1
        line = lines[0]
        assert line["request_id"] == "proxy-given-id-123" == response["X-Request-ID"]
        assert line["path"] == "/healthz"
        assert line["status"] == 200
        assert line["duration_ms"] >= 0

    def test_a_forged_request_id_is_replaced(self, client, caplog):
        with caplog.at_level(logging.INFO, logger="linimasa.request"):
            response = client.get("/healthz", headers={"X-Request-ID": "<script>alert(1)</script>"})
        assert "<" not in response["X-Request-ID"]
        assert len(response["X-Request-ID"]) == 32


@shared_task(name="tests.ops.always_fails")
def always_fails_task(*, reason: str) -> None:
    raise ValueError(reason)


@shared_task(name="tests.ops.adds")
def adds_task(*, a: int, b: int) -> int:
    return a + b


class TestTaskLog:
    def test_each_task_logs_one_line_with_its_id_state_and_duration(self, caplog):
        with caplog.at_level(logging.INFO, logger="linimasa.task"):
            result = adds_task.delay(a=2, b=3)
        lines = json_lines(caplog, "linimasa.task")
        assert [line["task"] for line in lines] == ["tests.ops.adds"]
        assert lines[0]["task_id"] == result.id
        assert lines[0]["state"] == "SUCCESS"
        assert lines[0]["duration_ms"] >= 0

    def test_failed_tasks_are_counted_per_day_with_the_last_error(self):
        for reason in ["first", "second"]:
            # As in a worker: the failure is recorded on the result, not raised to the caller.
            result = always_fails_task.apply(kwargs={"reason": reason}, throw=False)
            assert result.failed()
        count = TaskCount.objects.get(task="tests.ops.always_fails", outcome="failed")
        assert count.count == 2
        assert count.last_error == "ValueError: second"

    def test_staff_see_the_counts_in_the_admin(self, admin_client):
        TaskCount.objects.create(task="ingest.fetch_article", outcome="retried", day="2026-01-02", count=7)
        page = admin_client.get("/admin/ops/taskcount/")
        assert page.status_code == 200
        assert "ingest.fetch_article" in page.content.decode()

    def test_readers_cannot_see_the_counts(self, client):
        assert client.get("/admin/ops/taskcount/").status_code == 302
