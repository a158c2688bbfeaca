from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """Following, saved searches and the one service through which every member notification goes."""

    name = "notifications"
    verbose_name = _("Meldingen")

    def ready(self):
        from . import signals  # noqa: F401
