"""The vocabulary every tip service shares: states, limits, errors, the audit helpers and the facilitator check."""

import logging
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import audit, signed_links

from ..models import (
    CommunityMember,
    Round,
    Tip,
)
from ..permissions import can_facilitate

logger = logging.getLogger(__name__)
Role = CommunityMember.Role
State = Tip.State

SUBMISSION_LIMIT = 10
SUBMISSION_WINDOW = timedelta(hours=1)
# A personal invitation works two weeks: long enough for someone who reads mail once a week,
# short enough that a forgotten mail does not open the community to whoever finds it later.
# The same lifetime governs stored invitations and the signed links mailed before them;
# SIGNED_LINK_LIFETIMES["tips.invitation"] overrides it (see core/signed_links.py).
INVITATION_LINKS = signed_links.register("tips.invitation", after_issue=timedelta(days=14))
MAX_TIP_LENGTH = 2000

# What someone agrees to when they join a community, by invitation or by request: one text, one
# version, shown on both pages and recorded with the membership (audit) and the request. A new
# wording gets a new version, so the record says which text a member agreed to.
MEMBERSHIP_CONSENT_VERSION = "2026-12"
MEMBERSHIP_CONSENT_TEXT = gettext_lazy(
    "Andere deelnemers zien u alleen onder uw schuilnaam (ouders) of uw naam (professionals). "
    "Alleen de gastheer en de procesbegeleider weten wie ouders echt zijn."
)
WITHDRAWN_TEXT = "(Deze tip is teruggetrokken.)"

# States a tip passes through in order; a round never moves a tip backwards.
LIFECYCLE = [
    State.COLLECTED,
    State.DEIDENTIFIED,
    State.CLASSIFIED,
    State.USABLE,
    State.TOPTIP,
    State.PRIORITISED,
    State.REWORDED,
    State.PUBLISHED,
]
PUBLISHABLE = {State.USABLE, State.TOPTIP, State.PRIORITISED, State.REWORDED}
ROUND_INPUT = {
    Round.Kind.CLASSIFY: {State.DEIDENTIFIED, State.CLASSIFIED},
    Round.Kind.TOPTIPS: {State.USABLE},
    Round.Kind.PRIORITISE: {State.TOPTIP},
}


class TipError(Exception):
    """A rule was broken; the message is a Dutch sentence for the user."""


class RateLimited(TipError):
    pass


def _record(instance, action, actor, *, label=None, **data):
    """Record a change in the audit trail (`core.audit`) with the acting member's id.

    A parent acts under their pseudonym here, so their account (whose full name the admin's
    site history shows) is left out; the member id says who it was to those who may know.
    """
    user = None if actor is None or actor.role == Role.PARENT else actor.user
    audit.record(instance, action, user=user, label=label, member=actor.pk if actor else None, **data)


def _record_tip(tip, action, actor, **data):
    """A tip's entry is labelled by number and community: its text may still name people."""
    _record(tip, action, actor, label=f"#{tip.pk} – {tip.community.name}", state=tip.state, **data)


def _record_membership(member, action, actor, **data):
    _record(member, action, actor, label=f"{member} – {member.community.name}", role=member.role, **data)


def require_facilitator(member):
    """The one check before a facilitator's action; the rule is `tips.permissions.can_facilitate`."""
    if not can_facilitate(member.user, member.community):
        raise PermissionDenied(_("Alleen de procesbegeleider mag dit doen."))


def is_author(member, tip):
    return tip.author_id == member.pk or tip.co_authors.filter(pk=member.pk).exists()
