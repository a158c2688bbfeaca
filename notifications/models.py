"""What a member follows, how they want to hear about it, and every notification made for them.

`Notification` is the ledger: one row per member, kind and subject (the idempotency key is
unique in the database), so a second publish, a second run of the digest command or a retried
task can never mail the same thing twice. Its state says where it stands: waiting to be mailed
on its own (`pending`), waiting for the weekly digest (`digest`), mailed (`sent`), or not mailed
because the member switched the kind off (`off`).
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Delivery(models.TextChoices):
    IMMEDIATELY = "immediately", _("Direct")
    DIGEST = "digest", _("In het weekoverzicht")
    OFF = "off", _("Uit")


class MemberSettings(models.Model):
    """The language a member's mails are written in.

    Kept here rather than on `accounts.Profile`: only mails need it, and the choice is made on
    the notification preferences page (set first from the language in which the member used
    the site when they followed or saved something; see `services.remember_language`).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings"
    )
    language = models.CharField(_("taal van de mails"), max_length=10, choices=settings.LANGUAGES, default="nl")

    class Meta:
        verbose_name = _("meldingsinstellingen")
        verbose_name_plural = _("meldingsinstellingen")

    def __str__(self):
        return f"{self.user_id}: {self.language}"


class Preference(models.Model):
    """How a member wants one kind of notification; without a row the kind's default applies."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(_("soort"), max_length=40)
    delivery = models.CharField(_("bezorging"), max_length=20, choices=Delivery.choices)

    class Meta:
        verbose_name = _("meldingsvoorkeur")
        verbose_name_plural = _("meldingsvoorkeuren")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind")]

    def __str__(self):
        return f"{self.kind}: {self.delivery}"


class Digest(models.Model):
    """One weekly overview per member and week: the unique pair makes the command safe to run twice."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_digests")
    period = models.CharField(_("week"), max_length=10)  # ISO week, "2026-W49"
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("weekoverzicht")
        verbose_name_plural = _("weekoverzichten")
        constraints = [models.UniqueConstraint(fields=["user", "period"], name="one_digest_per_member_and_week")]

    def __str__(self):
        return f"{self.user_id} {self.period}"


class Notification(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Wacht op verzending")
        DIGEST = "digest", _("Wacht op weekoverzicht")
        SENT = "sent", _("Verzonden")
        OFF = "off", _("Niet verzonden (uitgezet)")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(_("soort"), max_length=40)
    # The subject: a page or any other object ("practices.PracticeStoryPage:42"), so one
    # notification per member, kind and subject, whatever model the subject is.
    subject_key = models.CharField(max_length=120)
    title = models.CharField(_("titel"), max_length=255)
    url = models.CharField(max_length=500, blank=True)
    # Why the member hears of it: [["theme", "spijbelen"], ["search", "1"]] (types, names of public things).
    reasons = models.JSONField(default=list, blank=True)
    state = models.CharField(_("status"), max_length=20, choices=State.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    digest = models.ForeignKey(Digest, null=True, blank=True, on_delete=models.SET_NULL, related_name="notifications")

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "subject_key"], name="one_notification_per_subject")
        ]
        indexes = [models.Index(fields=["state", "created_at"])]

    def __str__(self):
        return f"{self.kind} {self.subject_key}"


class Follow(models.Model):
    """A member follows a theme, or an organisation (a municipality is an organisation too)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    theme = models.ForeignKey("taxonomy.Theme", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("gevolgd onderwerp")
        verbose_name_plural = _("gevolgde onderwerpen")
        constraints = [
            models.UniqueConstraint(fields=["user", "theme"], name="follow_theme_once"),
            models.UniqueConstraint(fields=["user", "organisation"], name="follow_organisation_once"),
            models.CheckConstraint(
                condition=models.Q(theme__isnull=True, organisation__isnull=False)
                | models.Q(theme__isnull=False, organisation__isnull=True),
                name="follow_one_thing",
            ),
        ]

    def __str__(self):
        return str(self.theme or self.organisation)

    @property
    def label(self):
        if self.theme_id:
            return _("Thema: %(name)s") % {"name": self.theme.name}
        if self.organisation.type == "municipality":
            return _("Gemeente: %(name)s") % {"name": self.organisation.name}
        return _("Organisatie: %(name)s") % {"name": self.organisation.name}


def new_feed_token():
    return secrets.token_urlsafe(24)


class SavedSearch(models.Model):
    """A search a member keeps: its words and filters, as the search page takes them."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches")
    query = models.CharField(_("zoekwoorden"), max_length=200, blank=True)
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    # The secret part of the search's Atom feed URL: random, so the URL names nobody.
    feed_token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bewaarde zoekopdracht")
        verbose_name_plural = _("bewaarde zoekopdrachten")

    def __str__(self):
        return self.label

    @property
    def label(self):
        parts = [f"“{self.query}”"] if self.query else []
        for values in self.filters.values():
            parts.extend(values)
        return ", ".join(parts) or str(_("alles"))
