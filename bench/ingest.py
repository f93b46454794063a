"""Ingestion throughput: N articles served on 127.0.0.1, through the broker with 2 worker processes,
and the same number through the pipeline functions in-process.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/linimasa_bench CELERY_BROKER_URL=redis://127.0.0.1:6379/14 \\
        .venv/bin/python bench/ingest.py [N]

The database is migrated and emptied of articles first: do not point it at data you keep.
Prints articles/s of each path, enqueue-to-visible p95 for the broker path, lost and duplicated
counts, and last `efficiency=<broker rate / (2 x in-process rate)>`.
"""

import http.server
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["LINIMASA_FETCH_ALLOW_LOOPBACK"] = "1"
os.environ.setdefault("LINIMASA_QUIET", "1")

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Report {n}: talks in {city}</title>
<meta property="article:published_time" content="2023-03-{day:02d}T10:00:00+03:00"></head><body><article>
<h1>Report {n}: Xi and Putin hold talks in {city}</h1>
<p>Chinese President Xi Jinping and Russian President Vladimir Putin held talks in {city} on {weekday},
the Kremlin said in statement number {n}, which described the conversation as frank and friendly.</p>
<p>The two leaders discussed energy supplies, payments in national currencies and the situation in Ukraine,
and agreed that their foreign ministers would meet again before the summer, the statement said.</p>
</article></body></html>"""
CITIES = ["Moscow", "Beijing", "Samarkand", "Astana", "Vladivostok", "Tianjin"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def page_for(path: str) -> bytes:
    # /run/n : distinct text for every run and number, so no two pages are duplicates.
    _, run, number = path.split("/")
    n = int(number)
    text = PAGE.format(n=f"{run}-{n}", city=CITIES[n % len(CITIES)], weekday=DAYS[n % 5], day=1 + n % 20)
    return text.encode()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        try:
            body = page_for(self.path)
        except ValueError:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def start_site() -> str:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else (values[0] if values else 0.0)


def main(n: int) -> None:
    import django

    django.setup()
    import logging

    for name in ("httpx", "celery", "ingest"):  # the same quiet for both paths
        logging.getLogger(name).setLevel(logging.WARNING)
    from django.conf import settings
    from django.core.management import call_command

    from config.celery import app
    from ingest import sources
    from ingest.models import Article
    from timeline.models import Evidence

    if not settings.DATABASES["default"]["ENGINE"].endswith("postgresql") or not settings.CELERY_BROKER_URL:
        sys.exit("set DATABASE_URL (PostgreSQL) and CELERY_BROKER_URL (Redis): see the docstring")
    call_command("migrate", verbosity=0)
    call_command("load_gazetteer", stdout=open(os.devnull, "w"))
    Evidence.objects.all().delete()
    Article.objects.all().delete()
    base = start_site()

    # In-process: the same functions the task calls, one after the other.
    app.conf.task_always_eager = True
    started = time.perf_counter()
    for i in range(n):
        sources.submit_url(f"{base}/local/{i}")
    inproc_seconds = time.perf_counter() - started
    inproc_ok = Article.objects.filter(status=Article.Status.EXTRACTED, source_name__contains="/local/").count()

    # Through Redis with 2 worker processes.
    queue = f"linimasa-bench-{os.getpid()}"
    app.conf.task_always_eager = False
    app.conf.task_default_queue = queue
    env = dict(os.environ, CELERY_QUEUE=queue)
    log = open(ROOT / "var" / "bench-worker.log", "w")
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "-Q", queue, "-c", "2", "--loglevel=WARNING",
         "--without-gossip", "--without-mingle", "--without-heartbeat"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        time.sleep(4)  # the worker's start-up is not part of the rate
        enqueued = {}
        started = time.perf_counter()
        for i in range(n):
            url = f"{base}/broker/{i}"
            enqueued[url] = time.time()
            sources.submit_url(url)
        deadline = time.monotonic() + max(120, n * 5)
        done = 0
        while time.monotonic() < deadline:
            done = Article.objects.filter(source_name__contains="/broker/").exclude(
                status__in=[Article.Status.QUEUED, Article.Status.FETCHING, Article.Status.FETCHED]
            ).count()
            if done >= n:
                break
            time.sleep(0.05)
        broker_seconds = time.perf_counter() - started
    finally:
        worker.terminate()
        worker.wait(timeout=30)

    rows = Article.objects.filter(source_name__contains="/broker/")
    visible = [a.updated.timestamp() - enqueued[a.source_name] for a in rows if a.status == Article.Status.EXTRACTED]
    extracted = len(visible)
    lost = n - rows.count() + rows.exclude(status=Article.Status.EXTRACTED).count()
    per_url = {}
    for name in Article.objects.values_list("source_name", flat=True):
        per_url[name] = per_url.get(name, 0) + 1
    evidence = list(Evidence.objects.values_list("event_id", "article_id", "start"))
    duplicated = sum(c - 1 for c in per_url.values() if c > 1) + len(evidence) - len(set(evidence))

    inproc_rate = inproc_ok / inproc_seconds
    broker_rate = extracted / broker_seconds
    print(f"articles={n}")
    print(f"in-process: {inproc_ok} extracted in {inproc_seconds:.2f} s = {inproc_rate:.2f} articles/s")
    print(f"broker (2 workers): {extracted} extracted in {broker_seconds:.2f} s = {broker_rate:.2f} articles/s")
    print(f"enqueue-to-visible p95={p95(visible):.2f} s")
    print(f"lost={lost} duplicated={duplicated}")
    print(f"efficiency={broker_rate / (2 * inproc_rate):.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 60)
