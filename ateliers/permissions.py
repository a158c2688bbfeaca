"""Who may run an atelier and work its door (issue 14; the shared rules are in `core.permissions`)."""

from .models import DOOR_PERMISSION, ORGANISER_PERMISSIONS, AtelierPage


def ateliers_organised_by(user):
    """The ateliers `user` runs as an organiser (see `can_organise_atelier`)."""
    return AtelierPage.objects.of_own_organisations(user, ORGANISER_PERMISSIONS)


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
    return AtelierPage.objects.of_own_organisations(user, (DOOR_PERMISSION,)).filter(pk=atelier.pk).exists()


def can_see_atelier_reports(user):
    """The report (figures per atelier, no names) is for organisers; it covers their own ateliers."""
    return ateliers_organised_by(user).exists()
