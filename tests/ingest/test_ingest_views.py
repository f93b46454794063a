"""The staff Ingest page and the admin's upload, feed and retry screens."""

import json

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ingest.models import Article, Feed

pytestmark = pytest.mark.django_db

TEXT = "Xi and Putin spoke by phone\n\nBEIJING - Chinese President Xi Jinping spoke with Vladimir Putin on Wednesday.\n"


@pytest.fixture(autouse=True)
def fetch_from_localhost(settings, only_localhost):
    settings.LINIMASA_FETCH_ALLOW_LOOPBACK = True


@pytest.fixture
def staff(client):
    user = User.objects.create_superuser("curator", "c@example.com", "pw")
    client.force_login(user)
    return client


class TestIngestPage:
    def test_it_is_for_staff_only(self, client):
        response = client.get(reverse("ingest:page"))

        assert response.status_code == 302 and "/admin/login/" in response["Location"]

    def test_pasted_urls_become_jobs_that_end_extracted_or_failed(
        self, staff, local_site, django_capture_on_commit_callbacks
    ):
        urls = f"{local_site.url('/article.html')}\n{local_site.url('/gone')}\nnot a url\n"
        with django_capture_on_commit_callbacks(execute=True):
            staff.post(reverse("ingest:page"), {"urls": urls, "kind": "articles"})
        response = staff.get(reverse("ingest:page"))

        jobs = {job["article"].source_name: job["article"] for job in response.context["jobs"]}
        assert jobs[local_site.url("/article.html")].status == Article.Status.EXTRACTED
        assert jobs[local_site.url("/gone")].status == Article.Status.FAILED
        assert "is not an http or https URL" in response.content.decode()
        assert not response.context["pending"]

    def test_htmx_polling_gets_the_job_list_alone_and_stops_when_all_are_done(self, staff):
        article = Article.objects.create(url="https://a.example/1", content_hash="x", status=Article.Status.QUEUED)
        session = staff.session
        session["ingest_article_ids"] = [article.pk]
        session.save()

        polling = staff.get(reverse("ingest:page"), headers={"HX-Request": "true"})
        Article.objects.filter(pk=article.pk).update(status=Article.Status.FAILED, error="404")
        done = staff.get(reverse("ingest:page"), headers={"HX-Request": "true"})

        assert polling.content.decode().lstrip().startswith('<div id="jobs"')
        assert 'hx-trigger="every 2s"' in polling.content.decode()
        assert "hx-trigger" not in done.content.decode() and "404" in done.content.decode()
        assert polling["Vary"] and "HX-Request" in polling["Vary"]

    def test_a_pasted_feed_is_added_and_its_entries_listed(self, staff, local_site, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            staff.post(reverse("ingest:page"), {"urls": local_site.url("/feed.xml"), "kind": "feed"})
        response = staff.get(reverse("ingest:page"))

        assert Feed.objects.count() == 1
        assert len(response.context["jobs"]) == 2


class TestAdminScreens:
    def test_uploaded_files_are_queued(self, staff, django_capture_on_commit_callbacks):
        bulk = "\n".join(
            [json.dumps({"text": TEXT, "published": "2022-06-15T21:01:00+07:00", "language": "en"}), "{broken"]
        )
        files = [
            SimpleUploadedFile("one.txt", TEXT.replace("Wednesday", "Thursday").encode()),
            SimpleUploadedFile("bulk.jsonl", bulk.encode()),
            SimpleUploadedFile("photo.png", b"\x89PNG"),
        ]
        with django_capture_on_commit_callbacks(execute=True):
            response = staff.post(reverse("admin:ingest_article_upload"), {"files": files}, follow=True)

        shown = " ".join(str(m) for m in response.context["messages"])
        assert Article.objects.count() == 2
        assert "2 articles queued" in shown and "bulk.jsonl:2: not a JSON object" in shown
        assert "photo.png: only .txt, .html and .jsonl" in shown

    def test_failed_articles_can_be_retried_from_the_admin(self, staff, local_site, django_capture_on_commit_callbacks):
        article = Article.objects.create(
            url=local_site.url("/article.html"), content_hash="url:x", status=Article.Status.FAILED, error="boom"
        )
        with django_capture_on_commit_callbacks(execute=True):
            staff.post(
                reverse("admin:ingest_article_changelist"),
                {"action": "retry_failed", "_selected_action": [article.pk]},
            )

        assert Article.objects.get(pk=article.pk).status == Article.Status.EXTRACTED

    def test_the_feed_admin_lists_feeds_with_editable_intervals(self, staff):
        from tests.factories import make_outlet

        Feed.objects.create(outlet=make_outlet(), url="https://a.example/rss", error="the feed is malformed")

        response = staff.get(reverse("admin:ingest_feed_changelist"))

        assert response.status_code == 200 and 'name="form-0-poll_minutes"' in response.content.decode()
