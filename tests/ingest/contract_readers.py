"""What `extract` gives in the contract's shape (DESIGN.md), for tests that write their own sentences."""

from ingest.extraction import extract


def readers(published):
    """events(text, language) -> contract dicts, and shown(text, language) -> sorted (kind, date, modality),
    for texts published at `published` unless told otherwise."""

    def events(text, language, published=published):
        return [c.to_contract() for c in extract(text, published=published, language=language)]

    def shown(text, language, published=published):
        return sorted((e["kind"], e["date"], e["modality"]) for e in events(text, language, published))

    return events, shown
