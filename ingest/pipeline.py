"""From raw article to recorded events: the only place extraction results become rows.

submit_text stores an article once and queues its processing; process_article cleans,
extracts and records it. Both are idempotent: running them again changes nothing.
"""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from ingest.cleaning import clean_html, clean_text
from ingest.extraction import EXTRACTOR_VERSION, detect_language, extract
from ingest.extraction.merging import PRECISION_RANK, EventKey, kinds_merging_with, merge_reason, united_kind
from ingest.models import Article, Outlet
from timeline.models import Actor, Event, EventActor, Evidence

log = logging.getLogger(__name__)


class UnusableArticle(ValueError):
    """The content cannot be turned into an article (empty, not text...)."""


@dataclass(frozen=True)
class Submission:
    article: Article
    created: bool


def submit_text(
    raw: str,
    *,
    source_name: str = "",
    published: datetime.datetime | None = None,
    language: str | None = None,
    is_html: bool = False,
    url: str | None = None,
    outlet: Outlet | None = None,
) -> Submission:
    """Store the article once (same content or same URL: the existing one) and queue it."""
    from ingest.tasks import process_article_task

    if not raw or not raw.strip():
        raise UnusableArticle(f"{source_name or 'input'}: the content is empty")
    if "\x00" in raw:
        raise UnusableArticle(f"{source_name or 'input'}: the content is binary, not text")
    content_hash = Article.hash_content(raw)
    with transaction.atomic():
        existing = Article.objects.filter(content_hash=content_hash).first()
        if existing is None and url:
            existing = Article.objects.filter(url=url).first()
        if existing is not None:
            return Submission(existing, created=False)
        article = Article.objects.create(
            content_hash=content_hash,
            raw=raw,
            is_html=is_html,
            url=url or None,
            source_name=source_name[:500],
            published=published,
            language=language or "",
            outlet=outlet,
        )
        process_article_task.delay_on_commit(article_id=article.pk)
    return Submission(article, created=True)


def process_article(article_id: int) -> Article:
    """Clean, extract and record one article; a second run finds the work done."""
    article = Article.objects.get(pk=article_id)
    if article.status == Article.Status.EXTRACTED and article.extractor_version == EXTRACTOR_VERSION:
        return article
    if article.is_html:
        cleaned = clean_html(article.raw, url=article.url, language=article.language or None)
    else:
        cleaned = clean_text(article.raw, language=article.language or None)
    if not cleaned.text.strip():
        raise UnusableArticle("no article text was found after removing the page's boilerplate")
    published = article.published or cleaned.published
    language = article.language or cleaned.language or detect_language(cleaned.text) or ""
    candidates = extract(cleaned.text, published=published, language=language or None)

    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article_id)
        if article.status == Article.Status.EXTRACTED and article.extractor_version == EXTRACTOR_VERSION:
            return article
        article.text = cleaned.text
        article.title = (article.title or cleaned.title or "")[:500]
        article.author = (article.author or cleaned.author or "")[:200]
        article.published = published
        article.published_expression = (cleaned.published_expression or "")[:200]
        article.language = language
        if article.outlet is None and cleaned.outlet:
            article.outlet, _ = Outlet.objects.get_or_create(name=cleaned.outlet[:200])
        for candidate in candidates:
            record_candidate(article, candidate)
        article.status = Article.Status.EXTRACTED
        article.extractor_version = EXTRACTOR_VERSION
        article.error = ""
        article.save()
    return article


def reextract_article(article_id: int) -> Article:
    """Extract an article again with the current extractor: its reports merge into the events
    they already support (evidence is unique per event, article and sentence), never duplicating."""
    Article.objects.filter(pk=article_id).update(extractor_version="", status=Article.Status.FETCHED, error="")
    return process_article(article_id)


# One short report per language the extractor reads: enough to load its lexicons, compile its patterns
# and build the gazetteer's matchers, which otherwise happens inside the first article's task.
WARM_UP_REPORTS = {
    "en": "Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on March 21, 2023.",
    "id": "Presiden China Xi Jinping bertemu Presiden Rusia Vladimir Putin di Moskow pada 21 Maret 2023.",
    "ru": "Председатель КНР Си Цзиньпин встретился с президентом России Владимиром Путиным в Москве 21 марта.",
    "zh": "2023年3月21日，中国国家主席习近平在莫斯科同俄罗斯总统普京举行会谈。",
}


def warm_up() -> None:
    """Load everything extraction loads lazily, without touching the database.

    Called in a Celery worker's parent before it forks its pool: every child then starts warm instead
    of each paying seconds of loading on its first article (a child recycled later too)."""
    from ingest.webpages import read_webpage

    published = datetime.datetime(2023, 3, 22, tzinfo=datetime.UTC)
    for language, report in WARM_UP_REPORTS.items():
        extract(report, published=published, language=language)
        detect_language(report)
    page = f"<html><head><title>Talks</title></head><body><article><p>{WARM_UP_REPORTS['en']}</p></article></body>"
    read_webpage(page, url="https://example.org/warm-up")


