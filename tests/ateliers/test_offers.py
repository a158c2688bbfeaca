"""A seat that comes free is offered to the first person waiting, for the atelier's `offer_hours`.

Accepting in time takes the seat; an offer not accepted in time passes to the next person,
through `manage.py expire_atelier_offers` (safe twice) or when its link is opened. Every link
is taken from the mail that was actually sent and followed with the test client.
"""

import datetime
import re

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from ateliers import services
from ateliers.models import AtelierPage, AtelierState, Registration

from .conftest import register_guest, starts_in

Status = Registration.Status


def link_in(message, fragment):
    url = next(url for url in re.findall(r"https?://\S+", message.body) if fragment in url)
    return re.sub(r"^https?://[^/]+", "", url)


def mails_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def status_of(registration):
    return Registration.objects.get(pk=registration.pk).status


def one_seat_and_a_queue(make_atelier, waiting=2, **extra):
    atelier = make_atelier(capacity=1, **extra)
    holder = register_guest(atelier, 1)
    queue = [register_guest(atelier, n) for n in range(2, 2 + waiting)]
    mail.outbox.clear()
    return atelier, holder, queue


def lapse(registration):
    """The offer's time ran out a minute ago."""
    Registration.objects.filter(pk=registration.pk).update(
        offer_expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )


def test_a_freed_seat_is_offered_and_accepted_from_the_link_in_the_mail(client, make_atelier, committed):
    atelier, holder, (first, second) = one_seat_and_a_queue(make_atelier)
    with committed():
        services.cancel(holder)

    first.refresh_from_db()
    assert first.status == Status.OFFERED
    hours = (first.offer_expires_at - timezone.now()).total_seconds() / 3600
    assert 23.9 < hours <= 24  # the atelier's default offer time
    assert status_of(second) == Status.WAITING
    [offer] = mails_to("gast2@example.nl")
    assert offer.subject == f"Er is een plek vrij: neem hem aan voor het kennisatelier: {atelier.title}"
    assert not offer.attachments  # no ticket before the seat is taken

    accept_path = link_in(offer, "/plek-aannemen/")
    page = client.get(accept_path)
    assert page.status_code == 200
    assert "We houden deze plek voor je vast tot" in page.content.decode()
    assert status_of(first) == Status.OFFERED  # opening the link (a mail scanner) accepts nothing

    with committed():
        response = client.post(accept_path, follow=True)
    assert "De plek is van jou" in response.content.decode()
    assert status_of(first) == Status.CONFIRMED
    ticket = mails_to("gast2@example.nl")[-1]
    assert "plek vrijgekomen" in ticket.subject
    assert {name for name, _content, _type in ticket.attachments} == {"kennisatelier.ics", "inchecken.png"}
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(first.pk)).order_by("pk").values_list("action", flat=True)
    )
    assert actions[-2:] == ["ateliers.offer", "ateliers.accept_offer"]

    with committed():
        client.post(accept_path)  # a second click
    assert len(mails_to("gast2@example.nl")) == 2


def test_an_offered_seat_is_held_newcomers_wait(make_atelier, committed):
    atelier, holder, (first,) = one_seat_and_a_queue(make_atelier, waiting=1)
    services.cancel(holder)
    newcomer = register_guest(atelier, 9)
    assert newcomer.status == Status.WAITING
    assert AtelierPage.objects.get(pk=atelier.pk).state == AtelierState.FULL
    assert AtelierPage.objects.get(pk=atelier.pk).seats_left == 0


def test_the_expiry_command_passes_the_offer_on_and_twice_does_nothing_more(make_atelier, committed):
    atelier, holder, (first, second) = one_seat_and_a_queue(make_atelier)
    services.cancel(holder)
    lapse(first)
    mail.outbox.clear()

    with committed():
        call_command("expire_atelier_offers")
    assert status_of(first) == Status.CANCELLED
    assert status_of(second) == Status.OFFERED
    [lapsed] = mails_to("gast2@example.nl")
    assert lapsed.subject.startswith("Het aanbod is verlopen")
    assert atelier.url in lapsed.body  # to register again
    assert [m.subject.split(":")[0] for m in mails_to("gast3@example.nl")] == ["Er is een plek vrij"]

    with committed():
        call_command("expire_atelier_offers")
    assert len(mail.outbox) == 2
    assert ModelLogEntry.objects.filter(action="ateliers.offer_expired").count() == 1


