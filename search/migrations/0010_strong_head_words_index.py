"""PostgreSQL: an index of the words that weigh more than a single summary word in an entry's
head (those in its title, or there more than once), and one of the rank ceilings, so that a
broad query of two common words reads only the heads that can be among its best
(`_likely_head_matches`, docs/search.md "Broad queries").

Both are indexes over columns that exist already (migration 0008): PostgreSQL builds them from
the rows as they are and keeps them up to date on every write, so neither an upgrade nor a
rebuild has anything to fill. SQLite has no head candidates: nothing to do there.
"""

from django.db import migrations

# The lexemes of a head vector with weight A (the title) or more than one position. IMMUTABLE
# (the same vector always gives the same answer), so an index can be built on it; written with
# pg_catalog's functions only.
CREATE_FUNCTION = """
CREATE OR REPLACE FUNCTION search_strong_head_words(tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT array_to_tsvector(coalesce(array_agg(lexeme), '{}'))
    FROM unnest($1) WHERE array_length(positions, 1) > 1 OR 'A' = ANY(weights)
$$
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_FUNCTION)
        schema_editor.execute(
            "CREATE INDEX search_indexentry_head_strong_gin ON search_indexentry"
            " USING gin (search_strong_head_words(head_vector))"
        )
        schema_editor.execute("CREATE INDEX search_indexentry_rank_ceiling ON search_indexentry (rank_ceiling)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_indexentry_rank_ceiling")
        schema_editor.execute("DROP INDEX IF EXISTS search_indexentry_head_strong_gin")
        schema_editor.execute("DROP FUNCTION IF EXISTS search_strong_head_words(tsvector)")


class Migration(migrations.Migration):
    dependencies = [("search", "0009_indexterm_stem")]

    operations = [migrations.RunPython(create, drop)]
