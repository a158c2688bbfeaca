"""A registration that cannot get the atelier's seats in time: a clear answer, nothing written (issue 14).

PostgreSQL: another connection holds the lock in a thread of its own, as a stuck registration
(or any long transaction on the atelier row) would.
"""

import re
import threading
import time
from contextlib import contextmanager

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse
from wagtail.models import Page

from ateliers.models import AtelierPage, Registration
from tests.factories import verified_member

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

LOCK_TIMEOUT = 1  # seconds, ATELIER_LOCK_TIMEOUT for these tests
HELD_FOR = 10  # seconds the other connection holds its lock at most (the code before issue 14 waited)


@contextmanager
def row_locked(model, pk):
    """A transaction holding one row FOR UPDATE (every table of a page type)."""
    with transaction.atomic():
        model.objects.select_for_update().get(pk=pk)
        yield


class HeldLock:
    """Holds `lock` (a context manager) in a thread on its own connection until the block ends."""

    def __init__(self, lock):
        self.taken = threading.Event()
        self.released = threading.Event()
        self.still_holding = False
        self.thread = threading.Thread(target=self._hold, args=(lock,))

    def _hold(self, lock):
        from django.db import connection

        try:
            with lock:
                self.still_holding = True
                self.taken.set()
                self.released.wait(timeout=HELD_FOR)
                self.still_holding = False
        finally:
            connection.close()

    def __enter__(self):
        self.thread.start()
        assert self.taken.wait(timeout=30), "the other connection never got the lock"
        return self

    def __exit__(self, *exc_info):
        self.released.set()
        self.thread.join(timeout=HELD_FOR + 5)


@pytest.fixture
def busy_settings(settings):
    settings.ATELIER_LOCK_TIMEOUT = LOCK_TIMEOUT
    return settings


def test_a_registration_that_cannot_get_the_seats_in_time_is_told_to_try_again_and_writes_nothing(
    postgres_only, busy_settings, make_atelier, client
):
    atelier = make_atelier(capacity=10)
    member = verified_member("druk@example.nl", "geheim-wachtwoord-1", first_name="Dilan")
    client.force_login(member)
    form = {"name": "Dilan Druk", "organisation_name": "Wijkteam Noord", "background": "policy", "number_skj": ""}

    # An organiser's state change, or a registration stuck halfway, holds the atelier row.
    with HeldLock(row_locked(AtelierPage, atelier.pk)) as other_transaction:
        started = time.monotonic()
        response = client.post(reverse("ateliers:register", args=[atelier.pk]), form)
        waited = time.monotonic() - started
        answered_while_locked = other_transaction.still_holding

    assert answered_while_locked, "the answer came only after the other transaction let go"
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert waited < HELD_FOR
    page = response.content.decode()
    assert "Het is nu erg druk. Probeer het zo nog eens; je gegevens staan nog in het formulier." in page
    # The form is there again with what was typed.
    assert 'value="Dilan Druk"' in page
    assert 'value="Wijkteam Noord"' in page
    assert _checked(page, "policy")
    # Nothing half-written: no registration, no seat, no mail.
    assert not Registration.objects.filter(atelier=atelier).exists()
    assert AtelierPage.objects.get(pk=atelier.pk).state == atelier.state
    assert mail.outbox == []

    # A moment later the same form goes through.
    response = client.post(reverse("ateliers:register", args=[atelier.pk]), form)
    assert response.status_code == 302
    assert Registration.objects.get(atelier=atelier).status == Registration.Status.CONFIRMED


def _checked(page, value):
    """Whether the radio button with this value is checked, whatever the attribute order."""
    return any("checked" in tag for tag in re.findall(rf'<input[^>]*value="{value}"[^>]*>', page))


def test_a_guest_who_cannot_get_the_seats_in_time_keeps_the_form_and_no_mail_goes_out(
    postgres_only, busy_settings, make_atelier, client
):
    atelier = make_atelier(capacity=10)
    form = {"name": "Gast Druk", "email": "gast.druk@example.nl", "background": "wijkteam"}

    with HeldLock(row_locked(AtelierPage, atelier.pk)):
        response = client.post(reverse("ateliers:register", args=[atelier.pk]), form)

    assert response.status_code == 503
    assert 'value="gast.druk@example.nl"' in response.content.decode()
    assert not Registration.objects.exists()
    assert mail.outbox == []


def test_registrations_go_on_while_an_editor_holds_the_page(postgres_only, busy_settings, make_atelier, client):
    """Wagtail's page row is locked by every admin POST on the page, autosave included
    (editorial.middleware): registrations lock the atelier's own row and do not wait for it."""
    atelier = make_atelier(capacity=10)
    member = verified_member("redactie@example.nl", "geheim-wachtwoord-1", first_name="Rik")
    client.force_login(member)

    with HeldLock(row_locked(Page, atelier.pk)) as editor:
        response = client.post(reverse("ateliers:register", args=[atelier.pk]), {"name": "Rik", "background": "policy"})
        answered_while_locked = editor.still_holding

    assert response.status_code == 302
    assert answered_while_locked
    assert Registration.objects.get(atelier=atelier).status == Registration.Status.CONFIRMED
