"""One table of every demo account and its roles, read from the database.

`make run` ends with it (load_demo_content calls it), so a newcomer sees who to log in as
for each part of the site: the platform administrator, editors and coordinators per
organisation, the knowledge-institute reviewer, the moderator, parents and professionals,
and the facilitator and host of the tips community. Run it on its own any time:

    .venv/bin/python manage.py demo_accounts
"""

from django.core.management.base import BaseCommand

from accounts.demo import DEMO_PASSWORD
from accounts.models import User
from core.permissions import can_open_wagtail_admin, is_platform_administrator

DEMO_EMAIL_DOMAIN = "@demo.samenpreventief.nl"


def roles_of(user):
    """Every role the user holds, in words: site-wide first, then per organisation and community."""
    roles = []
    administrator = is_platform_administrator(user)
    if administrator:
        roles.append("platformbeheerder")
    profile = getattr(user, "profile", None)
    if profile is not None:
        role = profile.get_role_display().lower()
        roles.append(f"{role} (schuilnaam {profile.pseudonym})" if profile.pseudonym else role)
    if can_open_wagtail_admin(user) and not administrator:
        roles.append("Wagtail-admin")
    roles += [f"groep {group.name}" for group in user.groups.all()]
    roles += [
        f"{membership.get_role_display().lower()} {membership.organisation.name}"
        for membership in user.memberships.select_related("organisation").order_by("organisation__name")
    ]
    roles += [
        f"{member.get_role_display().lower()} tipgemeenschap {member.community.name}"
        for member in user.tip_memberships.filter(left_at__isnull=True).select_related("community")
    ]
    return roles


class Command(BaseCommand):
    help = "Toont alle demo-accounts met hun rollen (uit de database)."

    def handle(self, *args, **options):
        users = (
            User.objects.filter(email__iendswith=DEMO_EMAIL_DOMAIN, is_active=True)
            .select_related("profile")
            .prefetch_related("groups")
            .order_by("-is_superuser", "-is_staff", "email")
        )
        rows = [(user.email, "; ".join(roles_of(user)) or "-") for user in users]
        if not rows:
            self.stdout.write("Geen demo-accounts in de database (python manage.py load_demo_content).")
            return
        width = max(len(email) for email, _roles in rows)
        self.stdout.write("")
        self.stdout.write(f"Demo-accounts ({len(rows)}), wachtwoord voor allemaal: {DEMO_PASSWORD}")
        self.stdout.write(f"{'E-mailadres':<{width}}  Rollen")
        self.stdout.write(f"{'-' * width}  {'-' * 40}")
        for email, roles in rows:
            self.stdout.write(f"{email:<{width}}  {roles}")
