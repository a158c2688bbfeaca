"""A knowledge atelier from both sides of the door, in a real browser.

A guest registers and confirms by e-mail, cancels from the link in the mail, and the
person on the waiting list gets the seat and a message; staff check that person in on
the check-in page; after the atelier they fill in the evaluation from their e-mail.
"""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Permission
from django.core import mail
from django.utils import timezone

from accounts.models import User
from ateliers import services
from ateliers.models import (
    Accreditation,
    AtelierPage,
    AtelierSeriesPage,
    AtelierState,
    EvaluationAspect,
    EvaluationResponse,
    ProgrammeItem,
    Registration,
)
from organisations.models import Membership, Organisation, OrganisationType
from tests.ateliers.conftest import begin
from tests.browser.conftest import audit_accessibility, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def atelier(db):
    from home.setup import ensure_site, get_home

    ensure_site()
    EvaluationAspect.ensure_defaults()  # a transactional test before this one may have flushed them
    series = get_home().add_child(instance=AtelierSeriesPage(title="Kennisateliers", slug="ateliers"))
    atelier = AtelierPage(
        title="Kracht uit informele netwerken",
        date=timezone.localdate() + datetime.timedelta(days=14),
        venue="Timmerhuis, Rotterdam",
        capacity=1,
        offer_hours=0,  # the freed seat goes straight to Wim (offers: tests/journeys/test_atelier_participant.py)
        summary="Informele en formele netwerken rond opvoeden.",
        programme_items=[
            ProgrammeItem(title="Ouders in Actie", perspective="practice", duration_minutes=20),
            ProgrammeItem(title="Vadergroepen", perspective="lived_experience", duration_minutes=20),
        ],
        accreditations=[Accreditation(register="skj", status="granted", reference="SKJ-7781", points=2)],
    )
    series.add_child(instance=atelier)
    AtelierPage.objects.filter(pk=atelier.pk).update(state=AtelierState.REGISTRATION_OPEN)
    atelier.refresh_from_db()
    return atelier


def path_in(message, fragment):
    return urlsplit(re.search(rf"https?://\S*{fragment}\S*", message.body).group(0)).path


def mail_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_register_cancel_promote_check_in_and_evaluate(page, atelier):
    # A guest registers from the atelier page.
    page.goto(atelier.url)
    assert audit_accessibility(page) == []
    page.get_by_role("link", name="Aanmelden").click()
    assert audit_accessibility(page) == []
    page.get_by_label("Naam", exact=True).fill("Gerda Gast")
    page.get_by_label("E-mailadres").fill("gerda@example.nl")
    page.get_by_label("Organisatie").fill("Wijkteam Feijenoord")
    page.get_by_label("Wijkteam").check()
    page.get_by_role("button", name="Aanmelden").click()
    page.get_by_role("heading", name="Kijk in je mailbox").wait_for()

    # She confirms her address from the mail and gets the only seat.
    (confirm_mail,) = mail_to("gerda@example.nl")
    page.goto(path_in(confirm_mail, "/bevestigen/"))
    page.get_by_role("button", name="Aanmelding bevestigen").click()
    page.get_by_text("Status: Aangemeld").wait_for()
    assert audit_accessibility(page) == []  # the page with the QR code
    seat_mail = mail_to("gerda@example.nl")[-1]
    assert any(name == "kennisatelier.ics" for name, *_ in seat_mail.attachments)

    # Someone else comes in after her and lands on the waiting list.
    waiting = services.confirm_email(
        services.register(atelier, email="wim@example.nl", name="Wim Wachter", background="policy")
    )
    assert waiting.status == Registration.Status.WAITING

    # Gerda cancels with the link from her confirmation mail; Wim is promoted and told.
    page.goto(path_in(seat_mail, "/aanmelding/"))
    page.get_by_role("link", name="Afmelden").click()
    page.get_by_role("heading", name="Wil je je afmelden?").wait_for()
    assert audit_accessibility(page) == []
    page.get_by_role("button", name="Ja, meld me af").click()
    page.get_by_text("Status: Afgemeld").wait_for()
    assert "afgemeld" in mail_to("gerda@example.nl")[-1].subject
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
    assert "plek vrijgekomen" in mail_to("wim@example.nl")[-1].subject

    # The day comes and the atelier begins; at the door, staff find Wim by name and check him in.
    begin(atelier)
    # Door staff: a member of the organisation that co-organises the atelier, with the door permission.
    staff = User.objects.create_user(email="deur@example.nl", password="deur-wachtwoord-42")
    EmailAddress.objects.create(user=staff, email=staff.email, verified=True, primary=True)
    staff.user_permissions.add(
        Permission.objects.get(content_type__app_label="ateliers", codename="change_registration")
    )
    organisation = Organisation.objects.create(
        name="Stichting Kennisateliers", type=OrganisationType.KNOWLEDGE_INSTITUTE
    )
    Membership.objects.create(organisation=organisation, user=staff)
    AtelierPage.co_organisers.through.objects.create(atelierpage_id=atelier.pk, organisation=organisation)
    login(page, "deur@example.nl", "deur-wachtwoord-42")
    page.goto(f"/kennisateliers/{atelier.pk}/inchecken/")
    page.get_by_label("Zoek op naam of organisatie").fill("wim")
    page.get_by_role("main").get_by_role("button", name="Zoeken").click()
    page.get_by_role("button", name="Wim Wachter inchecken").click()
    page.get_by_text("Wim Wachter is ingecheckt.").wait_for()
    page.get_by_text("1 van 1 aanwezig").wait_for()
    assert audit_accessibility(page) == []
    waiting.refresh_from_db()
    assert waiting.attended

    # After the atelier Wim rates it from the link in his mail.
    services.transition(atelier, AtelierState.HELD)
    services.transition(atelier, AtelierState.EVALUATION_OPEN)
    page.context.clear_cookies()
    page.goto(path_in(mail_to("wim@example.nl")[-1], "/evaluatie/"))
    assert audit_accessibility(page) == []
    for aspect in ("Organisatie", "Kwaliteit van de presentaties", "Kwaliteit van de discussie", "Nieuwswaarde"):
        page.get_by_role("group", name=f"{aspect} (1 tot 5 sterren)").get_by_label("4").check()
    page.get_by_label("Opmerkingen").fill("Goede mix van praktijk en onderzoek.")
    page.get_by_role("button", name="Versturen").click()
    page.get_by_role("heading", name="Dank je wel!").wait_for()
    response = EvaluationResponse.objects.get(registration=waiting)
    assert response.scores.count() == 4
