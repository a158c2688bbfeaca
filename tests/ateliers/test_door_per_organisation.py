"""The door list and check-in belong to the organisations that organise the atelier (issue 14).

The door used to let anyone with `is_staff` in: the demo editor of Gemeente Zwolle could list
every atelier's attendees and tick them present, which issues certificate codes.
"""

from django.urls import reverse

from accounts.models import User
from ateliers import services
from ateliers.models import AtelierPage, Registration

ZWOLLE_EDITOR = "redacteur@demo.samenpreventief.nl"


def _st_raw_atelier_with_attendee():
    atelier = AtelierPage.objects.get(slug="samen-met-ouders")
    attendee = atelier.registrations.filter(status=Registration.Status.CONFIRMED).first()
    assert atelier.co_organisers.filter(short_name="ST-RAW").exists() and attendee is not None
    return atelier, attendee


def test_the_zwolle_demo_editor_cannot_list_or_check_in_st_raws_attendees(client, demo_content):
    atelier, attendee = _st_raw_atelier_with_attendee()
    client.force_login(User.objects.get(email=ZWOLLE_EDITOR))

    listing = client.get(reverse("ateliers:checkin", args=[atelier.pk]))
    assert listing.status_code == 403
    assert attendee.name not in listing.content.decode()

    client.post(reverse("ateliers:checkin_toggle", args=[atelier.pk, attendee.pk]), {"attended": "1"})
    scan = services.make_token(attendee, "checkin")
    client.post(reverse("ateliers:checkin_scan", args=[scan]))
    attendee.refresh_from_db()
    assert not attendee.attended and not attendee.certificate_code
