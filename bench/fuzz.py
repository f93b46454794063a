"""Coverage-guided fuzzing (atheris, libFuzzer) of cleaning, date finding and extraction.

Usage: .venv/bin/python bench/fuzz.py [--runs N] [--seconds-per-input S]
       .venv/bin/python bench/fuzz.py --replay var/fuzz-slow-*   (time saved inputs again, no fuzzing)

Each input is split by atheris' FuzzedDataProvider into a target (clean_text, clean_html,
parse_published, find_dates, extract), a language, a publication time and a text; the text is
fuzzed from a seed corpus of real articles and a dictionary of the fragments that reach our
rules (dates that cannot exist, years 0 and 99999, four scripts, deep markup). Only ingest/
is instrumented, so the coverage that guides mutation is our code's, not the libraries'.

A crash (any exception) or an input over 60 s stops the run, the input saved by libFuzzer under
var/. An input over the limit (default 1 s of CPU time: on a shared machine the wall clock counts
other people's work) is saved as var/fuzz-slow-<target>-<hash> for --replay. At the end it prints
the number of inputs, the slowest inputs and how many took over the limit.
"""

import argparse
import datetime as dt
import hashlib
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("LINIMASA_QUIET", "1")

with atheris.instrument_imports(include=["ingest"]):
    from ingest.cleaning import clean_html, clean_text, parse_published
    from ingest.extraction import extract
    from ingest.extraction.dates import find_dates

LANGUAGES = ["id", "en", "ru", "zh", "", "xx"]
TARGETS = ["clean_text", "clean_html", "parse_published", "find_dates", "extract"]
FRAGMENTS = [
    "31/2/2022", "29/2/2023", "0/0/0", "32/13/2022", "31 Februari 2022", "30 February 2021", "year 0",
    "tahun 0", "tahun 99999", "99999", "9999-12-31", "0000-01-01", "Rabu (15/6/2022)", "kemarin", "yesterday",
    "pada Februari", "early February", "20–22 Maret 2023", "15/06/2022, 21:01 WIB", "24 февраля 2022 года",
    "2022年2月24日", "Presiden Rusia", "Vladimir Putin", "Xi Jinping", "Tiongkok", "Китай", "中国",
    "menelepon", "bertemu", "signed", "joint exercise", "sanctions", "<div>", "</div>", "<p>", "<script>",
    "<svg onload=x>", "&amp;", "&#0;", "\u202e", "\u200b", "Dr. ", "A. ", "...",
]  # fmt: skip
MAX_CHARS = 100_000
ZONES = [dt.UTC, dt.timezone(dt.timedelta(hours=7)), dt.timezone(dt.timedelta(hours=-12))]


class Figures:
    def __init__(self, runs: int, limit: float):
        self.runs, self.limit = runs, limit
        self.times: dict[str, list[float]] = {target: [] for target in TARGETS}  # CPU seconds
        self.slowest: list[tuple[float, float, str, int]] = []  # CPU, wall, target, characters
        self.started = time.perf_counter()

    def add(self, target: str, cpu: float, wall: float, size: int) -> None:
        self.times[target].append(cpu)
        self.slowest = sorted([*self.slowest, (cpu, wall, target, size)], reverse=True)[:5]

    @property
    def count(self) -> int:
        return sum(len(values) for values in self.times.values())

    def print(self) -> None:
        every = [t for values in self.times.values() for t in values]
        over = sum(t > self.limit for t in every)
        wall = time.perf_counter() - self.started
        print(f"\ninputs={len(every)} wall={wall:.0f}s crashes=0 over_{self.limit:g}s_cpu={over} (CPU times below)")
        for target, values in self.times.items():
            if values:
                q = statistics.quantiles(values, n=100, method="inclusive") if len(values) > 1 else [values[0]] * 99
                print(f"  {target:16} n={len(values):6} p50={q[49] * 1000:7.2f}ms p99={q[98] * 1000:7.2f}ms "
                      f"max={max(values) * 1000:7.1f}ms")  # fmt: skip
        for cpu, wall, target, size in self.slowest:
            print(f"  slowest: {target} {size} chars {cpu * 1000:.1f}ms CPU ({wall * 1000:.1f}ms wall)")
        sys.stdout.flush()


def pick_published(fdp: atheris.FuzzedDataProvider) -> dt.datetime | None:
    if fdp.ConsumeBool():
        return None
    ordinal = fdp.ConsumeIntInRange(1, dt.date.max.toordinal())
    day = dt.date.fromordinal(ordinal)
    return dt.datetime(day.year, day.month, day.day, tzinfo=ZONES[fdp.ConsumeIntInRange(0, len(ZONES) - 1)])


