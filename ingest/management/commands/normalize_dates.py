"""python manage.py normalize_dates FILE : the dates found in JSON lines, one JSON line out per line in.

Each input line is {"id", "text", "published", "language"} (optionally "prefer": past, future or auto).
A line that cannot be read gives {"id", "error"} and the run goes on.
"""

import datetime
import json
import sys

from django.core.management.base import BaseCommand, CommandError

from ingest.extraction.dates import find_dates


def normalize_line(line: str) -> dict:
    """The output record for one input line; problems become an "error" field, never an exception."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return {"id": None, "error": f"not JSON: {error}"}
    if not isinstance(record, dict):
        return {"id": None, "error": "a line must be a JSON object"}
    ident = record.get("id")
    text = record.get("text")
    if not isinstance(text, str):
        return {"id": ident, "error": "'text' must be a string"}
    published = None
    if record.get("published"):
        try:
            published = datetime.datetime.fromisoformat(str(record["published"]))
        except ValueError:
            return {"id": ident, "error": f"'published' is not ISO 8601: {record['published']!r}"}
    language = record.get("language") or "id"
    mentions = find_dates(text, published=published, language=language, prefer=record.get("prefer") or "past")
    dates = [
        {
            "start": m.start,
            "end": m.end,
            "expression": m.expression,
            "value": m.value,
            "precision": m.precision,
            "qualifier": m.qualifier,
            "end_value": m.end_value,
            "trail": m.trail,
        }
        for m in mentions
    ]
    return {"id": ident, "dates": dates}


class Command(BaseCommand):
    help = "Print the normalised dates of each JSON line {id, text, published, language} of FILE ('-' for stdin)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a JSON lines file, or - for standard input")

    def handle(self, *args, **options):
        path = options["file"]
        try:
            stream = sys.stdin if path == "-" else open(path, encoding="utf-8")
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from None
        with stream:
            for line in stream:
                if line.strip():
                    self.stdout.write(json.dumps(normalize_line(line), ensure_ascii=False))
