"""What curators do to events: publish, reject, merge, split, correct a date, and undo any of it.

Each function changes rows in one transaction, leaves the field history to django-simple-history
(who and when) and writes one CurationAction holding the before-state, so undo() can put every
row back. Nothing is deleted: a merged event points to the one it joined, a rejected event stays.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from .curation_models import CurationAction
from .models import Event, EventActor, Evidence

# The event fields an action may change and undo restores (merged_into by its id).
_EVENT_FIELDS = ["status", "merged_into_id", "date_start", "date_end", "precision", "qualifier", "date_trail"]


class CurationError(ValueError):
    """The action does not make sense for these events (said in words a curator understands)."""


def publish(event: Event, *, user=None) -> CurationAction:
    _refuse_merged([event])
    return _set_status(event, Event.Status.PUBLISHED, CurationAction.Kind.PUBLISH, user=user, reason="")


def reject(event: Event, *, reason: str, user=None) -> CurationAction:
    reason = " ".join((reason or "").split())
    if not reason:
        raise CurationError(gettext("Say why the event is rejected: the reason is kept with it."))
    _refuse_merged([event])
    return _set_status(event, Event.Status.REJECTED, CurationAction.Kind.REJECT, user=user, reason=reason)


def merge(events: list[Event], *, into: Event, user=None) -> CurationAction:
    """The other events' sources and actors move to `into`; they become 'merged' and point to it."""
    others = [e for e in events if e.pk != into.pk]
    if not others:
        raise CurationError(gettext("Choose at least two events: the one to keep and one to merge into it."))
    _refuse_merged([into, *others])
    with transaction.atomic():
        undo_data = {"events": {}, "evidence": {}, "created_roles": []}
        kept_sources = set(Evidence.objects.filter(event=into).values_list("article_id", "start"))
        kept_actors = set(EventActor.objects.filter(event=into).values_list("actor_id", flat=True))
        for other in others:
            undo_data["events"][str(other.pk)] = _snapshot(other)
            for evidence in Evidence.objects.filter(event=other):
                # The same sentence already on the kept event stays where it is: a source counts once.
                if (evidence.article_id, evidence.start) in kept_sources:
                    continue
                undo_data["evidence"][str(evidence.pk)] = other.pk
                kept_sources.add((evidence.article_id, evidence.start))
                evidence.event = into
                evidence.save(update_fields=["event"])
            for role in EventActor.objects.filter(event=other).exclude(actor_id__in=kept_actors):
                created = EventActor(event=into, actor_id=role.actor_id, role=role.role)
                _attribute(created, user, f"merged from #{other.pk}")
                created.save()
                kept_actors.add(role.actor_id)
                undo_data["created_roles"].append(created.pk)
            other.status = Event.Status.MERGED
            other.merged_into = into
            _attribute(other, user, f"merged into #{into.pk}")
            other.save(update_fields=["status", "merged_into", "updated"])
        return CurationAction.objects.create(
            kind=CurationAction.Kind.MERGE,
            event=into,
            user=_user_or_none(user),
            reason=", ".join(f"#{o.pk}" for o in others),
            undo_data=undo_data,
        )


def split(evidence: list[Evidence], *, user=None, **fields) -> tuple[Event, CurationAction]:
    """Move these sources off their event into a new proposed event (a copy unless fields say otherwise)."""
    evidence = list(evidence)
    if not evidence:
        raise CurationError(gettext("Choose the sources to split off."))
    event_ids = {e.event_id for e in evidence}
    if len(event_ids) != 1:
        raise CurationError(gettext("The sources to split off must all come from one event."))
    source = Event.objects.get(pk=event_ids.pop())
    if Evidence.objects.filter(event=source).exclude(pk__in=[e.pk for e in evidence]).count() == 0:
        raise CurationError(gettext("Keep at least one source on the original event; reject it instead."))
    allowed = {"kind", "title", "summary", "date_start", "date_end", "precision", "qualifier", "location", "modality"}
    unknown = set(fields) - allowed
    if unknown:
        raise CurationError(
            gettext("These fields cannot be set by a split: %(fields)s") % {"fields": ", ".join(sorted(unknown))}
        )
    values = {name: getattr(source, name) for name in allowed}
    values.update(fields)
    values["date_end"] = fields.get("date_end") or (
        values["date_start"] if "date_start" in fields else source.date_end
    )
    _check_dates(values["date_start"], values["date_end"], values["precision"])
    with transaction.atomic():
        new = Event(
            **values,
            date_trail=f"Split from #{source.pk} by a curator.",
            plover_type=source.plover_type,
            plover_mode=source.plover_mode,
            confidence=source.confidence,
            status=Event.Status.PROPOSED,
        )
        _attribute(new, user, f"split from #{source.pk}")
        new.save()
        for role in EventActor.objects.filter(event=source):
            EventActor.objects.create(event=new, actor_id=role.actor_id, role=role.role)
        undo_data = {"evidence": {}, "new_event": new.pk}
        for item in evidence:
            undo_data["evidence"][str(item.pk)] = source.pk
            item.event = new
            item.save(update_fields=["event"])
        action = CurationAction.objects.create(
            kind=CurationAction.Kind.SPLIT,
            event=source,
            user=_user_or_none(user),
            reason=f"#{new.pk}",
            undo_data=undo_data,
        )
    return new, action


