"""One demo account per role, with a verified e-mail address, printed by `make run`."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from organisations.models import Membership, Organisation

from .models import ProfessionalRegistration, Profile, User

ORDER = 30
DEMO_PASSWORD = "demo-wachtwoord-2026"

# (e-mail, first name, last name, role, pseudonym, organisation, membership role, staff, superuser)
DEMO_ACCOUNTS = [
    ("beheerder@demo.samenpreventief.nl", "Bea", "Beheer", Profile.Role.EDITOR, "", None, None, True, True),
    (
        "redacteur@demo.samenpreventief.nl",
        "Ruben",
        "de Redacteur",
        Profile.Role.EDITOR,
        "",
        "Gemeente Zwolle",
        Membership.Role.EDITOR,
        True,
        False,
    ),
    (
        "professional@demo.samenpreventief.nl",
        "Priya",
        "Pinas",
        Profile.Role.PROFESSIONAL,
        "",
        "Gemeente Rotterdam",
        Membership.Role.MEMBER,
        False,
        False,
    ),
    ("ouder@demo.samenpreventief.nl", "Olga", "Oudenaarde", Profile.Role.PARENT, "Moeder 1", None, None, False, False),
]


def load(log):
    editors, _created = Group.objects.get_or_create(name="Editors")
    for email, first, last, role, pseudonym, organisation_name, membership_role, staff, superuser in DEMO_ACCOUNTS:
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
        EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        profile = user.profile
        profile.role = role
        profile.pseudonym = pseudonym
        if role == Profile.Role.PROFESSIONAL:
            profile.job_role = "Wijkteammedewerker"
            ProfessionalRegistration.objects.get_or_create(
                profile=profile, register="skj", defaults={"number": "SKJ110012345"}
            )
        if organisation_name:
            organisation = Organisation.objects.get(name=organisation_name)
            profile.organisation = organisation
            Membership.objects.get_or_create(organisation=organisation, user=user, defaults={"role": membership_role})
        profile.save()
        if staff and not superuser:
            user.groups.add(editors)
    log(f"Demo-accounts (wachtwoord voor allemaal: {DEMO_PASSWORD}):")
    for email, _first, _last, role, *_rest in DEMO_ACCOUNTS:
        log(f"  {role.label:<14} {email}")
