"""URLs and feeds into articles: queue, fetch, de-duplicate, then hand over to the pipeline.

Every step is idempotent and claims its work with a conditional UPDATE whose row count is
checked, so a re-delivered task (acks_late after a worker died) or the same URL sent twice
changes nothing twice. PostgreSQL is the source of truth: a task carries only an id.

States of a URL article: queued -> fetching -> fetched -> extracted, or failed (with a
readable error), or duplicate (the page is an article we already have from another URL).
"""

import datetime
import hashlib
import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from ingest import pipeline
from ingest.feeds import FeedError, parse_feed
from ingest.fetching import FetchError, FetchRefused, fetch_url
from ingest.models import Article, Feed, Outlet
from ingest.webpages import normalise_url, read_webpage

log = logging.getLogger(__name__)

FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"}


def allow_loopback() -> bool:
    return getattr(settings, "LINIMASA_FETCH_ALLOW_LOOPBACK", False)


def max_attempts() -> int:
    return getattr(settings, "LINIMASA_FETCH_MAX_ATTEMPTS", 4)


def pending_hash(url: str) -> str:
    # content_hash is unique and required; until the page is fetched it stands for the URL.
    return "url:" + hashlib.sha256(url.encode("utf-8")).hexdigest()[:60]


def clean_submitted_url(url: str) -> str:
    normalised = normalise_url((url or "").strip())
    if not normalised:
        raise pipeline.UnusableArticle(f"{url!r} is not an http or https URL")
    return normalised


def outlet_for(url: str) -> Outlet | None:
    """The outlet whose domain the URL is on (www. or a subdomain counts)."""
    host = (urlsplit(url).hostname or "").lower()
    candidates = {host}
    parts = host.split(".")
    candidates |= {".".join(parts[i:]) for i in range(1, len(parts) - 1)}
    return Outlet.objects.filter(domain__in=candidates).order_by("-domain").first()


def submit_url(
    url: str, *, outlet: Outlet | None = None, feed: Feed | None = None, published: datetime.datetime | None = None
) -> pipeline.Submission:
    """Queue one URL for fetching, once: a URL already known gives the existing article."""
    from ingest.tasks import fetch_article_task

    url = clean_submitted_url(url)
    # After the fetch an article's url is the page's canonical URL; source_name keeps the one sent.
    existing = Article.objects.filter(Q(url=url) | Q(source_name=url[:500])).order_by("pk").first()
    if existing is not None:
        return pipeline.Submission(existing, created=False)
    try:
        with transaction.atomic():
            article = Article.objects.create(
                url=url,
                content_hash=pending_hash(url),
                raw="",
                source_name=url[:500],
                outlet=outlet or (feed.outlet if feed else None) or outlet_for(url),
                feed=feed,
                published=published,
                status=Article.Status.QUEUED,
            )
            fetch_article_task.delay_on_commit(article_id=article.pk)
    except IntegrityError:
        # The same URL sent twice at once: the other request made the row.
        return pipeline.Submission(Article.objects.get(url=url), created=False)
    return pipeline.Submission(article, created=True)


@dataclass(frozen=True)
class Fetched:
    raw: str
    is_html: bool
    url: str
    content_hash: str
    title: str
    language: str | None
    published: datetime.datetime | None


def claim_for_fetch(article_id: int) -> bool:
    """Take the article for fetching; a re-delivered task may take it again from 'fetching'."""
    claimed = Article.objects.filter(
        pk=article_id, status__in=[Article.Status.QUEUED, Article.Status.FETCHING], attempts__lt=max_attempts()
    ).update(status=Article.Status.FETCHING, attempts=F("attempts") + 1, updated=timezone.now())
    return claimed == 1


