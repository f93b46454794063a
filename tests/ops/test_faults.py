"""Faults during ingestion, each with its figure (run with -s to read them): PostgreSQL restarted mid-run,
Redis emptied mid-run, SIGTERM to a worker. Real worker processes over Redis.

The restart is a real one (pg_ctl stop -m fast, a few seconds down, start) of a PostgreSQL server the test
starts for itself in a temporary directory, never of the server other runs share. Only the test broker's
Redis database (CELERY_BROKER_URL, db 15) is emptied.
"""

import datetime
import http.server
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter

import psycopg
import pytest
import redis
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from config.celery import app as celery_app
from ingest import sources
from ingest.extraction.gazetteer import Gazetteer
from ingest.models import Article
from tests.conftest import ROOT, need, wait_for_worker, wait_until
from tests.ops.private_postgres import PrivateCluster, find_bindir
from timeline.gazetteer import load_gazetteer
from timeline.models import Event, Evidence

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

SLOW_SECONDS = 1.5
NAMED_ON_THE_PAGES = {"Xi Jinping", "Vladimir Putin", "China", "Russia"}
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


@pytest.fixture
def private_postgres(transactional_db):
    """The test's database moved to a server of its own (tests/ops/private_postgres.py) for as long as it
    runs: this process and the worker started after it both use it; the shared test database is put back
    afterwards, and the server is always stopped and deleted."""
    bindir = find_bindir()
    need(bindir is not None, "the restart test needs PostgreSQL's initdb and pg_ctl (apt-get install postgresql)")
    cluster = PrivateCluster(bindir)
    shared = dict(connection.settings_dict)
    try:
        cluster.init()
        cluster.start()
        with psycopg.connect(cluster.url(), autocommit=True) as admin:
            admin.execute("CREATE DATABASE linimasa")
        connection.close()
        connection.settings_dict.update(
            NAME="linimasa", USER="postgres", PASSWORD="", HOST="127.0.0.1", PORT=str(cluster.port)
        )
        ContentType.objects.clear_cache()  # ids cached from the shared database mean nothing here
        call_command("migrate", verbosity=0, interactive=False)
        # Only the actors the pages name: the whole gazetteer, row by row, would take most of the time limit.
        load_gazetteer([r for r in Gazetteer.default().records if r["name"] in NAMED_ON_THE_PAGES])
        yield cluster
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(shared)
        ContentType.objects.clear_cache()
        cluster.remove()


@pytest.fixture
def worker_on_private_postgres(private_postgres, settings, celery_worker_process):
    """Started after the move, so the worker's DATABASE_URL is the private server's."""
    settings.LINIMASA_FETCH_ALLOW_LOOPBACK = True
    return celery_worker_process


def duplicate_events(ids: list[int]) -> list[tuple]:
    """Events told by these articles that a reader would see twice: same kind, dates, modality and actors."""
    events = Event.objects.filter(evidence__article_id__in=ids).exclude(status=Event.Status.MERGED).distinct()
    keys = Counter(
        (e.kind, e.date_start, e.date_end, e.modality, frozenset(e.roles.values_list("actor_id", flat=True)))
        for e in events
    )
    return [key for key, seen in keys.items() if seen > 1]


class TestPostgresqlRestart:
    def test_a_server_restarted_mid_run_loses_nothing_and_doubles_nothing(
        self, private_postgres, worker_on_private_postgres, site
    ):
        ids = submit(site, 8)
        assert wait_until(lambda: len(site.seen) >= 2, 60), "the worker never fetched"
        before = counts(ids)
        began = time.monotonic()
        private_postgres.stop(mode="fast")  # every session cut, the workers' included
        time.sleep(3)  # the outage: fetches in flight finish and find no server; queued tasks find none either
        private_postgres.start()
        outage = time.monotonic() - began
        connection.close()  # ours was cut too
        requeued = sweep_until_extracted(ids)
        recovered_in = time.monotonic() - began
        attempts = list(Article.objects.filter(pk__in=ids).order_by("pk").values_list("attempts", flat=True))
        per_article = Counter(Evidence.objects.filter(article_id__in=ids).values_list("article_id", flat=True))
        print(f"\npostgresql restarted: articles={len(ids)} at_stop={before} outage={outage:.1f}s "
              f"requeued_by_sweeper={requeued} fetch_attempts={attempts} recovered_in={recovered_in:.1f}s "
              f"final={counts(ids)}")  # fmt: skip
        assert before.get("extracted", 0) < len(ids), "the restart came after the work, not in the middle of it"
        errors = list(Article.objects.filter(pk__in=ids, status="failed").values_list("error", flat=True))
        assert all_extracted(ids), f"failed for good by a restart: {errors} {counts(ids)}"
        assert requeued > 0, "work cut off by the restart should have been found again by the sweeper"
        assert_nothing_doubled(ids)
        # The articles are alike: each extracted once gives each the same evidence, none twice over.
        assert len(set(per_article.values())) == 1, per_article
        assert duplicate_events(ids) == []
        assert recovered_in < 60


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
