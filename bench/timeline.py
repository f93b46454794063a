"""Time the timeline pages over 100,000 published events in PostgreSQL.

Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/linimasa .venv/bin/python bench/timeline.py [--rounds N]

Loads (once, into a database of its own, `<name>_bench`, kept between runs) 100,000 events with
two or three actors and two evidence sentences each, over 40,000 articles from 24 outlets, then
measures in one process, through Django's full request stack (middleware, templates):
the first page, a page 50 pages deep, the two htmx partials (next rows on scroll, results after a
facet change), a search, and a trivial view of this site (the base layout with one paragraph).
Prints the median and p95 of each, the SQL queries each ran, and last
`ratio=<first-page median / trivial-view median>`.
"""

import argparse
import logging
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
# Production-like settings: DEBUG off (no query log kept, no debug pages).
os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("LINIMASA_QUIET", "1")
os.environ.setdefault("LOG_LEVEL", "WARNING")  # no log line per request in the timings

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.http import HttpRequest, HttpResponse  # noqa: E402
from django.template import engines  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.urls import include, path  # noqa: E402

EVENTS = 100_000
ARTICLES = 40_000
OUTLETS = 24
PAGES_DEEP = 50

_TRIVIAL = engines["django"].from_string(
    '{% extends "_base.html" %}{% block content %}<p>A trivial page of this site.</p>{% endblock %}'
)


def trivial_view(request: HttpRequest) -> HttpResponse:
    return HttpResponse(_TRIVIAL.render({}, request))


urlpatterns = [path("bench/trivial/", trivial_view), path("", include("config.urls"))]

ACTORS = [
    ("China", "country", None), ("Russia", "country", None), ("United States", "country", None),
    ("India", "country", None), ("Ukraine", "country", None), ("Kazakhstan", "country", None),
    ("Japan", "country", None), ("Mongolia", "country", None), ("Belarus", "country", None),
    ("Shanghai Cooperation Organisation", "organisation", None), ("BRICS", "organisation", None),
    ("Xi Jinping", "person", "China"), ("Li Qiang", "person", "China"), ("Wang Yi", "person", "China"),
    ("Vladimir Putin", "person", "Russia"), ("Sergei Lavrov", "person", "Russia"),
    ("Mikhail Mishustin", "person", "Russia"), ("Joe Biden", "person", "United States"),
]
ALIASES = [("China", "Tiongkok", "id"), ("China", "Китай", "ru"), ("China", "中国", "zh"), ("Russia", "Rusia", "id")]


def prepare_database() -> None:
    """Create (or reuse) the bench database and fill it once."""
    if connection.vendor != "postgresql":
        sys.exit("bench/timeline.py measures PostgreSQL: set DATABASE_URL=postgres://...")
    settings.DATABASES["default"].setdefault("TEST", {})
    settings.DATABASES["default"]["TEST"]["NAME"] = f"{settings.DATABASES['default']['NAME']}_bench"
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=True)
    from timeline.models import Event

    if Event.objects.count() >= EVENTS:
        return
    started = time.perf_counter()
    call_command("flush", interactive=False, verbosity=0)  # a half-loaded earlier run
    with transaction.atomic():
        load_rows()
    print(f"loaded {EVENTS:,} events in {time.perf_counter() - started:.1f}s", flush=True)


