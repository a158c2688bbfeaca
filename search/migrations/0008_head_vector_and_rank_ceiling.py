"""The head vector and rank ceiling of every entry, for broad queries of several words on
PostgreSQL (docs/search.md, "Broad queries"): filled here for an index built before them, so
an upgraded site needs no rebuild. SQLite leaves them empty (bm25 is bounded by the word lists).
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import migrations, models

# As the backend fills them after writing an entry's text (HEAD_SQL in search/backends/database.py).
FILL_SQL = (
    "UPDATE search_indexentry SET head_vector = ts_filter(search_vector, '{a,b}'),"
    " rank_ceiling = boost / log(2.0, 1 + greatest(1, (SELECT sum(coalesce(array_length(positions, 1), 1))"
    " FROM unnest(search_vector))))::float8"
    " WHERE search_vector IS NOT NULL"
)


def fill(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FILL_SQL)
        schema_editor.execute("CREATE INDEX search_indexentry_head_gin ON search_indexentry USING gin (head_vector)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_indexentry_head_gin")


class Migration(migrations.Migration):
    dependencies = [("search", "0007_impact_ordered_lists")]

    operations = [
        migrations.AddField(
            model_name="indexentry",
            name="head_vector",
            field=SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="indexentry",
            name="rank_ceiling",
            field=models.FloatField(editable=False, null=True),
        ),
        migrations.RunPython(fill, drop),
    ]
