"""Registrants change their own registration, and answer the organiser's questions (issue #16).

The change is reached the way a registrant meets it: from the link in the mail they received
(`mail.outbox`), for members also from the atelier page. After the atelier's cut-off they get
a Dutch sentence that says until when it could, and nothing changes.
"""

import datetime
import re

from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry

from ateliers import services
from ateliers.models import Registration, RegistrationAnswer, RegistrationQuestion

from .conftest import register_guest, starts_in

Status = Registration.Status


def link_in(message, fragment):
    """The absolute link in a mail that contains `fragment`, as a path the test client can open."""
    urls = re.findall(r"https?://\S+", message.body)
    url = next(url for url in urls if fragment in url)
    return re.sub(r"^https?://[^/]+", "", url)


def last_mail_to(address):
    return [message for message in mail.outbox if message.to == [address]][-1]


def guest_with_mail(atelier, committed, n=1, **extra):
    """A guest registered and confirmed, and the mail with their seat (or place in line)."""
    with committed():
        registration = register_guest(atelier, n, **extra)
    return registration, last_mail_to(f"gast{n}@example.nl")


def test_the_link_in_the_confirmation_mail_leads_to_a_change_form_that_saves_logs_and_mails(client, atelier, committed):
    registration, confirmation = guest_with_mail(atelier, committed, organisation_name="Wijkteam Noord")
    manage_page = client.get(link_in(confirmation, "/aanmelding/"))
    assert manage_page.status_code == 200
    change_link = re.search(r'href="([^"]*/wijzigen/)"', manage_page.content.decode()).group(1)

    form_page = client.get(change_link)
    assert form_page.status_code == 200
    assert 'value="Wijkteam Noord"' in form_page.content.decode()  # what they typed before

    mail.outbox.clear()
    with committed():
        response = client.post(
            change_link,
            {
                "name": "Gast Een-Jansen",
                "organisation_name": "Jeugdteam Zuid",
                "background": "preventive",
                "wants_accreditation": "on",
                "number_skj": "110012345",
                "remarks": "Ik kom met een rolstoel.",
            },
            follow=True,
        )
    # Back on the registration page: its token is read back, not compared as a string, because a
    # signed token carries the second it was made in.
    landed_on = re.search(r"/aanmelding/([^/]+)/", response.redirect_chain[-1][0]).group(1)
    assert services.registration_from_token(landed_on, "manage") == registration
    assert "Je wijzigingen zijn opgeslagen" in response.content.decode()

    registration.refresh_from_db()
    assert registration.name == "Gast Een-Jansen"
    assert registration.organisation_name == "Jeugdteam Zuid"
    assert registration.register_numbers == {"skj": "SKJ110012345"}
    assert registration.remarks == "Ik kom met een rolstoel."
    assert registration.status == Status.CONFIRMED  # the seat stays

    [message] = mail.outbox
    assert message.subject == f"Je aanmelding is gewijzigd voor het kennisatelier: {atelier.title}"
    assert "Jeugdteam Zuid" in message.body and "SKJ110012345" in message.body
    assert client.get(link_in(message, "/aanmelding/")).status_code == 200  # its link works too

    entry = ModelLogEntry.objects.get(action="ateliers.change", object_id=str(registration.pk))
    assert set(entry.data["fields"]) >= {"name", "organisation_name", "register_numbers", "remarks"}
    assert "Jansen" not in str(entry.data) and "rolstoel" not in str(entry.data)  # names of fields, not values


def test_saving_without_a_change_sends_no_mail(client, atelier, committed):
    registration, _confirmation = guest_with_mail(atelier, committed)
    url = reverse("ateliers:change", args=[services.make_token(registration, "manage")])
    mail.outbox.clear()
    with committed():
        response = client.post(url, {"name": "Gast 1", "background": "wijkteam"}, follow=True)
    assert "Er was niets veranderd" in response.content.decode()
    assert mail.outbox == []
    assert not ModelLogEntry.objects.filter(action="ateliers.change").exists()


