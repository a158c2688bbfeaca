"""The links in notification mails: one-click unsubscribe per member and kind (RFC 8058).

The token is a signed [user id, kind] (core/signed_links.py), or [user id, [kind, …]] for a
digest that holds several kinds, so the POST that switches them off needs no login, and a
token cannot be turned into one for another member or kind. It lives long: an old mail's
unsubscribe link must keep working.

`List-Unsubscribe` carries only the https link: RFC 8058 one-click needs nothing else, and a
`mailto:` address would promise an unsubscribe that nobody processes.
"""

import datetime

from django.urls import reverse

from core import signed_links
from core.public_urls import absolute_url

UNSUBSCRIBE = signed_links.register("notifications.unsubscribe", after_issue=datetime.timedelta(days=3 * 365))


def unsubscribe_token(user, kinds):
    """`kinds` is one kind's name or a list of them (a digest)."""
    return signed_links.make(UNSUBSCRIBE.name, [user.pk, kinds])


def unsubscribe_url(user, kinds):
    return absolute_url(reverse("notifications:unsubscribe", args=[unsubscribe_token(user, kinds)]))


def unsubscribe_headers(user, kinds):
    """The two headers with which mail clients show their own "unsubscribe" button."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(user, kinds)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def preferences_url():
    return absolute_url(reverse("notifications:preferences"))
