"""Score and time ingest.extraction.dates on the hand-written gold in tests/corpus/timex/.

Usage: .venv/bin/python bench/timex.py [--verbose] [--articles N] [--gold DIR]

--gold DIR scores another folder of *.jsonl in the same shape, e.g. tests/timex_blind/, written by a
session that never saw the date code (the honest figure: tests/corpus/timex/ was written beside it).
A record without "prefer" is read as the extractor reads articles, prefer="auto" (the sentence's tense).

A hit is a found mention whose span overlaps a gold expression and whose value
(and end value, for ranges) is equal: TempEval-3's value F1. The speed part runs
find_dates and dateparser.search_dates over whole articles from tests/corpus/ and
the seed, and reports both, plus mentions per second on the gold sentences.
"""

import datetime
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.extraction.dates import find_dates  # noqa: E402

GOLD_DIR = ROOT / "tests" / "corpus" / "timex"
ARTICLE_DIRS = [ROOT / "tests" / "corpus", Path("/work/shared/seed")]
HEIDELTIME_REFERENCE = 0.78  # HeidelTime, TempEval-3 English news, value F1 (published figure)


def read_gold(folder: Path = GOLD_DIR) -> list[dict]:
    records = []
    for path in sorted(folder.glob("*.jsonl")):
        with open(path, encoding="utf-8") as handle:
            records += [json.loads(line) for line in handle if line.strip()]
    return records


def gold_spans(record: dict) -> list[tuple[int, int, dict]]:
    """Where each gold expression sits in the text (the next unused occurrence)."""
    spans, cursor = [], {}
    for item in record["gold"]:
        start = record["text"].find(item["expression"], cursor.get(item["expression"], 0))
        cursor[item["expression"]] = start + 1
        spans.append((start, start + len(item["expression"]), item))
    return spans


def find(record: dict):
    published = datetime.datetime.fromisoformat(record["published"]) if record.get("published") else None
    return find_dates(
        record["text"], published=published, language=record["language"], prefer=record.get("prefer", "auto")
    )


def score(records: list[dict], verbose: bool) -> dict:
    """Per language: [gold, found, value hits, span hits]."""
    totals: dict[str, list[int]] = {}
    for record in records:
        found = find(record)
        gold = gold_spans(record)
        row = totals.setdefault(record["language"], [0, 0, 0, 0])
        row[0] += len(gold)
        row[1] += len(found)
        used_found, used_gold = set(), set()
        for g_index, (start, end, item) in enumerate(gold):
            for f_index, mention in enumerate(found):
                if f_index in used_found or mention.end <= start or mention.start >= end:
                    continue
                row[3] += 1
                if mention.value == item["value"] and mention.end_value == item.get("end_value"):
                    row[2] += 1
                    used_gold.add(g_index)
                elif verbose:
                    print(f"WRONG {record['id']}: {mention.trail}  gold {item}")
                used_found.add(f_index)
                break
        if verbose:
            for g_index, (start, end, item) in enumerate(gold):
                if g_index not in used_gold and not any(m.start < end and m.end > start for m in found):
                    print(f"MISS  {record['id']}: {item}  in {record['text']!r}")
            for f_index, mention in enumerate(found):
                if f_index not in used_found:
                    print(f"EXTRA {record['id']}: {mention.trail}")
    return totals


def f1(hits: int, gold: int, found: int) -> tuple[float, float, float]:
    precision = hits / found if found else 0.0
    recall = hits / gold if gold else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def read_articles(limit: int) -> list[tuple[str, datetime.datetime | None, str]]:
    articles = []
    for folder in ARTICLE_DIRS:
        for meta_path in sorted(folder.glob("*.gold.json")):
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            text_path = folder / meta.get("file", meta_path.name.replace(".gold.json", ".txt"))
            if text_path.exists() and meta.get("language") in ("en", "id", "ru", "zh"):
                published = datetime.datetime.fromisoformat(meta["published"]) if meta.get("published") else None
                articles.append((text_path.read_text(encoding="utf-8"), published, meta["language"]))
    return articles[:limit]


def time_articles(limit: int) -> None:
    from dateparser.search import search_dates

    articles = read_articles(limit)
    if not articles:
        print("speed: no articles found")
        return
    for text, published, language in articles[:1]:  # warm both up: lexicons, regexes, dateparser's models
        find_dates(text, published=published, language=language)
        search_dates(text[:200], languages=[language])
    started = time.perf_counter()
    ours = sum(len(find_dates(text, published=published, language=language)) for text, published, language in articles)
    ours_seconds = time.perf_counter() - started
    started = time.perf_counter()
    theirs = 0
    for text, published, language in articles:
        settings = {"RELATIVE_BASE": published.replace(tzinfo=None)} if published else {}
        theirs += len(search_dates(text, languages=[language], settings=settings) or [])
    theirs_seconds = time.perf_counter() - started
    count = len(articles)
    print(
        f"speed on {count} whole articles: find_dates {1000 * ours_seconds / count:.1f} ms/article "
        f"({ours} mentions), dateparser.search_dates {1000 * theirs_seconds / count:.1f} ms/article ({theirs} hits), "
        f"speedup x{theirs_seconds / ours_seconds:.0f}"
    )


def main() -> None:
    verbose = "--verbose" in sys.argv
    limit = int(sys.argv[sys.argv.index("--articles") + 1]) if "--articles" in sys.argv else 20
    folder = Path(sys.argv[sys.argv.index("--gold") + 1]) if "--gold" in sys.argv else GOLD_DIR
    records = read_gold(folder if folder.is_absolute() else ROOT / folder)
    if not records:
        sys.exit(f"no gold records in {folder}")
    totals = score(records, verbose)
    for language, (gold, found, hits, span_hits) in sorted(totals.items()):
        p, r, f = f1(hits, gold, found)
        _, _, span_f = f1(span_hits, gold, found)
        print(
            f"{language}: sentences={sum(rec['language'] == language for rec in records)} gold={gold} found={found} "
            f"value P={p:.3f} R={r:.3f} F1={f:.3f}  span F1={span_f:.3f}"
        )
    started = time.perf_counter()
    rounds, mentions = 20, 0
    for _ in range(rounds):
        mentions += sum(len(find(record)) for record in records)
    seconds = time.perf_counter() - started
    sentences = len(records) * rounds / seconds
    print(f"speed on gold sentences: {mentions / seconds:,.0f} mentions/s ({sentences:,.0f} sentences/s)")
    time_articles(limit)
    gold, found, hits, _ = totals.get("en", [0, 0, 0, 0])
    print(
        "reference (not a run): HeidelTime on TempEval-3 English news reaches value F1 about "
        f"{HEIDELTIME_REFERENCE:.2f}"
    )
    print(f"value_F1_en={f1(hits, gold, found)[2]:.3f}")


if __name__ == "__main__":
    main()