def load_rows() -> None:
    from ingest.models import Outlet
    from timeline.models import Actor, ActorAlias, Event

    by_name = {}
    for name, kind, country in ACTORS:
        by_name[name] = Actor.objects.create(name=name, kind=kind, country=by_name.get(country))
    for name, alias, language in ALIASES:
        ActorAlias.objects.create(actor=by_name[name], name=alias, language=language)
    countries = ["China", "Russia", "Indonesia", "United States", "United Kingdom", "India"]
    for n in range(OUTLETS):
        Outlet.objects.create(
            name=f"Outlet {n:02d}", domain=f"outlet{n:02d}.example", country=countries[n % len(countries)],
            language=["en", "id", "ru", "zh"][n % 4], state_affiliated=n % 3 == 0,
        )
    actor_ids = [by_name[name].pk for name, _, _ in ACTORS]
    kinds = "(ARRAY[" + ",".join(f"'{kind}'" for kind in Event.Kind.values) + "])"
    words = ["pipeline", "gas", "border", "trade", "drills", "navy", "summit", "grain", "rouble", "yuan", "arctic"]
    words = "(ARRAY[" + ",".join(f"'{word}'" for word in words + ["sanctions"]) + "])"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT min(id) FROM ingest_outlet"
        )
        first_outlet = cursor.fetchone()[0]
        # Articles: spread over the outlets and the four source languages.
        cursor.execute(
            f"""
            INSERT INTO ingest_article (url, content_hash, source_name, outlet_id, title, author, language,
                published, published_expression, raw, is_html, text, status, error, attempts,
                extractor_version, created, updated)
            SELECT 'https://bench.example/a/' || g, md5(g::text) || md5((g + 1)::text), '',
                {first_outlet} + g % {OUTLETS},
                'Article ' || g, '', (ARRAY['en','id','ru','zh'])[1 + g % 4],
                timestamp '1990-01-01' + (g % 12800) * interval '1 day', '', 'Text of article ' || g, false,
                'Text of article ' || g, 'extracted', '', 0, 'bench', now(), now()
            FROM generate_series(1, {ARTICLES}) g
            """
        )
        # Events: about eight a day from 1990 to 2025, all kinds, some at month or year precision.
        cursor.execute(
            f"""
            INSERT INTO timeline_event (kind, title, summary, date_start, date_end, precision, qualifier,
                date_trail, location, modality, plover_type, plover_mode, confidence, status, created, updated)
            SELECT {kinds}[1 + g % 11],
                'Event ' || g || ' on ' || {words}[1 + g % 12] || ' and ' || {words}[1 + (g / 12) % 12],
                '', date '1990-01-01' + (g * 7919) % 12800, date '1990-01-01' + (g * 7919) % 12800,
                CASE WHEN g % 50 = 0 THEN 'month' ELSE 'day' END, '', 'bench', '', 'asserted', '', '',
                0.9, 'published', now(), now()
            FROM generate_series(1, {EVENTS}) g
            """
        )
        cursor.execute("SELECT min(id) FROM timeline_event")
        first_event = cursor.fetchone()[0]
        actors_array = "(ARRAY[" + ",".join(str(pk) for pk in actor_ids) + "])"
        # Two actors per event (a third on every fifth), one of them often China or Russia.
        cursor.execute(
            f"""
            INSERT INTO timeline_eventactor (event_id, actor_id, role)
            SELECT e.id, {actors_array}[1 + (e.id % 2)], CASE WHEN e.id % 4 = 0 THEN 'initiator' ELSE 'participant' END
            FROM timeline_event e
            UNION ALL
            SELECT e.id, {actors_array}[3 + (e.id % {len(actor_ids) - 2})],
                CASE WHEN e.id % 4 = 0 THEN 'target' ELSE 'participant' END
            FROM timeline_event e
            UNION ALL
            SELECT e.id, {actors_array}[1 + ((e.id + 1) % 2)], 'participant' FROM timeline_event e WHERE e.id % 5 = 0
            """
        )
        cursor.execute("SELECT min(id) FROM ingest_article")
        first_article = cursor.fetchone()[0]
        # Two sentences per event, from two different articles.
        cursor.execute(
            f"""
            INSERT INTO timeline_evidence (event_id, article_id, sentence, start, "end", date_expression, trigger,
                confidence, extractor_version, merge_reason, created)
            SELECT e.id, {first_article} + (e.id * k * 37) % {ARTICLES}, 'Sentence ' || k || ' about ' || e.title,
                k * 100, k * 100 + 80, '', '', 0.9, 'bench', '', now()
            FROM timeline_event e CROSS JOIN generate_series(1, 2) k
            """
        )
        del first_event
        cursor.execute("ANALYZE")


def count_queries(client: Client, url: str, headers: dict | None) -> int:
    """SQL statements one request runs (counted at the cursor, whatever DEBUG says)."""
    statements = []
    with connection.execute_wrapper(lambda execute, sql, *args: statements.append(sql) or execute(sql, *args)):
        response = client.get(url, headers=headers or {}, secure=True)
    assert response.status_code == 200, (url, response.status_code)
    return len(statements)


