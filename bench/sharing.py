"""Time shared timelines, exports, the feed, previews and the API over the 100,000-event bench database.

Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/linimasa .venv/bin/python bench/sharing.py [--rounds N]

Reuses bench/timeline.py's database (`<name>_bench`, loaded once by it) and its helpers; saves two
timelines there (the whole timeline and China's calls) and measures through Django's full request
stack. Exports stop at sharing.states.MAX_EVENTS events, shared pages at 500 rows. Prints the
median and p95 of each request and the SQL queries it ran.
"""

import argparse
import importlib.util
import logging
import statistics
from pathlib import Path

_spec = importlib.util.spec_from_file_location("bench_timeline", Path(__file__).with_name("timeline.py"))
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)  # sets Django up with production-like settings

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    bench.prepare_database()
    from sharing.states import share_state

    everything, _ = share_state("")
    calls, _ = share_state("actor=China&kind=call")
    cases = [
        ("shared page, whole timeline (500 rows)", f"/t/{everything.slug}/"),
        ("shared page, China's calls", f"/t/{calls.slug}/"),
        ("embed, China's calls", f"/t/{calls.slug}/embed"),
        ("export csv, whole timeline (cap)", "/export/events.csv"),
        ("export ics, whole timeline (cap)", "/export/events.ics"),
        ("export timelinejs, China's calls", f"/t/{calls.slug}/export/timelinejs.json"),
        ("export plover, China's calls", f"/t/{calls.slug}/export/plover.json"),
        ("atom feed, whole timeline", "/feeds/events.atom"),
        ("api events, first 50", "/api/events?limit=50"),
        ("api events, kind=call&actor=Russia", "/api/events?kind=call&actor=Russia&limit=50"),
        ("preview png (cached on disk)", f"/t/{calls.slug}/preview.png"),
    ]
    client = Client()
    plain = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    logging.getLogger("linimasa.request").setLevel(logging.WARNING)
    with override_settings(STORAGES={**settings.STORAGES, "staticfiles": plain}, LINIMASA_API_RATE="1000000/min"):
        for name, url in cases:
            cache.clear()
            queries = bench.count_queries(client, url, None)
            times = [bench.time_request(client, url, None) for _ in range(args.rounds)]
            print(f"{name:42} median {statistics.median(times):8.1f} ms  p95 {bench.p95(times):8.1f} ms  "
                  f"queries {queries}", flush=True)


if __name__ == "__main__":
    main()
