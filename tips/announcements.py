"""Telling members about their community: the one seam between tip events and notifications.

One function per event; each goes through the site-wide notification service
(`notifications.services.notify`), so every member chooses per kind how they hear of it
(immediately, in the weekly digest, off), gets it in their own language and can switch it off
with the one-click link in the mail. The kinds are registered here, with how each is written.

Idempotent through the service's ledger alone: one `Notification` per member, kind and
subject (a unique constraint), recorded in the caller's transaction. A round opened twice over,
or a deadline run that comes again or overlaps with another, finds the row and sends nothing.
The mail task is queued in the same transaction (the database queue), so a change that rolls
back leaves neither a notification nor a mail behind.

Privacy: a mail goes to one member and names nobody else; it greets the member by the name
the community knows them by (a parent by the pseudonym she chose), and links only to pages
the member may open (the round, the tip in the community, the public library).
"""

from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.object_keys import pk_of
from core.public_urls import absolute_url, page_absolute_url
from notifications import kinds
from notifications.models import Delivery
from notifications.services import notify

from .models import CommunityMember, JoinRequest, Round, Tip, TipLibraryPage

Role = CommunityMember.Role

ROUND_OPENED = "round_opened"
ROUND_DEADLINE = "round_deadline"
TIP_PUBLISHED = "tip_published"
TIP_TOPTIP = "tip_toptip"
JOIN_REQUESTED = "join_requested"

_muted = ContextVar("tips_announcements_muted", default=False)


@contextmanager
def muted():
    """Tell nobody while inside: the demo loader replays an invented community's history through
    the real services, and no demo account should get mail about events that never happened."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


# -- Events ------------------------------------------------------------------------------------


def round_opened(round_):
    """A round opened: everyone who can take part in it hears so."""
    title = _("Nieuwe ronde in %(community)s: %(round)s") % {"community": round_.community.name, "round": round_.title}
    _announce(_round_participants(round_), ROUND_OPENED, round_, title, _round_url(round_))


def round_deadline_near(round_):
    """An open round's deadline is near (`manage.py announce_round_deadlines`)."""
    if round_.is_open and round_.deadline and round_.deadline > timezone.now():
        title = _("De ronde %(round)s in %(community)s sluit binnenkort") % {
            "community": round_.community.name,
            "round": round_.title,
        }
        _announce(_round_participants(round_), ROUND_DEADLINE, round_, title, _round_url(round_))


def tip_published(tip):
    """A tip went into the public library: its writers hear so."""
    _announce(_writers(tip), TIP_PUBLISHED, tip, _("Uw tip staat in de tipsbibliotheek"), _tip_url(tip, TIP_PUBLISHED))


def tip_became_toptip(tip):
    """The community chose a tip as a toptip: its writers hear so."""
    _announce(_writers(tip), TIP_TOPTIP, tip, _("Uw tip is een toptip geworden"), _tip_url(tip, TIP_TOPTIP))


def join_requested(join_request):
    """Someone asked to join: the community's facilitators hear there is a request to decide on
    (the mail says which role, not who: the name is on the facilitator's page behind a login)."""
    community = join_request.community
    facilitators = community.members.filter(left_at__isnull=True, role=Role.FACILITATOR)
    title = _("Nieuwe aanmelding voor %(community)s") % {"community": community.name}
    _announce(list(facilitators), JOIN_REQUESTED, join_request, title, _join_requests_url(community))


def rounds_with_deadline_within(days, now=None):
    """Open rounds whose deadline falls in the next `days` days."""
    now = now or timezone.now()
    return Round.objects.filter(
        state=Round.State.OPEN, deadline__gt=now, deadline__lte=now + timedelta(days=days)
    ).select_related("community")


def _round_participants(round_):
    """Who can take part, by the rule of the round's kind (as the round page decides)."""
    active = round_.community.members.filter(left_at__isnull=True)
    if round_.kind == Round.Kind.CLASSIFY:
        paired = set(round_.pairs.values_list("parent_id", flat=True)) | set(
            round_.pairs.values_list("professional_id", flat=True)
        )
        return list(active.filter(pk__in=paired))
    if round_.kind == Round.Kind.PRIORITISE:
        return list(active.filter(role=Role.PROFESSIONAL))
    return list(active.filter(role__in=[Role.PARENT, Role.PROFESSIONAL]))


def _writers(tip):
    members = list(tip.co_authors.filter(left_at__isnull=True))
    if tip.author is not None and tip.author.is_active:
        members.append(tip.author)
    return list({member.pk: member for member in members}.values())


def _announce(members, kind, subject, title, url):
    if _muted.get():
        return
    for member in members:
        if member.user.is_active:
            notify(member.user, kind, subject, title=title, url=url)


# -- Links -------------------------------------------------------------------------------------


def _round_url(round_):
    return absolute_url(reverse("tips:round", args=[round_.community.slug, round_.pk]))


