"""Time the whole clean + extract pipeline against the naive dateparser baseline.

Usage: .venv/bin/python bench/extraction.py [--rounds N] [--parts]

Both run in one process over the same articles (tests/corpus/*.gold.json and the seed):
our pipeline (clean_text, then extract) and `dateparser.search_dates(text, languages=[lang])`
over the raw text. After a warm-up round each, rounds alternate so that neither side profits
from a warmer machine. Prints articles per second for each, the peak memory of the process,
and last the median of the per-round speed ratios as "speedup=<x>".

Two choices keep the figure honest:
- Before every pipeline round the cache whose content depends on the articles (the
  dateparser readings of date expressions, dates_absolute.parse_cached) is emptied, so
  repeated rounds over the same texts do not get their dates for free. Caches that depend
  only on the lexicons (compiled patterns, dateparser's reading of each month word of the
  lexicon) stay warm, as they would in a running worker.
- Time is the CPU time of this process (time.process_time), not the wall clock: the machine
  is shared, and a round that waits for another process's turn would otherwise count that
  wait as our work (or the baseline's).
"""

import datetime
import json
import resource
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import dateparser.search  # noqa: E402

from ingest.cleaning import clean_text  # noqa: E402
from ingest.extraction import extract  # noqa: E402
from ingest.extraction.dates_absolute import clear_cache  # noqa: E402

ARTICLE_DIRS = [ROOT / "tests" / "corpus", Path("/work/shared/seed")]


def load_articles() -> list[tuple[str, str, datetime.datetime | None]]:
    articles = []
    for folder in ARTICLE_DIRS:
        for gold_path in sorted(folder.glob("*.gold.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            text_path = folder / gold["file"]
            if not text_path.exists() or text_path.suffix not in (".txt", ""):
                continue
            published = datetime.datetime.fromisoformat(gold["published"]) if gold.get("published") else None
            articles.append((text_path.read_text(encoding="utf-8"), gold.get("language") or "en", published))
    return articles


def run_pipeline(articles) -> int:
    events = 0
    for raw, language, published in articles:
        cleaned = clean_text(raw, language=language)
        events += len(extract(cleaned.text, published=published or cleaned.published, language=language))
    return events


def run_baseline(articles) -> int:
    found = 0
    for raw, language, _ in articles:
        found += len(dateparser.search.search_dates(raw, languages=[language]) or [])
    return found


def clear_content_caches() -> None:
    """Forget what an earlier round learnt from these very articles (see the module docstring)."""
    clear_cache()


def timed(function, articles) -> float:
    start = time.process_time()
    function(articles)
    return time.process_time() - start


def print_parts(articles, rounds: int) -> None:
    """--parts: CPU ms per article of the costliest steps, each timed alone (median of rounds), to see
    where the pipeline's time goes. The steps overlap extract (it calls them), so they do not add up."""
    from ingest.extraction import extractor
    from ingest.extraction.dates import find_dates
    from ingest.extraction.gazetteer import Gazetteer
    from ingest.extraction.kinds import find_triggers
    from ingest.extraction.sentences import split_clauses, split_sentences

    gazetteer = Gazetteer.default()
    cleaned = [(clean_text(raw, language=lang), lang, published) for raw, lang, published in articles]
    texts = [(c.text, lang, published or c.published) for c, lang, published in cleaned]
    sentences = [[s.text for s in split_sentences(text, lang)] for text, lang, _ in texts]
    steps = {
        "clean_text": lambda: [clean_text(raw, language=lang) for raw, lang, _ in articles],
        "extract": lambda: [extract(t, published=p, language=lang) for t, lang, p in texts],
        "find_dates": lambda: [find_dates(t, published=p, language=lang, prefer="auto") for t, lang, p in texts],
        "find_triggers": lambda: [find_triggers(t, lang) for t, lang, _ in texts],
        "find_mentions": lambda: [gazetteer.find_mentions(t, lang) for t, lang, _ in texts],
        "anaphoric_phrases": lambda: [extractor._anaphoric_phrases(t, lang) for t, lang, _ in texts],
        "split_sentences": lambda: [split_sentences(t, lang) for t, lang, _ in texts],
        "split_clauses": lambda: [
            [split_clauses(s, lang) for s in ss] for (_, lang, _), ss in zip(texts, sentences, strict=True)
        ],
    }
    for name, step in steps.items():
        times = []
        for _ in range(rounds):
            clear_content_caches()
            start = time.process_time()
            step()
            times.append(time.process_time() - start)
        print(f"  {name}: {statistics.median(times) / len(articles) * 1000:.3f} ms/article")


def main() -> None:
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 3
    warnings.simplefilter("ignore")
    articles = load_articles()
    if not articles:
        sys.exit("no articles found in tests/corpus or the seed folder")
    timed(run_pipeline, articles)  # warm-up: lexicons, regexes, language model
    timed(run_baseline, articles)
    ours, theirs, ratios = [], [], []
    for _ in range(rounds):
        clear_content_caches()
        ours.append(timed(run_pipeline, articles))
        theirs.append(timed(run_baseline, articles))
        ratios.append(theirs[-1] / ours[-1])
    count = len(articles)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles={count} rounds={rounds} (CPU time; date parse cache cleared before each pipeline round)")
    print(f"pipeline (clean + extract): {count / statistics.median(ours):.1f} articles/s")
    print(f"baseline (dateparser.search_dates): {count / statistics.median(theirs):.1f} articles/s")
    print(f"peak memory: {peak_mb:.0f} MB")
    if "--parts" in sys.argv:
        print("per step (CPU, date parse cache cleared before each):")
        print_parts(articles, max(rounds, 3))
    print(f"speedup={statistics.median(ratios):.1f}")


if __name__ == "__main__":
    main()
