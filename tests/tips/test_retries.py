"""Sending the same tip form twice (a retry after a time-out, a double click) makes one tip."""

import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.urls import reverse

from tips import services
from tips.models import Tip, TipVersion

TEXT = "Spreek met de andere ouders af wie er rijdt naar de sportclub."


def form_key(client, slug):
    html = client.get(reverse("tips:submit", args=[slug])).content.decode()
    return re.search(r'name="submission_key" value="([0-9a-f]{32})"', html).group(1)


@pytest.mark.django_db
def test_the_same_form_sent_twice_makes_one_tip(client, community):
    client.force_login(community.users["parent"])
    key = form_key(client, community.obj.slug)
    url = reverse("tips:submit", args=[community.obj.slug])
    first = client.post(url, {"text": TEXT, "audiences": ["parents"], "submission_key": key})
    again = client.post(url, {"text": TEXT, "audiences": ["parents"], "submission_key": key})
    assert first.status_code == again.status_code == 302
    assert first["Location"] == again["Location"]
    assert Tip.objects.filter(text=TEXT).count() == 1
    assert TipVersion.objects.filter(tip__text=TEXT).count() == 1
    # A new blank form is a new tip, even with the same words.
    client.post(url, {"text": TEXT, "audiences": ["parents"], "submission_key": form_key(client, community.obj.slug)})
    assert Tip.objects.filter(text=TEXT).count() == 2


@pytest.mark.django_db
def test_a_forged_key_is_refused(client, community):
    client.force_login(community.users["parent"])
    url = reverse("tips:submit", args=[community.obj.slug])
    response = client.post(url, {"text": TEXT, "submission_key": "<script>"})
    assert response.status_code == 200 and not Tip.objects.exists()


@pytest.mark.django_db
def test_a_rule_broken_halfway_leaves_no_half_tip(community):
    """The co-author check comes after the tip row is written; the transaction undoes it."""
    with pytest.raises(PermissionDenied):  # only a facilitator names co-authors
        services.submit_tip(community.parent, TEXT, co_authors=[community.professional])
    assert not Tip.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_simultaneous_retries_make_one_tip(postgres_only, community):
    def send(_):
        try:
            return services.submit_tip(community.parent, TEXT, submission_key="a" * 32).pk
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=6) as pool:
        pks = set(pool.map(send, range(6)))
    assert len(pks) == 1
    assert Tip.objects.filter(text=TEXT).count() == 1
