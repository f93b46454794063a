#!/usr/bin/env python3
"""Self-check of the blind held-out set tests/holdout7.

Loads every *.gold.json through score_gold.items (the same loader the scorer uses) and
checks file names, publication zones, word counts, date shapes, verbatim evidence and
trap texts, and that every dated gold event matches itself under score_gold.match.
Prints totals. It never runs the extractor.

Usage: python3 tests/holdout7/check_set.py [--tools DIR]   (DIR holds score_gold.py;
default /work/shared/tools, or the SCORE_GOLD_DIR environment variable)
"""
import collections
import datetime as dt
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
tools = os.environ.get("SCORE_GOLD_DIR", "/work/shared/tools")
if "--tools" in sys.argv:
    tools = sys.argv[sys.argv.index("--tools") + 1]
sys.path.insert(0, tools)
from score_gold import items, match  # noqa: E402

KINDS = {"call", "meeting", "visit", "summit", "agreement", "statement", "exercise",
         "invasion", "attack", "sanction", "other"}
TOP_KEYS = {"file", "outlet", "language", "title", "author", "published", "published_note",
            "events", "not_events"}
EVENT_KEYS = {"kind", "date", "precision", "actors", "countries", "location", "evidence", "note",
              "optional", "window", "date_end", "alt_kinds", "alt_dates", "modality"}
SHAPE = {"day": r"^\d{4}-\d{2}-\d{2}$", "month": r"^\d{4}-\d{2}$", "year": r"^\d{4}$"}
NAME = re.compile(r"^(en|id)-(\d{4}-\d{2}-\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*\.txt$")
FIXED = {"BST": 60, "GMT": 0, "SGT": 480, "MSK": 180, "CEST": 120, "CET": 60, "AEDT": 660,
         "AEST": 600, "HKT": 480, "IST": 330, "EDT": -240, "EST": -300, "WIB": 420, "WITA": 480, "WIT": 540}

def us_eastern(d):
    """UTC offset in minutes of US Eastern time on local date d (rules in force since 2007)."""
    def nth_sunday(year, month, n):
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(6 - first.weekday()) % 7 + 7 * (n - 1))
    return -240 if nth_sunday(d.year, 3, 2) <= d < nth_sunday(d.year, 11, 1) else -300

def zone_offset(text, when):
    """The offset the page's own zone label gives (first label in the page head)."""
    head = "\n".join(text.splitlines()[:12])
    m = re.search(r"\b(" + "|".join(sorted(FIXED, key=len, reverse=True)) + r"|ET)\b", head)
    if not m:
        return None, None
    label = m.group(1)
    return label, (us_eastern(when.date()) if label == "ET" else FIXED[label])

def shape_ok(date, prec):
    return bool(date) and prec in SHAPE and re.match(SHAPE[prec], date) is not None

