"""URLs and feeds through the tasks (run eagerly here), against the fixture site on 127.0.0.1."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from ingest import sources
from ingest.models import Article, Feed
from tests.factories import make_outlet

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fetch_from_localhost(settings, only_localhost):
    settings.LINIMASA_FETCH_ALLOW_LOOPBACK = True
    settings.LINIMASA_FETCH_RETRY_BASE_SECONDS = 0


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Call a function and run the tasks it queued on commit, as a real commit would."""

    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            result = function(*args, **kwargs)
        return result

    return run


@pytest.fixture
def gazetteer():
    call_command("load_gazetteer", stdout=open("/dev/null", "w"))


class TestSubmitUrl:
    def test_a_url_is_fetched_and_extracted_with_its_page_metadata(self, local_site, run_on_commit, gazetteer):
        submission = run_on_commit(sources.submit_url, local_site.url("/article.html"))

        article = Article.objects.get(pk=submission.article.pk)
        assert article.status == Article.Status.EXTRACTED, article.error
        assert article.url == local_site.url("/news/2022/06/15/xi-putin-call")
        assert article.title == "Xi and Putin speak by phone"
        assert article.published.date() == datetime.date(2022, 6, 15)
        assert article.attempts == 1
        assert article.evidence.exists()

    def test_the_same_url_twice_is_one_article(self, local_site, run_on_commit):
        first = run_on_commit(sources.submit_url, local_site.url("/article.html?utm_source=x"))
        second = run_on_commit(sources.submit_url, local_site.url("/article.html"))

        assert second.article.pk == first.article.pk and not second.created
        assert Article.objects.count() == 1

    def test_the_same_story_from_another_url_is_marked_a_duplicate(self, local_site, run_on_commit):
        first = run_on_commit(sources.submit_url, local_site.url("/article.html"))
        second = run_on_commit(sources.submit_url, local_site.url("/redirect/1"))

        again = Article.objects.get(pk=second.article.pk)
        assert again.status == Article.Status.DUPLICATE
        assert again.duplicate_of_id == first.article.pk
        assert Article.objects.exclude(status=Article.Status.DUPLICATE).count() == 1

    def test_a_missing_page_fails_at_once_with_a_readable_error(self, local_site, run_on_commit):
        submission = run_on_commit(sources.submit_url, local_site.url("/gone"))

        article = Article.objects.get(pk=submission.article.pk)
        assert article.status == Article.Status.FAILED
        assert "404" in article.error and article.attempts == 1

    def test_a_server_error_is_retried_then_given_up_after_the_bounded_attempts(
        self, local_site, run_on_commit, settings
    ):
        settings.LINIMASA_FETCH_MAX_ATTEMPTS = 3

        submission = run_on_commit(sources.submit_url, local_site.url("/unavailable"))

        article = Article.objects.get(pk=submission.article.pk)
        assert article.status == Article.Status.FAILED
        assert article.attempts == 3
        assert "gave up after 3 attempts" in article.error and "503" in article.error
        assert sum(r["path"] == "/unavailable" for r in local_site.requests) >= 3

    def test_a_private_address_fails_without_a_retry(self, run_on_commit):
        submission = run_on_commit(sources.submit_url, "http://10.0.0.7/news")

        article = Article.objects.get(pk=submission.article.pk)
        assert article.status == Article.Status.FAILED and "private address" in article.error
        assert article.attempts == 1

    @pytest.mark.parametrize("url", ["", "ftp://example.com/a", "not a url"])
    def test_what_is_not_a_web_url_is_refused_before_any_row(self, url):
        with pytest.raises(sources.pipeline.UnusableArticle):
            sources.submit_url(url)
        assert not Article.objects.exists()

    def test_a_failed_article_can_be_retried(self, local_site, run_on_commit):
        submission = run_on_commit(sources.submit_url, local_site.url("/gone"))
        Article.objects.filter(pk=submission.article.pk).update(url=local_site.url("/article.html"))

        assert run_on_commit(sources.retry_article, submission.article.pk)

        assert Article.objects.get(pk=submission.article.pk).status == Article.Status.EXTRACTED


