"""Asking to join a community: the member's request, the facilitator's decision, the public page.

A community that is `open_to_requests` has a short public page; a verified member asks there,
answering what an invitation asks (role; for parents a pseudonym and the membership consent).
The facilitator of that community alone decides. Accepting goes through `join_community`, the
same path as an accepted invitation, so a member who asked is in every way like one who was
invited. Every state change is in the audit trail, without names or addresses.
"""

from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from core import audit, ratelimit

from .. import announcements
from ..models import Community, JoinRequest
from ..tasks import send_join_decision_mail
from .base import MEMBERSHIP_CONSENT_VERSION, RateLimited, Role, TipError, logger, require_facilitator
from .invitations import INVITABLE_ROLES, join_community
from .members import active_membership

# Enough for someone who asks to join a few communities in one evening; a script that sends
# requests to every community is stopped after a handful.
JOIN_REQUEST_LIMIT = 5
JOIN_REQUEST_WINDOW_SECONDS = 3600
MAX_MOTIVATION_LENGTH = 1000


def open_communities():
    """Communities with a public page, where members may ask to join."""
    return Community.objects.filter(open_to_requests=True).select_related("host_organisation").order_by("name")


def public_community(slug):
    """The community behind a public page, or 404: a community closed to requests has no public face."""
    community = open_communities().filter(slug=slug).first()
    if community is None:
        raise Http404
    return community


def facilitator_names(community):
    """Who facilitates, as anyone may see it: `CommunityMember.public_name` (a parent's pseudonym)."""
    facilitators = (
        community.members.filter(left_at__isnull=True, role=Role.FACILITATOR)
        .select_related("user__profile")
        .prefetch_related("user__tip_memberships")
    )
    return [member.public_name for member in facilitators]


def open_request_of(user, community):
    if not user.is_authenticated:
        return None
    return JoinRequest.objects.filter(community=community, user=user, state=JoinRequest.State.OPEN).first()


def join_requests_of(user):
    """The member's own requests, newest first (for "Mijn Samen Preventief")."""
    return JoinRequest.objects.filter(user=user).select_related("community").order_by("-created_at", "-pk")


def _record_request(join_request, action, user, **data):
    """A parent's own step is recorded without their account (as `core.audit` asks); the label
    names the community and role only."""
    acting_user = None if join_request.role == Role.PARENT and user == join_request.user else user
    label = f"{join_request.community.name} ({join_request.get_role_display()})"
    audit.record(
        join_request, action, user=acting_user, label=label, role=join_request.role, state=join_request.state, **data
    )


def _check_pseudonym(user, pseudonym):
    """A pseudonym that is really a pseudonym: not empty and not the person's own name or address."""
    if not pseudonym:
        raise TipError(_("Kies een schuilnaam: ouders verschijnen nooit met hun eigen naam."))
    lowered = pseudonym.casefold()
    own_names = [user.first_name, user.last_name, user.email.split("@")[0]]
    if any(len(name) > 1 and name.casefold() in lowered for name in own_names):
        raise TipError(
            _("Uw schuilnaam lijkt op uw eigen naam of e-mailadres. Kies een naam die niet naar u verwijst.")
        )


