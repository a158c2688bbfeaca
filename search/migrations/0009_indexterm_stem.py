"""The stem of every indexed word, stored, so that the typo vocabulary can be read where it lies
(search/vocabulary.py) instead of being stemmed whole in every worker."""

from django.db import migrations, models


def fill_stems(apps, schema_editor):
    from search.analysis import stem

    IndexTerm = apps.get_model("search", "IndexTerm")
    batch = []
    for term in IndexTerm.objects.only("id", "term").iterator(chunk_size=5000):
        term.stem = stem(term.term)
        batch.append(term)
        if len(batch) >= 5000:
            IndexTerm.objects.bulk_update(batch, ["stem"])
            batch = []
    IndexTerm.objects.bulk_update(batch, ["stem"])


class Migration(migrations.Migration):
    dependencies = [("search", "0008_head_vector_and_rank_ceiling")]

    operations = [
        migrations.AddField(
            model_name="indexterm",
            name="stem",
            field=models.CharField(db_index=True, default="", max_length=100),
        ),
        migrations.RunPython(fill_stems, migrations.RunPython.noop),
    ]
