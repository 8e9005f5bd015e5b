# ruff: noqa: S608 - the SQL is built from this module's constants only, never from input
"""The database engine's own full-text index of search entries, and the vocabulary for spelling.

SQLite: an FTS5 table over the entry table (external content), kept in step by triggers. PostgreSQL: a
weighted tsvector column the database generates from the entry's fields, with a GIN index, and a trigram
index (pg_trgm) on the vocabulary. Either way the database keeps the index: no task, no lag.
"""

from django.db import migrations, models

ENTRY = "hub_search_searchentry"
FTS = "hub_search_entry_fts"
COLUMNS = "title, keywords, summary, text"
OLD = "old.title, old.keywords, old.summary, old.text"
NEW = "new.title, new.keywords, new.summary, new.text"

SQLITE = [
    # Porter stems over Unicode words, accents folded; the rows themselves stay in the entry table.
    f"CREATE VIRTUAL TABLE {FTS} USING fts5({COLUMNS}, content='{ENTRY}', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2', prefix='2 3')",  # prefix indexes: suggestions
    f"CREATE TRIGGER {FTS}_insert AFTER INSERT ON {ENTRY} BEGIN "
    f"INSERT INTO {FTS}(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END",
    f"CREATE TRIGGER {FTS}_delete AFTER DELETE ON {ENTRY} BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD}); END",
    f"CREATE TRIGGER {FTS}_update AFTER UPDATE OF {COLUMNS} ON {ENTRY} BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD}); "
    f"INSERT INTO {FTS}(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END",
    f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')",
]
SQLITE_REVERSE = [
    f"DROP TRIGGER {FTS}_update",
    f"DROP TRIGGER {FTS}_delete",
    f"DROP TRIGGER {FTS}_insert",
    f"DROP TABLE {FTS}",
]


def _vector(limit: int = 0) -> str:
    """Title A, other names B, summary C, body D ('english': stems and stop words)."""
    text = f"left(coalesce(text, ''), {limit})" if limit else "coalesce(text, '')"
    return (
        "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
        "setweight(to_tsvector('english'::regconfig, coalesce(keywords, '')), 'B') || "
        "setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'C') || "
        f"setweight(to_tsvector('english'::regconfig, {text}), 'D')"
    )


HEAD_CHARS = 300
POSTGRESQL = [
    # Matched through the GIN index on the whole text (its first 500,000 characters: a tsvector holds 1 MB).
    f"ALTER TABLE {ENTRY} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({_vector(500_000)}) STORED",
    f"CREATE INDEX hub_search_entry_vector ON {ENTRY} USING GIN (search_vector)",
    # Scored, when a query matches thousands of entries, from the head alone: a few hundred bytes kept in
    # the row rather than kilobytes stored out of line (search/engines/database.py, EXACT_RANK_LIMIT).
    f"ALTER TABLE {ENTRY} ADD COLUMN head_vector tsvector GENERATED ALWAYS AS ({_vector(HEAD_CHARS)}) STORED",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX hub_search_word_trigrams ON hub_search_searchword USING GIN (word gin_trgm_ops)",
]
POSTGRESQL_REVERSE = [
    "DROP INDEX hub_search_word_trigrams",
    "DROP INDEX hub_search_entry_vector",
    f"ALTER TABLE {ENTRY} DROP COLUMN head_vector",
    f"ALTER TABLE {ENTRY} DROP COLUMN search_vector",
]


def create_full_text(apps, schema_editor):
    statements = {"sqlite": SQLITE, "postgresql": POSTGRESQL}.get(schema_editor.connection.vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


def drop_full_text(apps, schema_editor):
    statements = {"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}.get(schema_editor.connection.vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("hub_search", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("word", models.CharField(max_length=64, unique=True)),
                (
                    "documents",
                    models.PositiveIntegerField(default=1, help_text="Entries holding the word, at the last count."),
                ),
            ],
        ),
        migrations.RunPython(create_full_text, drop_full_text),
    ]
