"""Indexes that keep search work bounded (see EXACT_LIMIT in backends/database.py).

- newest first: browsing without a query takes the newest entries first;
- titles by word (PostgreSQL): the candidates of a broad query with the query in the title.
SQLite sorts NULL dates last in descending order anyway and cannot say NULLS LAST in an index.
"""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX search_entry_newest_idx ON search_indexentry (date DESC NULLS LAST, title, id)"
        )
        schema_editor.execute("CREATE INDEX search_indexentry_title_gin ON search_indexentry USING gin (title_vector)")
    else:
        schema_editor.execute("CREATE INDEX search_entry_newest_idx ON search_indexentry (date DESC, title, id)")


def drop(apps, schema_editor):
    schema_editor.execute("DROP INDEX IF EXISTS search_entry_newest_idx")
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_indexentry_title_gin")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_title_vector")]

    operations = [migrations.RunPython(create, drop)]
