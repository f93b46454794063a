"""Load test: gunicorn on 127.0.0.1 over 10,000 events, driven by a real HTTP load generator.

Usage: .venv/bin/python bench/load.py [--seconds 60] [--clients 50] [--events 10000]
       [--each] (also one run per page) [--workers N] [--threads N] [--cache redis|local]

Needs PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/linimasa). The data
goes to a database of its own, `<name>_load`, migrated and filled once (kept between runs).
gunicorn starts from config/gunicorn.py with production settings (DEBUG off, hashed static
files after collectstatic, the request log on), then Debian's `wrk` (installed with apt when
missing and run as root; else a Python asyncio/httpx generator) sends `--clients` concurrent
clients for `--seconds` at a mix of three pages: the timeline, event pages (200 different
events) and a shared timeline (/t/<slug>/). Prints requests per second, p50/p95/p99 latency,
errors (connection, timeouts, non-2xx) and each gunicorn worker's memory (RSS) before and
after. Goals (issue 8): 0 errors, p95 <= 200 ms, memory growth <= 10%. It then reads the server's own
request log (var/load-gunicorn.log) for the time each page took inside Django and how often the
whole-page cache (ops/pagecache.py) answered.

The cache is Redis by default (CACHE_URL=redis://127.0.0.1:6379/13, emptied before each run), as a
deployment of more than one web process must run it (README, `make stack`): with a cache in each
process, a curator's change made in one worker or by a Celery task leaves the other workers serving
the old page until it expires. Whole pages for readers stay in each worker either way (ops/pagecache.py,
at most LINIMASA_PAGE_CACHE_ENTRIES of 6-45 KB); with Redis the rest (rows, strips, event details)
is shared instead of copied into every worker, which is what a per-process cache grows by: growth by
design, bounded by its entry limit, not a leak. `--cache local` runs that per-process cache anyway
for comparison. Memory "before" is read after one request to each page, so each worker has loaded
its code and templates; what grows after that, under load, is what the goal is about.
"""

import argparse
import asyncio
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PORT = 8811
BASE = f"http://127.0.0.1:{PORT}"

LUA = r"""
local paths = {%(paths)s}
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %%d, "duration_us": %%d, "p50": %%d, "p95": %%d, "p99": %%d, "max": %%d, ' ..
    '"connect": %%d, "read": %%d, "write": %%d, "status": %%d, "timeout": %%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, e.connect, e.read, e.write, e.status, e.timeout))
end
"""


def load_database_url() -> str:
    base = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/linimasa")
    parts = urlsplit(base)
    if not parts.scheme.startswith("postgres"):
        sys.exit("bench/load.py measures PostgreSQL: set DATABASE_URL=postgres://...")
    return urlunsplit(parts._replace(path=parts.path.rstrip("/") + "_load"))


CACHE_URL = "redis://127.0.0.1:6379/13"


def server_env(database_url: str, var_dir: Path, cache: str) -> dict:
    env = dict(os.environ)
    env.pop("CELERY_BROKER_URL", None)  # pages never enqueue; health reports "in-process"
    env.pop("CACHE_URL", None)
    if cache == "redis":
        env["CACHE_URL"] = CACHE_URL
    env.update(
        DATABASE_URL=database_url, DEBUG="0", SECRET_KEY="load-bench-only-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1", SECURE_SSL_REDIRECT="0", SESSION_COOKIE_SECURE="0", CSRF_COOKIE_SECURE="0",
        SECURE_HSTS_SECONDS="0", LINIMASA_VAR_DIR=str(var_dir), LINIMASA_QUIET="1",
        GUNICORN_BIND=f"127.0.0.1:{PORT}", WEB_MAX_REQUESTS="0",  # no recycling: memory growth must show
    )  # fmt: skip
    return env


