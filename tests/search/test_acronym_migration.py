"""Migration 0006 gives running sites the new acronym sets once, without touching editors' sets."""

import importlib

import pytest
from django.apps import apps

from search.models import Synonym

pytestmark = pytest.mark.django_db
migration = importlib.import_module("search.migrations.0006_acronym_synonyms")


def test_a_site_with_synonyms_gets_the_new_sets_except_what_an_editor_has():
    Synonym.objects.create(terms="wijkteam, buurtteam")
    Synonym.objects.create(terms="RET, rationele therapie")  # an editor's own set for RET
    migration.add_acronym_sets(apps, None)
    terms = list(Synonym.objects.values_list("terms", flat=True))
    assert "SDT, Samen DOEN-team, buurtteam Samen DOEN" in terms
    assert "RET, rationeel-emotieve therapie" not in terms
    assert len(terms) == 2 + len(migration.ACRONYM_SETS) - 1


def test_a_new_site_gets_them_from_setup_site_instead():
    migration.add_acronym_sets(apps, None)
    assert not Synonym.objects.exists()
    from search.setup import ACRONYM_SETS, ensure_synonyms

    ensure_synonyms()
    assert set(ACRONYM_SETS) <= set(Synonym.objects.values_list("terms", flat=True))