def mark_failed(article_id: int, error: str) -> None:
    Article.objects.filter(pk=article_id).update(status=Article.Status.FAILED, error=error[:2000])


def record_candidate(article: Article, candidate) -> Event | None:
    """Merge one extracted candidate into the event it reports, or start a new event."""
    if not candidate.date or not candidate.date_value or candidate.date.precision == "ref":
        return None  # "recently" or "soon" cannot place an event on the timeline
    actors = [(resolve_actor(ref.name, ref.kind), ref.role) for ref in candidate.actors]
    key = candidate_key(candidate)
    event, reason = find_event_of_sentence(article, candidate), "the same sentence, extracted again"
    if event is None:
        event, reason = find_same_event(key, article)
    if event is None:
        event = Event.objects.create(
            kind=candidate.kind,
            title=title_for(candidate.kind, actors, candidate.location, _trigger_of(candidate))[:300],
            date_start=candidate.date.earliest,
            date_end=candidate.date.latest,
            precision=candidate.date.precision,
            qualifier=candidate.date.qualifier or "",
            date_trail=candidate.date_trail,
            location=(candidate.location or "")[:200],
            modality=candidate.modality,
            plover_type=candidate.plover_type or "",
            plover_mode=candidate.plover_mode or "",
            confidence=candidate.confidence,
            status=initial_status(candidate),
        )
        reason = "first report of this event"
    else:
        # The history of the event names the source that refined it (the public changelog reads it).
        event._change_reason = f"article:{article.pk}"
        refine_event(event, candidate)
    for actor, role in actors:
        EventActor.objects.get_or_create(event=event, actor=actor, defaults={"role": role})
    for evidence in candidate.evidence:
        Evidence.objects.get_or_create(
            event=event,
            article=article,
            start=evidence.start,
            defaults={
                "sentence": evidence.sentence,
                "end": evidence.end,
                "date_expression": (evidence.date_expression or "")[:200],
                "trigger": (evidence.trigger or "")[:100],
                "confidence": candidate.confidence,
                "extractor_version": candidate.extractor_version,
                "merge_reason": reason,
                "reported_start": candidate.date.earliest,
                "reported_end": candidate.date.latest,
                "reported_precision": candidate.date.precision,
            },
        )
    return event


def initial_status(candidate) -> str:
    if settings.LINIMASA_AUTO_PUBLISH and candidate.confidence >= settings.LINIMASA_AUTO_PUBLISH_MIN_CONFIDENCE:
        return Event.Status.PUBLISHED
    return Event.Status.PROPOSED


def candidate_key(candidate) -> EventKey:
    names = frozenset(ref.name for ref in candidate.actors)
    return EventKey(
        kind=candidate.kind,
        earliest=candidate.date.earliest,
        latest=candidate.date.latest,
        precision=candidate.date.precision,
        actors=names,
        countries=frozenset(candidate.countries),
        modality=candidate.modality,
    )


def event_key(event: Event) -> EventKey:
    actors = [role.actor for role in event.roles.all()]
    countries = {a.name for a in actors if a.kind == Actor.Kind.COUNTRY}
    countries |= {a.country.name for a in actors if a.country_id}
    return EventKey(
        kind=event.kind,
        earliest=event.date_start,
        latest=event.date_end,
        precision=event.precision,
        actors=frozenset(a.name for a in actors),
        countries=frozenset(countries),
        modality=event.modality,
    )


def find_event_of_sentence(article: Article, candidate) -> Event | None:
    """On re-extraction: the event this article's sentence already reports (kept even when rejected,
    so extracting again neither duplicates an event nor brings back one a curator turned down)."""
    starts = [evidence.start for evidence in candidate.evidence]
    if not starts or article.pk is None:
        return None
    slack = datetime.timedelta(days=1)
    return (
        Event.objects.filter(
            kind=candidate.kind,
            evidence__article=article,
            evidence__start__in=starts,
            date_start__lte=candidate.date.latest + slack,
            date_end__gte=candidate.date.earliest - slack,
        )
        .exclude(status=Event.Status.MERGED)
        .order_by("id")
        .first()
    )


def find_same_event(key: EventKey, article: Article) -> tuple[Event | None, str]:
    # A day either side: a late-evening call in Moscow is the next day in Jakarta.
    slack = datetime.timedelta(days=1)
    nearby = (
        Event.objects.filter(
            kind__in=kinds_merging_with(key.kind),
            date_start__lte=key.latest + slack,
            date_end__gte=key.earliest - slack,
        )
        .exclude(status__in=[Event.Status.REJECTED, Event.Status.MERGED])
        .prefetch_related("roles__actor__country", "evidence")
        .order_by("date_start", "id")
    )
    for event in nearby:
        # One article dates all its events from one base: a day apart there is another event.
        same_article = any(evidence.article_id == article.pk for evidence in event.evidence.all())
        reason = merge_reason(event_key(event), key, day_slack=not same_article)
        if reason:
            return event, reason
    return None, ""


