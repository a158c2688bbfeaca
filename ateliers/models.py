"""Knowledge ateliers: short afternoon meetings with 3–4 talks and a discussion (seed 004).

The pages hold what editors write (theme, programme, lessons); `Registration` and the
evaluation models hold what participants do. The rules that move people between those
states (capacity, waiting list, lifecycle) live in `services.py`, not here and not in views.
"""

import datetime
import hashlib
import secrets

from django import forms
from django.apps import apps
from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    Panel,
    TabbedInterface,
)
from wagtail.admin.widgets import AdminPageChooser
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager, PagePermissionTester
from wagtail.query import PageQuerySet
from wagtail.search import index

from accounts.registers import Register
from core import discovery
from core.languages import VisitorLanguageUrlMixin, canonical_pages
from core.permissions import is_platform_administrator
from core.public_urls import page_absolute_url
from editorial.page_forms import EditorPageForm
from pictures.models import LeadImageMixin
from pictures.renditions import prefetch as prefetch_pictures
from search.documents import SearchDocument

from .blocks import SpeakerBlock
from .links import make_token
from .places import places_of

MAX_TALKS = 4
# A reminder further ahead than this is no reminder; it also bounds what the reminder run reads.
MAX_REMINDER_DAYS = 30
MIN_DISCUSSION_MINUTES = 30


class Background(models.TextChoices):
    """Where participants come from; the groups of the attendance chart in seed 004."""

    WIJKTEAM = "wijkteam", _("Wijkteam")
    PREVENTIVE = "preventive", _("Preventief veld")
    SPECIALIST = "specialist", _("Specialistische jeugdhulp")
    POLICY = "policy", _("Beleid")
    RESEARCH = "research", _("Onderzoek")
    EDUCATION = "education", _("Onderwijs en opleiding")
    STUDENT = "student", _("Student")
    REPRESENTATIVE = "representative", _("Vertegenwoordiger van ouders of jongeren")
    OTHER = "other", _("Anders")


class Perspective(models.TextChoices):
    RESEARCH = "research", _("Onderzoek")
    PRACTICE = "practice", _("Praktijk")
    EDUCATION = "education", _("Onderwijs")
    POLICY = "policy", _("Beleid")
    LIVED_EXPERIENCE = "lived_experience", _("Ervaringsdeskundigheid")


class AtelierState(models.TextChoices):
    ANNOUNCED = "announced", _("Aangekondigd")
    REGISTRATION_OPEN = "registration_open", _("Aanmelden open")
    FULL = "full", _("Vol (wachtlijst)")
    HELD = "held", _("Gehouden")
    EVALUATION_OPEN = "evaluation_open", _("Evaluatie open")
    PROCESSED = "processed", _("Verwerkt")
    LESSONS_PUBLISHED = "lessons_published", _("Lessen gepubliceerd")
    # Called off by the organiser (services.send_organiser_message): registration closed, the
    # participants told, calendars sent METHOD:CANCEL. Before it begins it can be taken back.
    CANCELLED = "cancelled", _("Gaat niet door")


# The states in which the atelier has taken place (attendance counts, certificates exist).
AFTER_THE_EVENT = {
    AtelierState.HELD,
    AtelierState.EVALUATION_OPEN,
    AtelierState.PROCESSED,
    AtelierState.LESSONS_PUBLISHED,
}
# The states in which a registration can no longer be used for an atelier to come: no check-in
# code, no changes, no cancelling, no offer to accept.
NOT_AHEAD = AFTER_THE_EVENT | {AtelierState.CANCELLED}


