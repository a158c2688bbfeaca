"""Editors manage synonyms as snippets; a change works on the next search."""

import pytest
from django.core.exceptions import ValidationError

from search import service
from search.models import Synonym

pytestmark = pytest.mark.django_db


def test_editor_adds_a_synonym_in_the_admin_and_search_uses_it(client, django_user_model, indexed):
    admin = django_user_model.objects.create_superuser(email="beheer@example.nl", password="x")
    client.force_login(admin)
    assert service.search("kraamzorg").total == 0
    response = client.post(
        "/admin/snippets/search/synonym/add/", {"terms": "kraamzorg, verpleegkundige", "note": "", "active": "on"}
    )
    assert response.status_code == 302
    assert [r.title for r in service.search("kraamzorg").results] == [
        "Jonge moeders krijgen een verpleegkundige aan huis"
    ]
    assert client.get("/admin/snippets/search/synonym/").status_code == 200


def test_inactive_set_is_ignored(indexed):
    Synonym.objects.create(terms="kraamzorg, verpleegkundige", active=False)
    assert service.search("kraamzorg").total == 0


def test_a_set_needs_two_terms():
    with pytest.raises(ValidationError):
        Synonym(terms="alleen").full_clean()
    assert Synonym(terms="VSV, , schooluitval, vsv").term_list == ["VSV", "schooluitval"]
