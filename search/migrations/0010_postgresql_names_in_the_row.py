"""PostgreSQL: an entry's title, other names and name vector stay in its row.

Migration 0006 set a ``toast_tuple_target`` of 256 bytes so the long texts leave the row. PostgreSQL then
moved the short values out too (a name vector is about 80 bytes): a tier of a common word (the names that
hold some of the words typed, ``common()`` in ``search/engines/database.py``) read each of its 5,000 name
vectors from the TOAST table, 14,000 buffers. Storage ``MAIN`` keeps them in the row unless nothing else
can leave it: 757 buffers, and the search statement's p95 over the worst corpus at 20,000 entries fell from
51 to 38 ms (README).

Only the column's storage changes here: the table is not rewritten (rewriting recomputes every entry's text
vector under the ALTER's lock, minutes for a large index). An entry moves into the row when it is next
written, which publishing its page does; ``UPDATE hub_search_searchentry SET title = title || ''`` in a
quiet hour moves them all.
"""

from django.db import migrations

ENTRY = "hub_search_searchentry"
COLUMNS = ("name_vector", "title", "keywords")


def set_storage(storage: str):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            changes = ", ".join(f"ALTER COLUMN {column} SET STORAGE {storage}" for column in COLUMNS)
            schema_editor.execute(f"ALTER TABLE {ENTRY} {changes}")

    return apply


class Migration(migrations.Migration):
    dependencies = [("hub_search", "0009_document_text")]

    operations = [migrations.RunPython(set_storage("MAIN"), set_storage("EXTENDED"))]
