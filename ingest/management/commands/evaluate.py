"""python manage.py evaluate DIR [--verbose] [--min-f1 X]

Runs clean + extract on every *.gold.json article of DIR and scores the events the way the
project's gold scorer does: kinds (alt_kinds allowed), dates at the gold precision (a finer
invented date is wrong unless gold gives a window), actor sets compared through countries.
Prints precision/recall/F1 per language and per kind, date accuracy over the pairs whose kind
and actors agree, and a last line "F1=<x> P=<p> R=<r> n=<files>".
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ingest.extraction import Gazetteer

from .extract import parse_published, read_article

PRECISION_RANK = {"year": 1, "month": 2, "week": 3, "day": 3}
DATE_LENGTH = {"year": 4, "month": 7}


def actor_set(event: dict, gazetteer: Gazetteer) -> set[str]:
    """Actors and countries, people replaced by their country, in lower case."""
    names = set()
    for name in (event.get("actors") or []) + (event.get("countries") or []):
        country = gazetteer.country_of(name) if gazetteer.kind_of(name) == "person" else None
        names.add((country or name).lower())
    return names


def actors_match(gold: dict, predicted: dict, gazetteer: Gazetteer) -> bool:
    wanted, found = actor_set(gold, gazetteer), actor_set(predicted, gazetteer)
    return len(wanted & found) >= min(2, len(wanted))


def kind_matches(gold: dict, predicted: dict) -> bool:
    return (predicted.get("kind") or "").lower() in {gold.get("kind")} | set(gold.get("alt_kinds") or [])


def _precision_of(value: str, precision: str | None) -> str:
    return precision or {4: "year", 7: "month"}.get(len(value), "day")


def one_date_matches(gold_date, gold_precision, gold_end, window, date, precision) -> bool:
    if not gold_date or not date:
        return False
    gold_precision = _precision_of(gold_date, gold_precision)
    precision = _precision_of(date, precision)
    if PRECISION_RANK.get(precision, 3) > PRECISION_RANK.get(gold_precision, 3) and not (gold_end and window):
        return False  # a day the text does not give is invented
    size = DATE_LENGTH.get(gold_precision, 10)
    if date[:size] == gold_date[:size]:
        return True
    return bool(gold_end) and (window or len(date) >= 10) and gold_date[:10] <= date[:10] <= gold_end[:10]


def date_matches(gold: dict, predicted: dict) -> bool:
    date = str(predicted.get("date") or "")
    options = [(gold.get("date"), gold.get("precision"), gold.get("date_end"))]
    for alt in gold.get("alt_dates") or []:
        options.append(
            (alt.get("date"), alt.get("precision"), alt.get("date_end")) if isinstance(alt, dict) else (alt, None, None)
        )
    return any(
        one_date_matches(str(d or ""), p, str(e or ""), gold.get("window"), date, predicted.get("precision"))
        for d, p, e in options
    )


def events_match(gold: dict, predicted: dict, gazetteer: Gazetteer) -> bool:
    return kind_matches(gold, predicted) and date_matches(gold, predicted) and actors_match(gold, predicted, gazetteer)


@dataclass
class Tally:
    tp: int = 0
    extracted: int = 0
    gold: int = 0
    docs: int = 0

    def figures(self) -> tuple[float, float, float]:
        precision = self.tp / self.extracted if self.extracted else 0.0
        recall = self.tp / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


@dataclass
class Report:
    by_language: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_kind: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    date_pairs: int = 0
    date_value_right: int = 0
    date_precision_right: int = 0
    errors: int = 0
    files: int = 0
    lines: list[str] = field(default_factory=list)

    @property
    def total(self) -> Tally:
        total = Tally()
        for tally in self.by_language.values():
            total.tp += tally.tp
            total.extracted += tally.extracted
            total.gold += tally.gold
            total.docs += tally.docs
        return total


def score_file(gold_path: Path, report: Report, gazetteer: Gazetteer) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text_path = gold_path.parent / gold["file"]
    if not text_path.exists():
        report.lines.append(f"MISSING {gold_path.name}: {gold['file']}")
        return
    report.files += 1
    name = gold_path.name
    events = gold.get("gold_events", gold.get("events", []))
    required = [e for e in events if e.get("date") and not e.get("optional")]
    optional = [e for e in events if not (e.get("date") and not e.get("optional"))]
    try:
        result = read_article(
            text_path,
            html=text_path.suffix.lower() in (".html", ".htm"),
            published=parse_published(gold.get("published")),
            language=gold.get("language"),
        )
        predicted = [e for e in result["events"] if e.get("date")]
    except Exception as error:  # a crash counts as finding nothing, and is reported
        report.errors += 1
        report.lines.append(f"ERROR {name}: {error}")
        predicted = []
    language = gold.get("language") or "?"
    used: dict[int, str] = {}  # predicted index -> the gold kind it matched
    for wanted in required:
        report.by_kind[wanted["kind"]].gold += 1
        report.by_language[language].gold += 1
        hit = next((i for i, p in enumerate(predicted) if i not in used and events_match(wanted, p, gazetteer)), None)
        pair = hit
        if pair is None:
            pair = next(
                (i for i, p in enumerate(predicted) if kind_matches(wanted, p) and actors_match(wanted, p, gazetteer)),
                None,
            )
        if pair is not None:
            report.date_pairs += 1
            report.date_value_right += date_matches(wanted, predicted[pair])
            wanted_precision = _precision_of(str(wanted["date"]), wanted.get("precision"))
            found_precision = _precision_of(str(predicted[pair].get("date") or ""), predicted[pair].get("precision"))
            report.date_precision_right += PRECISION_RANK.get(wanted_precision) == PRECISION_RANK.get(found_precision)
        if hit is None:
            got = f" (closest: {predicted[pair]['date']})" if pair is not None else ""
            report.lines.append(
                f"MISS  {name} {wanted['kind']} {wanted['date']} {sorted(actor_set(wanted, gazetteer))}{got}"
                f"\n        {wanted.get('evidence', '')[:160]}"
            )
        else:
            used[hit] = wanted["kind"]
            report.by_kind[wanted["kind"]].tp += 1
            report.by_language[language].tp += 1
    for index, found in enumerate(predicted):
        if index in used:
            continue
        if any(events_match(o, found, gazetteer) for o in optional) or any(
            events_match(w, found, gazetteer) for w in required
        ):
            continue  # an optional event, or a second report of a matched one
        report.by_kind[found["kind"]].extracted += 1
        report.by_language[language].extracted += 1
        report.lines.append(
            f"EXTRA {name} {found['kind']} {found['date']} {found['actors']} {found['countries']}"
            f"\n        {found.get('evidence', '')[:160]}"
        )
    for kind in used.values():
        report.by_kind[kind].extracted += 1
        report.by_language[language].extracted += 1
    report.by_language[language].docs += 1


def evaluate(folder: Path) -> Report:
    report = Report()
    gazetteer = Gazetteer.default()
    for gold_path in sorted(folder.glob("*.gold.json")):
        score_file(gold_path, report, gazetteer)
    return report


class Command(BaseCommand):
    help = "Score clean + extract against a folder of *.gold.json articles."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)
        parser.add_argument("--verbose", action="store_true", help="list every MISS and EXTRA")
        parser.add_argument("--min-f1", type=float, default=None, help="exit non-zero below this F1")

    def handle(self, *args, **options):
        folder: Path = options["folder"]
        if not folder.is_dir():
            raise CommandError(f"{folder}: not a folder")
        report = evaluate(folder)
        out = self.stdout.write
        if options["verbose"]:
            for line in report.lines:
                out(line)
        for language, tally in sorted(report.by_language.items()):
            p, r, f1 = tally.figures()
            out(
                f"{language}: docs={tally.docs} gold={tally.gold} extracted={tally.extracted} matched={tally.tp} "
                f"P={p:.2f} R={r:.2f} F1={f1:.2f}"
            )
        for kind, tally in sorted(report.by_kind.items()):
            p, r, f1 = tally.figures()
            out(
                f"  {kind:<10} gold={tally.gold:<4} extracted={tally.extracted:<4} matched={tally.tp:<4} "
                f"P={p:.2f} R={r:.2f} F1={f1:.2f}"
            )
        if report.date_pairs:
            value = report.date_value_right / report.date_pairs
            precision = report.date_precision_right / report.date_pairs
            out(f"dates over {report.date_pairs} kind+actor pairs: value {value:.2f}, precision {precision:.2f}")
        if report.errors:
            out(f"errors: {report.errors} of {report.files} files")
        p, r, f1 = report.total.figures()
        out(f"F1={f1:.2f} P={p:.2f} R={r:.2f} n={report.files}")
        if report.files == 0:
            raise CommandError(f"{folder}: no *.gold.json articles with their text")
        if options["min_f1"] is not None and f1 < options["min_f1"]:
            raise CommandError(f"F1 {f1:.2f} is below --min-f1 {options['min_f1']:.2f}")
