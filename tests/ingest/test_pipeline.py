import datetime
import json

import pytest
from django.core.management import CommandError, call_command

from ingest.models import Article
from timeline.models import Actor, Event, EventActor, Evidence

pytestmark = pytest.mark.django_db

SECOND_REPORT = """\
Xi and Putin discuss security in phone call

Global Ledger - June 16, 2022 08:30 UTC

BEIJING (Global Ledger) - Chinese President Xi Jinping told Russian President Vladimir Putin in a telephone
call on Wednesday, June 15, 2022, that Beijing would keep supporting Moscow on sovereignty and security.

It was their second reported conversation since the war in Ukraine began.
"""


def table_sizes() -> dict[str, int]:
    return {
        model.__name__: model.objects.count() for model in (Article, Event, Evidence, EventActor, Actor)
    }


@pytest.fixture
def gazetteer():
    call_command("load_gazetteer", stdout=open("/dev/null", "w"))


@pytest.fixture
def ingest(django_capture_on_commit_callbacks):
    """`manage.py ingest`, with the tasks it queues on commit run as a real commit would."""

    def run(*args, **options):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("ingest", *args, **options)

    return run


class TestIngestSeed:
    def test_it_records_the_three_events_of_the_seed(self, ingest, gazetteer, seed_article):
        ingest(str(seed_article))

        article = Article.objects.get()
        assert article.status == Article.Status.EXTRACTED
        assert article.published == datetime.datetime(2022, 6, 15, 14, 1, tzinfo=datetime.UTC)
        assert article.language == "id"
        assert "Baca juga" not in article.text
        events = {(e.kind, e.date_iso, e.precision): e for e in Event.objects.all()}
        assert set(events) == {
            ("call", "2022-06-15", "day"),
            ("invasion", "2022-02-24", "day"),
            ("meeting", "2022-02", "month"),
        }
        call = events["call", "2022-06-15", "day"]
        assert {"Xi Jinping", "Vladimir Putin"} <= {a.name for a in call.actors.all()}
        assert call.evidence.filter(sentence__contains="melalui telepon pada Rabu (15/6/2022)").exists()
        invasion = events["invasion", "2022-02-24", "day"]
        roles = {r.actor.name: r.role for r in invasion.roles.select_related("actor")}
        assert roles == {"Russia": "initiator", "Ukraine": "target"}
        assert events["meeting", "2022-02", "month"].date_display == "Feb 2022"

    def test_evidence_offsets_point_at_the_sentence_in_the_cleaned_text(self, ingest, gazetteer, seed_article):
        ingest(str(seed_article))

        for evidence in Evidence.objects.select_related("article"):
            assert evidence.article.text[evidence.start:evidence.end] == evidence.sentence

    def test_ingesting_the_same_file_twice_changes_nothing(self, ingest, gazetteer, seed_article, capsys):
        ingest(str(seed_article))
        before = table_sizes()
        ingest(str(seed_article))

        assert table_sizes() == before
        assert "already ingested" in capsys.readouterr().out

    def test_a_second_outlet_reporting_the_same_call_adds_evidence_not_an_event(
        self, ingest, gazetteer, seed_article, tmp_path
    ):
        second = tmp_path / "global-ledger.txt"
        second.write_text(SECOND_REPORT)
        ingest(str(seed_article))
        ingest(str(second))

        call = Event.objects.get(kind="call")
        assert call.evidence.values("article").distinct().count() == 2
        assert Event.objects.filter(kind="call").count() == 1


class TestIngestBadInput:
    def test_a_binary_file_is_refused_with_a_clear_message_and_nothing_is_stored(self, ingest, tmp_path, capsys):
        broken = tmp_path / "broken.txt"
        broken.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")

        with pytest.raises(CommandError, match="could not be ingested"):
            ingest(str(broken))

        assert "not UTF-8" in capsys.readouterr().err
        assert Article.objects.count() == 0

    def test_an_empty_file_is_refused_and_the_good_ones_still_go_in(self, ingest, tmp_path, capsys):
        empty = tmp_path / "empty.txt"
        empty.write_text("   \n")
        good = tmp_path / "good.txt"
        good.write_text(SECOND_REPORT)

        with pytest.raises(CommandError):
            ingest(str(empty), str(good))

        assert "content is empty" in capsys.readouterr().err
        assert Article.objects.get().source_name == "good.txt"

    def test_a_missing_file_is_reported(self, ingest, tmp_path, capsys):
        with pytest.raises(CommandError):
            ingest(str(tmp_path / "nope.txt"))
        assert "cannot read" in capsys.readouterr().err

    def test_a_published_date_without_offset_is_refused(self, ingest, tmp_path):
        good = tmp_path / "good.txt"
        good.write_text(SECOND_REPORT)
        with pytest.raises(CommandError, match="UTC offset"):
            ingest(str(good), published="2022-06-16T08:30")

    def test_undated_sentences_make_no_event(self, ingest, gazetteer, tmp_path):
        undated = tmp_path / "undated.txt"
        undated.write_text(
            "China refuses to condemn Russia\n\nGlobal Ledger - June 20, 2022 10:00 UTC\n\n"
            "China has so far refused to condemn Russia's invasion of Ukraine, and its leaders keep talking."
        )
        ingest(str(undated))

        assert Article.objects.get().status == Article.Status.EXTRACTED
        assert Event.objects.count() == 0


class TestIngestManifest:
    def test_a_manifest_gives_each_file_its_date_language_and_outlet(self, ingest, gazetteer, tmp_path):
        (tmp_path / "a.txt").write_text(SECOND_REPORT)
        (tmp_path / "manifest.jsonl").write_text(
            json.dumps({"file": "a.txt", "published": "2022-06-16T08:30:00+00:00", "language": "en",
                        "outlet": "Global Ledger", "outlet_domain": "global-ledger.example",
                        "url": "https://global-ledger.example/xi-putin-call"}) + "\n" + "not json\n"
        )
        with pytest.raises(CommandError, match="1 input"):
            ingest(str(tmp_path / "manifest.jsonl"))

        article = Article.objects.get()
        assert article.outlet.name == "Global Ledger"
        assert article.url == "https://global-ledger.example/xi-putin-call"
        assert article.language == "en"
        assert Event.objects.filter(kind="call", date_start=datetime.date(2022, 6, 15)).exists()


ATTACK_REPORT = """\
Russia attacks Ukraine

Global Ledger - February 24, 2022 09:00 UTC

KYIV (Global Ledger) - Russia attacked Ukraine on Thursday, with missiles striking several cities before dawn.
"""

INVASION_REPORT = """\
Russia invades Ukraine

Evening Ledger - February 25, 2022 07:00 UTC

MOSCOW (Evening Ledger) - Russia invaded Ukraine on February 24, 2022, sending troops across the border from the north.
"""


class TestOneEventForTheInvasionDay:
    def test_an_attack_report_and_an_invasion_report_of_the_same_day_make_one_invasion(
        self, ingest, gazetteer, tmp_path
    ):
        attack, invasion = tmp_path / "attack.txt", tmp_path / "invasion.txt"
        attack.write_text(ATTACK_REPORT)
        invasion.write_text(INVASION_REPORT)
        ingest(str(attack))
        ingest(str(invasion))

        events = Event.objects.exclude(status=Event.Status.MERGED)
        assert [(e.kind, e.date_start) for e in events] == [("invasion", datetime.date(2022, 2, 24))]
        assert "attack" not in events[0].title.lower()  # the title names the invasion, not the attack
        assert events[0].evidence.values("article").distinct().count() == 2
