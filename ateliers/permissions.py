"""Who may run an atelier and work its door (issue 14; the shared rules are in `core.permissions`)."""

from core.permissions import is_platform_administrator

from .models import AtelierPage

# Model permissions (granted through groups such as the demo's "Atelierorganisatoren") that count
# only for ateliers an organisation of the person's own (co-)organises. Ticking someone present
# changes their registration; moving the atelier through its lifecycle (held, evaluation open,
# undo, which revokes certificates) changes the atelier.
DOOR_PERMISSION = "ateliers.change_registration"
ORGANISER_PERMISSIONS = ("ateliers.change_registration", "ateliers.change_atelierpage")


def _ateliers_of_own_organisations(user, permissions):
    """All ateliers for platform administrators; otherwise, for someone holding `permissions`,
    the ateliers (co-)organised by an organisation they are a member of; else none."""
    if is_platform_administrator(user):
        return AtelierPage.objects.all()
    if not (user.is_authenticated and user.is_active and user.has_perms(permissions)):
        return AtelierPage.objects.none()
    return AtelierPage.objects.filter(co_organisers__memberships__user=user).distinct()


def ateliers_organised_by(user):
    """The ateliers `user` runs as an organiser (see `can_organise_atelier`)."""
    return _ateliers_of_own_organisations(user, ORGANISER_PERMISSIONS)


def can_organise_atelier(user, atelier):
    """Run one atelier: its participants, attendance, lifecycle (which issues and revokes
    certificates), attendance exports and its figures in the report."""
    return ateliers_organised_by(user).filter(pk=atelier.pk).exists()


def can_check_in(user, atelier):
    """Work the door of one atelier: list its attendees and tick them present.

    The door list names every participant and checking someone in issues a certificate code, so
    it is for people of the atelier's own organisations with the door permission (organisers
    have it too), never for anyone with an admin account.
    """
    return _ateliers_of_own_organisations(user, (DOOR_PERMISSION,)).filter(pk=atelier.pk).exists()


def can_see_atelier_reports(user):
    """The report (figures per atelier, no names) is for organisers; it covers their own ateliers."""
    return ateliers_organised_by(user).exists()
