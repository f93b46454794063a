"""URLs through real Celery worker processes over Redis: a killed worker and a twice-sent task lose nothing
and double nothing."""

import os
import signal
import subprocess
import time

import pytest
from django.core.management import call_command

from ingest import sources
from ingest.models import Article
from ingest.tasks import fetch_article_task
from tests.conftest import wait_until
from timeline.models import Event, Evidence

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def loopback_env(monkeypatch, settings):
    # Read by the worker process (its environment is copied from ours) and by this one.
    monkeypatch.setenv("LINIMASA_FETCH_ALLOW_LOOPBACK", "1")
    settings.LINIMASA_FETCH_ALLOW_LOOPBACK = True


@pytest.fixture
def worker(loopback_env, celery_worker_process):
    call_command("load_gazetteer", stdout=open("/dev/null", "w"))
    return celery_worker_process


def children_of(pid: int) -> list[int]:
    found = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in found.split()]


def extracted(pk: int) -> Article | None:
    return Article.objects.filter(pk=pk, status=Article.Status.EXTRACTED).first()


def test_a_worker_child_killed_during_a_fetch_loses_nothing_and_the_article_completes_once(worker, local_site):
    submission = sources.submit_url(local_site.url("/slow-article"))
    assert wait_until(lambda: any(r["path"] == "/slow-article" for r in local_site.requests), 60), "never fetched"

    for child in children_of(worker.pid):
        os.kill(child, signal.SIGKILL)

    article = wait_until(lambda: extracted(submission.article.pk), 90)
    assert article is not None, "the article was lost with the killed worker"
    assert article.attempts == 2  # the killed attempt and the one that finished
    assert Article.objects.count() == 1
    evidence = list(Evidence.objects.values_list("event_id", "article_id", "start"))
    assert evidence and len(evidence) == len(set(evidence))
    assert worker.poll() is None


def test_the_same_article_sent_twice_is_one_article_with_no_duplicate_events(worker, local_site):
    first = sources.submit_url(local_site.url("/article.html"))
    fetch_article_task.delay(article_id=first.article.pk)  # a second delivery of the same task
    second = sources.submit_url(local_site.url("/article.html"))

    assert wait_until(lambda: extracted(first.article.pk), 90) is not None
    time.sleep(2)  # let the other delivery finish too
    assert not second.created and second.article.pk == first.article.pk
    assert Article.objects.count() == 1
    events = list(Event.objects.values_list("kind", "date_start"))
    assert events and len(events) == len(set(events))
    evidence = list(Evidence.objects.values_list("event_id", "start"))
    assert len(evidence) == len(set(evidence))
