# ruff: noqa: S608 - the SQL is built from this module's constants only, never from input
"""SQLite: the small FTS5 table of migration 0004 holds each entry's names only (title, other names).

A common word's tiers test and rank names alone, as PostgreSQL's ``name_vector`` does (migrations 0006 and
0010). The heads of 0004 also held the summary and the text's first 300 characters, so a word's list there
ran through most entries and every names test read it whole: at 20,000 entries of the benchmark's worst
corpus, the tier of names holding two of four words typed read in 12.7 ms from the heads and 2.4 ms from the
names, the tier holding one of them 18.4 ms against 9.7 ms.
"""

from collections.abc import Callable

from django.db import migrations

ENTRY = "hub_search_searchentry"
NAMES = "hub_search_entry_names_fts"
HEAD = "hub_search_entry_head_fts"  # migration 0004's, restored when this one is reversed
HEAD_COLUMNS, HEAD_SOURCE = "title, keywords, summary, head", "title, keywords, summary, text"
NAME_COLUMNS = "title, keywords"


def _head_values(row: str) -> str:
    return f"{row}.id, {row}.title, {row}.keywords, {row}.summary, substr({row}.text, 1, 300)"


def _name_values(row: str) -> str:
    return f"{row}.id, {row}.title, {row}.keywords"


def _table(name: str, columns: str, source: str, values: Callable[[str], str]) -> list[str]:
    """An FTS5 table kept by triggers on the entry table, filled from the entries there are, in one segment."""
    return [
        f"CREATE VIRTUAL TABLE {name} USING fts5({columns}, tokenize='porter unicode61 remove_diacritics 2')",
        f"CREATE TRIGGER {name}_insert AFTER INSERT ON {ENTRY} BEGIN "
        f"INSERT INTO {name}(rowid, {columns}) VALUES ({values('new')}); END",
        f"CREATE TRIGGER {name}_delete AFTER DELETE ON {ENTRY} BEGIN DELETE FROM {name} WHERE rowid = old.id; END",
        f"CREATE TRIGGER {name}_update AFTER UPDATE OF {source} ON {ENTRY} BEGIN "
        f"DELETE FROM {name} WHERE rowid = old.id; "
        f"INSERT INTO {name}(rowid, {columns}) VALUES ({values('new')}); END",
        f"INSERT INTO {name}(rowid, {columns}) SELECT {values(ENTRY)} FROM {ENTRY}",
        f"INSERT INTO {name}({name}) VALUES ('optimize')",
    ]


def _drop(name: str) -> list[str]:
    return [*(f"DROP TRIGGER {name}_{event}" for event in ("update", "delete", "insert")), f"DROP TABLE {name}"]


def names_only(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in [*_drop(HEAD), *_table(NAMES, NAME_COLUMNS, NAME_COLUMNS, _name_values)]:
            schema_editor.execute(statement)


def heads_again(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in [*_drop(NAMES), *_table(HEAD, HEAD_COLUMNS, HEAD_SOURCE, _head_values)]:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("hub_search", "0010_postgresql_names_in_the_row")]

    operations = [migrations.RunPython(names_only, heads_again)]
