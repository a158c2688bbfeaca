"""The editorial roles an organisation hands out; its own module so that permission rules
(`editorial.permissions`) can name a role without importing the models that use them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """The editorial roles an organisation can hand out (mirrors `Membership.Role`)."""

    EDITOR = "editor", _("Redacteur")
    COORDINATOR = "coordinator", _("Coördinator")
    REVIEWER = "reviewer", _("Reviewer")
