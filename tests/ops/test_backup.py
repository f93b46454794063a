"""`make backup` and `make restore` round-trip the data; migrations run forward over existing data."""

import shutil
import subprocess

import psycopg
import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from sharing.states import share_state
from tests.conftest import ROOT, need
from tests.factories import make_article, make_event

TABLES = {
    "timeline_actor": "SELECT name, kind FROM timeline_actor ORDER BY name",
    "timeline_event": "SELECT id, kind, title, date_start, precision, status FROM timeline_event ORDER BY id",
    "timeline_evidence": "SELECT id, event_id, article_id, sentence FROM timeline_evidence ORDER BY id",
    "ingest_article": "SELECT id, url, title, text FROM ingest_article ORDER BY id",
    "sharing_timeline": "SELECT slug, title, query, visibility FROM sharing_timeline ORDER BY slug",
}


def database_url(name: str) -> str:
    s = connection.settings_dict
    return f"postgresql://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{name}"


def read_tables(url: str) -> dict[str, list[tuple]]:
    with psycopg.connect(url) as conn:
        return {table: conn.execute(query).fetchall() for table, query in TABLES.items()}


def make(*args: str) -> subprocess.CompletedProcess:
    command = ["make", "--no-print-directory", *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)


@pytest.fixture
def restore_database():
    """An empty database to restore into, dropped afterwards."""
    name = f"{connection.settings_dict['NAME']}_restore"
    admin = database_url("postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    yield database_url(name)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def some_data(transactional_db):
    article = make_article(title="Xi and Putin talk <b>by phone</b>", text="Xi Jinping and Vladimir Putin spoke.")
    make_event(actors=("China", "Russia"), sentence="Xi Jinping and Vladimir Putin spoke by phone.", article=article)
    make_event(actors=("Russia", "Indonesia"), kind="meeting", sentence="Putin received Prabowo in the Kremlin.")
    share_state("kind=call", title="Calls only")


class TestBackupAndRestore:
    def test_a_backup_restores_the_same_data_into_an_empty_or_a_damaged_database(
        self, some_data, restore_database, tmp_path
    ):
        need(connection.vendor == "postgresql", "backups are PostgreSQL dumps: set DATABASE_URL (make test does)")
        need(bool(shutil.which("pg_dump")) and bool(shutil.which("make")), "needs pg_dump, pg_restore and make")
        dump = tmp_path / "linimasa.dump"
        source = database_url(connection.settings_dict["NAME"])

        backup = make("backup", f"BACKUP_DATABASE_URL={source}", f"BACKUP_FILE={dump}")
        assert backup.returncode == 0, backup.stderr
        assert dump.stat().st_size > 0
        restore = make("restore", f"BACKUP_DATABASE_URL={restore_database}", f"FROM={dump}")
        assert restore.returncode == 0, restore.stderr
        original = read_tables(source)
        assert len(original["timeline_event"]) == 2 and len(original["sharing_timeline"]) == 1
        assert read_tables(restore_database) == original

        with psycopg.connect(restore_database) as conn:
            conn.execute("DELETE FROM timeline_evidence")
            conn.execute("UPDATE timeline_event SET title = 'vandalised'")
        again = make("restore", f"BACKUP_DATABASE_URL={restore_database}", f"FROM={dump}")
        assert again.returncode == 0, again.stderr
        assert read_tables(restore_database) == original

    def test_restore_without_a_file_says_how_to_use_it(self):
        result = make("restore", "FROM=")
        assert result.returncode != 0
        assert "usage: make restore FROM=" in result.stdout + result.stderr


def latest_nodes(executor: MigrationExecutor) -> list[tuple[str, str]]:
    return executor.loader.graph.leaf_nodes()


def state_before(executor: MigrationExecutor, node: tuple[str, str]) -> list[tuple[str, str]]:
    """For each app, the last migration that `node` needs: the schema as it was when `node` was written."""
    last: dict[str, str] = {}
    for app, name in executor.loader.graph.forwards_plan(node):
        last[app] = name
    return list(last.items())


class TestMigrationsForward:
    def test_existing_events_evidence_and_shared_timelines_survive_every_later_migration(self, transactional_db):
        executor = MigrationExecutor(connection)
        leaves = latest_nodes(executor)
        first_sharing = ("sharing", "0001_initial")
        old = state_before(executor, first_sharing)
        executor.migrate(old)
        apps = MigrationExecutor(connection).loader.project_state(old).apps
        try:
            Outlet, Article = apps.get_model("ingest", "Outlet"), apps.get_model("ingest", "Article")
            Event, Evidence = apps.get_model("timeline", "Event"), apps.get_model("timeline", "Evidence")
            Actor, EventActor = apps.get_model("timeline", "Actor"), apps.get_model("timeline", "EventActor")
            Timeline = apps.get_model("sharing", "Timeline")
            outlet = Outlet.objects.create(name="Warta Dunia", domain="warta.example")
            article = Article.objects.create(
                url="https://warta.example/1", content_hash="h1", title="Talks", raw="Putin met Xi.",
                text="Putin met Xi.", language="en", outlet=outlet, status="extracted",
            )  # fmt: skip
            event = Event.objects.create(
                kind="meeting", title="Putin meets Xi", date_start="2023-03-21", date_end="2023-03-21",
                precision="day", status="published", confidence=0.9,
            )  # fmt: skip
            EventActor.objects.create(event=event, actor=Actor.objects.create(name="Russia", kind="country"))
            Evidence.objects.create(event=event, article=article, sentence="Putin met Xi.", start=0, end=13,
                                    confidence=0.9, extractor_version="old")  # fmt: skip
            Timeline.objects.create(slug="old-share", title="Before the upgrade", query="kind=meeting", state_key="k")
        finally:
            executor = MigrationExecutor(connection)
            executor.loader.build_graph()
            executor.migrate(leaves)

        from sharing.models import Timeline as CurrentTimeline
        from timeline.models import Event as CurrentEvent

        upgraded = CurrentEvent.objects.get(title="Putin meets Xi")
        assert upgraded.evidence.get().sentence == "Putin met Xi."
        assert [a.name for a in upgraded.actors.all()] == ["Russia"]
        assert CurrentTimeline.objects.get(slug="old-share").query == "kind=meeting"
