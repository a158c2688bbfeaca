"""Every absolute link about an atelier starts with PUBLIC_BASE_URL (issue #13.4).

`make run PORT=8101` sets PUBLIC_BASE_URL=http://127.0.0.1:8101; before, the links in mails,
the check-in QR code, the calendar file and the certificate pointed at port 8000 or at the
Site record's http://localhost/.
"""

import io

import pytest
from django.urls import reverse
from icalendar import Calendar
from pypdf import PdfReader

from ateliers import services
from ateliers.models import AtelierState
from ateliers.qr import qr_png, qr_svg

from .conftest import begin, register_guest

BASE = "http://127.0.0.1:8101"


@pytest.fixture(autouse=True)
def public_base_url(settings):
    settings.PUBLIC_BASE_URL = BASE


@pytest.fixture(autouse=True)
def links_made_in_one_moment(monkeypatch):
    """A signed link carries the second it was made: the links a test makes itself must match
    the ones in the mail or page even when a slow run crosses a second."""
    from core import signed_links

    moment = signed_links.now()
    monkeypatch.setattr(signed_links, "now", lambda: moment)


def checkin_link(registration):
    return BASE + reverse("ateliers:checkin_scan", args=[services.make_token(registration, "checkin")])


def test_registration_mail_links_qr_code_and_calendar_use_the_public_base_url(atelier, mailoutbox, committed):
    with committed():
        registration = register_guest(atelier, 1)
    confirmation = next(message for message in mailoutbox if message.attachments)
    links = [word for word in confirmation.body.split() if "://" in word]
    assert links, confirmation.body
    assert all(link.startswith(BASE + "/") for link in links), links
    assert BASE + reverse("ateliers:manage", args=[services.make_token(registration, "manage")]) in links
    attachments = {name: content for name, content, _mimetype in confirmation.attachments}
    # The QR code at the door encodes the check-in link on the public address.
    assert attachments["inchecken.png"] == qr_png(checkin_link(registration))
    [event] = Calendar.from_ical(attachments["kennisatelier.ics"]).walk("VEVENT")
    assert str(event["URL"]) == BASE + atelier.url


def test_every_mail_to_a_registrant_links_to_the_public_base_url(make_atelier, mailoutbox, committed):
    atelier = make_atelier(capacity=1)
    with committed():
        register_guest(atelier, 1)  # confirmation mail with the ticket
    with committed():
        register_guest(atelier, 2)  # on the waiting list
    with committed():
        services.register(atelier, email="nieuw@example.nl", name="Nieuw", background="wijkteam")  # confirm your e-mail
    links = [word for message in mailoutbox for word in message.body.split() if "://" in word]
    assert len(links) >= 3
    assert all(link.startswith(BASE + "/") for link in links), links


def test_manage_page_qr_code_and_calendar_download_use_the_public_base_url(client, atelier):
    registration = register_guest(atelier, 1)
    token = services.make_token(registration, "manage")
    page = client.get(reverse("ateliers:manage", args=[token])).content.decode()
    assert qr_svg(checkin_link(registration)) in page
    calendar = client.get(reverse("ateliers:registration_ics", args=[token])).content
    [event] = Calendar.from_ical(calendar).walk("VEVENT")
    assert str(event["URL"]).startswith(BASE + "/")
    feed = client.get(reverse("ateliers:feed")).content
    assert all(str(event["URL"]).startswith(BASE + "/") for event in Calendar.from_ical(feed).walk("VEVENT"))


def test_certificate_check_url_in_the_pdf_uses_the_public_base_url(client, atelier):
    attendee = register_guest(atelier, 1, wants_accreditation=True, register_numbers={"skj": "SKJ110099887"})
    begin(atelier)
    services.set_attendance(attendee, True)
    services.transition(atelier, AtelierState.HELD)
    attendee.refresh_from_db()
    response = client.get(reverse("ateliers:certificate", args=[services.make_token(attendee, "manage")]))
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text().replace("\n", "")
    assert BASE + reverse("ateliers:certificate_check", args=[attendee.certificate_code]) in text
