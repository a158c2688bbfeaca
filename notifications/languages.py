"""The language a member's notification mails are written in (`MemberSettings.language`)."""

from django.utils import translation

from .models import MemberSettings


def language_of(user):
    settings_row = MemberSettings.objects.filter(user=user).first()
    return settings_row.language if settings_row else "nl"


def with_language(user):
    return translation.override(language_of(user))
