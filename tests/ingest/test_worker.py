"""The path through a real Celery worker process over the Redis broker."""

import pytest
from django.core.management import call_command

from ingest.models import Article
from ingest.pipeline import submit_text
from tests.conftest import wait_until
from timeline.models import Event

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_an_article_sent_through_the_broker_is_extracted_by_the_worker(celery_worker_process, seed_article):
    call_command("load_gazetteer", stdout=open("/dev/null", "w"))

    submission = submit_text(seed_article.read_text(encoding="utf-8"), source_name=seed_article.name)

    article = wait_until(
        lambda: Article.objects.filter(pk=submission.article.pk, status=Article.Status.EXTRACTED).first(), 90
    )
    assert article is not None, "the worker did not extract the article within 90 s"
    assert {(e.kind, e.date_iso) for e in Event.objects.all()} == {
        ("call", "2022-06-15"), ("invasion", "2022-02-24"), ("meeting", "2022-02")
    }
    assert celery_worker_process.poll() is None


def test_sending_the_same_article_twice_through_the_broker_changes_nothing(celery_worker_process, seed_article):
    call_command("load_gazetteer", stdout=open("/dev/null", "w"))
    raw = seed_article.read_text(encoding="utf-8")
    first = submit_text(raw, source_name=seed_article.name)
    wait_until(lambda: Article.objects.filter(pk=first.article.pk, status=Article.Status.EXTRACTED).exists(), 90)
    events = Event.objects.count()

    second = submit_text(raw, source_name="copy-" + seed_article.name)

    assert not second.created and second.article.pk == first.article.pk
    assert Article.objects.count() == 1
    assert Event.objects.count() == events == 3
