"""Who counts as a verified member, and member data rights (download everything we hold about
you, or delete your account)."""

import uuid

from allauth.account.utils import has_verified_email
from django.db import transaction
from django.utils import timezone

from core import audit

from .models import User
from .signals import collect_member_data, member_deleting


def is_verified_member(user):
    """A logged-in, active account whose login address is confirmed.

    allauth refuses to log such accounts in, but a session can exist without that login (an
    account created in the admin, an address changed later). Anything that acts in someone's
    name (registering for an atelier, joining a community, writing or voting on tips) asks
    this first, through `accounts.decorators.refuse_unverified`: otherwise a seat or a tip can
    be taken in the name of an address whose owner never agreed.
    """
    return bool(user.is_authenticated and user.is_active and has_verified_email(user, user.email))


@transaction.atomic
def save_profile(form, registrations, user):
    """Save the profile form and its professional registrations; each registration that is added,
    changed or removed goes into the audit trail.

    A registration's number and the start of its period decide which accreditation points count
    for which re-registration (Mijn Samen Preventief), so a change to them must be traceable.
    The entry names the register and the account number, never the person.
    """
    form.save()
    registrations.save(commit=False)

    def log(registration, action, **data):
        label = f"{registration.get_register_display()} – #{registration.profile.user_id}"
        audit.record(registration, action, user=user, label=label, register=registration.register, **data)

    for registration in registrations.deleted_objects:
        log(registration, "accounts.registration_remove")
        registration.delete()
    for registration in registrations.new_objects:
        registration.save()
        log(registration, "accounts.registration_add", period_start=_iso_date(registration.period_start))
    for registration, changed in registrations.changed_objects:
        registration.save()
        log(
            registration,
            "accounts.registration_change",
            changed=sorted(changed),
            period_start=_iso_date(registration.period_start),
        )


def _iso_date(day):
    return day.isoformat() if day else None


def export_member_data(user):
    """Everything the platform holds about `user`, as a JSON-serialisable dict."""
    profile = user.profile
    data = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "profile": {
            "role": profile.role,
            "pseudonym": profile.pseudonym,
            "job_role": profile.job_role,
            "organisation": str(profile.organisation) if profile.organisation else None,
            "registrations": [
                {
                    "register": r.register,
                    "number": r.number,
                    "period_start": r.period_start.isoformat() if r.period_start else None,
                }
                for r in profile.registrations.all()
            ],
        },
        "email_addresses": list(user.emailaddress_set.values("email", "verified", "primary")),
        "memberships": [
            {"organisation": str(m.organisation), "role": m.role}
            for m in user.memberships.select_related("organisation")
        ],
    }
    for _receiver, result in collect_member_data.send(sender=User, user=user):
        if result:
            key, value = result
            data[key] = value
    return data


@transaction.atomic
def delete_account(user):
    """Remove the person, keep the work.

    Every app anonymises its own records first (via `member_deleting`); then the login,
    profile, registrations and memberships go. The user row is replaced by an inactive
    placeholder so foreign keys that other people's work still needs remain valid.
    """
    member_deleting.send(sender=User, user=user)
    user.profile.registrations.all().delete()
    user.memberships.all().delete()
    user.emailaddress_set.all().delete()
    profile = user.profile
    profile.pseudonym = ""
    profile.job_role = ""
    profile.organisation = None
    profile.save()
    user.email = f"verwijderd-{uuid.uuid4().hex}@invalid.example"
    user.first_name = ""
    user.last_name = ""
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