def test_bad_input_gets_dutch_errors_and_keeps_what_was_typed(client, atelier, committed):
    registration, _confirmation = guest_with_mail(atelier, committed)
    url = reverse("ateliers:change", args=[services.make_token(registration, "manage")])
    response = client.post(
        url, {"name": "Nieuwe Naam", "background": "wijkteam", "wants_accreditation": "on", "number_skj": "12"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="Nieuwe Naam"' in page  # nothing lost
    assert "Dit registratienummer klopt niet" in page
    registration.refresh_from_db()
    assert registration.name == "Gast 1"


def test_an_english_registrant_follows_the_english_link_and_the_change_mail_is_english(client, atelier, committed):
    with committed():
        registration = services.confirm_email(
            services.register(atelier, email="gast1@example.nl", name="Gast 1", background="wijkteam", language="en")
        )
    confirmation = last_mail_to("gast1@example.nl")
    manage_path = link_in(confirmation, "/aanmelding/")
    assert manage_path.startswith("/en/")
    page = client.get(manage_path).content.decode()
    change_link = re.search(r'href="([^"]*/wijzigen/)"', page).group(1)
    assert change_link.startswith("/en/")
    mail.outbox.clear()
    with committed():
        client.post(change_link, {"name": "Guest One", "background": "wijkteam"})
    [message] = mail.outbox
    assert message.subject.startswith("Your registration")
    assert "/en/" in message.body
    registration.refresh_from_db()
    assert registration.name == "Guest One"


def test_after_the_cut_off_the_registrant_is_told_in_dutch_and_nothing_changes(client, make_atelier, committed):
    atelier = make_atelier(change_cutoff_hours=24)
    registration, _confirmation = guest_with_mail(atelier, committed)
    starts_in(atelier, datetime.timedelta(hours=20))
    token = services.make_token(registration, "manage")

    manage_page = client.get(reverse("ateliers:manage", args=[token])).content.decode()
    assert "/wijzigen/" not in manage_page  # no link to a form that cannot be used

    url = reverse("ateliers:change", args=[token])
    for response in (
        client.get(url, follow=True),
        client.post(url, {"name": "Te Laat", "background": "policy"}, follow=True),
    ):
        page = response.content.decode()
        assert "Je aanmelding wijzigen kan tot 24 uur voor het begin" in page
        assert "Dat is voorbij" in page
    registration.refresh_from_db()
    assert registration.name == "Gast 1"


def test_the_cut_off_is_per_atelier(client, make_atelier, committed):
    atelier = make_atelier(change_cutoff_hours=2)
    registration, _confirmation = guest_with_mail(atelier, committed)
    starts_in(atelier, datetime.timedelta(hours=20))
    url = reverse("ateliers:change", args=[services.make_token(registration, "manage")])
    client.post(url, {"name": "Op Tijd", "background": "policy"})
    registration.refresh_from_db()
    assert registration.name == "Op Tijd"


def test_a_cancelled_registration_cannot_be_changed(client, atelier, committed):
    registration, _confirmation = guest_with_mail(atelier, committed)
    services.cancel(registration)
    url = reverse("ateliers:change", args=[services.make_token(registration, "manage")])
    client.post(url, {"name": "Spook", "background": "policy"})
    registration.refresh_from_db()
    assert registration.name == "Gast 1"


def test_a_member_finds_the_change_form_from_the_atelier_page(client, atelier, member, committed):
    client.force_login(member)
    with committed():
        client.post(reverse("ateliers:register", args=[atelier.pk]), {"name": "Priya Pinas", "background": "policy"})
    atelier_page = client.get(atelier.url).content.decode()
    manage_link = re.search(r'href="([^"]*/aanmelding/[^"]*)"', atelier_page).group(1)
    change_link = re.search(r'href="([^"]*/wijzigen/)"', client.get(manage_link).content.decode()).group(1)
    client.post(change_link, {"name": "Priya Pinas", "background": "policy", "remarks": "Graag vegetarisch."})
    registration = Registration.objects.get(user=member)
    assert registration.remarks == "Graag vegetarisch."
    entry = ModelLogEntry.objects.get(action="ateliers.change")
    assert entry.user_id == member.pk


# -- the organiser's questions -----------------------------------------------------------


def ask(atelier, text, kind=RegistrationQuestion.Kind.TEXT, required=False, choices=""):
    return RegistrationQuestion.objects.create(page=atelier, text=text, kind=kind, required=required, choices=choices)


def test_questions_are_asked_at_registration_checked_in_dutch_and_stored(client, atelier, committed):
    lunch = ask(
        atelier, "Wat wil je bij de lunch?", RegistrationQuestion.Kind.CHOICE, True, "Vlees\nVegetarisch\nVeganistisch"
    )
    photo = ask(atelier, "Mogen we je op de foto zetten?", RegistrationQuestion.Kind.YES_NO, True)
    topic = ask(atelier, "Welke vraag wil je stellen?")
    url = reverse("ateliers:register", args=[atelier.pk])
    page = client.get(url).content.decode()
    assert "Wat wil je bij de lunch?" in page and "Vegetarisch" in page and "Mogen we je op de foto zetten?" in page

    typed = {"name": "Gast 1", "email": "gast1@example.nl", "background": "wijkteam", "remarks": "Rolstoel"}
    response = client.post(url, {**typed, f"question_{lunch.pk}": "Frikandel"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in page  # Django's own Dutch message for a choice not offered
    assert "Dit is een verplicht veld" in page  # the yes/no question
    assert 'value="Gast 1"' in page and "Rolstoel" in page  # nothing lost
    assert not Registration.objects.exists()

    with committed():
        client.post(
            url,
            {**typed, f"question_{lunch.pk}": "Vegetarisch", f"question_{photo.pk}": "nee", f"question_{topic.pk}": ""},
        )
    registration = Registration.objects.get()
    assert dict(registration.answers.values_list("question__text", "value")) == {
        "Wat wil je bij de lunch?": "Vegetarisch",
        "Mogen we je op de foto zetten?": "nee",
    }
    assert registration.remarks == "Rolstoel"


def test_answers_can_be_changed_and_appear_in_the_organisers_export(client, atelier, organiser, committed):
    lunch = ask(atelier, "Wat wil je bij de lunch?", RegistrationQuestion.Kind.CHOICE, True, "Vlees\nVegetarisch")
    registration, _confirmation = guest_with_mail(atelier, committed, answers={lunch.pk: "Vlees"})
    assert RegistrationAnswer.objects.get(registration=registration).value == "Vlees"

    url = reverse("ateliers:change", args=[services.make_token(registration, "manage")])
    assert re.search(r'value="Vlees"[^>]*checked', client.get(url).content.decode())  # the answer given
    mail.outbox.clear()
    with committed():
        client.post(url, {"name": "Gast 1", "background": "wijkteam", f"question_{lunch.pk}": "Vegetarisch"})
    assert RegistrationAnswer.objects.get(registration=registration).value == "Vegetarisch"
    assert "Vegetarisch" in mail.outbox[0].body

    client.force_login(organiser)
    export = client.get(reverse("ateliers_admin:registrations_export", args=[atelier.pk]))
    assert export.status_code == 200
    text = export.content.decode("utf-8-sig")
    header, row = text.splitlines()[:2]
    assert "Wat wil je bij de lunch?" in header and "wensen of opmerkingen" in header
    assert "Gast 1" in row and "Vegetarisch" in row


def test_the_export_guards_formulas_and_is_refused_to_members(client, atelier, member, organiser, committed):
    question = ask(atelier, "Opmerking voor de spreker")
    registration, _confirmation = guest_with_mail(atelier, committed, answers={question.pk: "=HYPERLINK(1)"})
    client.force_login(member)
    assert client.get(reverse("ateliers_admin:registrations_export", args=[atelier.pk])).status_code in (302, 403)
    client.force_login(organiser)
    text = client.get(reverse("ateliers_admin:registrations_export", args=[atelier.pk])).content.decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text


def test_the_editor_asks_questions_in_the_registration_tab(client, atelier, organiser):
    client.force_login(organiser)
    page = client.get(reverse("wagtailadmin_pages:edit", args=[atelier.pk])).content.decode()
    assert "Vraag bij aanmelden" in page
    assert "wijzigen kan tot (uren voor het begin)" in page.lower()
