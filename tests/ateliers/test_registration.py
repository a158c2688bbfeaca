"""Registration, confirmation, waiting list and cancellation: the rules people feel."""

import re
from unittest import mock

import icalendar
import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse

from ateliers import services
from ateliers.models import AtelierPage, AtelierState, Registration

from .conftest import begin, register_guest

Status = Registration.Status


def path_of(url):
    return "/" + url.split("/", 3)[3]


def link_in(message, fragment):
    return path_of(re.search(rf"https?://\S*{fragment}\S*", message.body).group(0))


def test_member_registers_with_one_click_prefilled_from_profile(client, atelier, member):
    client.force_login(member)
    url = reverse("ateliers:register", args=[atelier.pk])
    form_page = client.get(url)
    assert form_page.status_code == 200
    assert "SKJ110012345" in form_page.content.decode()
    assert "Priya Pinas" in form_page.content.decode()

    response = client.post(url, {"name": "Priya Pinas", "background": "wijkteam", "number_skj": "SKJ110012345"})
    registration = Registration.objects.get()
    assert response.status_code == 302
    assert registration.status == Status.CONFIRMED
    assert registration.user == member
    assert registration.email == member.email
    manage_page = client.get(response["Location"])
    assert "Aangemeld" in manage_page.content.decode()
    assert "<svg" in manage_page.content.decode()  # QR code for the door


def test_confirmation_mail_carries_a_calendar_file_that_parses(atelier, member, committed):
    with committed():
        services.register(atelier, email=member.email, name="Priya Pinas", background="wijkteam", user=member)
    (message,) = mail.outbox
    assert "aangemeld" in message.subject
    attachments = {name: (content, mimetype) for name, content, mimetype in message.attachments}
    calendar = icalendar.Calendar.from_ical(attachments["kennisatelier.ics"][0])
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == f"Kennisatelier: {atelier.title}"
    assert event.decoded("dtstart") == atelier.starts_at
    assert event.decoded("dtstart").hour == 15 and event.decoded("dtend").hour == 17
    assert "Timmerhuis" in str(event["location"])
    assert attachments["inchecken.png"][1] == "image/png"
    assert attachments["inchecken.png"][0].startswith(b"\x89PNG")
    assert "/kennisateliers/aanmelding/" in message.body  # cancel link


def test_submitting_twice_gives_one_registration(client, atelier, member, committed):
    client.force_login(member)
    url = reverse("ateliers:register", args=[atelier.pk])
    for _ in range(2):
        with committed():
            client.post(url, {"name": "Priya Pinas", "background": "wijkteam"})
    assert Registration.objects.count() == 1
    assert len(mail.outbox) == 1


def test_guest_must_confirm_their_address_before_taking_a_seat(client, make_atelier, member, committed):
    atelier = make_atelier(capacity=1)
    with committed():
        response = client.post(
            reverse("ateliers:register", args=[atelier.pk]),
            {"name": "Gert Gast", "email": "Gert@Example.nl", "background": "policy", "organisation_name": "Gemeente"},
        )
    assert "Kijk in je mailbox" in response.content.decode()
    guest = Registration.objects.get()
    assert guest.status == Status.PENDING and guest.email == "gert@example.nl"

    # The unconfirmed guest holds no seat: a member still gets the only one.
    services.register(atelier, email=member.email, name="Priya", background="wijkteam", user=member)
    assert Registration.objects.get(user=member).status == Status.CONFIRMED

    confirm_link = link_in(mail.outbox[0], "/bevestigen/")
    assert client.get(confirm_link).status_code == 200
    response = client.post(confirm_link)
    guest.refresh_from_db()
    assert guest.status == Status.WAITING
    assert guest.email_confirmed_at is not None
    assert client.get(response["Location"]).status_code == 200


