"""Who may run a tip community (issue 14; the shared rules are in `core.permissions`)."""

from .models import CommunityMember


def can_facilitate(user, community):
    """Run a tip community (members, invitations, rounds, de-identifying and publishing tips):
    its own active facilitator only (`CommunityMember.is_facilitator`). Platform moderators work
    in the admin, not in the community's own screens."""
    if not (user.is_authenticated and user.is_active):
        return False
    member = CommunityMember.objects.filter(community=community, user=user, left_at__isnull=True).first()
    return member is not None and member.is_facilitator