def _join_requests_url(community):
    return absolute_url(reverse("tips:members", args=[community.slug]) + "#aanmeldingen")


def _library_tip_url(tip):
    library = TipLibraryPage.objects.live().first()
    base = page_absolute_url(library) if library is not None else None
    return base + library.reverse_subpage("tip", args=[tip.pk]) if base else None


def _tip_url(tip, kind):
    """A published tip links to the public library (it may be read without a login), else to the
    tip in the community."""
    url = _library_tip_url(tip) if kind == TIP_PUBLISHED else None
    return url or absolute_url(reverse("tips:tip", args=[tip.community.slug, tip.pk]))


# -- How each kind is written, at send time in the member's language --------------------------


def _subject_of(notification, model):
    pk = pk_of(notification.subject_key)
    return model.objects.select_related("community").filter(pk=pk).first() if pk is not None else None


def _membership(notification, community):
    """The member's place in the community, or None when they left it (then nothing is mailed)."""
    return (
        CommunityMember.objects.select_related("user__profile")
        .filter(community=community, user=notification.user, left_at__isnull=True)
        .first()
    )


def _message(notification, subject, template, subject_line, title, url, **context):
    member = _membership(notification, subject.community)
    if member is None:
        return None
    context.update(name=member.public_name, community=subject.community, url=url)
    return kinds.Message(
        subject=subject_line, title=title, url=url, template=f"tips/email/{template}.txt", context=context
    )


def _round_message(notification):
    round_ = _subject_of(notification, Round)
    if round_ is None or round_.state != Round.State.OPEN:
        return None  # closed (or gone) before the mail went out: nothing left to take part in
    names = {"community": round_.community.name, "round": round_.title}
    if notification.kind == ROUND_OPENED:
        subject_line = _("Nieuwe ronde in %(community)s") % names
        title = _("Nieuwe ronde in %(community)s: %(round)s") % names
    else:
        subject_line = _("De ronde in %(community)s sluit binnenkort") % names
        title = _("De ronde %(round)s in %(community)s sluit binnenkort") % names
    template = f"announcement_{notification.kind}"
    return _message(notification, round_, template, subject_line, title, _round_url(round_), round=round_)


def _tip_message(notification):
    tip = _subject_of(notification, Tip)
    if tip is None:
        return None
    if notification.kind == TIP_PUBLISHED:
        subject_line = _("Uw tip staat in de tipsbibliotheek")
    else:
        subject_line = _("Uw tip is een toptip geworden")
    url = _tip_url(tip, notification.kind)
    return _message(notification, tip, f"announcement_{notification.kind}", subject_line, subject_line, url, tip=tip)


def _join_request_message(notification):
    join_request = _subject_of(notification, JoinRequest)
    if join_request is None or not join_request.is_open:
        return None  # decided or withdrawn meanwhile
    community = join_request.community
    subject_line = _("Nieuwe aanmelding voor %(community)s") % {"community": community.name}
    url = _join_requests_url(community)
    return _message(
        notification,
        join_request,
        "announcement_join_requested",
        subject_line,
        subject_line,
        url,
        join_request=join_request,
    )


def _facilitates_a_community(user):
    """Join requests go to the facilitators of the community asked (see `join_requested`)."""
    return CommunityMember.objects.filter(user=user, left_at__isnull=True, role=Role.FACILITATOR).exists()


kinds.register(
    ROUND_OPENED,
    gettext_lazy("Nieuwe ronde in uw tipgemeenschap"),
    gettext_lazy("Als er een ronde opent waarin u kunt meedoen."),
    Delivery.IMMEDIATELY,  # a round runs for days: a weekly overview could come too late
    _round_message,
)
kinds.register(
    ROUND_DEADLINE,
    gettext_lazy("Een ronde sluit binnenkort"),
    gettext_lazy("Een herinnering kort voor de sluitingsdatum van een open ronde."),
    Delivery.IMMEDIATELY,  # only useful before the deadline
    _round_message,
)
kinds.register(
    TIP_PUBLISHED,
    gettext_lazy("Uw tip is gepubliceerd"),
    gettext_lazy("Als een tip van u in de openbare tipsbibliotheek komt."),
    Delivery.IMMEDIATELY,
    _tip_message,
)
kinds.register(
    TIP_TOPTIP,
    gettext_lazy("Uw tip is een toptip"),
    gettext_lazy("Als uw tipgemeenschap een tip van u kiest als toptip."),
    Delivery.IMMEDIATELY,
    _tip_message,
)
kinds.register(
    JOIN_REQUESTED,
    gettext_lazy("Aanmeldingen voor uw tipgemeenschap"),
    gettext_lazy("Voor procesbegeleiders: als iemand vraagt om mee te doen."),
    Delivery.IMMEDIATELY,  # someone waits for the answer
    _join_request_message,
    concerns=_facilitates_a_community,
)