class AtelierSeriesPage(VisitorLanguageUrlMixin, discovery.ListingWithFeed, Page):
    """The series index (/ateliers/): upcoming ateliers first, then the archive with lessons."""

    intro = RichTextField(_("inleiding"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["ateliers.AtelierPage"]
    max_count = 1

    feed_url_name = "feed-ateliers"

    class Meta:
        verbose_name = _("reeks kennisateliers")
        verbose_name_plural = _("reeksen kennisateliers")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        ateliers = (
            AtelierPage.objects.child_of(self)
            .live()
            .prefetch_related(prefetch_pictures("lead_image", "card"))
            .order_by("date")
        )
        today = timezone.localdate()
        context["upcoming"] = [a for a in ateliers if a.date >= today]
        context["past"] = sorted((a for a in ateliers if a.date < today), key=lambda a: a.date, reverse=True)
        return context


class AtelierTheme(TaggedItemBase):
    tag = models.ForeignKey("taxonomy.Theme", related_name="tagged_ateliers", on_delete=models.CASCADE)
    content_object = ParentalKey("ateliers.AtelierPage", related_name="tagged_themes", on_delete=models.CASCADE)


class ProgrammeWarningsPanel(Panel):
    """A non-blocking warning at the top of the programme: seed 004's lesson about depth.

    Saving is never refused; the same warnings also appear as a message after saving
    (see wagtail_hooks.py), so an editor sees them whichever tab they are on.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "ateliers/admin/programme_warnings_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["warnings"] = self.instance.programme_warnings() if self.instance else []
            return context


class AtelierStatusPanel(Panel):
    """Shows the lifecycle state in the editor; it changes on the organiser's page, not here."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "ateliers/admin/status_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["atelier"] = self.instance
            return context


class LinkedPageChooserPanel(PageChooserPanel):
    """A page chooser limited to page types that may come from another app.

    Types whose app is not installed (yet) are skipped instead of breaking the editor,
    so the atelier programme can point at methods and stories without importing them.
    """

    def get_form_options(self):
        opts = super(PageChooserPanel, self).get_form_options()
        available = [name for name in self.page_type or [] if _model_exists(name)]
        opts.setdefault("widgets", {})[self.field_name] = AdminPageChooser(target_models=available or None)
        return opts


def _model_exists(name):
    try:
        apps.get_model(name)
    except LookupError:
        return False
    return True


class AtelierPageForm(EditorPageForm):
    audiences = forms.MultipleChoiceField(
        label=_("doelgroepen"),
        choices=Background.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Voor wie dit kennisatelier bedoeld is."),
    )

    def clean(self):
        """The reserved places, as typed in the inline rows (not yet on the page), must fit the capacity."""
        cleaned = super().clean()
        formset = self.formsets.get("reserved_places")
        capacity = cleaned.get("capacity")
        if formset is None or capacity is None or not formset.is_valid():
            return cleaned
        reserved = sum(row.get("places") or 0 for row in formset.cleaned_data if row and not row.get("DELETE", False))
        if reserved > capacity:
            self.add_error("capacity", reserved_places_too_many(reserved, capacity))
        return cleaned


def reserved_places_too_many(reserved, capacity):
    return _(
        "Er zijn %(reserved)s plaatsen gereserveerd voor groepen, maar het kennisatelier heeft maar %(capacity)s "
        "plaatsen. Verhoog het aantal plaatsen of reserveer er minder."
    ) % {"reserved": reserved, "capacity": capacity}


def next_thursday():
    today = timezone.localdate()
    return today + datetime.timedelta(days=(3 - today.weekday()) % 7 or 7)


# Model permissions (granted through the group "Atelierorganisatoren", `ateliers.setup`) that count
# only for ateliers an organisation of the person's own (co-)organises. Ticking someone present
# changes their registration; moving the atelier through its lifecycle (held, evaluation open,
# undo, which revokes certificates) and changing its page change the atelier.
DOOR_PERMISSION = "ateliers.change_registration"
ORGANISER_PERMISSIONS = ("ateliers.change_registration", "ateliers.change_atelierpage")


class AtelierPageQuerySet(PageQuerySet):
    def of_own_organisations(self, user, permissions):
        """All ateliers for platform administrators; otherwise, for someone holding `permissions`,
        the ateliers (co-)organised by an organisation they are a member of; else none.

        Only the Dutch pages: an English translation is a copy of the atelier's text (with its
        co-organisers copied along), not a second atelier with seats, a door or figures."""
        ateliers = canonical_pages(self)
        if is_platform_administrator(user):
            return ateliers
        if not (user.is_authenticated and user.is_active and user.has_perms(permissions)):
            return self.none()
        return ateliers.filter(co_organisers__memberships__user=user).distinct()


class AtelierPage(VisitorLanguageUrlMixin, LeadImageMixin, Page):
    """One knowledge atelier: always a Thursday, 15:00–17:00, unless the editor says otherwise."""

    objects = PageManager.from_queryset(AtelierPageQuerySet)()

    date = models.DateField(_("datum"), default=next_thursday)
    start_time = models.TimeField(_("begintijd"), default=datetime.time(15, 0))
    end_time = models.TimeField(_("eindtijd"), default=datetime.time(17, 0))
    venue = models.CharField(_("locatie"), max_length=200, blank=True)
    venue_address = models.CharField(_("adres"), max_length=300, blank=True)
    capacity = models.PositiveIntegerField(_("aantal plaatsen"), default=60)
    co_organisers = ParentalManyToManyField(
        "organisations.Organisation", verbose_name=_("mede-organisatoren"), blank=True, related_name="ateliers"
    )
    audiences = models.JSONField(_("doelgroepen"), default=list, blank=True)
    themes = ClusterTaggableManager(through=AtelierTheme, blank=True, verbose_name=_("thema's"))
    summary = models.TextField(_("samenvatting"), blank=True, help_text=_("Eén of twee zinnen voor overzichten."))
    description = RichTextField(_("beschrijving"), blank=True)
    discussion_minutes = models.PositiveSmallIntegerField(_("minuten voor discussie"), default=30)
    lessons = RichTextField(
        _("lessen"),
        blank=True,
        help_text=_("Kort verslag van wat gepresenteerd en besproken is; zichtbaar zodra de lessen gepubliceerd zijn."),
    )
    # Self-service around registration (issue 16): how late a registrant may still change their
    # details, and how long a seat offered from the waiting list is held for the person it is offered to.
    change_cutoff_hours = models.PositiveSmallIntegerField(
        _("wijzigen kan tot (uren voor het begin)"),
        default=24,
        help_text=_("Tot hoeveel uur voor het begin deelnemers hun aanmelding zelf kunnen wijzigen."),
    )
    offer_hours = models.PositiveSmallIntegerField(
        _("bedenktijd bij een vrijgekomen plek (uren)"),
        default=24,
        help_text=_(
            "Komt er een plek vrij, dan krijgt de eerste op de wachtlijst die zo lang aangeboden. "
            "0 betekent: meteen plaatsen, zonder aanbod."
        ),
    )
    reminder_days = models.PositiveSmallIntegerField(
        _("herinnering (dagen vooraf)"),
        default=2,
        validators=[MaxValueValidator(MAX_REMINDER_DAYS)],
        help_text=_("Zoveel dagen voor het begin krijgen deelnemers een herinnering per e-mail. 0: geen herinnering."),
    )
    # Changed only through services.transition(); kept out of revisions (see with_content_json).
    state = models.CharField(
        _("status"), max_length=30, choices=AtelierState.choices, default=AtelierState.ANNOUNCED, editable=False
    )
    # The calendar files' SEQUENCE (RFC 5545 §3.8.7.4): raised when an organiser tells the
    # participants of a change, so their calendars replace the event (same UID) instead of adding
    # one. Set when an organiser calls the atelier off: calendars get METHOD:CANCEL. Both are
    # changed only by services.send_organiser_message and kept out of revisions like `state`.
    calendar_sequence = models.PositiveIntegerField(default=0, editable=False)
    # What calendars show of the atelier (time, place, title) when SEQUENCE was last set; a
    # publish that changes any of it raises SEQUENCE (services.calendar_details_published).
    calendar_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    called_off_at = models.DateTimeField(_("gaat niet door sinds"), null=True, blank=True, editable=False)

    base_form_class = AtelierPageForm
    parent_page_types = ["ateliers.AtelierSeriesPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        AtelierStatusPanel(),
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
                FieldPanel("venue"),
                FieldPanel("venue_address"),
                FieldPanel("capacity"),
            ],
            heading=_("Wanneer en waar"),
        ),
        FieldPanel("summary"),
        FieldPanel("lead_image"),
        FieldPanel("description"),
        FieldPanel("themes"),
        FieldPanel("audiences"),
        FieldPanel("co_organisers"),
    ]
    programme_panels = [
        ProgrammeWarningsPanel(),
        InlinePanel("programme_items", label=_("Programmaonderdeel")),
        FieldPanel("discussion_minutes"),
    ]
    accreditation_panels = [InlinePanel("accreditations", label=_("Accreditatie"))]
    registration_panels = [
        FieldRowPanel([FieldPanel("change_cutoff_hours"), FieldPanel("offer_hours"), FieldPanel("reminder_days")]),
        InlinePanel("questions", label=_("Vraag bij aanmelden")),
        InlinePanel(
            "reserved_places",
            label=_("Gereserveerde plaatsen voor een groep"),
            help_text=_(
                "Een deel van de plaatsen vasthouden voor een groep, bijvoorbeeld ouders of studenten. "
                "Ze tellen mee in het aantal plaatsen; de rest is voor iedereen. Elke groep heeft een eigen wachtlijst."
            ),
        ),
    ]
    lessons_panels = [FieldPanel("lessons")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Inhoud")),
            ObjectList(programme_panels, heading=_("Programma")),
            ObjectList(accreditation_panels, heading=_("Accreditatie")),
            ObjectList(registration_panels, heading=_("Aanmelden")),
            ObjectList(lessons_panels, heading=_("Lessen")),
            ObjectList(Page.promote_panels, heading=_("Promotie")),
        ]
    )

    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("description")]

    class Meta:
        verbose_name = _("kennisatelier")
        verbose_name_plural = _("kennisateliers")

    def permissions_for_user(self, user):
        return AtelierPagePermissionTester(user, self)

    def with_content_json(self, content):
        """Restoring or publishing a revision must never roll back the lifecycle state."""
        page = super().with_content_json(content)
        page.state = self.state
        page.calendar_sequence = self.calendar_sequence
        page.calendar_fingerprint = self.calendar_fingerprint
        page.called_off_at = self.called_off_at
        return page

    # -- programme ---------------------------------------------------------------------

    def programme_warnings(self):
        """Seed 004's main lesson: more than four talks, or under 30 minutes of talk, costs depth."""
        warnings = []
        talks = len(self.programme_items.all())
        if talks > MAX_TALKS:
            warnings.append(
                _("Dit programma heeft %(count)s presentaties. Meer dan %(max)s gaat ten koste van de diepgang.")
                % {"count": talks, "max": MAX_TALKS}
            )
        if self.discussion_minutes < MIN_DISCUSSION_MINUTES:
            warnings.append(
                _(
                    "Er is %(minutes)s minuten voor discussie. Reserveer minstens %(min)s minuten voor vragen en gesprek."
                )
                % {"minutes": self.discussion_minutes, "min": MIN_DISCUSSION_MINUTES}
            )
        return warnings

    # -- time ----------------------------------------------------------------------------

    @property
    def starts_at(self):
        return timezone.make_aware(datetime.datetime.combine(self.date, self.start_time))

    @property
    def ends_at(self):
        return timezone.make_aware(datetime.datetime.combine(self.date, self.end_time))

    @property
    def has_started(self):
        return timezone.now() >= self.starts_at

    def calendar_details(self):
        """A fingerprint of what a calendar event shows: a change means the event needs a new SEQUENCE."""
        shown = "|".join(
            str(part)
            for part in (self.title, self.date, self.start_time, self.end_time, self.venue, self.venue_address)
        )
        return hashlib.sha256(shown.encode()).hexdigest()

    @property
    def changes_close_at(self):
        """Until this moment registrants change their own details (name, numbers, answers)."""
        return self.starts_at - datetime.timedelta(hours=self.change_cutoff_hours)

    @property
    def is_upcoming(self):
        return self.date >= timezone.localdate()

    # -- registration --------------------------------------------------------------------

    @property
    def accepts_registrations(self):
        return (
            self.state in (AtelierState.REGISTRATION_OPEN, AtelierState.FULL)
            and self.is_upcoming
            and not self.called_off_at
        )

    @property
    def lessons_published(self):
        return self.state == AtelierState.LESSONS_PUBLISHED

    @cached_property
    def confirmed_count(self):
        """Seats taken: confirmed, and offered to someone from the waiting list (held for them)."""
        return self.registrations.filter(status__in=Registration.SEAT_STATUSES).count()

    @cached_property
    def places(self):
        """Free places per kind, for the page, the form and the JSON-LD (services.places_of)."""
        return places_of(self)

    @property
    def seats_left(self):
        """Every free place someone could still take: general ones plus each group's reserved ones."""
        return self.places.free_total

    def audience_labels(self):
        labels = dict(Background.choices)
        return [labels[value] for value in self.audiences if value in labels]

    def granted_accreditations(self):
        return [a for a in self.accreditations.all() if a.status == Accreditation.Status.GRANTED]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programme"] = self.programme_items.select_related("slides", "related_method", "related_story")
        context["accreditations"] = self.granted_accreditations()
        # A preview of an atelier not saved yet has no registrations to look up.
        if request.user.is_authenticated and self.pk:
            mine = self.registrations.filter(user=request.user).exclude(status=Registration.Status.CANCELLED).first()
            if mine:
                context["my_registration"] = mine
                context["my_registration_token"] = make_token(mine, "manage")
        return context

    # -- discovery (core/discovery.py) ------------------------------------------------------

    def meta_description(self):
        return self.summary or self.description

    def offer_availability(self):
        """schema.org availability of a (free) seat: from the lifecycle state and the seats left."""
        if not self.is_upcoming:
            return "https://schema.org/SoldOut"
        if self.state == AtelierState.ANNOUNCED:
            return "https://schema.org/PreSale"
        if self.accepts_registrations and self.places.free_general > 0:
            return "https://schema.org/InStock"
        if self.accepts_registrations and self.seats_left > 0:
            return "https://schema.org/LimitedAvailability"  # only places reserved for a group are left
        return "https://schema.org/SoldOut"

    def structured_data(self):
        """schema.org Event. Its seats change with every registration, so the page renders this as a
        fresh fragment (ateliers/apps.py) that stays current inside the page cache."""
        url = page_absolute_url(self)
        location = {"@type": "Place", "name": self.venue or self.title}
        if self.venue_address:
            location["address"] = {
                "@type": "PostalAddress",
                "streetAddress": self.venue_address,
                "addressCountry": "NL",
            }
        data = {
            "@type": "Event",
            "name": self.title,
            "description": discovery.page_description(self),
            "url": url,
            "image": discovery.share_image_url(self),
            "inLanguage": "nl",  # the language the atelier is held in, whatever language its page is in
            "startDate": timezone.localtime(self.starts_at).isoformat(),
            "endDate": timezone.localtime(self.ends_at).isoformat(),
            "eventStatus": (
                "https://schema.org/EventCancelled"
                if self.state == AtelierState.CANCELLED
                else "https://schema.org/EventScheduled"
            ),
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": location,
            "isAccessibleForFree": True,
            "maximumAttendeeCapacity": self.capacity,
            "organizer": [discovery.platform_organization()]
            + [
                discovery.organization(organisation.name, organisation.website)
                for organisation in self.co_organisers.all()
            ],
            "offers": {
                "@type": "Offer",
                "price": "0",
                "priceCurrency": "EUR",
                "availability": self.offer_availability(),
                "url": url,
            },
        }
        if self.is_upcoming:
            data["remainingAttendeeCapacity"] = self.seats_left
        return data

    # What search_document reads, fetched per batch by a rebuild (search/indexing.py).
    search_prefetch = ("programme_items", "themes")

    def search_document(self):
        body = [strip_tags(self.description)]
        body += [item.title for item in self.programme_items.all()]
        if self.lessons_published:
            body.append(strip_tags(self.lessons))
        return SearchDocument(
            key=f"ateliers.AtelierPage:{self.pk}",
            type="atelier",
            title=self.title,
            url=self.url or "",
            summary=self.summary or strip_tags(self.description)[:300],
            body="\n".join(part for part in body if part),
            date=self.date,
            facets={"theme": [tag.name for tag in self.themes.all()]},
        )


