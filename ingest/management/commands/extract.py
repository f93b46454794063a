"""python manage.py extract PATH --json [--published ISO] [--language xx] [--html]

Cleans one file, extracts its events and prints them; never touches the database.
"""

import datetime
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ingest.cleaning import clean_html, clean_text
from ingest.extraction import detect_language, extract


def parse_published(value: str | None) -> datetime.datetime | None:
    if not value:
        return None
    try:
        published = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as error:
        raise CommandError(f"--published: {value!r} is not an ISO date or datetime") from error
    return published


def read_article(path: Path, *, html: bool, published: datetime.datetime | None, language: str | None) -> dict:
    """Clean and extract one file: the JSON contract's {"article": ..., "events": [...]}."""
    try:
        raw = path.read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        raise CommandError(f"{path}: {error.strerror or error}") from error
    if "\x00" in raw:
        raise CommandError(f"{path}: the file is binary, not text")
    cleaned = clean_html(raw, language=language) if html else clean_text(raw, language=language)
    published = published or cleaned.published
    language = language or cleaned.language or detect_language(cleaned.text)
    events = extract(cleaned.text, published=published, language=language)
    return {
        "article": {
            "title": cleaned.title,
            "published": published.isoformat() if published else None,
            "language": language,
            "outlet": cleaned.outlet,
            "author": cleaned.author,
        },
        "events": [event.to_contract() for event in events],
    }


class Command(BaseCommand):
    help = "Extract events from one article file and print them (JSON with --json); no database access."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--json", action="store_true", help="print the JSON contract")
        parser.add_argument("--published", help="publication datetime (ISO 8601); overrides the dateline")
        parser.add_argument("--language", help="language code (en, id, ru, zh); overrides detection")
        parser.add_argument("--html", action="store_true", help="the file is an HTML page")

    def handle(self, *args, **options):
        path: Path = options["path"]
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        html = options["html"] or path.suffix.lower() in (".html", ".htm")
        result = read_article(
            path, html=html, published=parse_published(options["published"]), language=options["language"]
        )
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
            return
        article = result["article"]
        self.stdout.write(f"{article['title'] or path.name} ({article['language']}, {article['published']})")
        for event in result["events"]:
            who = ", ".join(event["actors"])
            self.stdout.write(f"  {event['date']:<10} {event['kind']:<9} {who} [{event['modality']}]")
            self.stdout.write(f"             {event['evidence']}")
