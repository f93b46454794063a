"""What the extractor proposes: a candidate event with its date, actors and evidence."""

from dataclasses import dataclass, field

from .actors import ActorRole
from .dates import DateMention
from .gazetteer import Gazetteer
from .merging import EventKey

EXTRACTOR_VERSION = "2026.11.10"
# The JSON contract shows dates at day, month or year; finer internal precisions map onto them.
# A season or quarter spans three months, which no single month can stand for: show its year.
CONTRACT_PRECISION = {"quarter": "year", "season": "year", "decade": "year"}


@dataclass(frozen=True)
class Evidence:
    sentence: str
    start: int  # offsets of the sentence in the cleaned text
    end: int
    date_expression: str | None
    trigger: str
    trigger_start: int
    trigger_end: int
    primary: bool = True


@dataclass
class Candidate:
    kind: str
    plover_type: str | None
    plover_mode: str | None
    modality: str  # "asserted" or "planned"
    date: DateMention | None
    date_value: str | None
    precision: str | None
    date_end: str | None
    qualifier: str | None
    date_trail: str
    actors: list[ActorRole] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    location: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.5
    extractor_version: str = EXTRACTOR_VERSION

    def key(self) -> EventKey:
        return EventKey(
            kind=self.kind,
            earliest=self.date.earliest,
            latest=self.date.latest,
            precision=self.date.precision,
            actors=frozenset(actor.name for actor in self.actors),
            countries=frozenset(self.countries),
            modality=self.modality,
        )

    @property
    def primary_evidence(self) -> Evidence | None:
        return next((e for e in self.evidence if e.primary), self.evidence[0] if self.evidence else None)

    def contract_actors(self) -> list[str]:
        """People and organisations, plus countries no named person already stands for."""
        gazetteer = Gazetteer.default()
        covered = {gazetteer.country_of(a.name) for a in self.actors if a.kind == "person"}
        return [a.name for a in self.actors if not (a.kind == "country" and a.name in covered)]

    def contract_date(self) -> str | None:
        if self.date_value and CONTRACT_PRECISION.get(self.precision) == "year":
            return self.date_value[:4]
        return self.date_value

    def to_contract(self) -> dict:
        primary = self.primary_evidence
        return {
            "kind": self.kind,
            "date": self.contract_date(),
            "precision": CONTRACT_PRECISION.get(self.precision, self.precision),
            "date_end": self.date_end,
            "actors": self.contract_actors(),
            "countries": list(self.countries),
            "location": self.location,
            "modality": self.modality,
            "evidence": primary.sentence if primary else "",
            "confidence": round(self.confidence, 2),
            "qualifier": self.qualifier,
            "date_expression": primary.date_expression if primary else None,
            "date_trail": self.date_trail,
            "roles": [{"name": a.name, "kind": a.kind, "role": a.role} for a in self.actors],
            "trigger": primary.trigger if primary else None,
            "plover": {"type": self.plover_type, "mode": self.plover_mode},
            "evidence_offsets": [primary.start, primary.end] if primary else None,
            "sources": [
                {
                    "sentence": e.sentence,
                    "start": e.start,
                    "end": e.end,
                    "trigger": e.trigger,
                    "date_expression": e.date_expression,
                    "primary": e.primary,
                }
                for e in self.evidence
            ],
            "extractor_version": self.extractor_version,
        }


def format_end(mention: DateMention) -> str | None:
    """The end of a range at the range's precision ("20-22 Maret 2023" ends 2023-03-22)."""
    if mention is None or not mention.is_range:
        return None
    latest = mention.latest
    precision = CONTRACT_PRECISION.get(mention.precision, mention.precision)
    if precision == "month":
        return f"{latest.year:04d}-{latest.month:02d}"
    if precision == "year":
        return f"{latest.year:04d}"
    return latest.isoformat()