def request_to_join(user, community, role, motivation, *, pseudonym="", consent=False, language="nl"):
    """Ask to join `community` as `role`. Raises TipError (a Dutch sentence) when it cannot be asked."""
    if not community.open_to_requests:
        raise TipError(_("Voor deze gemeenschap kunt u zich niet aanmelden; deelnemers komen op uitnodiging."))
    if role not in INVITABLE_ROLES:
        raise TipError(_("U kunt vragen om mee te doen als ouder of als professional."))
    if active_membership(user, community) is not None:
        raise TipError(_("U bent al lid van deze gemeenschap."))
    motivation = (motivation or "").strip()
    if not motivation:
        raise TipError(_("Schrijf in een paar zinnen waarom u mee wilt doen."))
    if len(motivation) > MAX_MOTIVATION_LENGTH:
        raise TipError(_("Houd uw motivatie korter dan %(n)s tekens.") % {"n": MAX_MOTIVATION_LENGTH})
    if not consent:
        raise TipError(_("Geef eerst toestemming: zonder die afspraak kunt u niet meedoen."))
    pseudonym = (pseudonym or "").strip()
    if role == Role.PARENT:
        _check_pseudonym(user, pseudonym or user.profile.pseudonym)
    if open_request_of(user, community) is not None:
        raise TipError(_("U heeft al gevraagd om mee te doen. De procesbegeleider beslist binnenkort."))
    if not ratelimit.allow("tip-join-request", user.pk, JOIN_REQUEST_LIMIT, JOIN_REQUEST_WINDOW_SECONDS):
        raise RateLimited(
            _("U heeft de afgelopen tijd te vaak gevraagd om mee te doen. Probeer het over een uur opnieuw.")
        )
    try:
        with transaction.atomic():
            if role == Role.PARENT and pseudonym and pseudonym != user.profile.pseudonym:
                user.profile.pseudonym = pseudonym
                user.profile.save(update_fields=["pseudonym"])
            join_request = JoinRequest.objects.create(
                community=community,
                user=user,
                role=role,
                motivation=motivation,
                consent_version=MEMBERSHIP_CONSENT_VERSION,
                consented_at=timezone.now(),
                language=(language or "nl")[:10],
            )
            _record_request(join_request, "tips.join_request", user, consent_version=MEMBERSHIP_CONSENT_VERSION)
            announcements.join_requested(join_request)
    except IntegrityError as error:  # the same request sent twice at once: one stays
        raise TipError(_("U heeft al gevraagd om mee te doen. De procesbegeleider beslist binnenkort.")) from error
    logger.info("Join request %s for community %s by user %s", join_request.pk, community.pk, user.pk)
    return join_request


@transaction.atomic
def withdraw_request(user, community):
    """The requester takes back their open request."""
    join_request = (
        JoinRequest.objects.select_for_update()
        .filter(community=community, user=user, state=JoinRequest.State.OPEN)
        .first()
    )
    if join_request is None:
        raise TipError(_("U heeft geen open aanmelding voor deze gemeenschap."))
    join_request.state = JoinRequest.State.WITHDRAWN
    join_request.decided_at = timezone.now()
    join_request.save(update_fields=["state", "decided_at"])
    _record_request(join_request, "tips.join_request_withdraw", user)
    return join_request


def open_requests_for(facilitator):
    """The open requests the facilitator decides on: their own community's only."""
    require_facilitator(facilitator)
    return (
        facilitator.community.join_requests.filter(state=JoinRequest.State.OPEN)
        .select_related("user__profile")
        .order_by("created_at", "pk")
    )


@transaction.atomic
def decide_request(facilitator, pk, *, accept, message=""):
    """Accept (membership through `join_community`, as with an invitation) or decline, and tell the requester."""
    require_facilitator(facilitator)
    join_request = (
        JoinRequest.objects.select_for_update(of=("self",))  # the request row only: the profile is outer-joined
        .select_related("community", "user__profile")
        .filter(pk=pk, community=facilitator.community)
        .first()
    )
    if join_request is None:
        raise Http404
    if not join_request.is_open:
        raise TipError(_("Over deze aanmelding is al beslist, of hij is ingetrokken."))
    message = (message or "").strip()[:MAX_MOTIVATION_LENGTH]
    if accept:
        join_community(
            join_request.community,
            join_request.user,
            join_request.role,
            added_by=facilitator,
            join_request=join_request.pk,
        )
        join_request.state = JoinRequest.State.ACCEPTED
    else:
        join_request.state = JoinRequest.State.DECLINED
    join_request.decided_at = timezone.now()
    join_request.decided_by = facilitator.user
    join_request.decision_message = message
    join_request.save(update_fields=["state", "decided_at", "decided_by", "decision_message"])
    action = "tips.join_request_accept" if accept else "tips.join_request_decline"
    _record_request(join_request, action, facilitator.user, member=facilitator.pk)
    transaction.on_commit(lambda: send_join_decision_mail.enqueue(join_request.pk))
    return join_request


def requester_identity(join_request):
    """How the facilitator (who may know who parents are) sees a requester: pseudonym and real name."""
    user = join_request.user
    name = user.get_full_name() or user.email
    if join_request.role == Role.PARENT:
        return f"{user.profile.parent_name} — {name} ({user.email})"
    return f"{name} ({user.email})"
