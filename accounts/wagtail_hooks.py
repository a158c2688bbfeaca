from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_registration_log_actions(actions):
    """Changes to a member's professional registrations (recorded by `services.save_profile`)."""
    actions.register_action(
        "accounts.registration_add", _("Beroepsregistratie toegevoegd"), _("Beroepsregistratie toegevoegd")
    )
    actions.register_action(
        "accounts.registration_change", _("Beroepsregistratie gewijzigd"), _("Beroepsregistratie gewijzigd")
    )
    actions.register_action(
        "accounts.registration_remove", _("Beroepsregistratie verwijderd"), _("Beroepsregistratie verwijderd")
    )
