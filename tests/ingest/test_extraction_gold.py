"""The extractor against gold articles: the shared seed, and the corpus in tests/corpus."""

import json
import os
from pathlib import Path

import pytest

from ingest.extraction import Gazetteer
from ingest.management.commands.evaluate import evaluate, events_match
from ingest.management.commands.extract import parse_published, read_article

SEED = Path("/work/shared/seed")
CORPUS = Path(__file__).resolve().parent.parent / "corpus"
MIN_CORPUS_FILES = 20
MIN_F1 = 0.90


class TestSeedArticle:
    def test_it_finds_exactly_the_three_gold_events(self):
        golds = sorted(SEED.glob("*.gold.json")) if SEED.is_dir() else []
        if not golds:
            if os.environ.get("CI") == "true":
                pytest.fail(f"the seed article is missing from {SEED}")
            pytest.skip(f"the shared seed folder {SEED} is not on this machine")
        gold = json.loads(golds[0].read_text(encoding="utf-8"))
        result = read_article(
            SEED / gold["file"], html=False, published=parse_published(gold["published"]), language=gold["language"]
        )
        found = result["events"]
        gazetteer = Gazetteer.default()
        assert len(found) == len(gold["events"]) == 3
        for wanted in gold["events"]:
            assert any(events_match(wanted, event, gazetteer) for event in found), wanted["evidence"]

    def test_related_article_headlines_give_no_event(self):
        golds = sorted(SEED.glob("*.gold.json")) if SEED.is_dir() else []
        if not golds:
            pytest.skip(f"the shared seed folder {SEED} is not on this machine")
        gold = json.loads(golds[0].read_text(encoding="utf-8"))
        result = read_article(SEED / gold["file"], html=False, published=None, language=None)
        evidence = " ".join(source["sentence"] for event in result["events"] for source in event["sources"])
        assert "Baca juga" not in evidence
        assert "Mbappe" not in evidence


class TestGoldCorpus:
    def test_the_corpus_scores_at_least_the_bar(self):
        files = sorted(CORPUS.glob("*.gold.json"))
        assert len(files) >= MIN_CORPUS_FILES, (
            f"tests/corpus holds {len(files)} gold articles, fewer than {MIN_CORPUS_FILES}"
        )
        report = evaluate(CORPUS)
        precision, recall, f1 = report.total.figures()
        assert report.errors == 0
        assert f1 >= MIN_F1, f"F1={f1:.2f} P={precision:.2f} R={recall:.2f} on {report.files} gold articles"