def fetch_article(article_id: int) -> Article:
    """Fetch, de-duplicate and extract one URL article; a second run finds the work done."""
    article = Article.objects.get(pk=article_id)
    if article.status in (Article.Status.QUEUED, Article.Status.FETCHING):
        if not claim_for_fetch(article_id):
            article.refresh_from_db()
            if article.status in (Article.Status.QUEUED, Article.Status.FETCHING):
                raise FetchRefused(f"gave up after {article.attempts} attempts")
            return article
        fetched = download(article.url)
        article = store_fetched(article_id, fetched)
    if article.status == Article.Status.FETCHED:
        article = pipeline.process_article(article_id)
    return article


def download(url: str) -> Fetched:
    result = fetch_url(url, allow_loopback=allow_loopback())
    if result.content_type in FEED_TYPES:
        raise FetchRefused(f"{result.final_url} is a feed, not an article: add it as a feed instead")
    if result.content_type == "text/plain":
        if not result.text.strip():
            raise pipeline.UnusableArticle(f"{result.final_url} is empty")
        return Fetched(
            raw=result.text,
            is_html=False,
            url=normalise_url(result.final_url) or url,
            content_hash=Article.hash_content(result.text),
            title="",
            language=None,
            published=None,
        )
    page = read_webpage(result.text, url=result.final_url)
    if page.is_empty:
        raise pipeline.UnusableArticle(f"no article text was found on {result.final_url}")
    return Fetched(
        raw=result.text,
        is_html=True,
        url=page.url,
        content_hash=page.content_hash,
        title=page.title,
        language=page.language,
        published=page.published,
    )


def store_fetched(article_id: int, fetched: Fetched) -> Article:
    """Keep the page on the article, or mark the article a duplicate of the one that has it."""
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article_id)
        if article.status not in (Article.Status.QUEUED, Article.Status.FETCHING):
            return article  # another delivery of the task got here first
        same = (
            Article.objects.filter(Q(content_hash=fetched.content_hash) | Q(url=fetched.url))
            .exclude(pk=article_id)
            .order_by("pk")
            .first()
        )
        if same is not None:
            article.status = Article.Status.DUPLICATE
            article.duplicate_of = same
            article.error = ""
            article.save(update_fields=["status", "duplicate_of", "error", "updated"])
            return article
        article.raw = fetched.raw
        article.is_html = fetched.is_html
        article.url = fetched.url
        article.content_hash = fetched.content_hash
        article.title = (article.title or fetched.title)[:500]
        article.language = article.language or fetched.language or ""
        article.published = article.published or fetched.published
        article.status = Article.Status.FETCHED
        article.error = ""
        article.save()
    return article


def mark_retrying(article_id: int, error: str) -> None:
    """Back in the queue after a network fault, with the fault shown until the next attempt."""
    Article.objects.filter(pk=article_id, status=Article.Status.FETCHING).update(
        status=Article.Status.QUEUED, error=f"will retry: {error}"[:2000], updated=timezone.now()
    )


def retry_article(article_id: int) -> bool:
    """A curator's retry of a failed article: back to the start with fresh attempts."""
    from ingest.tasks import fetch_article_task, process_article_task

    article = Article.objects.filter(pk=article_id).first()
    if article is None or article.status != Article.Status.FAILED:
        return False
    status = Article.Status.QUEUED
    updated = Article.objects.filter(pk=article_id, status=Article.Status.FAILED).update(
        status=status, attempts=0, error="", updated=timezone.now()
    )
    if updated:
        if article.raw:
            transaction.on_commit(lambda: process_article_task.delay(article_id=article_id))
        else:
            transaction.on_commit(lambda: fetch_article_task.delay(article_id=article_id))
    return bool(updated)


# Feeds


