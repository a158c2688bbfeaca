"""People on the platform.

The login is the e-mail address (allauth). Everything shown about a person in public goes
through `Profile.public_name`, so the rule "parents only ever appear under a pseudonym"
lives in one place. Someone is a parent there when their account says so *or* when they take
part as a parent anywhere on the platform (apps answer `accounts.signals.takes_part_as_parent`):
the role picked at sign-up (professional is preselected) never decides alone.
"""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from .registers import Register, normalise
from .signals import takes_part_as_parent


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A login. No username: people sign in with their e-mail address."""

    username = None
    email = models.EmailField(_("e-mailadres"), unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self):
        return self.get_full_name() or self.email


class Profile(models.Model):
    class Role(models.TextChoices):
        PARENT = "parent", _("Ouder")
        PROFESSIONAL = "professional", _("Professional")
        EDITOR = "editor", _("Redacteur")

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="profile")
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, default=Role.PROFESSIONAL)
    pseudonym = models.CharField(
        _("schuilnaam"),
        max_length=60,
        blank=True,
        help_text=_("Ouders verschijnen alleen onder deze naam, bijvoorbeeld ‘Moeder 1’."),
    )
    job_role = models.CharField(_("functie"), max_length=120, blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("profiel")
        verbose_name_plural = _("profielen")

    def __str__(self):
        return self.public_name

    @property
    def is_parent(self):
        return self.role == self.Role.PARENT

    @cached_property
    def appears_as_parent(self):
        """A parent account, or someone who takes part as a parent somewhere (e.g. a tip community)."""
        return self.is_parent or any(answer for _receiver, answer in takes_part_as_parent.send(User, user=self.user))

    @property
    def parent_name(self):
        """How a parent appears: the pseudonym, or the neutral "Ouder" — never a real name."""
        return self.pseudonym or str(_("Ouder"))

    @property
    def public_name(self):
        """The only name that may ever appear on a public page, API or search result."""
        if self.appears_as_parent:
            return self.parent_name
        return self.user.get_full_name() or str(_("Professional"))

    def clean(self):
        if self.is_parent and not self.pseudonym:
            raise ValidationError({"pseudonym": _("Kies een schuilnaam: ouders verschijnen nooit met hun eigen naam.")})


class ProfessionalRegistration(models.Model):
    """One registration in a professional register; a person can hold several."""

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="registrations")
    register = models.CharField(_("register"), max_length=10, choices=Register.choices)
    number = models.CharField(_("registratienummer"), max_length=30)
    # Where the member's current registration period with this register began: the accreditation
    # record ("Mijn Samen Preventief") counts points per period from here, in periods of
    # `registers.CYCLE_YEARS`. Only the member knows it (the register's letter says it), so it is
    # theirs to fill in; without it the record shows all points in one list.
    period_start = models.DateField(
        _("begin huidige registratieperiode"),
        null=True,
        blank=True,
        help_text=_("De datum waarop uw huidige (her)registratieperiode begon; staat in de brief van het register."),
    )

    class Meta:
        verbose_name = _("beroepsregistratie")
        verbose_name_plural = _("beroepsregistraties")
        constraints = [models.UniqueConstraint(fields=["profile", "register"], name="one_registration_per_register")]

    def __str__(self):
        return self.number

    def clean(self):
        self.number = normalise(self.register, self.number)
