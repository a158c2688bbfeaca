"""Cancelling asks first and confirms by mail (issue #13.6)."""

import re

from django.core import mail
from django.urls import reverse

from ateliers import services
from ateliers.models import Registration

from .conftest import register_guest

Status = Registration.Status


def test_the_cancel_link_asks_first_and_says_what_will_happen(client, make_atelier):
    atelier = make_atelier(capacity=1)
    holder = register_guest(atelier, 1)
    token = services.make_token(holder, "manage")

    manage_page = client.get(reverse("ateliers:manage", args=[token])).content.decode()
    cancel_url = reverse("ateliers:cancel", args=[token])
    assert f'href="{cancel_url}"' in manage_page

    response = client.get(cancel_url)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Wil je je afmelden" in page and atelier.title in page
    assert "eerste op de wachtlijst" in page  # what happens to the seat
    assert "bevestiging per e-mail" in page
    assert 'method="post"' in page
    holder.refresh_from_db()
    assert holder.status == Status.CONFIRMED  # looking is not cancelling


def test_someone_waiting_is_told_they_leave_the_waiting_list(client, make_atelier):
    atelier = make_atelier(capacity=1)
    register_guest(atelier, 1)
    waiting = register_guest(atelier, 2)
    page = client.get(reverse("ateliers:cancel", args=[services.make_token(waiting, "manage")])).content.decode()
    assert "van de wachtlijst" in page


def test_posting_cancels_mails_a_confirmation_and_promotes_the_next(client, make_atelier, committed):
    atelier = make_atelier(capacity=1, offer_hours=0)  # placed at once, no offer (see test_offers.py)
    holder = register_guest(atelier, 1)
    waiting = register_guest(atelier, 2)
    mail.outbox.clear()

    with committed():
        response = client.post(reverse("ateliers:cancel", args=[services.make_token(holder, "manage")]), follow=True)

    holder.refresh_from_db()
    waiting.refresh_from_db()
    assert holder.status == Status.CANCELLED and holder.cancelled_at
    assert waiting.status == Status.CONFIRMED
    assert "Je bent afgemeld" in response.content.decode()

    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"gast1@example.nl", "gast2@example.nl"}
    confirmation = by_recipient["gast1@example.nl"]
    assert confirmation.subject == f"Je bent afgemeld voor het kennisatelier: {atelier.title}"
    assert confirmation.body.startswith("Beste Gast 1,")
    assert f'kennisatelier "{atelier.title}"' in confirmation.body
    assert atelier.url in confirmation.body  # to register again
    assert not confirmation.attachments  # no ticket for a seat given up
    assert "plek vrijgekomen" in by_recipient["gast2@example.nl"].subject


def test_cancelling_twice_sends_one_mail(client, atelier, committed):
    holder = register_guest(atelier, 1)
    mail.outbox.clear()
    url = reverse("ateliers:cancel", args=[services.make_token(holder, "manage")])
    with committed():
        client.post(url)
    with committed():
        client.post(url)
    assert [m.to for m in mail.outbox] == [["gast1@example.nl"]]
    # After cancelling, the confirmation page is not shown again: back to the registration.
    response = client.get(url)
    assert response.status_code == 302 and re.search(r"/aanmelding/[^/]+/$", response["Location"])