def submit_feed(url: str, *, outlet: Outlet | None = None, poll_minutes: int = 30) -> tuple[Feed, bool]:
    """Add a feed (once) and poll it now."""
    from ingest.tasks import poll_feed_task

    url = clean_submitted_url(url)
    existing = Feed.objects.filter(url=url).first()
    if existing is not None:
        return existing, False
    if outlet is None:
        outlet = outlet_for(url)
    if outlet is None:
        host = (urlsplit(url).hostname or url).removeprefix("www.")
        outlet, _ = Outlet.objects.get_or_create(name=host[:200], defaults={"domain": host[:253]})
    with transaction.atomic():
        feed, created = Feed.objects.get_or_create(url=url, defaults={"outlet": outlet, "poll_minutes": poll_minutes})
        if created:
            poll_feed_task.delay_on_commit(feed_id=feed.pk)
    return feed, created


def poll_feed(feed_id: int) -> list[Article]:
    """Read a feed once (a conditional GET) and queue its entries with new URLs; errors stay on the Feed."""
    feed = Feed.objects.select_related("outlet").get(pk=feed_id)
    now = timezone.now()
    try:
        result = fetch_url(
            feed.url, allow_loopback=allow_loopback(), etag=feed.etag or None, last_modified=feed.last_modified or None
        )
        parsed = None if result.not_modified else parse_feed(result.content, base_url=result.final_url)
    except (FetchError, FeedError) as exc:
        Feed.objects.filter(pk=feed_id).update(error=str(exc)[:2000], last_polled=now, last_new_entries=0)
        log.warning("feed %s: %s", feed_id, exc)
        return []
    queued = []
    if parsed is not None:
        for entry in parsed.entries:
            try:
                submission = submit_url(entry.url, feed=feed, published=entry.published)
            except pipeline.UnusableArticle:
                continue
            if submission.created:
                queued.append(submission.article)
        feed.title = feed.title or parsed.title
        feed.etag = (result.etag or "")[:500]
        feed.last_modified = (result.last_modified or "")[:100]
    feed.error = parsed.warning if parsed is not None else ""
    feed.last_polled = now
    feed.last_new_entries = len(queued)
    feed.save(update_fields=["title", "etag", "last_modified", "error", "last_polled", "last_new_entries"])
    return queued


def claim_due_feeds(now: datetime.datetime | None = None) -> list[int]:
    """Feeds due for a poll, each claimed once even with several beat or worker processes."""
    now = now or timezone.now()
    claimed = []
    for feed in Feed.objects.filter(active=True).only("pk", "last_polled", "poll_minutes"):
        if feed.is_due(now):
            # The conditional update is the claim: a second claimant finds last_polled changed.
            if Feed.objects.filter(pk=feed.pk, last_polled=feed.last_polled).update(last_polled=now):
                claimed.append(feed.pk)
    return claimed


# The sweeper


def sweep_stuck(now: datetime.datetime | None = None) -> dict[str, int]:
    """Re-queue articles whose task was lost (broker flushed, worker gone past redelivery); fail the hopeless."""
    from ingest.tasks import fetch_article_task, process_article_task

    now = now or timezone.now()
    cutoff = now - datetime.timedelta(seconds=getattr(settings, "LINIMASA_STUCK_AFTER_SECONDS", 900))
    counts = {"requeued": 0, "failed": 0}
    stuck = Article.objects.filter(
        status__in=[Article.Status.QUEUED, Article.Status.FETCHING, Article.Status.FETCHED], updated__lt=cutoff
    )
    for article in stuck.only("pk", "status", "attempts", "updated", "raw"):
        if article.status != Article.Status.FETCHED and not article.raw and article.attempts >= max_attempts():
            done = Article.objects.filter(pk=article.pk, updated=article.updated).update(
                status=Article.Status.FAILED, error=f"gave up after {article.attempts} attempts", updated=now
            )
            counts["failed"] += done
            continue
        # Touching `updated` is the claim: two sweepers never re-queue the same article.
        if Article.objects.filter(pk=article.pk, updated=article.updated).update(updated=now):
            if article.raw:
                process_article_task.delay(article_id=article.pk)
            else:
                fetch_article_task.delay(article_id=article.pk)
            counts["requeued"] += 1
    return counts
