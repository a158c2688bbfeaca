"""At the door and afterwards: check-in, corrections, register exports, certificates, evaluation."""

import csv
import io
import re

import pytest
from django.core import mail
from django.urls import reverse
from pypdf import PdfReader

from ateliers import services
from ateliers.models import AtelierState, EvaluationAspect, EvaluationResponse, Registration

from .conftest import begin, register_guest


@pytest.fixture
def attendee(atelier):
    """Registered, and the atelier has begun: the door is open."""
    registration = register_guest(
        atelier, 1, wants_accreditation=True, register_numbers={"skj": "SKJ110099887"}, organisation_name="Enver"
    )
    begin(atelier)
    return registration


def test_check_in_is_for_staff_only(client, atelier, attendee, member):
    url = reverse("ateliers:checkin", args=[atelier.pk])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(member)
    assert client.get(url).status_code == 403  # an explanation, not a redirect back to the login page
    toggle = reverse("ateliers:checkin_toggle", args=[atelier.pk, attendee.pk])
    client.post(toggle, {"attended": "1"})
    attendee.refresh_from_db()
    assert not attendee.attended


def test_staff_finds_someone_by_name_and_checks_them_in(client, atelier, attendee, staff):
    register_guest(atelier, 2)
    client.force_login(staff)
    page = client.get(reverse("ateliers:checkin", args=[atelier.pk]), {"q": "gast 1"}).content.decode()
    assert "Gast 1" in page and "Gast 2" not in page

    client.post(reverse("ateliers:checkin_toggle", args=[atelier.pk, attendee.pk]), {"attended": "1", "q": "gast 1"})
    attendee.refresh_from_db()
    assert attendee.attended and attendee.checked_in_at and attendee.certificate_code

    # Corrected afterwards: not there after all.
    client.post(reverse("ateliers:checkin_toggle", args=[atelier.pk, attendee.pk]), {"attended": "0"})
    attendee.refresh_from_db()
    assert not attendee.attended


def test_the_qr_code_link_checks_in_with_one_tap(client, atelier, attendee, staff):
    client.force_login(staff)
    url = reverse("ateliers:checkin_scan", args=[services.make_token(attendee, "checkin")])
    assert "Gast 1" in client.get(url).content.decode()
    client.post(url)
    attendee.refresh_from_db()
    assert attendee.attended


def test_people_on_the_waiting_list_cannot_be_checked_in(make_atelier):
    atelier = make_atelier(capacity=1)
    register_guest(atelier, 1)
    waiting = register_guest(atelier, 2)
    with pytest.raises(services.AtelierError):
        services.set_attendance(waiting, True)


