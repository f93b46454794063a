"""Unusable input through the ways articles come in: a clear error for each, and nothing good lost beside it.

The command line (`manage.py ingest`) is covered in tests/ingest/test_pipeline.py; here the admin upload
and the worker's processing of content that turns out to hold no article.
"""

import json

import pytest

from ingest import pipeline
from ingest.models import Article
from ingest.uploads import ingest_upload
from timeline.models import Evidence

pytestmark = pytest.mark.django_db

GOOD = (
    "Xi and Putin speak by phone\n\nBEIJING - Chinese President Xi Jinping and Russian President Vladimir Putin "
    "held a telephone call on Wednesday, June 15, 2022, the foreign ministry said.\n"
)


class TestUpload:
    @pytest.mark.parametrize(
        "name, content, reason",
        [
            ("scan.txt", b"\x89PNG\r\n\x1a\n\xff\xfe\x00\x00IHDR", "not UTF-8 text"),
            ("latin1.txt", "Pertemuan di Moskow, kata menteri: «ça va»".encode("latin-1"), "not UTF-8 text"),
            ("nul.txt", b"Putin\x00\x01\x02 Xi\x00", "binary, not text"),
            ("blank.html", b"  \n\t ", "content is empty"),
            ("empty.txt", b"", "content is empty"),
            ("only-bom.txt", b"\xef\xbb\xbf", "content is empty"),
        ],
    )
    def test_each_unusable_file_says_why_and_stores_nothing(self, name, content, reason):
        report = ingest_upload(name, content)

        assert report.queued == 0
        assert len(report.errors) == 1
        error = report.errors[0]
        assert error.startswith(f"{name}: ") and error.count(name) == 1  # the file named once, then why
        assert reason in error
        assert Article.objects.count() == 0

    def test_unusable_lines_of_a_bulk_file_leave_its_good_lines_queued(self, django_capture_on_commit_callbacks):
        lines = [
            '{"text": "\\u0000\\u0001 binary"}',
            '{"text": "   "}',
            "\ufffd\ufffd not json",
            '{"text": ' + json.dumps(GOOD) + "}",
        ]
        with django_capture_on_commit_callbacks(execute=True):
            report = ingest_upload("bulk.jsonl", "\n".join(lines).encode())

        assert report.queued == 1
        assert [e.split(":")[1] for e in report.errors] == ["1", "2", "3"]
        assert report.errors[0] == "bulk.jsonl:1: the content is binary, not text"
        assert report.errors[1] == 'bulk.jsonl:2: needs "text", "html" or "url"'
        assert report.errors[2] == "bulk.jsonl:3: not a JSON object"
        assert Article.objects.get().status == Article.Status.EXTRACTED


class TestProcessing:
    @pytest.mark.parametrize(
        "raw",
        [
            "<html><head><script>var x = 1;</script><style>p{}</style></head><body><nav>Home</nav></body></html>",
            "<html><body>" + "<div>" * 3000 + "</div>" * 3000 + "</body></html>",
        ],
    )
    def test_a_page_without_article_text_fails_with_its_reason_and_keeps_its_content(
        self, raw, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            article = pipeline.submit_text(raw, source_name="page.html", is_html=True).article
        article.refresh_from_db()

        assert article.status == Article.Status.FAILED
        assert "no article text" in article.error
        assert article.raw == raw  # kept, so it can be looked at or extracted again
        assert not Evidence.objects.exists()

    def test_text_decoded_from_random_bytes_is_processed_without_a_crash(self, django_capture_on_commit_callbacks):
        noise = bytes(range(1, 256)).decode("utf-8", "replace") * 40  # control characters and U+FFFD
        with django_capture_on_commit_callbacks(execute=True):
            article = pipeline.submit_text(noise, source_name="noise.txt").article
        article.refresh_from_db()

        # Either read as text with nothing in it, or refused with a reason; never an exception's name.
        assert article.status in (Article.Status.EXTRACTED, Article.Status.FAILED)
        assert article.error == "" or "no article text" in article.error
        assert article.raw == noise
        assert not Evidence.objects.exists()
