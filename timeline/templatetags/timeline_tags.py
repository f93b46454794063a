"""Template helpers for the timeline: highlighted evidence and state links."""

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from timeline.labels import label_kind, label_role
from timeline.state import SOURCE_LANGUAGE_NAMES

register = template.Library()


register.filter("kind_label", label_kind)
register.filter("role_label", label_role)


@register.filter
def language_name(code: str) -> str:
    """'id' → 'Bahasa Indonesia'; an unknown code is shown as it is."""
    return SOURCE_LANGUAGE_NAMES.get((code or "").lower(), code)


def _find_spans(text: str, needles: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """(start, end, css class) of each needle's first case-insensitive occurrence, overlaps dropped."""
    folded = text.casefold()
    spans = []
    for needle, css in needles:
        needle = (needle or "").strip()
        if not needle or len(needle.casefold()) != len(needle):
            continue
        at = folded.find(needle.casefold())
        if at >= 0 and len(folded) == len(text):
            spans.append((at, at + len(needle), css))
    spans.sort()
    kept: list[tuple[int, int, str]] = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


@register.filter
def highlight_evidence(evidence) -> SafeString:
    """The evidence sentence with its date expression and trigger words marked; everything escaped."""
    text = evidence.sentence or ""
    spans = _find_spans(text, [(evidence.date_expression, "date-expression-mark"), (evidence.trigger, "trigger-mark")])
    parts, position = [], 0
    for start, end, css in spans:
        parts.append(escape(text[position:start]))
        parts.append(f'<mark class="{css}">{escape(text[start:end])}</mark>')
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))
