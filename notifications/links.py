"""The links in notification mails: one-click unsubscribe per member and kind (RFC 8058).

The token is a signed [user id, kind] (core/signed_links.py), so the POST that switches the
kind off needs no login, and a token cannot be turned into one for another member or kind.
It lives long: an old mail's unsubscribe link must keep working.
"""

import datetime

from django.conf import settings
from django.urls import reverse

from core import signed_links
from core.public_urls import absolute_url

UNSUBSCRIBE = signed_links.register("notifications.unsubscribe", after_issue=datetime.timedelta(days=3 * 365))


def unsubscribe_token(user, kind):
    return signed_links.make(UNSUBSCRIBE.name, [user.pk, kind])


def unsubscribe_url(user, kind):
    return absolute_url(reverse("notifications:unsubscribe", args=[unsubscribe_token(user, kind)]))


def unsubscribe_mailto(user, kind):
    address = getattr(settings, "NOTIFICATIONS_UNSUBSCRIBE_ADDRESS", "afmelden@samenpreventief.nl")
    return f"mailto:{address}?subject=unsubscribe%20{unsubscribe_token(user, kind)}"


def unsubscribe_headers(user, kind):
    """The two headers with which mail clients show their own "unsubscribe" button."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(user, kind)}>, <{unsubscribe_mailto(user, kind)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def preferences_url():
    return absolute_url(reverse("notifications:preferences"))
