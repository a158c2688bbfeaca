"""Abbreviations from the seeds as synonym sets, once, on sites that already have synonyms.

A new site gets them from search/setup.py (`ensure_synonyms` fills an empty list). A running
site has its starting set already and `ensure_synonyms` leaves editors' lists alone, so this
migration adds the new sets once; a set is skipped when one of its terms is in any set already
(an editor made it). Being a migration, it never runs again: a set an editor removes stays gone.
The list is frozen here on purpose (later changes to setup.py must not change history).
"""

from django.db import migrations

ACRONYM_SETS = [
    "SDT, Samen DOEN-team, buurtteam Samen DOEN",
    "ZAT, zorg- en adviesteam, zorg en advies team",
    "RET, rationeel-emotieve therapie",
    "NJi, Nederlands Jeugdinstituut",
    "FACT, Flexible Assertive Community Treatment",
    "IVO, Instituut voor Onderzoek naar Leefwijzen en Verslaving",
    "mbo, middelbaar beroepsonderwijs",
]


def terms(text):
    return {" ".join(term.split()).casefold() for term in text.split(",") if term.strip()}


def add_acronym_sets(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    existing = list(Synonym.objects.values_list("terms", flat=True))
    if not existing:
        return  # a new site: setup_site creates the whole starting set, these included
    known = set().union(*(terms(text) for text in existing))
    for text in ACRONYM_SETS:
        if not terms(text) & known:
            Synonym.objects.create(terms=text, note="Afkorting")


class Migration(migrations.Migration):
    dependencies = [("search", "0005_entry_embedding")]

    operations = [migrations.RunPython(add_acronym_sets, migrations.RunPython.noop)]
