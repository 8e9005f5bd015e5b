"""PostgreSQL: a vector of each entry's names (title A, other names B) with a GIN index of its own.

A word most entries hold is ranked in tiers (``search/engines/database.py``, ``common()``): first the
entries whose names hold every word typed, then those whose names hold some. The names are a few words an
entry, so the index finds those tiers without reading the thousands of matching texts; scoring 16,000
matches from their head vectors took most of the 350 ms such a search cost at 20,000 entries. SQLite reads
the names from its head index (migration 0004).

The matches themselves are read from the table's rows (their kind, year and access for the facets and the
reader's rule); a text of a few kilobytes compresses to under PostgreSQL's 2 kB and stayed in the row, so
20,000 rows filled 31 MB. A ``toast_tuple_target`` of 256 bytes moves long values out of line (4.8 MB). The head vector of migration
0002 (ranking beyond 2,000 matches before the tiers) is dropped: nothing reads it now, and it widened each row.
"""

from django.db import migrations

ENTRY = "hub_search_searchentry"
HEAD = (  # migration 0002's, to restore it when this one is reversed
    "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(keywords, '')), 'B') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'C') || "
    "setweight(to_tsvector('english'::regconfig, left(coalesce(text, ''), 300)), 'D')"
)
NAMES = (
    "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(keywords, '')), 'B')"
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        # Before the column is added: adding it rewrites every row, which then takes the new target.
        schema_editor.execute(f"ALTER TABLE {ENTRY} SET (toast_tuple_target = 256)")
        schema_editor.execute(f"ALTER TABLE {ENTRY} ADD COLUMN name_vector tsvector GENERATED ALWAYS AS ({NAMES}) STORED")
        schema_editor.execute(f"CREATE INDEX hub_search_entry_names ON {ENTRY} USING GIN (name_vector)")
        schema_editor.execute(f"ALTER TABLE {ENTRY} DROP COLUMN head_vector")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {ENTRY} ADD COLUMN head_vector tsvector GENERATED ALWAYS AS ({HEAD}) STORED")
        schema_editor.execute(f"ALTER TABLE {ENTRY} RESET (toast_tuple_target)")
        schema_editor.execute("DROP INDEX hub_search_entry_names")
        schema_editor.execute(f"ALTER TABLE {ENTRY} DROP COLUMN name_vector")


class Migration(migrations.Migration):
    dependencies = [("hub_search", "0005_sqlite_facet_groups_index")]

    operations = [migrations.RunPython(create, drop)]
