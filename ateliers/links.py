"""Absolute links for e-mails, calendar files and QR codes (they leave the request cycle)."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from .services import make_token


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _url(name, *args):
    # Links in mail and QR codes are always Dutch (no /en/ prefix), whatever the sender's language.
    with translation.override("nl"):
        return absolute(reverse(name, args=args))


def confirm_url(registration):
    return _url("ateliers:confirm", make_token(registration, "confirm"))


def manage_url(registration):
    return _url("ateliers:manage", make_token(registration, "manage"))


def checkin_url(registration):
    return _url("ateliers:checkin_scan", make_token(registration, "checkin"))


def evaluation_url(registration):
    return _url("ateliers:evaluate", make_token(registration, "evaluate"))


def certificate_check_url(code):
    return _url("ateliers:certificate_check", code)


def atelier_url(atelier):
    return atelier.full_url or absolute(atelier.url or "/")
