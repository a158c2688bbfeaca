"""Who may judge evidence (issue 14; the shared rules are in `core.permissions`)."""

from core.permissions import is_platform_administrator

from .roles import Role


def can_review_evidence(user):
    """Judge the evidence of any organisation's method: reviewers of a knowledge institute.

    Evidence review is a platform-wide service (see `editorial.models.EvidenceReviewTask`), so
    any institute's reviewer judges any method; judging never gives the right to edit it.
    """
    if not (user.is_authenticated and user.is_active):
        return False
    return is_platform_administrator(user) or user.groups.filter(organisation_role__role=Role.REVIEWER).exists()
