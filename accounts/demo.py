"""One demo account per role, with a verified e-mail address, printed by `make run`.

The editor gets their rights from Gemeente Zwolle's editor group (editorial onboarding), never
from Wagtail's stock "Editors" group, which had rights on every page and file (issue 14). Only
the platform administrator is staff: staff status opened the atelier door to the Zwolle editor
(issue 14); rights come from `core.permissions`, and `is_staff` only opens Django's admin.
The accounts themselves are listed in `accounts/demo_data/accounts.toml`.
"""

import datetime

from allauth.account.models import EmailAddress

from home.demo_data import demo_file
from organisations.models import Membership, Organisation

from .models import ProfessionalRegistration, Profile, User

ORDER = 30
DEMO_PASSWORD = "demo-wachtwoord-2026"

ACCOUNT_FIELDS = {
    "required": ("email", "first_name", "last_name", "role", "staff", "superuser"),
    "optional": ("pseudonym", "organisation", "membership_role", "skj_period_start"),
}


def read_accounts():
    """accounts.toml, checked: the demo accounts in the order `make run` lists them."""
    data_file = demo_file(__file__, "accounts.toml")
    organisations = set(Organisation.objects.values_list("name", flat=True))
    accounts = []
    for label, account in data_file.entries("account", **ACCOUNT_FIELDS, label_key="email"):
        data_file.check_known(label, "role", account["role"], Profile.Role.values)
        if "skj_period_start" in account and not isinstance(account["skj_period_start"], datetime.date):
            raise data_file.error(label, "‘skj_period_start’ moet een datum zijn (2022-03-01).")
        if "organisation" in account:
            data_file.check_known(label, "organisation", account["organisation"], organisations)
            data_file.check_known(label, "membership_role", account.get("membership_role"), Membership.Role.values)
        accounts.append(account)
    return accounts


def load(log):
    accounts = read_accounts()
    for account in accounts:
        email, first, last, role = account["email"], account["first_name"], account["last_name"], account["role"]
        staff, superuser = account["staff"], account["superuser"]
        pseudonym, organisation_name = account.get("pseudonym", ""), account.get("organisation")
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email=email,
                password=DEMO_PASSWORD,
                first_name=first,
                last_name=last,
                is_staff=staff,
                is_superuser=superuser,
            )
        elif (user.is_staff, user.is_superuser) != (staff, superuser):  # a demo database from before issue 14
            user.is_staff, user.is_superuser = staff, superuser
            user.save(update_fields=["is_staff", "is_superuser"])
        EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        profile = user.profile
        profile.role = role
        profile.pseudonym = pseudonym
        if role == Profile.Role.PROFESSIONAL:
            profile.job_role = "Wijkteammedewerker"
            skj, _created = ProfessionalRegistration.objects.get_or_create(
                profile=profile, register="skj", defaults={"number": "SKJ110012345"}
            )
            # Set once: a demo database from before the date was in the file gets it, a date the
            # member changed in her profile stays.
            if account.get("skj_period_start") and skj.period_start is None:
                skj.period_start = account["skj_period_start"]
                skj.save(update_fields=["period_start"])
        if organisation_name:
            organisation = Organisation.objects.get(name=organisation_name)
            profile.organisation = organisation
            Membership.objects.get_or_create(
                organisation=organisation, user=user, defaults={"role": account["membership_role"]}
            )
        profile.save()
    log(f"Demo-accounts (wachtwoord voor allemaal: {DEMO_PASSWORD}):")
    for account in accounts:
        log(f"  {Profile.Role(account['role']).label:<14} {account['email']}")
