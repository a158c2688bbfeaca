"""Who may do what: one definition per capability, called by every view, hook and service (issue 14).

Before, "platform administrator" had three definitions (superuser or a group in editorial,
`auth.add_group` for onboarding, `is_staff` for Django's admin) and the door check-in let in
anyone with `is_staff`, so the demo editor of Gemeente Zwolle could list every atelier's
attendees and tick them present, which issues certificate codes. Each capability is now
decided here from model permissions (granted through groups) and memberships, never from
`is_staff` or `is_superuser` directly:

- platform administrator: `is_platform_administrator`;
- the editor dashboard and Django's admin: `can_open_wagtail_admin`, `can_open_django_admin`;
- atelier organiser and door check-in: `ateliers.permissions` (`can_organise_atelier`,
  `can_check_in`, `ateliers_organised_by`, `can_see_atelier_reports`);
- community facilitator: `tips.permissions.can_facilitate`;
- evidence reviewer: `editorial.permissions.can_review_evidence`.

A capability that is about one app's objects lives in that app's `permissions` module, next to
its models; this module holds what every app shares and imports no app (issue 15).
"""

ADMINISTRATOR_GROUP = "Platformbeheerders"


def is_platform_administrator(user):
    """Superusers and members of the platform administrators' group: they may act on everything.

    Cached on the user object for the request (`editorial.services.sync_user_groups` clears it).
    """
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_is_platform_administrator", None)
    if cached is None:
        cached = user.groups.filter(name=ADMINISTRATOR_GROUP).exists()
        user._is_platform_administrator = cached
    return cached


def can_open_wagtail_admin(user):
    """The editor dashboard (Wagtail's /admin/) is for editors: the `access_admin` permission."""
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def can_open_django_admin(user):
    """Django's own admin (/django-admin/): the one place `is_staff` counts.

    Django's `AdminSite.has_permission` lets in active staff and nobody else; the login door must
    give the same answer, or a refused person would loop between the door and the admin. Only the
    platform administrator's demo account is staff; nobody else needs Django's admin.
    """
    return user.is_authenticated and user.is_active and user.is_staff
