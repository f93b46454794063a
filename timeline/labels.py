"""Words the reader sees for stored codes (kinds, roles), translated; the codes stay English in the database."""

from django.utils.translation import pgettext_lazy

KIND_LABELS = {
    "call": pgettext_lazy("event kind", "call"),
    "meeting": pgettext_lazy("event kind", "meeting"),
    "visit": pgettext_lazy("event kind", "visit"),
    "summit": pgettext_lazy("event kind", "summit"),
    "agreement": pgettext_lazy("event kind", "agreement"),
    "statement": pgettext_lazy("event kind", "statement"),
    "exercise": pgettext_lazy("event kind", "exercise"),
    "invasion": pgettext_lazy("event kind", "invasion"),
    "attack": pgettext_lazy("event kind", "attack"),
    "sanction": pgettext_lazy("event kind", "sanction"),
    "other": pgettext_lazy("event kind", "other"),
}

ROLE_LABELS = {
    "initiator": pgettext_lazy("actor role", "initiator"),
    "target": pgettext_lazy("actor role", "target"),
    "participant": pgettext_lazy("actor role", "participant"),
}


def label_kind(code: str) -> str:
    return str(KIND_LABELS.get(code, code))


def label_role(code: str) -> str:
    return str(ROLE_LABELS.get(code, code))