def test_forged_or_mangled_links_are_refused(client, atelier, member):
    registration = services.register(atelier, email=member.email, name="P", background="wijkteam", user=member)
    token = services.make_token(registration, "manage")
    assert client.get(reverse("ateliers:manage", args=[token[:-2] + "xx"])).status_code == 404
    # A token for one purpose does not open another door.
    assert (
        client.get(reverse("ateliers:manage", args=[services.make_token(registration, "confirm")])).status_code == 404
    )
    assert client.get(reverse("ateliers:manage", args=[token])).status_code == 200


def test_full_atelier_puts_people_on_the_waiting_list_in_order(make_atelier):
    atelier = make_atelier(capacity=2)
    first, second, third, fourth = (register_guest(atelier, n) for n in range(4))
    assert [r.status for r in (first, second, third, fourth)] == [Status.CONFIRMED] * 2 + [Status.WAITING] * 2
    atelier.refresh_from_db()
    assert atelier.state == AtelierState.FULL
    assert services.waiting_position(third) == 1 and services.waiting_position(fourth) == 2


def test_cancelling_promotes_the_next_person_and_tells_them(client, make_atelier, committed):
    atelier = make_atelier(capacity=1, offer_hours=0)  # placed at once, no offer (see test_offers.py)
    holder = register_guest(atelier, 1)
    waiting = register_guest(atelier, 2)
    register_guest(atelier, 3)
    mail.outbox.clear()

    token = services.make_token(holder, "manage")
    with committed():
        client.post(reverse("ateliers:cancel", args=[token]))

    holder.refresh_from_db()
    waiting.refresh_from_db()
    assert holder.status == Status.CANCELLED
    assert waiting.status == Status.CONFIRMED
    assert sorted(m.to[0] for m in mail.outbox) == ["gast1@example.nl", "gast2@example.nl"]  # cancelled, promoted
    (message,) = [m for m in mail.outbox if m.to == ["gast2@example.nl"]]
    assert "plek vrijgekomen" in message.subject
    assert any(name == "kennisatelier.ics" for name, *_ in message.attachments)
    assert Registration.objects.filter(atelier=atelier, status=Status.CONFIRMED).count() == 1


def test_cancelling_reopens_registration_when_nobody_is_waiting(make_atelier):
    atelier = make_atelier(capacity=1)
    holder = register_guest(atelier, 1)
    assert AtelierPage.objects.get(pk=atelier.pk).state == AtelierState.FULL
    services.cancel(holder)
    assert AtelierPage.objects.get(pk=atelier.pk).state == AtelierState.REGISTRATION_OPEN


def test_cancelled_person_can_register_again_and_joins_the_back_of_the_line(make_atelier):
    atelier = make_atelier(capacity=1)
    first = register_guest(atelier, 1)
    register_guest(atelier, 2)
    services.cancel(first)
    again = register_guest(atelier, 1)
    assert again.pk == first.pk
    assert again.status == Status.WAITING


def test_more_capacity_moves_the_waiting_list_up(make_atelier):
    atelier = make_atelier(capacity=1, offer_hours=0)  # placed at once, no offer
    register_guest(atelier, 1)
    waiting = register_guest(atelier, 2)
    AtelierPage.objects.filter(pk=atelier.pk).update(capacity=2)
    services.capacity_changed(atelier)
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED


@pytest.mark.django_db(transaction=True)
def test_a_failing_mail_server_never_loses_a_registration(atelier, member):
    """The mail is sent only once the registration is committed, so its failing cannot undo it.

    Real commits (transaction=True): inside a test transaction every send would look "inside",
    and the task backend swallows the error, so only where the send happens tells the two apart.
    """
    sent_inside_a_transaction = []

    def unreachable_mail_server(*args, **kwargs):
        sent_inside_a_transaction.append(connection.in_atomic_block)
        raise ConnectionRefusedError

    with mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=unreachable_mail_server):
        registration = services.register(atelier, email=member.email, name="P", background="wijkteam", user=member)
    assert sent_inside_a_transaction == [False]
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED


