"""Telling members about their community: the one seam between tip events and messages.

One function per event. For now each sends mail through the task queue, like the other tips
mails (`tips.tasks.send_announcement_mail`); when the site-wide notification service arrives it
routes these instead (preferences, digests, unsubscribe), and only this module changes.

Each announcement to each member is recorded (`tips.Announcement`) before it is queued, in the
caller's transaction: a round opened twice over, or a scheduled reminder run that comes again
or overlaps with another, finds the record and sends nothing. Mails go out once the change is
committed, so a change that rolls back announces nothing.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import Announcement, CommunityMember, Round
from .tasks import send_announcement_mail

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


def round_opened(round_):
    """A round opened: everyone who can take part in it hears so."""
    _announce(_round_participants(round_), ROUND_OPENED, round_.pk)


def round_deadline_near(round_):
    """An open round's deadline is near (`manage.py announce_round_deadlines`)."""
    if round_.is_open and round_.deadline and round_.deadline > timezone.now():
        _announce(_round_participants(round_), ROUND_DEADLINE, round_.pk)


def tip_published(tip):
    """A tip went into the public library: its writers hear so."""
    _announce(_writers(tip), TIP_PUBLISHED, tip.pk)


def tip_became_toptip(tip):
    """The community chose a tip as a toptip: its writers hear so."""
    _announce(_writers(tip), TIP_TOPTIP, tip.pk)


def join_requested(join_request):
    """Someone asked to join: the community's facilitators hear there is a request to decide on
    (the mail says which role, not who: the name is on the facilitator's page behind a login)."""
    facilitators = join_request.community.members.filter(left_at__isnull=True, role=Role.FACILITATOR)
    _announce(list(facilitators), JOIN_REQUESTED, join_request.pk)


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


def _announce(members, kind, subject_id):
    if _muted.get():
        return
    for member in members:
        if not _record_first_time(member, kind, subject_id):
            continue
        member_id = member.pk
        transaction.on_commit(lambda member_id=member_id: send_announcement_mail.enqueue(member_id, kind, subject_id))


def _record_first_time(member, kind, subject_id):
    """Record the announcement; False when it was already recorded (by this or another run)."""
    try:
        with transaction.atomic():
            _announcement, created = Announcement.objects.get_or_create(member=member, kind=kind, subject_id=subject_id)
    except IntegrityError:  # another run recorded it at the same moment
        return False
    return created
