"""Ingestion throughput: N articles served on 127.0.0.1, through the broker with 2 worker processes,
and the same number through the pipeline functions in-process.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/linimasa_bench CELERY_BROKER_URL=redis://127.0.0.1:6379/14 \\
        .venv/bin/python bench/ingest.py [N]

The database is migrated and emptied of articles and events first: do not point it at data you keep.
The articles report real China-Russia events (talks, calls, drills) in English and Indonesian, several
outlets per event. Both paths run warm code; the in-process half runs before and half after the broker.
Prints articles/s of each path with what was measured along the way (task durations, CPU of the bench
process, the worker and PostgreSQL, lock waits sampled from pg_stat_activity, the load average of the
machine), enqueue-to-visible p95 for the broker path, lost and duplicated counts, and last
`efficiency=<broker rate / (2 x in-process rate)>`. On a 2-core machine shared with other work the
ratio moves with the load: run it several times and read the CPU per article alongside it.
"""

import http.server
import json
import logging
import os
import resource
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["LINIMASA_FETCH_ALLOW_LOOPBACK"] = "1"
os.environ.setdefault("LINIMASA_QUIET", "1")

# Real China–Russia events, one line each: (day, kind, place, first party, second party, occasion).
# The bench articles are written from templates over them, so events, dates, places and actors vary
# and several outlets report each event, as in a real news day (the wording is ours).
EVENTS = [
    ("2022-02-04", "talks", "Beijing", "Xi Jinping", "Vladimir Putin", "before the Winter Olympics opened"),
    ("2022-02-25", "call", "", "Xi Jinping", "Vladimir Putin", "a day after Russian troops entered Ukraine"),
    ("2022-05-24", "drill", "the Sea of Japan", "China", "Russia", "while the Quad leaders met in Tokyo"),
    ("2022-09-15", "talks", "Samarkand", "Xi Jinping", "Vladimir Putin", "on the sidelines of the SCO summit"),
    ("2023-02-22", "talks", "Moscow", "Vladimir Putin", "Wang Yi", "during the Chinese diplomat's visit"),
    ("2023-03-21", "talks", "Moscow", "Xi Jinping", "Vladimir Putin", "during a three-day state visit"),
    ("2023-04-16", "talks", "Moscow", "Vladimir Putin", "Li Shangfu", "on the defence minister's first trip abroad"),
    ("2023-07-20", "drill", "the Sea of Japan", "China", "Russia", "in the North/Interaction-2023 exercise"),
    ("2023-10-18", "talks", "Beijing", "Xi Jinping", "Vladimir Putin", "at the Belt and Road Forum"),
    ("2024-04-09", "talks", "Beijing", "Wang Yi", "Sergei Lavrov", "during the Russian minister's visit"),
    ("2024-05-16", "talks", "Beijing", "Xi Jinping", "Vladimir Putin", "at the start of a state visit"),
    ("2024-07-03", "talks", "Astana", "Xi Jinping", "Vladimir Putin", "on the sidelines of the SCO summit"),
    ("2024-10-22", "talks", "Kazan", "Xi Jinping", "Vladimir Putin", "on the sidelines of the BRICS summit"),
    ("2025-01-21", "call", "", "Xi Jinping", "Vladimir Putin", "a day after the new US president took office"),
    ("2025-05-08", "talks", "Moscow", "Xi Jinping", "Vladimir Putin", "ahead of the Victory Day parade"),
    ("2025-09-02", "talks", "Beijing", "Xi Jinping", "Vladimir Putin", "after the SCO summit in Tianjin"),
]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]  # fmt: skip
MONTHS_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
             "November", "Desember"]  # fmt: skip