def refine_event(event: Event, candidate) -> None:
    """A finer date from a new source refines the event's date; a coarser one changes nothing."""
    date = candidate.date
    if PRECISION_RANK.get(date.precision, 9) < PRECISION_RANK.get(event.precision, 9):
        event.date_start, event.date_end = date.earliest, date.latest
        event.precision = date.precision
        event.qualifier = date.qualifier or ""
        event.date_trail = f"{candidate.date_trail}\n(refined from {event.date_display})"
        event.save(update_fields=["date_start", "date_end", "precision", "qualifier", "date_trail", "updated"])
    kind = united_kind(event.kind, candidate.kind)
    if kind != event.kind:
        # "Russia attacked Ukraine" first, "Russia invaded Ukraine" the same day later: the invasion names it
        event.kind = kind
        event.plover_type, event.plover_mode = candidate.plover_type or "", candidate.plover_mode or ""
        actors = [(role.actor, role.role) for role in event.roles.all()]
        event.title = title_for(kind, actors, event.location or None, _trigger_of(candidate))[:300]
        event.save(update_fields=["kind", "plover_type", "plover_mode", "title", "updated"])
    if event.modality == Event.Modality.PLANNED and candidate.modality == Event.Modality.ASSERTED:
        # A report that the planned event took place.
        event.modality = Event.Modality.ASSERTED
        event.save(update_fields=["modality", "updated"])


def resolve_actor(name: str, kind: str) -> Actor:
    actor = Actor.objects.filter(name=name).first()
    if actor is None:
        actor, _ = Actor.objects.get_or_create(name=name, defaults={"kind": kind})
    return actor


STATE_KINDS = {"exercise", "invasion", "attack", "sanction"}


def title_for(kind: str, actors: list[tuple[Actor, str]], location: str | None, trigger: str | None = None) -> str:
    """A readable headline for a new event: who did what, to whom, where."""
    people = [a.name for a, _ in actors if a.kind == Actor.Kind.PERSON]
    groups = [a.name for a, _ in actors if a.kind != Actor.Kind.PERSON]
    # Leaders speak, meet and visit; states invade, sanction and drill.
    pool = (groups or people) if kind in STATE_KINDS else (people or groups)
    pool = pool or ["Unknown actors"]
    firsts = [a.name for a, role in actors if role == "initiator" and a.name in pool]
    if not firsts:  # "Putin announced an operation": his country is the side that acts
        acting = [a for a, role in actors if role == "initiator" and a.country_id]
        firsts = [a.country.name for a in acting if a.country.name in pool]
    seconds = [a.name for a, role in actors if role == "target" and a.name in pool]
    lead = firsts[:1] or pool[:1]
    rest = seconds or [n for n in pool if n not in lead]
    where = f" in {location}" if location else ""
    if kind == "call":
        title = f"{_join(pool)} speak by phone" if len(pool) > 1 else f"{lead[0]} holds a phone call"
    elif kind == "meeting":
        title = (f"{_join(pool)} meet" if len(pool) > 1 else f"{lead[0]} holds talks") + where
    elif kind == "visit":
        homes = {a.country.name for a, _ in actors if a.name in lead and a.country_id}
        abroad = [a.name for a, role in actors if a.kind == Actor.Kind.COUNTRY and a.name not in homes]
        destination = location or _join([t for t in seconds if t not in homes]) or _join(abroad)
        title = f"{lead[0]} visits {destination}" if destination else f"{lead[0]} on an official visit"
    elif kind == "summit":
        organisations = [a.name for a, _ in actors if a.kind == Actor.Kind.ORGANISATION]
        title = f"{_join(organisations)} summit{where}" if organisations else f"Summit of {_join(pool)}{where}"
    elif kind == "agreement":
        title = f"{_join(pool)} sign an agreement{where}" if len(pool) > 1 else f"{lead[0]} signs an agreement"
    elif kind == "statement":
        if len(firsts) > 1:
            title = f"{_join(firsts)} issue a joint statement"
        else:
            title = f"{lead[0]} issues a statement" + (f" on {_join(rest)}" if rest else "")
    elif kind == "exercise":
        title = f"{_join(pool)} hold joint exercises" if len(pool) > 1 else f"{lead[0]} holds exercises"
    elif kind in {"invasion", "attack", "sanction"}:
        verb = {"invasion": "invades", "attack": "attacks", "sanction": "sanctions"}[kind]
        title = f"{lead[0]} {verb} {_join(seconds)}" if seconds else f"{kind.capitalize()} by {lead[0]}"
    else:
        title = f"{_join(pool)}: {trigger}" if trigger else _join(pool) + where
    return title[0].upper() + title[1:]


def _trigger_of(candidate) -> str | None:
    primary = candidate.primary_evidence
    return primary.trigger if primary else None


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