def test_opening_a_lapsed_offer_passes_it_on_and_says_so_in_dutch(client, make_atelier, committed):
    _atelier, holder, (first, second) = one_seat_and_a_queue(make_atelier)
    with committed():
        services.cancel(holder)
    accept_path = link_in(mails_to("gast2@example.nl")[-1], "/plek-aannemen/")
    lapse(first)

    with committed():
        response = client.get(accept_path, follow=True)
    assert "Dit aanbod is verlopen; de plek is naar de volgende op de wachtlijst gegaan" in response.content.decode()
    assert status_of(first) == Status.CANCELLED
    assert status_of(second) == Status.OFFERED

    response = client.post(accept_path, follow=True)  # the button on a page left open too long
    assert status_of(first) == Status.CANCELLED
    assert "geen plek klaar" in response.content.decode()


def test_accepting_just_after_the_deadline_is_refused_and_passed_on(make_atelier, committed):
    _atelier, holder, (first, second) = one_seat_and_a_queue(make_atelier)
    services.cancel(holder)
    lapse(first)
    first.refresh_from_db()
    try:
        services.accept_offer(first)
    except services.OfferLapsed as error:
        assert "verlopen" in str(error)
    else:
        raise AssertionError("a lapsed offer was accepted")
    assert status_of(first) == Status.CANCELLED  # committed, not rolled back with the refusal
    assert status_of(second) == Status.OFFERED


def test_declining_an_offer_passes_it_on(client, make_atelier, committed):
    _atelier, holder, (first, second) = one_seat_and_a_queue(make_atelier)
    services.cancel(holder)
    page = client.get(reverse("ateliers:cancel", args=[services.make_token(first, "manage")])).content.decode()
    assert "De plek die je aangeboden kreeg" in page
    client.post(reverse("ateliers:cancel", args=[services.make_token(first, "manage")]))
    assert status_of(first) == Status.CANCELLED
    assert status_of(second) == Status.OFFERED


def test_more_capacity_offers_seats_through_the_same_path(make_atelier, committed):
    atelier, _holder, queue = one_seat_and_a_queue(make_atelier, waiting=3)
    page = AtelierPage.objects.get(pk=atelier.pk)
    page.capacity = 3
    with committed():
        page.save_revision().publish()
    assert [status_of(r) for r in queue] == [Status.OFFERED, Status.OFFERED, Status.WAITING]
    assert sorted(m.to[0] for m in mail.outbox) == ["gast2@example.nl", "gast3@example.nl"]
    assert all(m.subject.startswith("Er is een plek vrij") for m in mail.outbox)


def test_an_offer_never_runs_past_the_start(make_atelier):
    atelier, holder, (first,) = one_seat_and_a_queue(make_atelier, waiting=1)
    starts_in(atelier, datetime.timedelta(hours=3))
    services.cancel(holder)
    first.refresh_from_db()
    assert first.offer_expires_at == atelier.starts_at


def test_the_offer_time_is_set_per_atelier(make_atelier):
    _atelier, holder, (first,) = one_seat_and_a_queue(make_atelier, waiting=1, offer_hours=4)
    services.cancel(holder)
    first.refresh_from_db()
    assert 3.9 < (first.offer_expires_at - timezone.now()).total_seconds() / 3600 <= 4


def test_an_english_registrant_gets_an_english_offer_with_an_english_link(client, make_atelier, committed):
    atelier = make_atelier(capacity=1)
    holder = register_guest(atelier, 1)
    waiting = services.confirm_email(
        services.register(atelier, email="anna@example.nl", name="Anna", background="policy", language="en")
    )
    mail.outbox.clear()
    with committed():
        services.cancel(holder)
    [offer] = mails_to("anna@example.nl")
    assert offer.subject.startswith("A place is available")
    accept_path = link_in(offer, "/plek-aannemen/")
    assert accept_path.startswith("/en/")
    assert "Yes, I accept the place" in client.get(accept_path).content.decode()
    client.post(accept_path)
    assert status_of(waiting) == Status.CONFIRMED