OUTLETS = ["Harbour Post", "Kabar Timur", "Steppe Wire", "Nusantara Daily", "Amur Courier", "Lintas Dunia"]
TOPICS_EN = [
    "energy supplies and the Power of Siberia 2 pipeline",
    "trade settled in yuan and roubles",
    "grain exports and new border crossings",
    "the war in Ukraine and a possible ceasefire",
    "cooperation at the United Nations and in BRICS",
]
TOPICS_ID = [
    "pasokan energi dan pipa gas Power of Siberia 2",
    "perdagangan dengan yuan dan rubel",
    "ekspor gandum dan pos perbatasan baru",
    "perang di Ukraina dan kemungkinan gencatan senjata",
    "kerja sama di PBB dan BRICS",
]
LEAD_EN = {
    "talks": "{a} and {b} held talks in {place} on {day} {occasion}, officials in both capitals said.",
    "call": "{a} and {b} spoke by telephone on {day}, {occasion}, according to a Kremlin readout.",
    "drill": "Warships and aircraft of {a} and {b} began a joint exercise in {place} on {day}, {occasion}.",
}
LEAD_ID = {
    "talks": "{a} dan {b} mengadakan pembicaraan di {place} pada {day}, {occasion_id}.",
    "call": "{a} dan {b} berbicara melalui telepon pada {day}, menurut keterangan Kremlin.",
    "drill": "Kapal perang dan pesawat {a} dan {b} memulai latihan bersama di {place} pada {day}.",
}
OCCASION_ID = "dalam kunjungan yang diumumkan kedua pemerintah"
PAGE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<meta property="article:published_time" content="{published}T09:30:00+03:00"></head><body><article>
<h1>{title}</h1><p>{lead}</p><p>{second}</p><p>{third}</p><p>{byline}</p></article></body></html>"""


def page_for(path: str) -> bytes:
    # /run/n : distinct text for every run and number, so no two pages are duplicates.
    import datetime

    _, run, number = path.split("/")
    n = int(number)
    day, kind, place, a, b, occasion = EVENTS[n % len(EVENTS)]
    date = datetime.date.fromisoformat(day)
    published = date + datetime.timedelta(days=n % 2)  # the same day, or the next morning
    topics = TOPICS_EN if n % 3 else TOPICS_ID
    topic, other = topics[n % len(topics)], topics[(n + 2) % len(topics)]
    if n % 3:
        lang, lead = "en", LEAD_EN[kind]
        when = f"{MONTHS_EN[date.month - 1]} {date.day}"
        title = {"talks": f"{a} meets {b} in {place}", "call": f"{a} and {b} speak by phone"}.get(
            kind, f"{a} and {b} start naval drills"
        )
        second = f"The two sides discussed {topic}, and agreed to keep talking about {other}."
        third = f"Analysts said the meeting showed how close the two governments have grown since {date.year - 2}."
        byline = f"Reported for {OUTLETS[n % len(OUTLETS)]} (story {run}-{n})."
    else:
        lang, lead = "id", LEAD_ID[kind]
        when = f"{date.day} {MONTHS_ID[date.month - 1]} {date.year}"
        title = f"{a} dan {b}: {topic}"
        second = f"Kedua pihak membahas {topic} serta {other}."
        third = f"Para pengamat menilai hubungan kedua negara makin erat sejak {date.year - 2}."
        byline = f"Dilaporkan untuk {OUTLETS[n % len(OUTLETS)]} (berita {run}-{n})."
    lead = lead.format(a=a, b=b, place=place, day=when, occasion=occasion, occasion_id=OCCASION_ID)
    text = PAGE.format(lang=lang, title=title, published=published.isoformat(), lead=lead, second=second,
                       third=third, byline=byline)  # fmt: skip
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


def describe_durations(durations: list[float]) -> str:
    if not durations:
        return "no task timings"
    return (f"{len(durations)} tasks, median {statistics.median(durations):.0f} ms, p95 {p95(durations):.0f} ms, "
            f"slowest {max(durations):.0f} ms")  # fmt: skip


class TaskTimings(logging.Handler):
    """Collects the duration of each task from ops.tasklog's one line per task (in-process path)."""

    def __init__(self):
        super().__init__()
        self.durations: list[float] = []

    def emit(self, record):
        if getattr(record, "duration_ms", None) is not None:
            self.durations.append(record.duration_ms)


def read_worker_durations(path: Path) -> list[float]:
    """Task durations from the worker log (ops.tasklog writes one JSON line per task)."""
    durations = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("{") and '"duration_ms"' in line:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if record.get("duration_ms") is not None:
                durations.append(record["duration_ms"])
    return durations