def edit_date(
    event: Event,
    *,
    date_start: datetime.date,
    date_end: datetime.date | None = None,
    precision: str,
    qualifier: str = "",
    note: str = "",
    user=None,
) -> CurationAction:
    """Correct the date; the old one stays in the date trail and the history."""
    date_end = date_end or _end_of(date_start, precision)
    _check_dates(date_start, date_end, precision)
    if qualifier not in Event.Qualifier.values:
        raise CurationError(
            gettext("Unknown qualifier “%(qualifier)s”: use early, mid, late or nothing.") % {"qualifier": qualifier}
        )
    with transaction.atomic():
        before = _snapshot(event)
        old_display = event.date_display
        event.date_start, event.date_end = date_start, date_end
        event.precision, event.qualifier = precision, qualifier
        line = f"Corrected by a curator from {old_display} to {event.date_display}"
        event.date_trail = "\n".join(filter(None, [event.date_trail, line + (f": {note}" if note else ".")]))
        _attribute(event, user, note or "date corrected by a curator")
        event.save(update_fields=["date_start", "date_end", "precision", "qualifier", "date_trail", "updated"])
        return CurationAction.objects.create(
            kind=CurationAction.Kind.EDIT_DATE,
            event=event,
            user=_user_or_none(user),
            reason=note,
            undo_data={"events": {str(event.pk): before}},
        )


def undo(action: CurationAction, *, user=None) -> None:
    """Put back every row the action changed, as it was just before."""
    if action.undone:
        raise CurationError(gettext("This action was already undone."))
    data = action.undo_data or {}
    with transaction.atomic():
        for evidence_pk, event_pk in data.get("evidence", {}).items():
            Evidence.objects.filter(pk=int(evidence_pk)).update(event_id=event_pk)
        for role in EventActor.objects.filter(pk__in=data.get("created_roles", [])):
            _attribute(role, user, f"undo of {action}")
            role.delete()
        for event_pk, before in data.get("events", {}).items():
            event = Event.objects.get(pk=int(event_pk))
            _restore(event, before)
            _attribute(event, user, f"undo of {action}")
            event.save()
        if data.get("new_event"):
            # The event made by a split is kept, pointing back to the one it came from.
            new = Event.objects.get(pk=data["new_event"])
            new.status, new.merged_into_id = Event.Status.MERGED, action.event_id
            _attribute(new, user, f"undo of {action}")
            new.save(update_fields=["status", "merged_into", "updated"])
        action.undone = timezone.now()
        action.save(update_fields=["undone"])


# Helpers


def _set_status(event: Event, status: str, kind: str, *, user, reason: str) -> CurationAction:
    with transaction.atomic():
        before = _snapshot(event)
        event.status = status
        _attribute(event, user, reason or kind)
        event.save(update_fields=["status", "updated"])
        return CurationAction.objects.create(
            kind=kind, event=event, user=_user_or_none(user), reason=reason,
            undo_data={"events": {str(event.pk): before}},
        )


def _refuse_merged(events: list[Event]) -> None:
    merged = [f"#{e.pk}" for e in events if e.status == Event.Status.MERGED]
    if merged:
        raise CurationError(
            gettext("%(events)s already merged into another event; undo that merge or act on the event it joined.")
            % {"events": ", ".join(merged)}
        )


def _check_dates(start, end, precision: str) -> None:
    if not isinstance(start, datetime.date) or not isinstance(end, datetime.date):
        raise CurationError(gettext("Give the date as a calendar date."))
    if end < start:
        raise CurationError(gettext("The end of the date range comes before its start."))
    if precision not in Event.Precision.values:
        raise CurationError(gettext("Unknown precision “%(precision)s”.") % {"precision": precision})


def _end_of(start: datetime.date, precision: str) -> datetime.date:
    """The last day a date at this precision covers: 'Feb 2022' runs to 28 Feb."""
    if precision == "month":
        following = (start.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        return following - datetime.timedelta(days=1)
    if precision == "year":
        return start.replace(month=12, day=31)
    return start


def _snapshot(event: Event) -> dict:
    values = {}
    for name in _EVENT_FIELDS:
        value = getattr(event, name)
        values[name] = value.isoformat() if isinstance(value, datetime.date) else value
    return values


def _restore(event: Event, values: dict) -> None:
    for name, value in values.items():
        if name in {"date_start", "date_end"} and value:
            value = datetime.date.fromisoformat(value)
        setattr(event, name, value)


def _user_or_none(user):
    return user if user is not None and getattr(user, "is_authenticated", False) else None


def _attribute(instance, user, reason: str) -> None:
    """Tell simple-history who made this change and why (it reads these attributes on save)."""
    if _user_or_none(user) is not None:
        instance._history_user = user
    instance._change_reason = reason[:100]