def test_attendance_export_is_what_the_register_portal_imports(client, atelier, attendee, organiser):
    register_guest(atelier, 2)  # present but without an SKJ number: not in the SKJ export
    services.set_attendance(attendee, True)
    services.set_attendance(Registration.objects.get(email="gast2@example.nl"), True)
    client.force_login(organiser)
    response = client.get(reverse("ateliers_admin:attendance_export", args=[atelier.pk, "skj"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["registratienummer", "achternaam_voornaam", "accreditatienummer", "punten", "datum"]
    assert rows[1:] == [["SKJ110099887", "Gast 1", "SKJ-REF-7781", "2,00", atelier.date.strftime("%d-%m-%Y")]]
    assert client.get(reverse("ateliers_admin:attendance_export", args=[atelier.pk, "xyz"])).status_code == 404


def test_certificate_pdf_names_person_atelier_date_reference_and_points(client, atelier, attendee):
    services.set_attendance(attendee, True)
    token = services.make_token(attendee, "manage")
    assert client.get(reverse("ateliers:certificate", args=[token])).status_code == 404  # not held yet
    services.transition(atelier, AtelierState.HELD)

    response = client.get(reverse("ateliers:certificate", args=[token]))
    assert response["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Gast 1" in text
    assert atelier.title in text
    assert str(atelier.date.year) in text and atelier.date.strftime("%-d") in text
    assert "SKJ-REF-7781" in text
    assert "2,0 punten" in text  # Dutch number format (issue 18)
    assert attendee.certificate_code in text


def test_public_check_confirms_a_code_with_minimal_personal_data(client, atelier, attendee):
    services.set_attendance(attendee, True)
    services.transition(atelier, AtelierState.HELD)
    page = client.get(reverse("ateliers:certificate_check", args=[attendee.certificate_code.lower()]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "is echt" in text and "G. 1." not in text and "G." in text
    assert atelier.title in text
    assert "Gast 1" not in text and "gast1@example.nl" not in text and "SKJ110099887" not in text

    unknown = client.get(reverse("ateliers:certificate_check", args=["ABCDE-12345"]))
    assert unknown.status_code == 404 and "kennen geen certificaat" in unknown.content.decode()
    # Typed or pasted garbage, NUL bytes included (PostgreSQL refuses those in a query): the same answer.
    for garbage in ["\x00\x1fx", "ABCDE-1234Z", "<b>x"]:
        response = client.get(f"/kennisateliers/certificaat/{garbage}/")
        assert response.status_code == 404 and "kennen geen certificaat" in response.content.decode()


def test_no_certificate_without_granted_accreditation(atelier, attendee):
    atelier.accreditations.update(status="requested")
    services.set_attendance(attendee, True)
    services.transition(atelier, AtelierState.HELD)
    attendee.refresh_from_db()
    assert not services.certificate_available(attendee)


def _open_evaluation(atelier, attendee, committed):
    services.set_attendance(attendee, True)
    services.transition(atelier, AtelierState.HELD)
    mail.outbox.clear()
    with committed():
        services.transition(atelier, AtelierState.EVALUATION_OPEN)


def test_opening_the_evaluation_mails_attendees_only(atelier, attendee, committed):
    register_guest(atelier, 2)  # registered but did not come
    _open_evaluation(atelier, attendee, committed)
    assert [m.to for m in mail.outbox] == [["gast1@example.nl"]]
    assert "/kennisateliers/evaluatie/" in mail.outbox[0].body
    assert "certificaat" in mail.outbox[0].body  # accredited and attended: the certificate link comes along


def test_attendee_rates_each_aspect_once(client, atelier, attendee, committed):
    _open_evaluation(atelier, attendee, committed)
    link = "/" + re.search(r"https?://\S+/evaluatie/\S+", mail.outbox[0].body).group(0).split("/", 3)[3]
    aspects = list(EvaluationAspect.objects.filter(active=True))
    assert [a.name for a in aspects][:4] == [
        "Organisatie",
        "Kwaliteit van de presentaties",
        "Kwaliteit van de discussie",
        "Nieuwswaarde",
    ]
    form_page = client.get(link).content.decode()
    assert all(aspect.name in form_page for aspect in aspects)

    incomplete = client.post(link, {f"aspect_{aspects[0].pk}": "4"})
    assert incomplete.status_code == 200 and not EvaluationResponse.objects.exists()

    answers = {f"aspect_{aspect.pk}": "4" for aspect in aspects} | {"comments": "Meer tijd voor de zaal."}
    assert "Dank je wel" in client.post(link, answers).content.decode()
    response = EvaluationResponse.objects.get()
    assert response.comments == "Meer tijd voor de zaal."
    assert sorted(response.scores.values_list("stars", flat=True)) == [4] * len(aspects)

    # The link works once: a second visit or submit is refused, nothing is stored twice.
    assert "al beoordeeld" in client.get(link).content.decode()
    client.post(link, answers)
    assert EvaluationResponse.objects.count() == 1
    with pytest.raises(services.AtelierError):
        services.submit_evaluation(attendee, {aspects[0].pk: 5})


def test_stars_outside_one_to_five_are_refused(client, atelier, attendee, committed):
    _open_evaluation(atelier, attendee, committed)
    link = reverse("ateliers:evaluate", args=[services.make_token(attendee, "evaluate")])
    aspects = EvaluationAspect.objects.filter(active=True)
    response = client.post(link, {f"aspect_{aspect.pk}": "9" for aspect in aspects})
    assert response.status_code == 200
    assert not EvaluationResponse.objects.exists()


def test_lifecycle_refuses_skipping_steps(atelier):
    begin(atelier)
    with pytest.raises(services.AtelierError):
        services.transition(atelier, AtelierState.LESSONS_PUBLISHED)
    for state in (AtelierState.HELD, AtelierState.EVALUATION_OPEN, AtelierState.PROCESSED):
        atelier = services.transition(atelier, state)
    assert services.allowed_transitions(atelier) == [AtelierState.LESSONS_PUBLISHED]


def test_cancelling_after_the_event_is_refused(atelier, attendee):
    services.transition(atelier, AtelierState.HELD)
    with pytest.raises(services.AtelierError):
        services.cancel(attendee)
