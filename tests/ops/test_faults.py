"""Faults during ingestion, each with its figure (run with -s to read them): Redis emptied mid-run,
PostgreSQL dropping every connection mid-run, SIGTERM to a worker. Real worker processes over Redis.

The PostgreSQL fault is made on the test database only (new connections refused for a few seconds and
every open one cut), which is what a restart looks like to the workers, without stopping a server that
other runs share. Likewise only the test broker's Redis database (CELERY_BROKER_URL, db 15) is emptied.
"""

import datetime
import http.server
import os
import signal
import subprocess
import sys
import threading
import time

import psycopg
import pytest
import redis
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from config.celery import app as celery_app
from ingest import sources
from ingest.models import Article
from tests.conftest import ROOT, wait_for_worker, wait_until
from timeline.models import Evidence

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

SLOW_SECONDS = 1.5
PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Call number {n}</title>
<meta property="article:published_time" content="2022-06-{day:02d}T21:01:00+07:00"></head><body><article>
<h1>Xi and Putin speak by phone, report {n}</h1>
<p>Chinese President Xi Jinping and Russian President Vladimir Putin held a telephone call on Wednesday,
the foreign ministry said in its statement number {n}, released in Beijing later that evening.</p>
<p>The two leaders discussed trade and the situation in Ukraine, according to report {n} of this series.</p>
</article></body></html>"""


class SlowArticles(http.server.BaseHTTPRequestHandler):
    """/slow/<n>: a distinct article per n, answered after SLOW_SECONDS, so faults can land mid-fetch."""

    protocol_version = "HTTP/1.1"
    seen: list[str]

    def do_GET(self):
        self.seen.append(self.path)
        n = int(self.path.rsplit("/", 1)[-1])
        time.sleep(SLOW_SECONDS)
        body = PAGE.format(n=n, day=1 + n % 28).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def site():
    seen: list[str] = []
    handler = type("Handler", (SlowArticles,), {"seen": seen})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    server.seen = seen
    server.url = lambda n: f"http://127.0.0.1:{server.server_port}/slow/{n}"
    yield server
    server.shutdown()


@pytest.fixture
def worker(monkeypatch, settings, celery_worker_process):
    monkeypatch.setenv("LINIMASA_FETCH_ALLOW_LOOPBACK", "1")
    settings.LINIMASA_FETCH_ALLOW_LOOPBACK = True
    call_command("load_gazetteer", stdout=open(os.devnull, "w"))
    return celery_worker_process


@pytest.fixture(autouse=True)
def loopback_for_the_worker(monkeypatch):
    # Set before the worker starts (it copies our environment).
    monkeypatch.setenv("LINIMASA_FETCH_ALLOW_LOOPBACK", "1")


def submit(site, count: int) -> list[int]:
    return [sources.submit_url(site.url(n)).article.pk for n in range(count)]


def counts(ids: list[int]) -> dict[str, int]:
    found: dict[str, int] = {}
    for status in Article.objects.filter(pk__in=ids).values_list("status", flat=True):
        found[status] = found.get(status, 0) + 1
    return found


def all_extracted(ids: list[int]) -> bool:
    return Article.objects.filter(pk__in=ids, status=Article.Status.EXTRACTED).count() == len(ids)


def sweep_until_extracted(ids: list[int], timeout: float = 90) -> int:
    """The sweeper as beat runs it, with 'stuck' meaning 'untouched for 8 seconds' instead of 15 minutes."""
    from django.conf import settings

    requeued, deadline = 0, time.monotonic() + timeout
    shift = datetime.timedelta(seconds=settings.LINIMASA_STUCK_AFTER_SECONDS - 8)
    while not all_extracted(ids) and time.monotonic() < deadline:
        requeued += sources.sweep_stuck(now=timezone.now() + shift)["requeued"]
        time.sleep(1)
    return requeued


def assert_nothing_doubled(ids: list[int]) -> None:
    assert Article.objects.filter(pk__in=ids).count() == len(ids)
    evidence = list(Evidence.objects.filter(article_id__in=ids).values_list("event_id", "article_id", "start"))
    assert evidence and len(evidence) == len(set(evidence))
    assert set(Evidence.objects.filter(article_id__in=ids).values_list("article_id", flat=True)) == set(ids)


def start_worker(log_name: str) -> subprocess.Popen:
    """A second worker on the same test database and queue (after the first was stopped)."""
    s = connection.settings_dict
    env = dict(os.environ)
    env.update(
        DATABASE_URL=f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}",
        CELERY_BROKER_URL=celery_app.conf.broker_url, CELERY_QUEUE=celery_app.conf.task_default_queue,
        LINIMASA_QUIET="1", LINIMASA_FETCH_ALLOW_LOOPBACK="1",
    )  # fmt: skip
    log_path = ROOT / "test-output" / f"{log_name}-{os.getpid()}.log"
    with open(log_path, "w") as log:
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker", "-Q", env["CELERY_QUEUE"], "-c", "2",
             "--loglevel=INFO", "--without-gossip", "--without-mingle", "--without-heartbeat"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    wait_for_worker(log_path, worker)
    return worker


class TestRedisEmptied:
    def test_the_sweeper_requeues_from_postgresql_and_nothing_is_lost(self, worker, site):
        ids = submit(site, 8)
        assert wait_until(lambda: len(site.seen) >= 1, 60), "the worker never fetched"
        redis.Redis.from_url(celery_app.conf.broker_url).flushdb()
        began = time.monotonic()
        lost = len(ids) - counts(ids).get("extracted", 0)
        requeued = sweep_until_extracted(ids)
        print(f"\nredis emptied: articles={len(ids)} waiting_when_emptied={lost} requeued={requeued} "
              f"recovered_in={time.monotonic() - began:.1f}s final={counts(ids)}")  # fmt: skip
        assert lost > 0, "the flush should have dropped queued work"
        assert all_extracted(ids), counts(ids)
        assert_nothing_doubled(ids)


class TestPostgresqlRestart:
    def test_work_cut_off_by_a_database_outage_completes_once_it_is_back(self, worker, site):
        ids = submit(site, 6)
        assert wait_until(lambda: len(site.seen) >= 1, 60), "the worker never fetched"
        name = connection.settings_dict["NAME"]
        s = connection.settings_dict
        admin = f"postgresql://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/postgres"
        began = time.monotonic()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
            try:
                cut = conn.execute(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = %s", [name]
                ).fetchone()[0]
                time.sleep(3)  # the outage: workers' fetches finish and find no database
            finally:
                conn.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
        connection.close()  # ours was cut too
        requeued = sweep_until_extracted(ids)
        print(f"\npostgresql outage: articles={len(ids)} connections_cut={cut} requeued={requeued} "
              f"recovered_in={time.monotonic() - began:.1f}s final={counts(ids)}")  # fmt: skip
        errors = list(Article.objects.filter(pk__in=ids, status="failed").values_list("error", flat=True))
        assert all_extracted(ids), f"failed for good by an outage: {errors}"
        assert_nothing_doubled(ids)


class TestWarmShutdown:
    def test_sigterm_finishes_running_tasks_and_a_new_worker_runs_the_rest_once(self, worker, site):
        ids = submit(site, 6)
        assert wait_until(lambda: len(site.seen) >= 2, 60), "the worker never fetched"
        worker.send_signal(signal.SIGTERM)
        began = time.monotonic()
        worker.wait(timeout=60)
        stopped_in = time.monotonic() - began
        after_shutdown = counts(ids)
        second = start_worker("worker-after-sigterm")
        try:
            assert wait_until(lambda: all_extracted(ids), 120), counts(ids)
        finally:
            second.terminate()
            second.wait(timeout=30)
        attempts = list(Article.objects.filter(pk__in=ids).values_list("attempts", flat=True))
        fetches = len(site.seen)
        print(f"\nsigterm: articles={len(ids)} stopped_in={stopped_in:.1f}s at_shutdown={after_shutdown} "
              f"fetches={fetches} attempts={attempts}")  # fmt: skip
        assert after_shutdown.get("fetching", 0) == 0, "a running task was abandoned, not finished"
        assert attempts == [1] * len(ids), "some article was run twice"
        assert fetches == len(ids)
        assert_nothing_doubled(ids)