class AtelierPagePermissionTester(PagePermissionTester):
    """An atelier's organisers edit and publish its page: a new room or time, published at once.

    Wagtail's group page permissions cover a whole subtree, and ateliers of every organisation
    share /ateliers/; so the right comes from the organisers' group (`ateliers.setup`) and the
    atelier's co-organisers, for this page only: no deleting, moving or adding pages below it.
    The message screen asks organisers to publish a change on the page before announcing it.
    """

    def __init__(self, user, page):
        super().__init__(user, page)
        self.only_as_organiser = False
        if user.is_active and not user.is_superuser and page.pk and "change" not in self.permissions:
            if AtelierPage.objects.of_own_organisations(user, ORGANISER_PERMISSIONS).filter(pk=page.pk).exists():
                self.permissions |= {"change", "publish"}
                self.only_as_organiser = True

    # In Wagtail, change and publish together also allow deleting, moving and unpublishing. An
    # atelier with registrations is called off (the lifecycle), never deleted or taken offline.
    def can_delete(self, ignore_bulk=False):
        return not self.only_as_organiser and super().can_delete(ignore_bulk)

    def can_unpublish(self):
        return not self.only_as_organiser and super().can_unpublish()

    def can_move(self):
        return not self.only_as_organiser and super().can_move()