def time_request(client: Client, url: str, headers: dict | None) -> float:
    started = time.perf_counter()
    response = client.get(url, headers=headers or {}, secure=True)  # as served, behind HTTPS
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (url, response.status_code)
    return elapsed


def _locmem_keys():
    """Keys in the process-local cache (LocMemCache keeps them as ':1:<key>')."""
    return list(getattr(cache, "_cache", {}).keys())


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=60)
    args = parser.parse_args()
    prepare_database()
    from django.http import QueryDict

    from timeline.density import build_density
    from timeline.models import Event
    from timeline.selectors import PAGE_SIZE
    from timeline.state import parse_state

    total = Event.objects.visible().count()
    deep = Event.objects.visible().order_by("date_start", "id").values_list("date_start", "id")[
        PAGES_DEEP * PAGE_SIZE - 1
    ]
    after = f"{deep[0].isoformat()}.{deep[1]}"
    more = {"HX-Request": "true", "HX-Target": f"page-more-{deep[0]:%Y%m%d}-{deep[1]}"}
    facet = {"HX-Request": "true", "HX-Target": "timeline-results"}
    cases = [
        ("first page", "/", None),
        (f"page {PAGES_DEEP} deep", f"/?after={after}", None),
        ("htmx next rows (scroll)", f"/?after={after}", more),
        ("htmx results (facet)", "/?kind=call&actor=Russia", facet),
        ("search page", "/?q=pipeline", None),
        ("trivial view", "/bench/trivial/", None),
    ]
    client = Client()
    results = {}
    # Plain static storage: the bench needs no collectstatic manifest. No request log lines either.
    plain = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    storages = {**settings.STORAGES, "staticfiles": plain}
    logging.getLogger("linimasa.request").setLevel(logging.WARNING)
    with override_settings(ROOT_URLCONF=__name__, STORAGES=storages):
        for name, url, headers in cases:
            cache.clear()  # cold: the density strip is computed, not read from the cache
            cold = count_queries(client, url, headers)
            for _ in range(3):
                time_request(client, url, headers)
            results[name] = ([], cold, count_queries(client, url, headers))
        # Interleave the cases round by round, so none profits from a warmer machine.
        for _ in range(args.rounds):
            for name, url, headers in cases:
                results[name][0].append(time_request(client, url, headers))
        # Nothing cached at all (as after every publish): each piece computed, the strip's
        # aggregate over all 100,000 events included; and the same without the strip's aggregate.
        uncached = {"first page": [], f"page {PAGES_DEEP} deep": []}
        rows_only = {"first page": [], f"page {PAGES_DEEP} deep": []}
        for _ in range(10):
            for name, url, _headers in cases[:2]:
                cache.clear()
                uncached[name].append(time_request(client, url, None))
                build_density(parse_state(QueryDict("")))  # the strip alone back in the cache
                for key in [k for k in list(_locmem_keys()) if ":rows:" in k or ":filter-form:" in k]:
                    cache.delete(key.split(":", 2)[-1])
                rows_only[name].append(time_request(client, url, None))
    print(f"{total:,} published events in PostgreSQL; {args.rounds} rounds; page size {PAGE_SIZE}")
    print(f"{'view':<26}{'median ms':>10}{'p95 ms':>10}{'queries cold/warm':>20}")
    for name, (times, cold, warm) in results.items():
        print(f"{name:<26}{statistics.median(times):>10.2f}{p95(times):>10.2f}{f'{cold}/{warm}':>20}")
    first = statistics.median(results["first page"][0])
    deep_median = statistics.median(results[f"page {PAGES_DEEP} deep"][0])
    for name in uncached:
        print(
            f"{name}, nothing cached: median {statistics.median(uncached[name]):.2f} ms; "
            f"only the strip cached: median {statistics.median(rows_only[name]):.2f} ms"
        )
    print(f"deep/first={deep_median / first:.2f}")
    print(f"ratio={first / statistics.median(results['trivial view'][0]):.2f}")


if __name__ == "__main__":
    main()