def cpu_seconds_of(pid: int) -> float:
    """User and system CPU time of a live process (PostgreSQL backends), 0 when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class DatabaseWatch(threading.Thread):
    """Samples the bench database every 0.2 s: sessions waiting on a lock, and CPU of its backends."""

    def __init__(self, database: str, worker_pid: int | None = None):
        super().__init__(daemon=True)
        self.database = database
        self.worker_pid = worker_pid
        self.child_states: dict[str, int] = {}  # R: running or waiting for a CPU, S and D: waiting on I/O
        self.stopping = threading.Event()
        self.samples = 0
        self.lock_waits = 0  # sessions seen waiting on a lock, summed over samples
        self.active = 0  # sessions seen running a query, summed over samples
        self.first_cpu: dict[int, float] = {}  # when first seen: only CPU used while watching counts
        self.backend_cpu: dict[int, float] = {}

    def run(self):
        from django.db import connection

        with connection.cursor() as cursor:
            while not self.stopping.wait(0.2):
                cursor.execute(
                    "SELECT pid, state, wait_event_type FROM pg_stat_activity"
                    " WHERE datname = %s AND pid <> pg_backend_pid()",
                    [self.database],
                )
                self.samples += 1
                self.sample_worker_children()
                for pid, state, wait_type in cursor.fetchall():
                    self.lock_waits += wait_type == "Lock"
                    self.active += state == "active"
                    self.first_cpu.setdefault(pid, cpu_seconds_of(pid))
                    self.backend_cpu[pid] = max(
                        self.backend_cpu.get(pid, 0.0), cpu_seconds_of(pid) - self.first_cpu[pid]
                    )
        connection.close()

    def sample_worker_children(self) -> None:
        if self.worker_pid is None:
            return
        try:
            children = Path(f"/proc/{self.worker_pid}/task/{self.worker_pid}/children").read_text().split()
        except OSError:
            return
        for child in children:
            try:
                state = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            self.child_states[state] = self.child_states.get(state, 0) + 1

    def stop(self) -> str:
        self.stopping.set()
        self.join(timeout=5)
        samples = max(self.samples, 1)
        sessions, cpu = len(self.backend_cpu), sum(self.backend_cpu.values())
        return (f"lock waits {self.lock_waits} in {self.samples} samples, "
                f"{self.active / samples:.2f} sessions active on average, "
                f"{sessions} PostgreSQL sessions using {cpu:.1f} s CPU"
                + self.describe_child_states())  # fmt: skip

    def describe_child_states(self) -> str:
        seen = sum(self.child_states.values())
        if not seen:
            return ""
        runnable = self.child_states.get("R", 0) / seen
        return f"; worker children runnable (on or waiting for a CPU) in {runnable:.0%} of samples"


def cpu_of_tree(pid: int) -> float:
    """CPU seconds of a process and its live descendants (the worker's parent and pool children)."""
    total = cpu_seconds_of(pid)
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return total
    return total + sum(cpu_of_tree(int(child)) for child in children)


def cpu_of_this_process() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


@dataclass
class Phase:
    seconds: float
    cpu: float  # of this process: the pipeline and the local site
    database: str  # what DatabaseWatch saw
    database_cpu: float  # of the PostgreSQL sessions it saw


def run_in_process(app, sources, database: str, urls: list[str]) -> Phase:
    """Submit URLs with Celery eager: the fetch and extraction tasks run here, one after the other."""
    app.conf.task_always_eager = True
    watch = DatabaseWatch(database)
    watch.start()
    cpu_before = cpu_of_this_process()
    started = time.perf_counter()
    for url in urls:
        sources.submit_url(url)
    seconds = time.perf_counter() - started
    cpu = cpu_of_this_process() - cpu_before
    app.conf.task_always_eager = False
    return Phase(seconds, cpu, watch.stop(), sum(watch.backend_cpu.values()))


def wait_for_worker(app, timeout: float) -> float:
    """Seconds until the worker answers a ping (its parent loads the extractor before forking)."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if app.control.ping(timeout=0.5):
            return time.perf_counter() - started
    sys.exit("the worker did not start: see var/bench-worker.log")


def main(n: int) -> None:
    import django

    django.setup()
    for name in ("httpx", "celery", "ingest"):  # the same quiet for both paths
        logging.getLogger(name).setLevel(logging.WARNING)
    timings = TaskTimings()
    task_log = logging.getLogger("linimasa.task")
    task_log.handlers, task_log.propagate = [timings], False  # timings kept, not printed
    from django.conf import settings
    from django.core.management import call_command

    from config.celery import app
    from ingest import pipeline, sources
    from ingest.models import Article
    from timeline.models import Event, Evidence

    if not settings.DATABASES["default"]["ENGINE"].endswith("postgresql") or not settings.CELERY_BROKER_URL:
        sys.exit("set DATABASE_URL (PostgreSQL) and CELERY_BROKER_URL (Redis): see the docstring")
    database = settings.DATABASES["default"]["NAME"]
    call_command("migrate", verbosity=0)
    call_command("load_gazetteer", stdout=open(os.devnull, "w"))
    # Each run starts from an empty timeline, so runs are comparable (events of old runs would be merged into).
    Evidence.objects.all().delete()
    Article.objects.all().delete()
    Event.objects.update(merged_into=None)
    Event.objects.all().delete()
    base = start_site()
    load_before = os.getloadavg()[0]

    # In-process: the same functions the task calls, one after the other. Warmed first, as the worker's
    # parent warms before forking its children (ingest.tasks), so both rates are of warm code.
    # Half runs before the broker and half after: other work on the machine comes and goes, and
    # bracketing the broker run keeps a busy minute from tilting the ratio one way.
    pipeline.warm_up()
    half = n // 2
    inproc_first = run_in_process(app, sources, database, [f"{base}/local/{i}" for i in range(half)])

    # Through Redis with 2 worker processes.
    queue = f"linimasa-bench-{os.getpid()}"
    app.conf.task_always_eager = False
    app.conf.task_default_queue = queue
    env = dict(os.environ, CELERY_QUEUE=queue)
    log_path = ROOT / "var" / "bench-worker.log"
    log_path.parent.mkdir(exist_ok=True)
    log = open(log_path, "w")
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "-Q", queue, "-c", "2", "--loglevel=WARNING",
         "--without-gossip", "--without-mingle", "--without-heartbeat"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        startup_seconds = wait_for_worker(app, timeout=120)  # the worker's start-up is not part of the rate
        startup_cpu = cpu_of_tree(worker.pid)
        watch = DatabaseWatch(database, worker_pid=worker.pid)
        watch.start()
        driver_cpu_before = cpu_of_this_process()
        enqueued = {}
        started = time.perf_counter()
        for i in range(n):
            url = f"{base}/broker/{i}"
            enqueued[url] = time.time()
            sources.submit_url(url)
        deadline = time.monotonic() + max(120, n * 5)
        done = 0
        while time.monotonic() < deadline:
            done = (
                Article.objects.filter(source_name__contains="/broker/")
                .exclude(status__in=[Article.Status.QUEUED, Article.Status.FETCHING, Article.Status.FETCHED])
                .count()
            )
            if done >= n:
                break
            time.sleep(0.05)
        broker_seconds = time.perf_counter() - started
        driver_cpu = cpu_of_this_process() - driver_cpu_before
        worker_cpu = cpu_of_tree(worker.pid) - startup_cpu
        broker_database = watch.stop()
        broker_busy = worker_cpu + driver_cpu + sum(watch.backend_cpu.values())
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        log.close()

    inproc_second = run_in_process(app, sources, database, [f"{base}/local/{i}" for i in range(half, n)])
    inproc_seconds = inproc_first.seconds + inproc_second.seconds
    inproc_cpu = inproc_first.cpu + inproc_second.cpu
    inproc_ok = Article.objects.filter(status=Article.Status.EXTRACTED, source_name__contains="/local/").count()

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
    print(f"articles={n} events={Event.objects.count()} evidence={len(evidence)}")
    print(f"load average before={load_before:.1f} after={os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"in-process: {inproc_ok} extracted in {inproc_seconds:.2f} s = {inproc_rate:.2f} articles/s")
    print(f"  tasks: {describe_durations(timings.durations)}")
    print(f"  first half {inproc_first.seconds:.2f} s, second half {inproc_second.seconds:.2f} s")
    inproc_busy = inproc_cpu + inproc_first.database_cpu + inproc_second.database_cpu
    print(f"  CPU: bench process {inproc_cpu:.1f} s = {1000 * inproc_cpu / n:.0f} ms per article; "
          f"with PostgreSQL {inproc_busy / inproc_seconds:.2f} of {os.cpu_count()} cores busy")  # fmt: skip
    print(f"  database: {inproc_first.database}; {inproc_second.database}")
    print(f"broker (2 workers): {extracted} extracted in {broker_seconds:.2f} s = {broker_rate:.2f} articles/s")
    print(f"  worker ready after {startup_seconds:.1f} s ({startup_cpu:.1f} s CPU, not counted below)")
    print(f"  tasks: {describe_durations(read_worker_durations(log_path))}")
    print(f"  CPU: worker and children {worker_cpu:.1f} s = {1000 * worker_cpu / n:.0f} ms per article, "
          f"bench process {driver_cpu:.1f} s; with PostgreSQL {broker_busy / broker_seconds:.2f} of "
          f"{os.cpu_count()} cores busy (the rest went to other work on the machine)")  # fmt: skip
    print(f"  database: {broker_database}")
    print(f"enqueue-to-visible p95={p95(visible):.2f} s")
    print(f"lost={lost} duplicated={duplicated}")
    print(f"efficiency={broker_rate / (2 * inproc_rate):.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 60)
