"""Invitations: signed personal links, accepting them, adding members directly."""

import hashlib
import secrets

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import signed_links

from ..models import (
    Community,
    CommunityMember,
    Invitation,
)
from ..tasks import send_invitation_mail
from .base import (
    INVITATION_LINKS,
    MEMBERSHIP_CONSENT_VERSION,
    Role,
    TipError,
    _record,
    _record_membership,
    logger,
    require_facilitator,
)
from .members import active_membership

# --- Invitations ---------------------------------------------------------------------------


INVITABLE_ROLES = (Role.PARENT, Role.PROFESSIONAL)


class InvitationExpired(TipError):
    """A genuine invitation that is too old: the page says so (410) and who to ask for a new one."""


def _bad_invitation():
    return TipError(_("Deze uitnodigingslink klopt niet. Controleer of u de hele link heeft gekopieerd."))


def _expired_invitation():
    return InvitationExpired(_("Deze uitnodiging is verlopen. Vraag de procesbegeleider om een nieuwe link."))


def _key_hash(key):
    return hashlib.sha256(key.encode()).hexdigest()


def invitation_token(facilitator, role, email):
    """A personal link for one e-mail address; hosts and facilitators are added, not invited.

    The token is a random key for a stored `Invitation`: it says nothing about the person."""
    require_facilitator(facilitator)
    if role not in INVITABLE_ROLES:
        raise TipError(_("Met een link nodigt u ouders en professionals uit."))
    key = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        community=facilitator.community,
        role=role,
        email=email.strip().lower(),
        key_hash=_key_hash(key),
        invited_by=facilitator.user,
    )
    _record(invitation, "tips.invitation_create", facilitator, role=role)
    logger.info(
        "Invitation %s to community %s made by user %s", invitation.pk, invitation.community_id, facilitator.user_id
    )
    return key


def read_invitation(token):
    """The invitation a link points to (still to be accepted by the right person), or a TipError."""
    if ":" in token:
        return _read_signed_invitation(token)
    invitation = Invitation.objects.filter(key_hash=_key_hash(token)).select_related("community").first()
    if invitation is None:
        raise _bad_invitation()
    if INVITATION_LINKS.has_expired(invitation.created_at):
        raise _expired_invitation()
    return invitation


def _read_signed_invitation(token):
    """Links mailed before invitations were stored carried a signed community, role and e-mail.

    They keep working until they expire like any invitation (14 days), so nobody with such a
    mail is turned away. Fourteen days after that version went live every such link has
    expired, and this function can go."""
    try:
        return signed_links.open_link(INVITATION_LINKS.name, token, _signed_invitation)
    except signed_links.ExpiredLink as error:
        raise _expired_invitation() from error
    except signed_links.InvalidLink as error:
        raise _bad_invitation() from error


def _signed_invitation(data):
    """The (unsaved) invitation a legacy signed payload describes, or None when it describes none."""
    if not isinstance(data, dict):
        return None
    community = Community.objects.filter(pk=data.get("community")).first()
    if community is None or data.get("role") not in INVITABLE_ROLES or not data.get("email"):
        return None
    return Invitation(community=community, role=data["role"], email=data["email"])  # not stored: nothing to mark


def send_invitation(facilitator, role, email, url):
    """Mail the personal link from the task worker once the request has committed."""
    require_facilitator(facilitator)
    community_id = facilitator.community_id
    transaction.on_commit(lambda: send_invitation_mail.enqueue(community_id, email, role, url))


@transaction.atomic
def accept_invitation(user, token):
    invitation = read_invitation(token)
    if user.email.lower() != invitation.email:
        raise TipError(
            _("Deze uitnodiging is voor een ander e-mailadres. Log in met het adres waarop u de uitnodiging kreeg.")
        )
    if invitation.pk is not None:
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)  # one acceptance at a time
        if invitation.accepted_at is not None:
            member = active_membership(user, invitation.community)
            if member is None:
                raise TipError(_("Deze uitnodiging is al gebruikt. Vraag de procesbegeleider om een nieuwe link."))
            return member  # the same person clicking again: already in
    member = join_community(invitation.community, user, invitation.role, invitation=invitation.pk)
    if invitation.pk is not None:
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
    logger.info("Invitation %s accepted: user %s joined community %s", invitation.pk, user.pk, member.community_id)
    return member


def add_member(facilitator, email, role):
    """A facilitator adds someone who already has an account."""
    require_facilitator(facilitator)
    user = get_user_model().objects.filter(email__iexact=(email or "").strip(), is_active=True).first()
    if user is None:
        raise TipError(_("Er is geen account met dit e-mailadres. Stuur deze persoon een uitnodigingslink."))
    return join_community(facilitator.community, user, role, added_by=facilitator)


def join_community(community, user, role, *, added_by=None, invitation=None, join_request=None):
    """Make `user` an active member: the one way into a community (invitation, request, added).

    `added_by` is the facilitator who added them or accepted their request (else they joined
    themselves); the audit entry names the invitation or request and the membership consent
    version the person agreed to, so every path leaves the same record."""
    if role == Role.PARENT and not user.profile.pseudonym:
        raise TipError(_("Kies eerst een schuilnaam in uw profiel: ouders verschijnen nooit met hun eigen naam."))
    member, created = CommunityMember.objects.get_or_create(community=community, user=user, defaults={"role": role})
    if not created and member.left_at is not None:
        member.left_at = None
        member.role = role
        member.save(update_fields=["left_at", "role"])
    elif not created:
        return member  # already an active member: nothing changed
    _record_membership(
        member,
        "tips.member_join",
        added_by or member,
        invitation=invitation,
        join_request=join_request,
        consent_version=MEMBERSHIP_CONSENT_VERSION,
    )
    return member