def run_one(fdp: atheris.FuzzedDataProvider) -> tuple[str, int]:
    target = TARGETS[fdp.ConsumeIntInRange(0, len(TARGETS) - 1)]
    language = LANGUAGES[fdp.ConsumeIntInRange(0, len(LANGUAGES) - 1)] or None
    published = pick_published(fdp)
    repeat = fdp.ConsumeIntInRange(1, 400) if fdp.ConsumeBool() else 1  # very long lines, cheaply
    # Capped at 100,000 characters: a long article's cleaned text (pages may be 5 MB, their text is far less).
    text = (fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes()) * repeat)[:MAX_CHARS]
    if target == "clean_text":
        assert isinstance(clean_text(text, language=language).text, str)
    elif target == "clean_html":
        assert isinstance(clean_html(text, language=language).text, str)
    elif target == "parse_published":
        found = parse_published(text, language=language)
        assert found is None or found.tzinfo is not None
    elif target == "find_dates":
        for mention in find_dates(text, published=published, language=language or "en"):
            assert 0 <= mention.start < mention.end <= len(text) and mention.earliest <= mention.latest
    else:
        for candidate in extract(text, published=published, language=language):
            assert candidate.modality in {"asserted", "planned"}
    return target, len(text)


def write_seeds(folder: Path) -> None:
    """Real articles (first 3,000 characters) and the fragments, as starting points for mutation."""
    articles = sorted((ROOT / "tests" / "corpus").glob("*.txt"))[::4]
    for index, path in enumerate(articles):
        (folder / f"article-{index}").write_bytes(bytes([index % 5, index % 6, 1]) + path.read_bytes()[:3000])
    for index, fragment in enumerate(FRAGMENTS):
        (folder / f"fragment-{index}").write_bytes(bytes([index % 5, index % 6, 0]) + fragment.encode())


def write_dictionary(path: Path) -> None:
    lines = []
    for fragment in FRAGMENTS:
        escaped = "".join(f"\\x{b:02x}" for b in fragment.encode())
        lines.append(f'"{escaped}"')
    path.write_text("\n".join(lines) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10_000)
    parser.add_argument("--seconds-per-input", type=float, default=1.0)
    parser.add_argument("--replay", nargs="+", type=Path, metavar="FILE", help="time these saved inputs again")
    args, rest = parser.parse_known_args()

    # Lexicons, the gazetteer, dateparser and the language model load once, before timing starts.
    warm = "Presiden Rusia Vladimir Putin bertemu Xi Jinping pada 15 Juni 2022. " * 20
    clean_html(f"<html><body><p>{warm}</p></body></html>")
    clean_text(warm)
    for language in ["id", "en", "ru", "zh"]:
        extract(warm, published=dt.datetime(2022, 6, 15, tzinfo=dt.UTC), language=language)

    if args.replay:
        for path in args.replay:
            began, began_cpu = time.perf_counter(), time.process_time()
            target, size = run_one(atheris.FuzzedDataProvider(path.read_bytes()))
            cpu, wall = time.process_time() - began_cpu, time.perf_counter() - began
            print(f"{path.name}: {target} {size} chars {cpu * 1000:.1f}ms CPU ({wall * 1000:.1f}ms wall)")
        return

    figures = Figures(args.runs, args.seconds_per_input)

    def test_one_input(data: bytes) -> None:
        began, began_cpu = time.perf_counter(), time.process_time()
        target, size = run_one(atheris.FuzzedDataProvider(data))
        cpu = time.process_time() - began_cpu
        figures.add(target, cpu, time.perf_counter() - began, size)
        if cpu > args.seconds_per_input:
            (ROOT / "var" / f"fuzz-slow-{target}-{hashlib.sha1(data).hexdigest()[:12]}").write_bytes(data)
        if figures.count % 2000 == 0 or figures.count >= figures.runs:
            figures.print()

    work = Path(tempfile.mkdtemp(prefix="linimasa-fuzz-"))
    try:
        corpus = work / "corpus"
        corpus.mkdir()
        write_seeds(corpus)
        write_dictionary(work / "fragments.dict")
        libfuzzer = [
            sys.argv[0], f"-runs={args.runs}", f"-dict={work / 'fragments.dict'}", "-max_len=8192", "-timeout=60",
            "-rss_limit_mb=4096", f"-artifact_prefix={ROOT / 'var'}/fuzz-", *rest, str(corpus),
        ]  # fmt: skip
        (ROOT / "var").mkdir(exist_ok=True)
        atheris.Setup(libfuzzer, test_one_input)
        atheris.Fuzz()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
