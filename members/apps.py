from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    """ "Mijn Samen Preventief": a member's own page, read from the apps that own the data."""

    name = "members"
    verbose_name = _("Mijn Samen Preventief")
