#!/usr/bin/env python3
"""Self-check of the holdout6 gold files (gold against itself only; never runs the extractor).

Usage: python3 tests/holdout6/check_set.py [PATH/TO/score_gold.py]

Checks, for every *.gold.json in this folder:
- it loads as JSON and score_gold's own loader (items) accepts it;
- the named .txt exists, the stem matches `<lang>-<published date>-<slug>`;
- `published` is ISO with a zone;
- every event has a known kind, a date whose shape fits its precision, and an evidence
  string that occurs verbatim in the text (also `not_events[].text`);
- every gold event matches itself with score_gold.match (so the scorer can use it);
- the text is 300-500 words.
Prints totals per kind, optional events and traps.
"""
import collections
import datetime
import importlib.util
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {"call", "meeting", "visit", "summit", "agreement", "statement", "exercise",
         "invasion", "attack", "sanction", "other"}
SHAPE = {"day": r"^\d{4}-\d{2}-\d{2}$", "month": r"^\d{4}-\d{2}$", "year": r"^\d{4}$"}


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("score_gold", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main():
    scorer = load_scorer(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/tools/score_gold.py")
    problems, kinds, opt, traps, docs = [], collections.Counter(), 0, 0, collections.Counter()
    loaded = list(scorer.items(HERE))
    for name, path, g in loaded:
        where = name
        for key in ("file", "outlet", "language", "title", "author", "published", "events", "not_events"):
            if key not in g:
                problems.append(f"{where}: missing {key}")
        if not os.path.exists(path):
            problems.append(f"{where}: no text {path}")
            continue
        text = open(path, encoding="utf-8").read()
        stem = g["file"][:-4]
        if name != stem + ".gold.json":
            problems.append(f"{where}: gold name does not match file {g['file']}")
        pub = datetime.datetime.fromisoformat(g["published"])
        if pub.tzinfo is None:
            problems.append(f"{where}: published has no zone")
        if not stem.startswith(f"{g['language']}-{pub.date().isoformat()}-"):
            problems.append(f"{where}: stem {stem} does not start with language and published date")
        words = len(text.split())
        if not 300 <= words <= 500:
            problems.append(f"{where}: {words} words")
        docs[g["language"]] += 1
        for i, e in enumerate(g["events"]):
            tag = f"{where} event {i} ({e.get('kind')} {e.get('date')})"
            if e.get("kind") not in KINDS:
                problems.append(f"{tag}: unknown kind")
            for k in e.get("alt_kinds", []):
                if k not in KINDS:
                    problems.append(f"{tag}: unknown alt kind {k}")
            if not e.get("date"):
                if not e.get("optional"):
                    problems.append(f"{tag}: undated but not marked optional")
            elif not re.match(SHAPE.get(e.get("precision"), "^$"), str(e.get("date"))):
                problems.append(f"{tag}: date does not fit precision {e.get('precision')}")
            if e.get("window") and not e.get("date_end"):
                problems.append(f"{tag}: window without date_end")
            if e.get("evidence") not in text:
                problems.append(f"{tag}: evidence not verbatim: {e.get('evidence')!r}")
            if not (e.get("actors") or e.get("countries")):
                problems.append(f"{tag}: no actors")
            if e.get("date") and not scorer.match(e, dict(e)):
                problems.append(f"{tag}: does not match itself under score_gold.match")
            if e.get("optional") or not e.get("date"):
                opt += 1
            else:
                kinds[e["kind"]] += 1
        for t in g["not_events"]:
            traps += 1
            if t.get("text") not in text:
                problems.append(f"{where}: trap text not verbatim: {t.get('text')!r}")
            if not t.get("why"):
                problems.append(f"{where}: trap without why")
    print(f"files={len(loaded)} docs={dict(docs)}")
    print("required per kind:", dict(sorted(kinds.items())), "total", sum(kinds.values()))
    print(f"optional={opt} traps={traps}")
    for p in problems:
        print("PROBLEM", p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
