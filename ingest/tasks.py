"""Celery tasks: thin adapters over ingest.pipeline."""

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded

from ingest import pipeline

log = logging.getLogger(__name__)


@shared_task(name="ingest.process_article", acks_late=True, reject_on_worker_lost=True, soft_time_limit=120)
def process_article_task(*, article_id: int) -> str:
    try:
        article = pipeline.process_article(article_id)
    except (pipeline.UnusableArticle, SoftTimeLimitExceeded) as exc:
        pipeline.mark_failed(article_id, str(exc) or "extraction took too long")
        log.warning("article %s failed: %s", article_id, exc)
        return "failed"
    except Exception as exc:
        # Keep a readable error on the article for curators, then let Celery log the trace.
        pipeline.mark_failed(article_id, f"{type(exc).__name__}: {exc}")
        raise
    log.info("article %s %s with %s evidence", article_id, article.status, article.evidence.count())
    return article.status
