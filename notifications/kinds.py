"""The kinds of notification, each with its label, its default delivery and how it is written.

Apps that mail members (tip communities, ateliers) add their kinds with `register` when their
app is ready and then call `services.notify(member, kind, subject, …)`; the preferences page
lists every registered kind, so a new kind needs no change here. A kind's `compose` writes its
message at send time, in the member's language (`Message`); it returns None when the subject
is gone or no longer concerns the member (a round closed, a registration cancelled), and then
nothing is mailed.

Which mails are notifications and which are not. A notification is news the member can do
without: new content they follow, a round that opened, a deadline that nears, their tip
published or chosen as a toptip, a request to join their community, the reminder before an
atelier they registered for. Each goes through `notify()`, so the member chooses per kind
(immediately, in the weekly digest, off) and every mail carries a one-click unsubscribe.

Transactional mails stay outside the preferences, sent directly by their own app, because the
member needs them to act or to know where they stand and switching them off would break a
promise made to them or to someone else:

- account mails (confirm the address, reset the password): the login depends on them;
- atelier registration mails (confirm, registered, waiting list, promoted, an offered seat and
  its expiry, changed, cancelled, a fresh link): each answers something the person did or
  hands them a seat with its deadline;
- an organiser's message to registrants (a venue change, a call-off with `METHOD:CANCEL`):
  someone who switched it off would travel to a cancelled atelier or the wrong address;
- the evaluation and certificate mails after an atelier: part of the accreditation record;
- tip community invitations and the facilitator's decision on a join request: the answer to
  the person's own request, and an invitation goes to someone who is not a member yet;
- a guest's atelier reminder (no account, so no preferences): it carries the link to manage
  the registration instead.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .models import Delivery


@dataclass
class Message:
    """What one notification says, written at send time in the member's language.

    `title` and `url` are its line in the digest; a mail of its own has `subject` and is
    rendered from `template` with `context` (the unsubscribe footer is added by the service).
    """

    subject: str
    title: str
    url: str
    template: str = "notifications/email/notification.txt"
    context: dict = field(default_factory=dict)
    reasons: list = field(default_factory=list)
    attachments: list = field(default_factory=list)  # (filename, content, mimetype)


@dataclass(frozen=True)
class Kind:
    name: str
    label: str
    description: str
    default: str
    compose: object = None  # callable(notification) -> Message | None; None: about a page (see tasks.py)
    # callable(user) -> bool: whether the kind can ever reach this member (a facilitator's kind is
    # no choice for anyone else); None: it concerns every member.
    concerns: object = None

    def offered_to(self, user):
        return self.concerns is None or self.concerns(user)


KINDS = {}


def register(name, label, description, default, compose=None, concerns=None):
    if name in KINDS:
        raise ValueError(f"notification kind {name!r} is registered twice")
    KINDS[name] = Kind(name, label, description, default, compose, concerns)
    return KINDS[name]


def get(name):
    try:
        return KINDS[name]
    except KeyError:
        raise ValueError(f"unknown notification kind {name!r}; known: {sorted(KINDS)}") from None


NEW_CONTENT = register(
    "new_content",
    _("Nieuwe verhalen, methoden en publicaties"),
    _("Over de thema's, gemeenten en organisaties die u volgt en over uw bewaarde zoekopdrachten."),
    # New content is rarely urgent: a weekly overview by default, so following three themes
    # does not fill a mailbox.
    Delivery.DIGEST,
)
