"""Test data shared by several test packages."""

from allauth.account.models import EmailAddress

from accounts.models import Profile, User


def verified_member(email, password, role=Profile.Role.PROFESSIONAL, pseudonym="", first_name="", last_name=""):
    """A member who can log in at once: verified e-mail address, a role and (parents) a pseudonym."""
    user = User.objects.create_user(
        email=email, password=password, first_name=first_name or email.split("@")[0], last_name=last_name
    )
    user.profile.role = role
    user.profile.pseudonym = pseudonym
    user.profile.save()
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user
