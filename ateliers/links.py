"""Absolute links for e-mails, calendar files and QR codes (they leave the request cycle)."""

import datetime

from django.urls import reverse
from django.utils import translation

from core import signed_links
from core.public_urls import absolute_url, page_absolute_url

# -- signed links ------------------------------------------------------------------------


def _atelier_end(registration):
    return registration.atelier.ends_at


# What each link in an atelier mail is for, and how long it works (see core/signed_links.py;
# SIGNED_LINK_LIFETIMES overrides these). Each lifetime is what the person holding it needs:
LINK_PURPOSES = {
    # Confirming a guest's address: people click within minutes, a pending registration holds no
    # seat (so a fresh link costs nothing), and an old unconfirmed link in a shared or forwarded
    # mailbox should not claim a seat in someone's name weeks later. Three days.
    "confirm": signed_links.register("ateliers.confirm", after_issue=datetime.timedelta(days=3)),
    # The registration page (cancel, calendar file, certificate): needed from registration
    # (often months ahead) until the event, and for the certificate in the weeks after it. Until
    # 30 days after the atelier ends; a link requested later works at least a week.
    "manage": signed_links.register(
        "ateliers.manage",
        after_issue=datetime.timedelta(days=7),
        after_event=datetime.timedelta(days=30),
        event_end=_atelier_end,
    ),
    # The QR code scanned at the door: only useful on the day, plus a day for the organiser to
    # correct attendance. Not before that is pointless: the ticket is mailed long in advance.
    "checkin": signed_links.register(
        "ateliers.checkin",
        after_issue=datetime.timedelta(0),
        after_event=datetime.timedelta(days=1),
        event_end=_atelier_end,
    ),
    # The evaluation form: the link is mailed when the organiser opens the evaluation, days or a
    # week after the atelier. Six weeks after the atelier, and at least two weeks after mailing.
    "evaluate": signed_links.register(
        "ateliers.evaluate",
        after_issue=datetime.timedelta(days=14),
        after_event=datetime.timedelta(days=42),
        event_end=_atelier_end,
    ),
}


def link_purpose(purpose):
    """The registered purpose for a short name ("manage"); anything else is a programming error."""
    if purpose not in LINK_PURPOSES:
        raise ValueError(f"unknown atelier link purpose {purpose!r}; known: {sorted(LINK_PURPOSES)}")
    return LINK_PURPOSES[purpose]


def make_token(registration, purpose):
    return signed_links.make(link_purpose(purpose).name, registration.pk)


def _url(name, *args, language="nl"):
    # QR codes and certificates always link to the Dutch site (no /en/ prefix), whatever the
    # sender's language; the links in a registrant's mail follow the language they registered in.
    with translation.override(language or "nl"):
        return absolute_url(reverse(name, args=args))


def confirm_url(registration):
    return _url("ateliers:confirm", make_token(registration, "confirm"), language=registration.language)


def manage_url(registration):
    return _url("ateliers:manage", make_token(registration, "manage"), language=registration.language)


def accept_offer_url(registration):
    return _url("ateliers:accept_offer", make_token(registration, "manage"), language=registration.language)


def change_url(registration):
    return _url("ateliers:change", make_token(registration, "manage"), language=registration.language)


def checkin_url(registration):
    return _url("ateliers:checkin_scan", make_token(registration, "checkin"))


def evaluation_url(registration):
    return _url("ateliers:evaluate", make_token(registration, "evaluate"), language=registration.language)


def certificate_check_url(code):
    return _url("ateliers:certificate_check", code)


def atelier_url(atelier):
    # The page in the active language: /en/… on the English site and in English mail.
    return page_absolute_url(atelier) or absolute_url("/")
