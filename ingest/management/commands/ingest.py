"""python manage.py ingest PATH... : send files (or a .jsonl manifest) through the ingestion task."""

import datetime
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ingest.models import Article, Outlet
from ingest.pipeline import UnusableArticle, submit_text

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}


def parse_published(value: str | None) -> datetime.datetime | None:
    if not value:
        return None
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--published {value!r} is not ISO 8601 (e.g. 2022-06-15T21:01+07:00)") from None
    if moment.tzinfo is None:
        raise CommandError(f"--published {value!r} needs a UTC offset (e.g. +07:00), or the day may be wrong")
    return moment


class Command(BaseCommand):
    help = (
        "Ingest article files (.txt, .html), folders of them, or a .jsonl manifest whose lines name a file and its "
        "published/language/outlet/url. Runs in-process without a broker, through Celery with one."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+")
        parser.add_argument("--published", help="publication date-time with offset, for files without a dateline")
        parser.add_argument("--language", help="ISO 639-1 code (id, en, ru, zh); detected when absent")
        parser.add_argument("--feed", action="store_true", help="the http(s) URLs given are RSS/Atom feeds to follow")

    def handle(self, *args, paths, published, language, feed=False, **options):
        published = parse_published(published)
        failures = 0
        web = [p for p in paths if p.lower().startswith(("http://", "https://"))]
        paths = [p for p in paths if p not in web]
        failures += self.ingest_web(web, as_feed=feed)
        items = list(self.expand(paths))
        for number, item in enumerate(items, 1):
            if len(items) > 20 and number % 10 == 0:
                self.stderr.write(f"[{number}/{len(items)}] {100 * number // len(items)}%")
            if "error" in item:
                self.stderr.write(item["error"])
                failures += 1
                continue
            item["published"] = item.get("published") or published
            item["language"] = item.get("language") or language
            failures += not self.ingest_one(**item)
        if failures:
            raise CommandError(f"{failures} input(s) could not be ingested (see above); the others were.")

    def ingest_web(self, urls: list[str], *, as_feed: bool) -> int:
        """Queue URLs (fetched by the worker) or feeds (polled now, then on their schedule)."""
        from ingest import sources

        failures = 0
        for number, url in enumerate(urls, 1):
            try:
                if as_feed:
                    feed, created = sources.submit_feed(url)
                    self.stdout.write(f"{url}: feed {feed.pk} {'added' if created else 'already followed'}")
                else:
                    submission = sources.submit_url(url)
                    article = Article.objects.get(pk=submission.article.pk)
                    state = "queued" if submission.created else "already known"
                    self.stdout.write(f"{url}: article {article.pk} {state} ({article.status})")
            except UnusableArticle as exc:
                self.stderr.write(str(exc))
                failures += 1
            if len(urls) > 20 and number % 10 == 0:
                self.stderr.write(f"[{number}/{len(urls)}] {100 * number // len(urls)}%")
        return failures

    def expand(self, paths):
        for name in paths:
            path = Path(name)
            if path.is_dir():
                for child in sorted(path.rglob("*")):
                    if child.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES:
                        yield {"path": child}
            elif path.suffix.lower() == ".jsonl":
                yield from self.read_manifest(path)
            else:
                yield {"path": path}

    def read_manifest(self, manifest: Path):
        try:
            lines = manifest.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise CommandError(f"{manifest}: {exc.strerror}") from None
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
                item = {"path": manifest.parent / entry["file"]}
            except (ValueError, KeyError, TypeError):
                yield {"error": f"{manifest}:{number}: not a JSON object with a \"file\"; skipped"}
                continue
            try:
                item["published"] = parse_published(entry.get("published"))
            except CommandError as exc:
                yield {"error": f"{manifest}:{number}: {exc}"}
                continue
            item["language"] = entry.get("language")
            item["url"] = entry.get("url")
            if entry.get("outlet"):
                item["outlet"], _ = Outlet.objects.get_or_create(
                    name=entry["outlet"],
                    defaults={"domain": entry.get("outlet_domain", ""), "language": entry.get("language", "")},
                )
            yield item

    def ingest_one(self, *, path: Path, published=None, language=None, url=None, outlet=None) -> bool:
        try:
            raw = path.read_bytes().decode("utf-8")
        except OSError as exc:
            self.stderr.write(f"{path}: cannot read: {exc.strerror}")
            return False
        except UnicodeDecodeError:
            self.stderr.write(f"{path}: not UTF-8 text; convert it first")
            return False
        try:
            submission = submit_text(
                raw,
                source_name=path.name,
                published=published,
                language=language,
                is_html=path.suffix.lower() in HTML_SUFFIXES,
                url=url,
                outlet=outlet,
            )
        except UnusableArticle as exc:
            self.stderr.write(str(exc))
            return False
        except Exception as exc:  # the task has kept the error on the article; report it and go on
            self.stderr.write(f"{path}: failed: {type(exc).__name__}: {exc}")
            return False
        article = Article.objects.get(pk=submission.article.pk)
        if not submission.created:
            self.stdout.write(f"{path}: already ingested as article {article.pk} ({article.status}); unchanged")
        elif article.status == Article.Status.QUEUED:
            self.stdout.write(f"{path}: queued as article {article.pk}")
        elif article.status == Article.Status.FAILED:
            self.stderr.write(f"{path}: article {article.pk} failed: {article.error}")
            return False
        else:
            events = article.evidence.values("event").distinct().count()
            self.stdout.write(f"{path}: article {article.pk} {article.status}, {events} event(s)")
        return True
