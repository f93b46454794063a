"""GIN indexes for full-text search of event titles and evidence sentences (PostgreSQL only).

The 'simple' configuration lowercases words without stemming or stop words: the titles and
sentences mix Indonesian, English, Russian and Chinese, and no one language's stemmer suits them
all. The expressions match what SearchVector(field, config="simple") writes, so the planner uses
the indexes. SQLite has no such index; the search falls back to LIKE there.
"""

from django.db import migrations

INDEXES = [
    ("event_title_fts", "timeline_event", "title"),
    ("evidence_sentence_fts", "timeline_evidence", "sentence"),
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, column in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} "
            f"USING gin (to_tsvector('simple'::regconfig, COALESCE({column}, '')))"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _column in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("timeline", "0001_initial")]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
