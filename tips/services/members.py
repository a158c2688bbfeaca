"""Membership and visibility: who reaches a community, its tips and rounds, and how members appear."""

from django.http import Http404

from ..models import (
    Community,
    CommunityMember,
)
from .base import Role, State, is_author

# --- Membership and visibility -----------------------------------------------------------


def active_membership(user, community):
    if not user.is_authenticated:
        return None
    return (
        CommunityMember.objects.filter(community=community, user=user, left_at__isnull=True)
        .select_related("user__profile")
        .first()
    )


def community_for(user, slug):
    """The community and the user's membership, or 404 — outsiders cannot tell it exists."""
    community = Community.objects.filter(slug=slug).select_related("host_organisation").first()
    member = active_membership(user, community) if community else None
    if member is None:
        raise Http404
    return community, member


def communities_of(user):
    return Community.objects.filter(members__user=user, members__left_at__isnull=True).distinct()


def tips_for(member):
    """Tips a member sees inside the community: all but the withdrawn ones (those stay with their author)."""
    return (
        member.community.tips.exclude(state=State.WITHDRAWN)
        .select_related("author__user__profile")
        .prefetch_related("themes")
    )


def tip_for(member, pk):
    tip = member.community.tips.select_related("author__user__profile", "duplicate_of").filter(pk=pk).first()
    if tip is None or (tip.state == State.WITHDRAWN and not is_author(member, tip)):
        raise Http404
    return tip


def round_for(member, pk):
    round_ = member.community.rounds.filter(pk=pk).first()
    if round_ is None:
        raise Http404
    return round_


def takes_part_as_parent(user):
    """A parent in any community, now or before (their tips may still be public).

    Reads `user.tip_memberships.all()`, so a list of people can prefetch it."""
    return any(membership.role == Role.PARENT for membership in user.tip_memberships.all())


def identity_of(viewer, member):
    """How `viewer` sees `member`: the real name and e-mail only for the host and facilitator."""
    if viewer.sees_identities:
        user = member.user
        name = user.get_full_name() or user.email
        return f"{member.public_name} — {name} ({user.email})"
    return member.public_name
