"""Mail about a registration goes out in the language the registrant used on the site."""

import re

from django.core import mail
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils import translation

from ateliers import services
from ateliers.models import Registration

Status = Registration.Status


def path_of(url):
    return "/" + url.split("/", 3)[3]


def links_in(message):
    return [path_of(url) for url in re.findall(r"https?://\S+", message.body)]


def register_url(atelier, language):
    with translation.override(language):
        return reverse("ateliers:register", args=[atelier.pk])


def post_guest(client, atelier, language, email="gert@example.nl"):
    return client.post(register_url(atelier, language), {"name": "Gert Gast", "email": email, "background": "policy"})


def test_a_guest_on_the_english_site_gets_english_mail_with_english_links(client, atelier, committed):
    with committed():
        response = post_guest(client, atelier, "en")
    assert response.status_code == 200
    registration = Registration.objects.get()
    assert registration.language == "en"

    (message,) = mail.outbox
    assert message.subject == f"Confirm your registration for the knowledge workshop: {atelier.title}"
    assert message.body.startswith("Dear Gert Gast,\n")
    assert "Please confirm your e-mail address with this link" in message.body
    assert "Kind regards,\nSamen Preventief – knowledge workshops" in message.body
    assert "Beste" not in message.body and 'kennisatelier "' not in message.body
    with translation.override("en"):
        assert date_filter(atelier.date, "l j F Y") in message.body
    (confirm_link,) = links_in(message)
    assert confirm_link.startswith("/en/kennisateliers/aanmelding/bevestigen/")

    page = client.get(confirm_link)
    assert page.status_code == 200
    assert '<html lang="en"' in page.content.decode()

    mail.outbox.clear()
    with committed():
        response = client.post(confirm_link)
    assert response["Location"].startswith("/en/")
    (message,) = mail.outbox
    assert message.subject == f"You are registered for the knowledge workshop: {atelier.title}"
    assert "Where: Timmerhuis, Halvemaanpassage 1, Rotterdam" in message.body
    programme_link, manage_link = links_in(message)
    assert programme_link.startswith("/en/") and manage_link.startswith("/en/kennisateliers/aanmelding/")
    assert client.get(programme_link).status_code == 200
    manage_page = client.get(manage_link)
    assert manage_page.status_code == 200
    assert '<html lang="en"' in manage_page.content.decode()


def test_a_guest_on_the_dutch_site_gets_the_dutch_mail_as_before(client, atelier, committed):
    with committed():
        post_guest(client, atelier, "nl")
    registration = Registration.objects.get()
    assert registration.language == "nl"

    (message,) = mail.outbox
    assert message.subject == f"Bevestig je aanmelding voor het kennisatelier: {atelier.title}"
    (confirm_link,) = links_in(message)
    assert confirm_link.startswith("/kennisateliers/aanmelding/bevestigen/")
    with translation.override("nl"):
        when = date_filter(atelier.date, "l j F Y")
    base = re.search(r"https?://\S+", message.body).group(0)
    assert message.body == (
        "Beste Gert Gast,\n\n"
        f'Je hebt je aangemeld voor het kennisatelier "{atelier.title}" op {when}, 15:00–17:00 uur.\n\n'
        "Bevestig je e-mailadres via deze link; pas daarna telt je aanmelding mee:\n"
        f"{base}\n\n"
        "Heb je je niet zelf aangemeld? Dan hoef je niets te doen: zonder bevestiging vervalt de aanmelding.\n\n"
        "Met vriendelijke groet,\n"
        "Samen Preventief – kennisateliers\n\n"
    )
    assert client.get(confirm_link).status_code == 200


def test_registering_without_a_language_still_means_dutch(atelier):
    registration = services.register(atelier, email="oud@example.nl", name="Oud", background="wijkteam")
    assert registration.language == "nl"


def test_the_promotion_mail_follows_the_stored_language_not_the_cancellers(client, make_atelier, committed):
    atelier = make_atelier(capacity=1, offer_hours=0)  # placed at once, no offer
    holder = services.confirm_email(
        services.register(atelier, email="houder@example.nl", name="Houder", background="wijkteam")
    )
    english = services.confirm_email(
        services.register(atelier, email="anna@example.nl", name="Anna", background="wijkteam", language="en")
    )
    dutch = services.confirm_email(
        services.register(atelier, email="daan@example.nl", name="Daan", background="wijkteam", language="nl")
    )
    assert english.status == dutch.status == Status.WAITING
    mail.outbox.clear()

    # The Dutch holder cancels on the Dutch site: the English registrant hears it in English.
    with committed():
        client.post(reverse("ateliers:cancel", args=[services.make_token(holder, "manage")]))
    (message,) = [m for m in mail.outbox if m.to != ["houder@example.nl"]]  # the holder's own confirmation aside
    assert message.to == ["anna@example.nl"]
    assert (
        message.subject
        == f"A place has become available: you are registered for the knowledge workshop: {atelier.title}"
    )
    assert message.body.startswith("Dear Anna,\n\nGood news: a place has become available.")
    assert any(name == "kennisatelier.ics" for name, *_ in message.attachments)
    (manage_link,) = links_in(message)
    assert manage_link.startswith("/en/kennisateliers/aanmelding/")

    # The English registrant cancels on the English site: the Dutch one still hears it in Dutch.
    mail.outbox.clear()
    with translation.override("en"):
        cancel_url = reverse("ateliers:cancel", args=[services.make_token(english, "manage")])
    assert cancel_url.startswith("/en/")
    with committed():
        client.post(cancel_url)
    (own,) = [m for m in mail.outbox if m.to == ["anna@example.nl"]]
    assert own.subject == f"You have cancelled your registration for the knowledge workshop: {atelier.title}"
    (message,) = [m for m in mail.outbox if m.to != ["anna@example.nl"]]
    assert message.to == ["daan@example.nl"]
    assert message.subject == f"Er is een plek vrijgekomen: je bent aangemeld voor het kennisatelier: {atelier.title}"
    assert message.body.startswith("Beste Daan,\n\nGoed nieuws: er is een plek vrijgekomen.")
    (manage_link,) = links_in(message)
    assert manage_link.startswith("/kennisateliers/aanmelding/")