class ProgrammeItem(Orderable):
    """One talk. Speakers are a stream so a talk can have several, each with role and organisation."""

    page = ParentalKey(AtelierPage, related_name="programme_items", on_delete=models.CASCADE)
    title = models.CharField(_("titel"), max_length=255)
    speakers = StreamField([("speaker", SpeakerBlock())], verbose_name=_("sprekers"), blank=True)
    perspective = models.CharField(_("perspectief"), max_length=20, choices=Perspective.choices)
    duration_minutes = models.PositiveSmallIntegerField(_("duur in minuten"), default=20)
    summary = models.TextField(_("samenvatting"), blank=True)
    related_method = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("methode"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    related_story = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("praktijkverhaal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    slides = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("dia's"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("perspective"), FieldPanel("duration_minutes")]),
        FieldPanel("speakers"),
        FieldPanel("summary"),
        LinkedPageChooserPanel("related_method", page_type=["practices.MethodPage"]),
        LinkedPageChooserPanel("related_story", page_type=["practices.PracticeStoryPage"]),
        FieldPanel("slides"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("programmaonderdeel")
        verbose_name_plural = _("programma")


class Accreditation(Orderable):
    """Accreditation of one atelier by one register (SKJ, and others the same way)."""

    class Status(models.TextChoices):
        NOT_REQUESTED = "not_requested", _("Niet aangevraagd")
        REQUESTED = "requested", _("Aangevraagd")
        GRANTED = "granted", _("Toegekend")
        REFUSED = "refused", _("Afgewezen")

    page = ParentalKey(AtelierPage, related_name="accreditations", on_delete=models.CASCADE)
    register = models.CharField(_("register"), max_length=10, choices=Register.choices, default=Register.SKJ)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NOT_REQUESTED)
    reference = models.CharField(_("accreditatienummer"), max_length=60, blank=True)
    points = models.DecimalField(_("punten of uren"), max_digits=5, decimal_places=1, default=0)

    panels = [
        FieldRowPanel([FieldPanel("register"), FieldPanel("status")]),
        FieldRowPanel([FieldPanel("reference"), FieldPanel("points")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("accreditatie")
        verbose_name_plural = _("accreditaties")
        constraints = [models.UniqueConstraint(fields=["page", "register"], name="one_accreditation_per_register")]

    def __str__(self):
        return f"{self.get_register_display()}: {self.get_status_display()}"


class RegistrationQuestion(Orderable):
    """A question the organiser asks everyone who registers (dietary needs, a topic to raise, ...)."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Korte tekst")
        CHOICE = "choice", _("Keuze")
        YES_NO = "yes_no", _("Ja of nee")

    page = ParentalKey(AtelierPage, related_name="questions", on_delete=models.CASCADE)
    text = models.CharField(_("vraag"), max_length=255)
    kind = models.CharField(_("soort antwoord"), max_length=10, choices=Kind.choices, default=Kind.TEXT)
    choices = models.TextField(_("keuzes"), blank=True, help_text=_("Alleen bij soort ‘Keuze’: één keuze per regel."))
    required = models.BooleanField(_("verplicht"), default=False)

    panels = [
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("required")]),
        FieldPanel("choices"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("vraag bij aanmelden")
        verbose_name_plural = _("vragen bij aanmelden")

    def __str__(self):
        return self.text

    def choice_list(self):
        return [line.strip() for line in self.choices.splitlines() if line.strip()]

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.kind == self.Kind.CHOICE and len(self.choice_list()) < 2:
            raise ValidationError({"choices": _("Geef minstens twee keuzes, één per regel.")})


class ReservedPlaces(Orderable):
    """Places of an atelier held for one group ("Ouders": 10), with that group's own waiting list.

    What pretix calls a quota: the reserved places are part of the capacity, the rest is open to
    everyone. Who belongs to the group is what registrants declare on the form (the help text
    says who is meant); a member's account role only preselects it. The rules that hand out
    places are in services.py (`places_of`, `_take_seat_or_queue`, `fill_free_seats`).
    """

    class Role(models.TextChoices):
        PARENT = "parent", _("Ouders")
        PROFESSIONAL = "professional", _("Professionals")

    page = ParentalKey(AtelierPage, related_name="reserved_places", on_delete=models.CASCADE)
    name = models.CharField(_("groep"), max_length=80, help_text=_("Bijvoorbeeld ‘ouders’ of ‘studenten’."))
    places = models.PositiveIntegerField(_("aantal plaatsen"))
    description = models.CharField(
        _("wie hoort erbij"),
        max_length=255,
        blank=True,
        help_text=_("Staat bij de keuze op het aanmeldformulier, bijvoorbeeld ‘Je bent ouder of verzorger’."),
    )
    preselect_for_role = models.CharField(
        _("voorgekozen voor leden met de rol"),
        max_length=20,
        choices=Role.choices,
        blank=True,
        help_text=_("Een ingelogd lid met deze rol ziet deze groep al gekozen; veranderen kan altijd."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("places")]),
        FieldPanel("description"),
        FieldPanel("preselect_for_role"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("gereserveerde plaatsen")
        verbose_name_plural = _("gereserveerde plaatsen")

    def __str__(self):
        return self.name


def new_certificate_code():
    raw = secrets.token_hex(5).upper()
    return f"{raw[:5]}-{raw[5:]}"


class Registration(models.Model):
    """One person's place (or place in line) for one atelier.

    A guest's registration stays `pending` until the e-mail link is opened, and a pending
    registration never holds a seat. The e-mail address is unique per atelier, which is
    what makes a double submit return the existing registration instead of a second one.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Wacht op bevestiging e-mailadres")
        CONFIRMED = "confirmed", _("Aangemeld")
        WAITING = "waiting", _("Op de wachtlijst")
        OFFERED = "offered", _("Plek aangeboden")
        CANCELLED = "cancelled", _("Afgemeld")

    # The statuses that take one of the atelier's seats: an offered seat is held for its person.
    SEAT_STATUSES = (Status.CONFIRMED, Status.OFFERED)

    atelier = models.ForeignKey(AtelierPage, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="atelier_registrations"
    )
    name = models.CharField(_("naam"), max_length=150)
    email = models.EmailField(_("e-mailadres"))
    organisation_name = models.CharField(_("organisatie"), max_length=200, blank=True)
    background = models.CharField(_("achtergrond"), max_length=20, choices=Background.choices)
    wants_accreditation = models.BooleanField(_("wil accreditatiepunten"), default=False)
    # {"skj": "SKJ110012345", ...}: numbers already normalised with their register's prefix.
    register_numbers = models.JSONField(_("registratienummers"), default=dict, blank=True)
    remarks = models.TextField(_("wensen of opmerkingen"), blank=True, max_length=1000)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    email_confirmed_at = models.DateTimeField(null=True, blank=True)
    # The waiting list is ordered by this moment, not by when the form was first opened.
    queued_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    # While status is "offered": the seat is held for this person until then (services.fill_free_seats).
    offer_expires_at = models.DateTimeField(null=True, blank=True)
    # When the reminder before the atelier was sent: set once, so no run of the command sends it twice.
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(_("aanwezig"), default=False)
    checked_in_at = models.DateTimeField(null=True, blank=True)
    certificate_code = models.CharField(max_length=20, unique=True, null=True, blank=True)
    # Set when the evaluation link was mailed, so reopening the evaluation never mails it twice.
    evaluation_mailed_at = models.DateTimeField(null=True, blank=True)
    anonymised = models.BooleanField(default=False)
    # The site language at registration time: the mails about this registration go out in it.
    language = models.CharField(_("taal"), max_length=10, choices=settings.LANGUAGES, default="nl")
    # The group the registrant said they belong to (empty: general). Which place they hold is not
    # stored: a group's seated members fill its reserved places first, the rest count as general.
    group = models.ForeignKey(
        ReservedPlaces,
        verbose_name=_("groep"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
    )

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["queued_at", "created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["atelier", "email"], name="one_registration_per_email")]
        indexes = [models.Index(fields=["atelier", "status", "queued_at"])]

    def __str__(self):
        return f"{self.name} – {self.atelier}"

    @property
    def initials(self):
        """What the public certificate check shows instead of a name."""
        return " ".join(f"{part[0].upper()}." for part in self.name.split() if part[:1].isalpha()) or "–"

    @property
    def holds_seat(self):
        return self.status == self.Status.CONFIRMED

    def register_number_items(self):
        labels = dict(Register.choices)
        return [(labels.get(key, key), number) for key, number in self.register_numbers.items()]


class RegistrationAnswer(models.Model):
    """One registrant's answer to one of the atelier's questions (a removed question takes its answers along)."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(RegistrationQuestion, on_delete=models.CASCADE, related_name="answers")
    value = models.CharField(_("antwoord"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        constraints = [models.UniqueConstraint(fields=["registration", "question"], name="one_answer_per_question")]

    def __str__(self):
        return self.value


class OrganiserMessage(models.Model):
    """A message an organiser sent to (some of) an atelier's participants from the admin.

    Kept so the mail task reads the text from here (not from its arguments) and so the
    organisers see what went out to whom and when.
    """

    class Audience(models.TextChoices):
        ALL = "all", _("Iedereen die aangemeld is of op de wachtlijst staat")
        REGISTERED = "registered", _("Aangemeld (met een plek)")
        WAITING = "waiting", _("Op de wachtlijst")
        ATTENDED = "attended", _("Aanwezig geweest")

    class Kind(models.TextChoices):
        MESSAGE = "message", _("Bericht")
        CHANGED = "changed", _("Wijziging (tijd of locatie): nieuw agenda-bestand")
        CALLED_OFF = "called_off", _("Het kennisatelier gaat niet door: agenda-afspraak vervalt")

    atelier = models.ForeignKey(AtelierPage, on_delete=models.CASCADE, related_name="organiser_messages")
    audience = models.CharField(_("aan"), max_length=20, choices=Audience.choices, default=Audience.ALL)
    kind = models.CharField(_("soort bericht"), max_length=20, choices=Kind.choices, default=Kind.MESSAGE)
    subject = models.CharField(_("onderwerp"), max_length=120)
    body = models.TextField(_("bericht"), max_length=5000)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    sent_at = models.DateTimeField(default=timezone.now)
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("bericht aan deelnemers")
        verbose_name_plural = _("berichten aan deelnemers")

    def __str__(self):
        return self.subject


class CalendarFeed(models.Model):
    """A member's secret address for a calendar subscription to their own registrations.

    Only a hash of the key is stored (as for tip-community invitations): whoever reads the
    table cannot subscribe to anyone's calendar. A new key replaces the old one, and revoking
    deletes it, so a leaked address stops working at once.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="atelier_calendar")
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    last_read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("persoonlijke agenda-link")
        verbose_name_plural = _("persoonlijke agenda-links")

    def __str__(self):
        return f"#{self.pk}"


class RevokedCertificate(models.Model):
    """A certificate code that was valid once and no longer is.

    When an organiser undoes "held" (marked too early, or by mistake), certificates already
    downloaded must not keep passing the public check: their codes land here, and the
    registration gets a fresh code for when the atelier is (rightly) marked held again.
    """

    code = models.CharField(max_length=20, unique=True)
    registration = models.ForeignKey(
        Registration, null=True, on_delete=models.SET_NULL, related_name="revoked_certificates"
    )
    revoked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("ingetrokken certificaat")
        verbose_name_plural = _("ingetrokken certificaten")

    def __str__(self):
        return self.code


class EvaluationAspect(models.Model):
    """What participants rate with 1–5 stars; editors add aspects without a code change."""

    name = models.CharField(_("naam"), max_length=120, unique=True)
    name_en = models.CharField(
        _("naam in het Engels"),
        max_length=120,
        blank=True,
        help_text=_("Zoals deelnemers het zien op het evaluatieformulier onder /en/. Leeg: de Nederlandse naam."),
    )
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    active = models.BooleanField(_("actief"), default=True)

    panels = [FieldPanel("name"), FieldPanel("name_en"), FieldPanel("sort_order"), FieldPanel("active")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("evaluatie-aspect")
        verbose_name_plural = _("evaluatie-aspecten")

    def __str__(self):
        return self.name

    DEFAULTS = ["Organisatie", "Kwaliteit van de presentaties", "Kwaliteit van de discussie", "Nieuwswaarde"]

    @classmethod
    def ensure_defaults(cls):
        """The four aspects of seed 004's form (also created by migration 0002), while there are none.

        Once aspects exist they are the editors' (renamed, retired, added to): never recreated.
        Returns whether it created them.
        """
        if cls.objects.exists():
            return False
        for order, name in enumerate(cls.DEFAULTS, start=1):
            cls.objects.create(name=name, sort_order=order * 10)
        return True


class EvaluationResponse(models.Model):
    registration = models.OneToOneField(Registration, on_delete=models.CASCADE, related_name="evaluation")
    comments = models.TextField(_("opmerkingen"), blank=True)
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")

    def __str__(self):
        return f"{self.registration.atelier} ({self.submitted_at:%Y-%m-%d})"


class EvaluationScore(models.Model):
    response = models.ForeignKey(EvaluationResponse, on_delete=models.CASCADE, related_name="scores")
    aspect = models.ForeignKey(EvaluationAspect, on_delete=models.PROTECT, related_name="scores")
    stars = models.PositiveSmallIntegerField(_("sterren"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "aspect"], name="one_score_per_aspect"),
            models.CheckConstraint(condition=models.Q(stars__gte=1, stars__lte=5), name="stars_between_1_and_5"),
        ]

    def __str__(self):
        return f"{self.aspect}: {self.stars}"