def main():
    errors = []
    def err(name, msg):
        errors.append(f"{name}: {msg}")

    n_docs = collections.Counter()
    req, opt = collections.Counter(), collections.Counter()
    planned, traps = collections.Counter(), collections.Counter()
    by_kind, by_prec, windows = collections.Counter(), collections.Counter(), 0
    words_all, seen_files = [], set()

    for name, path, g in items(HERE):
        if set(g) != TOP_KEYS:
            err(name, f"top-level keys {sorted(set(g) ^ TOP_KEYS)} differ from the seed's shape")
        stem = name[:-len(".gold.json")]
        if g.get("file") != stem + ".txt":
            err(name, "file does not match the gold file's stem")
        m = NAME.match(g.get("file", ""))
        if not m:
            err(name, "file name is not <lang>-<YYYY-MM-DD>-<slug>.txt")
            continue
        lang, day = m.groups()
        seen_files.add(g["file"])
        if g.get("language") != lang:
            err(name, "language differs from the file-name prefix")
        if not os.path.exists(path):
            err(name, "text file missing")
            continue
        text = open(path, encoding="utf-8").read()
        n_docs[lang] += 1
        words = len(text.split())
        words_all.append(words)
        if not 300 <= words <= 500:
            err(name, f"{words} words, outside 300-500")
        if "invented outlet; synthetic article" not in g.get("outlet", ""):
            err(name, "outlet does not say it is invented")
        if g.get("title", "") not in text:
            err(name, "title not verbatim in the text")
        if g.get("author", "").lower() not in text.lower():
            err(name, "author not in the text")
        if not g.get("published_note"):
            err(name, "published_note empty")
        try:
            pub = dt.datetime.fromisoformat(g["published"])
        except Exception:
            err(name, "published is not ISO 8601")
            continue
        if pub.utcoffset() is None:
            err(name, "published has no zone offset")
            continue
        if pub.date().isoformat() != day:
            err(name, "published date differs from the file name's date")
        label, want = zone_offset(text, pub)
        if want is None:
            err(name, "no zone label found in the page head")
        elif int(pub.utcoffset().total_seconds() // 60) != want:
            err(name, f"offset {pub.utcoffset()} does not fit the page's '{label}' on {pub.date()}")

        evs = g.get("events") or []
        for i, e in enumerate(evs):
            tag = f"event {i} ({e.get('kind')} {e.get('date')})"
            extra = set(e) - EVENT_KEYS
            if extra:
                err(name, f"{tag}: unknown keys {sorted(extra)}")
            if e.get("kind") not in KINDS:
                err(name, f"{tag}: kind not in DESIGN.md kinds")
            for k in e.get("alt_kinds") or []:
                if k not in KINDS:
                    err(name, f"{tag}: alt kind {k!r} unknown")
            if not shape_ok(e.get("date"), e.get("precision")):
                err(name, f"{tag}: date does not have the shape of its precision")
            if e.get("window") and not e.get("date_end"):
                err(name, f"{tag}: window without date_end")
            if e.get("date_end"):
                if not re.match(SHAPE["day"], e["date_end"]) or e["date_end"] < e.get("date", ""):
                    err(name, f"{tag}: bad date_end")
            for a in e.get("alt_dates") or []:
                ad = a if isinstance(a, str) else a.get("date")
                ap = None if isinstance(a, str) else a.get("precision")
                ap = ap or {4: "year", 7: "month"}.get(len(ad or ""), "day")
                if not shape_ok(ad, ap):
                    err(name, f"{tag}: bad alt date {a!r}")
            if e.get("modality", "asserted") not in {"asserted", "planned"}:
                err(name, f"{tag}: modality must be asserted or planned")
            if e.get("modality") == "planned" and not e.get("optional"):
                err(name, f"{tag}: planned events are optional")
            if not e.get("actors") or not isinstance(e.get("countries"), list):
                err(name, f"{tag}: actors/countries missing")
            if not e.get("evidence") or e["evidence"] not in text:
                err(name, f"{tag}: evidence not verbatim in the text")
            if not e.get("note"):
                err(name, f"{tag}: note empty")
            if e.get("date") and e.get("modality") != "planned" and e["date"] > pub.date().isoformat():
                err(name, f"{tag}: asserted event dated after publication")
            # the gold event, read back as a prediction, must match itself
            if e.get("date"):
                pred = {k: e.get(k) for k in ("kind", "date", "precision", "actors", "countries")}
                if not match(e, pred):
                    err(name, f"{tag}: does not match itself under score_gold.match")
                if e.get("window"):
                    if not match(e, dict(pred, date=e["date_end"], precision="day")):
                        err(name, f"{tag}: window end does not match")
            is_opt = bool(e.get("optional")) or not e.get("date")
            (opt if is_opt else req)[lang] += 1
            if e.get("modality") == "planned":
                planned[lang] += 1
            if not is_opt:
                by_kind[e["kind"]] += 1
                by_prec[e["precision"]] += 1
                windows += bool(e.get("window"))
        n_req = sum(1 for e in evs if e.get("date") and not e.get("optional"))
        if not 4 <= n_req <= 8:
            err(name, f"{n_req} required events, outside 4-8")
        for t in g.get("not_events") or []:
            if set(t) != {"text", "why"} or not t.get("why"):
                err(name, "trap must have exactly text and why")
            if t.get("text", "\0") not in text:
                err(name, f"trap text not verbatim: {t.get('text')[:60]!r}")
            traps[lang] += 1

    txts = {f for f in os.listdir(HERE) if f.endswith(".txt")}
    for f in sorted(txts - seen_files):
        err(f, "text without a gold file")

    for lang in sorted(n_docs):
        print(f"{lang}: docs={n_docs[lang]} required={req[lang]} optional={opt[lang]} "
              f"(planned {planned[lang]}) traps={traps[lang]}")
    print("required by kind: " + ", ".join(f"{k}={v}" for k, v in sorted(by_kind.items())))
    print("required by precision: " + ", ".join(f"{k}={v}" for k, v in sorted(by_prec.items()))
          + f" (windows {windows})")
    print(f"words per article: min={min(words_all, default=0)} max={max(words_all, default=0)}")
    print(f"TOTAL docs={sum(n_docs.values())} required={sum(req.values())} optional={sum(opt.values())} "
          f"traps={sum(traps.values())}")
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("OK")

if __name__ == "__main__":
    main()