class TestFeeds:
    def test_a_new_feed_is_polled_and_its_entries_queued(self, local_site, run_on_commit):
        feed, created = run_on_commit(sources.submit_feed, local_site.url("/feed.xml"))

        feed.refresh_from_db()
        assert created and feed.error == "" and feed.etag == '"feed-v1"'
        assert feed.title == "Example News: World"
        articles = Article.objects.filter(feed=feed).order_by("url")
        assert [a.status for a in articles] == [Article.Status.EXTRACTED, Article.Status.EXTRACTED]
        assert feed.last_new_entries == 2

    def test_a_second_poll_sends_the_etag_and_queues_nothing_new(self, local_site, run_on_commit):
        feed, _ = run_on_commit(sources.submit_feed, local_site.url("/feed.xml"))

        queued = run_on_commit(sources.poll_feed, feed.pk)

        assert queued == []
        assert local_site.requests[-1]["headers"].get("If-None-Match") == '"feed-v1"'
        assert Article.objects.count() == 2

    def test_a_malformed_feed_leaves_a_readable_error_on_the_feed(self, local_site, run_on_commit):
        feed, _ = run_on_commit(sources.submit_feed, local_site.url("/malformed.xml"))

        feed.refresh_from_db()
        assert "malformed" in feed.error and feed.last_polled is not None
        assert not Article.objects.exists()

    def test_a_billion_laughs_feed_is_refused_with_a_readable_error(self, local_site, run_on_commit):
        feed, _ = run_on_commit(sources.submit_feed, local_site.url("/laughs.xml"))

        feed.refresh_from_db()
        assert "entities" in feed.error

    def test_due_feeds_are_claimed_once(self):
        outlet = make_outlet()
        now = timezone.now()
        due = Feed.objects.create(outlet=outlet, url="https://a.example/rss", poll_minutes=10,
                                  last_polled=now - datetime.timedelta(minutes=11))  # fmt: skip
        Feed.objects.create(outlet=outlet, url="https://b.example/rss", poll_minutes=10, last_polled=now)
        never = Feed.objects.create(outlet=outlet, url="https://c.example/rss")

        assert sorted(sources.claim_due_feeds(now)) == sorted([due.pk, never.pk])
        assert sources.claim_due_feeds(now) == []


class TestSweepStuck:
    def test_work_stuck_past_the_timeout_is_queued_again(self, local_site, run_on_commit, settings):
        settings.LINIMASA_STUCK_AFTER_SECONDS = 60
        article = Article.objects.create(
            url=local_site.url("/article.html"), content_hash=sources.pending_hash("x"), raw="",
            status=Article.Status.FETCHING, attempts=1,
        )  # fmt: skip
        Article.objects.filter(pk=article.pk).update(updated=timezone.now() - datetime.timedelta(minutes=5))

        counts = run_on_commit(sources.sweep_stuck)

        assert counts == {"requeued": 1, "failed": 0}
        assert Article.objects.get(pk=article.pk).status == Article.Status.EXTRACTED

    def test_fresh_work_is_left_alone_and_hopeless_work_fails(self, settings):
        settings.LINIMASA_STUCK_AFTER_SECONDS = 60
        fresh = Article.objects.create(url="https://a.example/1", content_hash="a", status=Article.Status.QUEUED)
        hopeless = Article.objects.create(
            url="https://a.example/2", content_hash="b", status=Article.Status.FETCHING, attempts=4
        )
        Article.objects.filter(pk=hopeless.pk).update(updated=timezone.now() - datetime.timedelta(hours=1))

        assert sources.sweep_stuck() == {"requeued": 0, "failed": 1}
        assert Article.objects.get(pk=fresh.pk).status == Article.Status.QUEUED
        assert "gave up" in Article.objects.get(pk=hopeless.pk).error


class TestIngestCommand:
    def test_it_takes_urls_and_feeds(self, local_site, django_capture_on_commit_callbacks, capsys):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("ingest", local_site.url("/article.html"))
            call_command("ingest", "--feed", local_site.url("/feed.xml"))

        out = capsys.readouterr().out
        assert "queued" in out and "added" in out
        assert Article.objects.get(source_name=local_site.url("/article.html")).status == Article.Status.EXTRACTED
        assert Feed.objects.get().outlet.domain == "127.0.0.1"
