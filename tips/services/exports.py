"""A member's data: the export and the anonymisation when an account is deleted."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ..models import (
    CommunityMember,
    Invitation,
    JoinRequest,
    Tip,
)
from .base import WITHDRAWN_TEXT, State, _record_tip

# --- Member data ---------------------------------------------------------------------------


def _iso(moment):
    return moment.isoformat() if moment else None


def export_member_tips(user):
    """The member's tips with every version, their communities with what they chose in rounds,
    and their "ik heb dit geprobeerd" notes — as plain JSON values (dates as ISO 8601 text)."""
    tips = (
        Tip.objects.filter(Q(author__user=user) | Q(co_authors__user=user))
        .distinct()
        .select_related("community")
        .prefetch_related("versions")
        .order_by("pk")
    )
    written = [
        {
            "community": tip.community.name,
            "text": tip.text,
            "versions": [
                {"number": version.number, "text": version.text, "created_at": _iso(version.created_at)}
                for version in tip.versions.all()
            ],
            "state": tip.state,
            "consent_recorded_at": _iso(tip.consent_recorded_at),
        }
        for tip in tips
    ]
    communities = [
        {
            "community": member.community.name,
            "role": member.role,
            "joined_at": _iso(member.joined_at),
            "left_at": _iso(member.left_at),
            "votes": [{"round": vote.round.title, "tip": vote.tip_id} for vote in member.votes.all()],
            "priorities": [
                {"round": priority.round.title, "tip": priority.tip_id, "rank": priority.rank}
                for priority in member.priorities.all()
            ],
        }
        for member in CommunityMember.objects.filter(user=user)
        .select_related("community")
        .prefetch_related("votes__round", "priorities__round")
    ]
    tried = [
        {"tip": item.tip_id, "note": item.note, "created_at": _iso(item.created_at)} for item in user.tried_tips.all()
    ]
    invitations = [
        {
            "community": invitation.community.name,
            "role": invitation.role,
            "created_at": _iso(invitation.created_at),
            "accepted_at": _iso(invitation.accepted_at),
        }
        for invitation in Invitation.objects.filter(email=user.email.lower()).select_related("community")
    ]
    join_requests = [
        {
            "community": join_request.community.name,
            "role": join_request.role,
            "motivation": join_request.motivation,
            "consent_version": join_request.consent_version,
            "state": join_request.state,
            "created_at": _iso(join_request.created_at),
            "decided_at": _iso(join_request.decided_at),
            "decision_message": join_request.decision_message,
        }
        for join_request in JoinRequest.objects.filter(user=user).select_related("community").order_by("pk")
    ]
    return {
        "written": written,
        "communities": communities,
        "tried": tried,
        "invitations": invitations,
        "join_requests": join_requests,
    }


@transaction.atomic
def anonymise_member(user):
    """On account deletion: tips with consent stay, anonymised; tips without consent are withdrawn."""
    members = list(CommunityMember.objects.filter(user=user))
    for tip in Tip.objects.filter(author__in=members):
        tip.author = None
        if tip.consent_recorded_at is None:
            tip.versions.all().delete()
            tip.state, tip.text = State.WITHDRAWN, WITHDRAWN_TEXT
        tip.save(update_fields=["author", "state", "text"])
        _record_tip(tip, "tips.anonymise", None)
    for tip in Tip.objects.filter(co_authors__in=members).distinct():
        tip.co_authors.remove(*members)
    user.tried_tips.update(user=None)
    CommunityMember.objects.filter(user=user, left_at__isnull=True).update(left_at=timezone.now())
    Invitation.objects.filter(email=user.email.lower()).delete()  # the address goes with the person
    JoinRequest.objects.filter(user=user).delete()  # so does what they wrote about themselves to ask
