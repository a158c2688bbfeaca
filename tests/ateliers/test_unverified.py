"""Issue 12, finding 3: a seat in someone else's name. Someone signs up with another person's
address and never confirms it; a session for that account must not get a confirmed seat."""

import pytest
from django.urls import reverse

from accounts.models import User
from ateliers.models import Registration

pytestmark = pytest.mark.django_db


def test_an_unverified_account_cannot_register_for_an_atelier(client, atelier):
    stranger = User.objects.create_user(email="iemand.anders@example.nl", password="geheim-wachtwoord-1")
    client.force_login(stranger)
    url = reverse("ateliers:register", args=[atelier.pk])
    response = client.post(url, {"name": "Iemand Anders", "background": "wijkteam"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "Bevestig eerst uw e-mailadres" in page
    assert 'value="iemand.anders@example.nl"' in page and 'name="action_send"' in page
    assert not Registration.objects.exists()
    assert client.get(url).status_code == 403


def test_guests_still_register_and_confirm_by_mail(client, atelier, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("ateliers:register", args=[atelier.pk]),
            {"name": "Gert Gast", "email": "gert@example.nl", "background": "policy"},
        )
    assert response.status_code == 200
    assert Registration.objects.get().status == Registration.Status.PENDING
    assert "/bevestigen/" in mailoutbox[0].body