def test_registration_is_refused_when_not_open(client, make_atelier, member):
    atelier = make_atelier(state=AtelierState.ANNOUNCED)
    with pytest.raises(services.AtelierError):
        services.register(atelier, email=member.email, name="P", background="wijkteam", user=member)
    response = client.get(reverse("ateliers:register", args=[atelier.pk]))
    assert "niet mogelijk" in response.content.decode()


@pytest.mark.parametrize(
    ("number", "error"),
    [("12345", "klopt niet"), ("SKJ12AB5678", "klopt niet")],
)
def test_register_numbers_are_validated_in_dutch(client, atelier, number, error):
    response = client.post(
        reverse("ateliers:register", args=[atelier.pk]),
        {"name": "G", "email": "g@example.nl", "background": "wijkteam", "number_skj": number},
    )
    assert error in response.content.decode()
    assert not Registration.objects.exists()


def test_register_numbers_are_stored_with_their_prefix(client, atelier):
    client.post(
        reverse("ateliers:register", args=[atelier.pk]),
        {
            "name": "G",
            "email": "g@example.nl",
            "background": "wijkteam",
            "wants_accreditation": "on",
            "number_skj": "110012345",
            "number_nip": "NIP 4567",
        },
    )
    assert Registration.objects.get().register_numbers == {"skj": "SKJ110012345", "nip": "NIP4567"}


def test_accreditation_without_a_number_asks_for_one(client, atelier):
    response = client.post(
        reverse("ateliers:register", args=[atelier.pk]),
        {"name": "G", "email": "g@example.nl", "background": "wijkteam", "wants_accreditation": "on"},
    )
    assert "Vul minstens één registratienummer in" in response.content.decode()


def test_bad_input_never_gives_a_server_error(client, atelier):
    url = reverse("ateliers:register", args=[atelier.pk])
    assert client.post(url, {"email": "geen-adres", "background": "onbekend"}).status_code == 200
    assert client.get(reverse("ateliers:register", args=[999999])).status_code == 404
    assert client.get("/kennisateliers/aanmelding/bevestigen/rommel/").status_code == 404
    assert client.get("/kennisateliers/evaluatie/rommel/").status_code == 404


def test_a_guest_submitting_again_gets_their_links_again_by_mail_only(client, atelier, committed):
    register_guest(atelier, 1)
    mail.outbox.clear()
    with committed():
        response = client.post(
            reverse("ateliers:register", args=[atelier.pk]),
            {"name": "Iemand anders", "email": "gast1@example.nl", "background": "other"},
        )
    assert "Kijk in je mailbox" in response.content.decode()
    assert "/aanmelding/" not in response.content.decode()  # the links go to the mailbox, not the browser
    assert [m.to for m in mail.outbox] == [["gast1@example.nl"]]
    assert Registration.objects.get().name == "Gast 1"


def test_a_returning_member_finds_their_background_prefilled(client, make_atelier, member):
    earlier = make_atelier(title="Eerder atelier")
    services.register(earlier, email=member.email, name="Priya", background="research", user=member)
    client.force_login(member)
    form = client.get(reverse("ateliers:register", args=[make_atelier(title="Volgend").pk])).context["form"]
    assert form.initial["background"] == "research"


def test_guest_registrations_are_capped_per_address(client, make_atelier):
    atelier = make_atelier(capacity=50)
    url = reverse("ateliers:register", args=[atelier.pk])
    codes = [
        client.post(url, {"name": f"G{n}", "email": f"g{n}@example.nl", "background": "other"}).status_code
        for n in range(11)
    ]
    assert codes == [200] * 10 + [429]
    assert Registration.objects.count() == 10


def test_publishing_after_the_event_promotes_nobody(make_atelier):
    atelier = make_atelier(capacity=1)
    register_guest(atelier, 1)
    waiting = register_guest(atelier, 2)
    begin(atelier)
    services.transition(atelier, "held")
    AtelierPage.objects.filter(pk=atelier.pk).update(capacity=5)
    assert services.capacity_changed(atelier) == []
    waiting.refresh_from_db()
    assert waiting.status == Status.WAITING