def manage(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare(env: dict, events: int) -> dict:
    """Create, migrate and fill the load database once; return the URLs to drive."""
    database = urlsplit(env["DATABASE_URL"]).path.lstrip("/")
    exists = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-tAc", f"SELECT 1 FROM pg_database WHERE datname='{database}'"],
        capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    if exists != "1":
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", database], check=True)
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    out = subprocess.run([sys.executable, "bench/load.py", "--fill", str(events)], cwd=ROOT, env=env,
                         capture_output=True, text=True)  # fmt: skip
    sys.stderr.write(out.stderr[-3000:])
    if out.returncode != 0:
        sys.exit("filling the load database failed (above)")
    found = json.loads(out.stdout.strip().splitlines()[-1])
    return {
        "timeline": ["/"],
        "event": [f"/events/{pk}/" for pk in found["events"]],
        "shared": [found["shared"]],
    }


KINDS = ["call", "meeting", "visit", "summit", "agreement", "statement", "exercise", "sanction", "attack"]
COUNTRIES = ["China", "Russia", "United States", "India", "Ukraine", "Kazakhstan", "Japan", "Indonesia"]
PEOPLE = [("Xi Jinping", "China"), ("Vladimir Putin", "Russia"), ("Wang Yi", "China"), ("Sergei Lavrov", "Russia")]


def fill(events: int) -> None:
    """In the child process (`--fill N`): published events with actors and two sources each, via the ORM."""
    import datetime as dt
    import random

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.db import transaction

    from ingest.models import Article, Outlet
    from sharing.states import share_state
    from timeline.models import Actor, Event, EventActor, Evidence

    if Event.objects.filter(status="published").count() < events:
        began = time.perf_counter()
        rng = random.Random(8)
        with transaction.atomic():
            Evidence.objects.all().delete()
            EventActor.objects.all().delete()
            Event.objects.all().delete()
            Article.objects.all().delete()
            actors = [Actor.objects.get_or_create(name=n, defaults={"kind": "country"})[0] for n in COUNTRIES]
            for name, country in PEOPLE:
                home = Actor.objects.get(name=country)
                actors.append(Actor.objects.get_or_create(name=name, defaults={"kind": "person", "country": home})[0])
            outlets = [
                Outlet.objects.get_or_create(name=f"Load Outlet {n}", defaults={"domain": f"load{n}.example"})[0]
                for n in range(12)
            ]
            articles = Article.objects.bulk_create(
                Article(
                    url=f"https://load.example/a/{n}", content_hash=f"load-{n}", title=f"Article {n}",
                    raw=f"Text {n}", text=f"Text {n}", language="en", outlet=outlets[n % len(outlets)],
                    published=dt.datetime(2000, 1, 1, tzinfo=dt.UTC) + dt.timedelta(days=n % 9000),
                    status="extracted",
                )  # fmt: skip
                for n in range(max(1000, events // 2))
            )
            made = []
            for n in range(events):
                day = dt.date(1995, 1, 1) + dt.timedelta(days=rng.randrange(11000))
                kind = KINDS[n % len(KINDS)]
                made.append(Event(kind=kind, title=f"Event {n}: {kind} on trade and energy", date_start=day,
                                  date_end=day, precision="day", status="published", confidence=0.9))  # fmt: skip
            made = Event.objects.bulk_create(made, batch_size=2000)
            EventActor.objects.bulk_create(
                [EventActor(event=e, actor=a) for e in made for a in rng.sample(actors, 2)], batch_size=5000
            )
            Evidence.objects.bulk_create(
                [Evidence(event=e, article=rng.choice(articles), sentence=f"Sentence {k} about {e.title}.",
                          start=k * 100, end=k * 100 + 40, confidence=0.9, extractor_version="load")
                 for e in made for k in (1, 2)],
                batch_size=5000,
            )  # fmt: skip
        print(f"loaded {events:,} events in {time.perf_counter() - began:.1f}s", file=sys.stderr)
    ids = list(Event.objects.filter(status="published").order_by("?").values_list("id", flat=True)[:200])
    timeline, _ = share_state("kind=meeting&kind=call", title="Meetings and calls")
    print(json.dumps({"events": ids, "shared": timeline.get_absolute_url()}))


def worker_memory(master: int) -> dict[int, int]:
    """RSS in KiB of each gunicorn worker (the master's children)."""
    out = subprocess.run(["ps", "--ppid", str(master), "-o", "pid=,rss="], capture_output=True, text=True).stdout
    return {int(pid): int(rss) for pid, rss in (line.split() for line in out.splitlines() if line.strip())}


def wait_healthy(timeout: float = 60) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{BASE}/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    sys.exit("gunicorn did not answer /healthz in time (see var/load-gunicorn.log)")


def find_wrk() -> str | None:
    if shutil.which("wrk"):
        return shutil.which("wrk")
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("installing Debian's wrk...", flush=True)
        quiet = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], env=quiet, capture_output=True)
    return shutil.which("wrk")


def run_wrk(wrk: str, paths: list[str], clients: int, seconds: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA % {"paths": ", ".join(json.dumps(p) for p in paths)})
    try:
        out = subprocess.run(
            [wrk, "-t", "2", "-c", str(clients), "-d", f"{seconds}s", "--timeout", "10s", "-s", script.name, BASE],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
    finally:
        os.unlink(script.name)
    line = next(line for line in out.splitlines() if line.startswith("RESULT "))
    raw = json.loads(line.removeprefix("RESULT "))
    errors = raw["connect"] + raw["read"] + raw["write"] + raw["status"] + raw["timeout"]
    return {
        "requests": raw["requests"], "rps": raw["requests"] / (raw["duration_us"] / 1e6),
        "p50": raw["p50"] / 1000, "p95": raw["p95"] / 1000, "p99": raw["p99"] / 1000, "max": raw["max"] / 1000,
        "errors": errors, "detail": {k: raw[k] for k in ("connect", "read", "write", "status", "timeout")},
    }  # fmt: skip


def run_python(paths: list[str], clients: int, seconds: int) -> dict:
    """Fallback generator: `clients` asyncio tasks on keep-alive connections, each waiting for its answer."""
    import httpx

    latencies, errors = [], 0

    async def client(index: int, http: httpx.AsyncClient, stop: float) -> None:
        nonlocal errors
        n = index
        while time.monotonic() < stop:
            n += clients
            began = time.perf_counter()
            try:
                response = await http.get(paths[n % len(paths)])
                if response.status_code >= 400:
                    errors += 1
            except httpx.HTTPError:
                errors += 1
            latencies.append((time.perf_counter() - began) * 1000)

    async def main() -> float:
        limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
        async with httpx.AsyncClient(base_url=BASE, limits=limits, timeout=10) as http:
            began = time.monotonic()
            await asyncio.gather(*(client(i, http, began + seconds) for i in range(clients)))
            return time.monotonic() - began

    elapsed = asyncio.run(main())
    q = statistics.quantiles(latencies, n=100, method="inclusive")
    return {"requests": len(latencies), "rps": len(latencies) / elapsed, "p50": q[49], "p95": q[94], "p99": q[98],
            "max": max(latencies), "errors": errors, "detail": {}}  # fmt: skip


def server_durations(log_path: Path) -> None:
    """What each page took inside Django (the request log's duration_ms) and how often the page cache hit."""
    durations: dict[str, list[float]] = {}
    hits: dict[str, int] = {}
    for line in log_path.read_text().splitlines():
        if not line.startswith("{"):
            continue
        record = json.loads(line)
        path = record.get("path", "")
        page = "event" if path.startswith("/events/") else "shared" if path.startswith("/t/") else path
        durations.setdefault(page, []).append(record["duration_ms"])
        hits[page] = hits.get(page, 0) + (record.get("page_cache") == "hit")
    for page in ("/", "event", "shared"):
        values = sorted(durations.get(page, []))
        if values:
            print(f"server {page:7} requests={len(values)} page-cache hits={hits[page] / len(values):.1%} "
                  f"median={values[len(values) // 2]:.2f}ms p95={values[int(len(values) * 0.95)]:.2f}ms",
                  flush=True)  # fmt: skip


def report(name: str, result: dict) -> None:
    print(f"{name:10} requests={result['requests']} rps={result['rps']:.1f} p50={result['p50']:.1f}ms "
          f"p95={result['p95']:.1f}ms p99={result['p99']:.1f}ms max={result['max']:.0f}ms errors={result['errors']}"
          + (f" {result['detail']}" if result["errors"] else ""), flush=True)  # fmt: skip


def main() -> None:
    if sys.argv[1:2] == ["--fill"]:
        fill(int(sys.argv[2]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--each", action="store_true", help="also drive each page alone")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--python", action="store_true", help="use the Python generator even when wrk exists")
    parser.add_argument("--cache", choices=["redis", "local"], default="redis",
                        help=f"redis ({CACHE_URL}, as deployed) or a cache in each worker process")  # fmt: skip
    args = parser.parse_args()

    var_dir = ROOT / "var" / "load"
    var_dir.mkdir(parents=True, exist_ok=True)
    env = server_env(load_database_url(), var_dir, args.cache)
    if args.cache == "redis":
        # Pages cached by an earlier run (maybe of other code) must not answer this one.
        subprocess.run(["redis-cli", "-u", CACHE_URL, "flushdb"], check=True, capture_output=True)
    pages = prepare(env, args.events)
    if args.workers:
        env["WEB_WORKERS"] = str(args.workers)
    if args.threads:
        env["WEB_THREADS"] = str(args.threads)
    wrk = None if args.python else find_wrk()
    print(f"generator={'wrk' if wrk else 'python-httpx'} clients={args.clients} seconds={args.seconds} "
          f"events={args.events} cache={args.cache} shared={pages['shared'][0]}", flush=True)  # fmt: skip
    # The machine may be shared: the load average says how much the figures below can be trusted.
    print("load average before: " + " ".join(f"{x:.2f}" for x in os.getloadavg()), flush=True)

    log_path = ROOT / "var" / "load-gunicorn.log"
    log = open(log_path, "w")
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.py", "config.wsgi"],
                              cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)  # fmt: skip
    try:
        wait_healthy()
        import httpx

        every = pages["timeline"] + pages["event"] + pages["shared"]
        # One request in three to each page: the timeline, one of the events, the shared timeline.
        mixed = [path for event in pages["event"] for path in (pages["timeline"][0], event, pages["shared"][0])]
        for path in every:  # warm every worker's caches a little, and check each page answers
            status = httpx.get(BASE + path, timeout=10).status_code
            if status != 200:
                sys.exit(f"{path} answered {status} before the load started")
        before = worker_memory(server.pid)
        runs = [("mixed", mixed)]
        if args.each:
            runs += [(name, paths) for name, paths in pages.items()]
        for name, paths in runs:
            result = run_wrk(wrk, paths, args.clients, args.seconds) if wrk else run_python(paths, args.clients,
                                                                                            args.seconds)  # fmt: skip
            report(name, result)
            print("load average: " + " ".join(f"{x:.2f}" for x in os.getloadavg()), flush=True)
        after = worker_memory(server.pid)
        for pid in sorted(before):
            grown = (after.get(pid, 0) - before[pid]) / before[pid] * 100 if pid in after else float("nan")
            print(f"worker {pid}: rss before={before[pid] / 1024:.1f}MiB after="
                  f"{after.get(pid, 0) / 1024:.1f}MiB growth={grown:+.1f}%"
                  + ("" if pid in after else " (recycled by max_requests)"), flush=True)  # fmt: skip
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    server_durations(log_path)


if __name__ == "__main__":
    main()
