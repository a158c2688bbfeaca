"""Absolute links for e-mails, calendar files and QR codes (they leave the request cycle)."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from .services import make_token


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _url(name, *args, language="nl"):
    # QR codes and certificates always link to the Dutch site (no /en/ prefix), whatever the
    # sender's language; the links in a registrant's mail follow the language they registered in.
    with translation.override(language or "nl"):
        return absolute(reverse(name, args=args))


def confirm_url(registration):
    return _url("ateliers:confirm", make_token(registration, "confirm"), language=registration.language)


def manage_url(registration):
    return _url("ateliers:manage", make_token(registration, "manage"), language=registration.language)


def checkin_url(registration):
    return _url("ateliers:checkin_scan", make_token(registration, "checkin"))


def evaluation_url(registration):
    return _url("ateliers:evaluate", make_token(registration, "evaluate"), language=registration.language)


def certificate_check_url(code):
    return _url("ateliers:certificate_check", code)


def atelier_url(atelier):
    # The page in the active language: /en/… on the English site and in English mail.
    return atelier.full_url or absolute(atelier.url or "/")
