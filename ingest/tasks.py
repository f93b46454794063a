"""Celery tasks: thin adapters over ingest.pipeline."""

import logging

from celery import shared_task, signals
from celery.exceptions import SoftTimeLimitExceeded
from django.db import InterfaceError, OperationalError

from ingest import pipeline

log = logging.getLogger(__name__)

# Losing PostgreSQL (a restart, a failover) is not the article's fault: its row is left as it was, so the
# sweeper re-queues it once the database is back, instead of it being failed for good.
DATABASE_GONE = (OperationalError, InterfaceError)


def run_keeping_failures(article_id: int, work, *, refused=(), retryable=(), too_slow: str) -> str:
    """Run one article's work; a failure stays on the article for curators, whatever the task.

    `refused` and unusable input fail for good; `retryable` and a lost database go back to the caller
    (Celery retries, the sweeper re-queues); anything else fails the article and reaches Celery's log.
    """
    try:
        article = work()
    except (pipeline.UnusableArticle, SoftTimeLimitExceeded, *refused) as exc:
        pipeline.mark_failed(article_id, str(exc) or too_slow)
        log.warning("article %s failed: %s", article_id, exc)
        return "failed"
    except (*DATABASE_GONE, *retryable):
        raise
    except Exception as exc:
        pipeline.mark_failed(article_id, f"{type(exc).__name__}: {exc}")
        raise
    log.info("article %s %s", article_id, article.status)
    return article.status


@shared_task(name="ingest.process_article", acks_late=True, reject_on_worker_lost=True, soft_time_limit=120)
def process_article_task(*, article_id: int) -> str:
    return run_keeping_failures(
        article_id, lambda: pipeline.process_article(article_id), too_slow="extraction took too long"
    )


@signals.worker_init.connect(weak=False, dispatch_uid="ingest.warm_up")
def warm_up_before_fork(**kwargs) -> None:
    """Load the extractor once in the worker's parent, so the forked children share it warm."""
    try:
        pipeline.warm_up()
    except Exception:
        # A slower first article is better than a worker that does not start.
        log.exception("extractor warm-up failed; the first articles will load it")


# URLs and feeds (ingest.sources). Tasks carry ids only; PostgreSQL holds the state.


def retry_countdown(retries: int) -> float:
    """Exponential backoff with jitter: 30 s, 1 min, 2 min... capped at 30 min (base from settings)."""
    import random

    from django.conf import settings

    base = getattr(settings, "LINIMASA_FETCH_RETRY_BASE_SECONDS", 30)
    return min(1800, base * 2**retries) * random.uniform(0.8, 1.2)


@shared_task(
    name="ingest.fetch_article", bind=True, acks_late=True, reject_on_worker_lost=True,
    soft_time_limit=120, time_limit=180, max_retries=None,
)  # fmt: skip
def fetch_article_task(self, *, article_id: int) -> str:
    from ingest import sources
    from ingest.fetching import FetchFailed, FetchRefused
    from ingest.models import Article

    try:
        return run_keeping_failures(
            article_id,
            lambda: sources.fetch_article(article_id),
            refused=(FetchRefused,),
            retryable=(FetchFailed,),
            too_slow="fetching took too long",
        )
    except FetchFailed as exc:
        # Network faults only are retried, and only while attempts remain (counted on the row).
        attempts = Article.objects.filter(pk=article_id).values_list("attempts", flat=True).first() or 0
        if attempts >= sources.max_attempts():
            pipeline.mark_failed(article_id, f"gave up after {attempts} attempts: {exc}")
            log.warning("article %s failed for good: %s", article_id, exc)
            return "failed"
        sources.mark_retrying(article_id, str(exc))
        if self.request.is_eager:
            # In-process (no broker: the demo, the tests) Celery would raise Retry to the caller; try again now.
            return self.run(article_id=article_id)
        raise self.retry(exc=exc, countdown=retry_countdown(self.request.retries)) from None


@shared_task(name="ingest.poll_feed", acks_late=True, reject_on_worker_lost=True, soft_time_limit=120, time_limit=180)
def poll_feed_task(*, feed_id: int) -> int:
    from ingest import sources

    queued = sources.poll_feed(feed_id)
    log.info("feed %s: %s new entries queued", feed_id, len(queued))
    return len(queued)


@shared_task(name="ingest.poll_due_feeds", soft_time_limit=60)
def poll_due_feeds_task() -> int:
    from ingest import sources

    due = sources.claim_due_feeds()
    for feed_id in due:
        poll_feed_task.delay(feed_id=feed_id)
    return len(due)


@shared_task(name="ingest.sweep_stuck", soft_time_limit=120)
def sweep_stuck_task() -> dict:
    from ingest import sources

    counts = sources.sweep_stuck()
    if any(counts.values()):
        log.info("sweeper: %s", counts)
    return counts


# Curation: extract again with the current extractor (admin action, new actor aliases).


@shared_task(name="ingest.reextract_article", acks_late=True, reject_on_worker_lost=True, soft_time_limit=120)
def reextract_article_task(*, article_id: int) -> str:
    return run_keeping_failures(
        article_id, lambda: pipeline.reextract_article(article_id), too_slow="extraction took too long"
    )


@shared_task(name="ingest.reextract_mentioning", soft_time_limit=120)
def reextract_mentioning_task(*, names: list[str]) -> int:
    """Queue re-extraction of the articles whose text contains any of these (new) actor aliases."""
    from ingest.reextraction import find_articles_mentioning

    article_ids = find_articles_mentioning(names)
    for article_id in article_ids:
        reextract_article_task.delay(article_id=article_id)
    log.info("aliases %s: %s article(s) queued for re-extraction", names, len(article_ids))
    return len(article_ids)
