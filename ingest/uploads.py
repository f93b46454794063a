"""Files uploaded in the admin: .txt and .html articles, and .jsonl bulk files (one article a line).

A .jsonl line is an object with the content in "text" or "html", or a "url" to fetch, and
optionally "published" (ISO 8601 with offset), "language" and "url" (where the text came from).
"""

import datetime
import json
from dataclasses import dataclass, field

from ingest import pipeline, sources

MAX_UPLOAD_BYTES = 20_000_000


@dataclass
class UploadReport:
    queued: int = 0
    known: int = 0
    errors: list[str] = field(default_factory=list)


def ingest_upload(name: str, content: bytes) -> UploadReport:
    report = UploadReport()
    suffix = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    if suffix not in ("txt", "html", "htm", "jsonl"):
        report.errors.append(f"{name}: only .txt, .html and .jsonl files are read")
        return report
    if len(content) > MAX_UPLOAD_BYTES:
        report.errors.append(f"{name}: larger than {MAX_UPLOAD_BYTES:,} bytes")
        return report
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        report.errors.append(f"{name}: not UTF-8 text; convert it first")
        return report
    if suffix == "jsonl":
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                submit_line(f"{name}:{number}", line, report)
    else:
        submit(report, name, lambda: pipeline.submit_text(text, source_name=name, is_html=suffix != "txt"))
    return report


def submit_line(where: str, line: str, report: UploadReport) -> None:
    try:
        entry = json.loads(line)
        if not isinstance(entry, dict):
            raise ValueError
    except ValueError:
        report.errors.append(f"{where}: not a JSON object")
        return
    try:
        published = datetime.datetime.fromisoformat(entry["published"]) if entry.get("published") else None
    except (TypeError, ValueError):
        report.errors.append(f"{where}: 'published' is not ISO 8601")
        return
    if published is not None and published.tzinfo is None:
        report.errors.append(f"{where}: 'published' needs a UTC offset")
        return
    body = entry.get("text") or entry.get("html")
    if isinstance(body, str) and body.strip():
        submit(report, where, lambda: pipeline.submit_text(
            body, source_name=where, published=published, language=entry.get("language") or None,
            is_html="html" in entry and "text" not in entry, url=entry.get("url") or None,
        ))  # fmt: skip
    elif isinstance(entry.get("url"), str):
        submit(report, where, lambda: sources.submit_url(entry["url"], published=published))
    else:
        report.errors.append(f'{where}: needs "text", "html" or "url"')


def submit(report: UploadReport, where: str, call) -> None:
    try:
        submission = call()
    except pipeline.UnusableArticle as exc:
        # The pipeline's message may already name the source (it was given `where` as the source name).
        message = str(exc).removeprefix(f"{where}: ")
        report.errors.append(f"{where}: {message}")
        return
    if submission.created:
        report.queued += 1
    else:
        report.known += 1
