# ruff: noqa: S608 - the SQL is built from this module's constants only, never from input
"""SQLite: a second, small FTS5 table over each entry's head (title, other names, summary, first 300 characters).

A common word matches most entries, and ranking them with ``bm25`` over the whole index reads every match's
positions in texts of thousands of words (measured at 20,000 entries: 38 ms for a word 17,000 entries hold,
against 7 ms from the heads). Beyond ``EXACT_RANK_LIMIT`` matches the engine ranks from the heads, as it
does on PostgreSQL (``head_vector``, migration 0002); and the name bonus (title or other names hold every
word) always reads the heads. Matching and counting still use the whole index. The table keeps its own
copy of the heads (a few hundred bytes an entry): SQLite 3.40 cannot delete from a contentless table.
"""

from django.db import migrations

ENTRY = "hub_search_searchentry"
HEAD = "hub_search_entry_head_fts"
HEAD_CHARS = 300
COLUMNS = "title, keywords, summary, head"
SOURCE = "title, keywords, summary, text"


def values(row: str) -> str:
    return f"{row}.id, {row}.title, {row}.keywords, {row}.summary, substr({row}.text, 1, {HEAD_CHARS})"


SQLITE = [
    f"CREATE VIRTUAL TABLE {HEAD} USING fts5({COLUMNS}, tokenize='porter unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER {HEAD}_insert AFTER INSERT ON {ENTRY} BEGIN "
    f"INSERT INTO {HEAD}(rowid, {COLUMNS}) VALUES ({values('new')}); END",
    f"CREATE TRIGGER {HEAD}_delete AFTER DELETE ON {ENTRY} BEGIN DELETE FROM {HEAD} WHERE rowid = old.id; END",
    f"CREATE TRIGGER {HEAD}_update AFTER UPDATE OF {SOURCE} ON {ENTRY} BEGIN "
    f"DELETE FROM {HEAD} WHERE rowid = old.id; "
    f"INSERT INTO {HEAD}(rowid, {COLUMNS}) VALUES ({values('new')}); END",
    f"INSERT INTO {HEAD}(rowid, {COLUMNS}) SELECT {values(ENTRY)} FROM {ENTRY}",
]
SQLITE_REVERSE = [
    f"DROP TRIGGER {HEAD}_update",
    f"DROP TRIGGER {HEAD}_delete",
    f"DROP TRIGGER {HEAD}_insert",
    f"DROP TABLE {HEAD}",
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE:
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_REVERSE:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("hub_search", "0003_sqlite_covering_index")]

    operations = [migrations.RunPython(create, drop)]
