"""Signed links with a lifetime: the one place that makes and reads them (issue 14).

A signed link carries a small value (a registration's id, a legacy invitation) plus the moment
it was made, signed with the secret key under its purpose's name as salt, so a link for one
purpose never opens another door. Apps register each purpose once with its lifetime:

- `after_issue`: how long a link works counting from the moment it was made (and mailed);
- `after_event` with `event_end`: for links about something that happens on a date (an
  atelier), the link also works until that long after the event ended. The later of the two
  moments wins. The event's end is looked up when the link is opened, so moving an atelier to
  another date moves the lifetime of every link already mailed along with it.

Operators shorten or lengthen a lifetime without a code change through the setting
`SIGNED_LINK_LIFETIMES`, e.g. `{"ateliers.confirm": {"after_issue": timedelta(days=7)}}`;
what it leaves out keeps the default registered in code.

Opening a link (`open_link`) either returns what it points at or raises `InvalidLink` (tampered,
cut off, another purpose, or pointing at nothing) or `ExpiredLink` (genuine but too old; it
carries what it points at, so the page can offer a fresh link to the rightful owner).

The timestamp format is Django's `signing.dumps`, which has always stamped its tokens: links
mailed before this module existed carry their real issue time and simply get the new rules.
Tests move the clock by replacing `now` in this module (no time-travel library is installed).
"""

import datetime
import zlib
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.utils import timezone


def now():
    """The clock of every signed link: when one is made and when its age is judged."""
    return timezone.now()


class InvalidLink(Exception):
    """The link was not made by us for this purpose (tampered, cut off), or points at nothing."""


class ExpiredLink(Exception):
    """A genuine link that outlived its purpose; `subject` is what it points at."""

    def __init__(self, purpose, subject, token, expired_at):
        super().__init__(f"{purpose.name} link expired at {expired_at.isoformat()}")
        self.purpose = purpose
        self.subject = subject
        self.token = token
        self.expired_at = expired_at


@dataclass(frozen=True)
class Purpose:
    """What a kind of link is for, and how long it lives by default (see the module docstring)."""

    name: str
    after_issue: datetime.timedelta
    after_event: datetime.timedelta | None = None
    event_end: object = None  # callable(subject) -> aware datetime, for `after_event`

    def lifetime(self):
        """(after_issue, after_event) with `SIGNED_LINK_LIFETIMES` applied."""
        override = getattr(settings, "SIGNED_LINK_LIFETIMES", {}).get(self.name, {})
        return override.get("after_issue", self.after_issue), override.get("after_event", self.after_event)

    def expires_at(self, issued_at, subject=None):
        """The moment a link made at `issued_at` stops working, for `subject` as it is now."""
        after_issue, after_event = self.lifetime()
        expiry = issued_at + after_issue
        if after_event is not None and self.event_end is not None and subject is not None:
            expiry = max(expiry, self.event_end(subject) + after_event)
        return expiry

    def has_expired(self, issued_at, subject=None):
        return now() >= self.expires_at(issued_at, subject)


_PURPOSES = {}


def register(name, *, after_issue, after_event=None, event_end=None):
    """Declare a purpose once, at import of the app module that makes its links."""
    if name in _PURPOSES:
        raise ValueError(f"signed-link purpose {name!r} is registered twice")
    if (after_event is None) != (event_end is None):
        raise ValueError(f"signed-link purpose {name!r} needs both after_event and event_end, or neither")
    purpose = Purpose(name=name, after_issue=after_issue, after_event=after_event, event_end=event_end)
    _PURPOSES[name] = purpose
    return purpose


def purpose(name):
    """The registered purpose called `name`; an unknown name is a programming error."""
    try:
        return _PURPOSES[name]
    except KeyError:
        raise ValueError(f"unknown signed-link purpose {name!r}; known: {sorted(_PURPOSES)}") from None


class _LinkSigner(signing.TimestampSigner):
    """Django's TimestampSigner on our clock, that also tells when a token was made."""

    issued_at = None

    def timestamp(self):
        return signing.b62_encode(int(now().timestamp()))

    def unsign(self, value, max_age=None):
        payload_and_stamp = signing.Signer.unsign(self, value)
        payload, separator, stamp = payload_and_stamp.rpartition(self.sep)
        if not separator:
            raise signing.BadSignature("no timestamp")
        self.issued_at = datetime.datetime.fromtimestamp(signing.b62_decode(stamp), tz=datetime.UTC)
        return payload


def make(purpose_name, value):
    """A URL-safe token for `value` (anything JSON can hold) under the purpose `purpose_name`."""
    link_purpose = purpose(purpose_name)
    return _LinkSigner(salt=link_purpose.name).sign_object(value, compress=True)


def unsign(purpose_name, token):
    """(value, issued_at) of a token made by `make` for this purpose, whatever its age.

    Raises InvalidLink for anything else. Only for callers that judge the age themselves
    (a request for a fresh link, which expects an expired one); everyone else uses `open_link`.
    """
    link_purpose = purpose(purpose_name)
    signer = _LinkSigner(salt=link_purpose.name)
    try:
        value = signer.unsign_object(token)
    except (signing.BadSignature, ValueError, zlib.error) as error:
        raise InvalidLink(str(error)) from None
    return value, signer.issued_at


def open_link(purpose_name, token, load):
    """What a link points at, provided it is genuine and still alive.

    `load(value)` turns the signed value into the subject (e.g. a Registration) or None when
    that no longer exists; the subject is needed to judge lifetimes that follow an event date.
    Raises InvalidLink or ExpiredLink.
    """
    link_purpose = purpose(purpose_name)
    value, issued_at = unsign(purpose_name, token)
    subject = load(value)
    if subject is None:
        raise InvalidLink("the link points at nothing")
    expires_at = link_purpose.expires_at(issued_at, subject)
    if now() >= expires_at:
        raise ExpiredLink(link_purpose, subject, token, expires_at)
    return subject
