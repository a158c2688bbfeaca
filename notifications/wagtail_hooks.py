from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_notification_log_actions(actions):
    """Following, saved searches and notification preferences in the audit trail (core/audit.py)."""
    actions.register_action("notifications.follow", _("Volgen gestart"), _("Volgen gestart"))
    actions.register_action("notifications.unfollow", _("Volgen gestopt"), _("Volgen gestopt"))
    actions.register_action("notifications.save_search", _("Zoekopdracht bewaard"), _("Zoekopdracht bewaard"))
    actions.register_action("notifications.delete_search", _("Zoekopdracht verwijderd"), _("Zoekopdracht verwijderd"))
    actions.register_action(
        "notifications.preferences", _("Meldingsvoorkeuren gewijzigd"), _("Meldingsvoorkeuren gewijzigd")
    )
    actions.register_action("notifications.unsubscribe", _("Afgemeld voor meldingen"), _("Afgemeld voor meldingen"))
