"""Tips co-written by parents and professionals, and the community spaces that make them.

A tip is born inside a private `Community` (a community of practice: a handful of parents
and professionals meeting near home). It is de-identified, judged in `Round`s by pairs of
one parent and one professional, chosen as a toptip, prioritised, reworded and finally
published in the public `TipLibraryPage`. Every state change goes through `tips.services`;
models only describe data. Parents never appear under their own name outside their
community: public output uses `Profile.public_name` (their pseudonym) and nothing else.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from core import discovery
from core.languages import VisitorLanguageUrlMixin
from search.documents import SearchDocument

# Snippets with visitors' text keep their English beside the Dutch in the same row (`…_en`), as
# the vocabulary terms do (core.languages.text_in_visitor_language).
ENGLISH_TEXT_HELP = _("Zoals Engelstalige bezoekers het zien (onder /en/). Leeg: zij zien de Nederlandse tekst.")


class Community(ClusterableModel):
    """A private group; nothing that happens in it is visible to people outside it.

    A moderator creates it in the admin with its first facilitator; the facilitator then
    invites everyone else from the front end. When it is `open_to_requests`, a short public
    page says what it is and who facilitates it, and members may ask to join (`JoinRequest`);
    the facilitator decides."""

    name = models.CharField(_("naam"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True, blank=True)
    host_organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("gastorganisatie"),
        on_delete=models.PROTECT,
        related_name="hosted_communities",
    )
    facilitating_organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("begeleidende organisatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="facilitated_communities",
    )
    focus_question = models.TextField(_("focusvraag"))
    focus_question_en = models.TextField(_("focusvraag in het Engels"), blank=True, help_text=ENGLISH_TEXT_HELP)
    neighbourhood = models.CharField(_("wijk of buurt"), max_length=120, blank=True)
    open_to_requests = models.BooleanField(
        _("open voor aanmeldingen"),
        default=True,
        help_text=_(
            "Dan heeft de gemeenschap een openbare pagina (naam, focusvraag, wie begeleidt) waarop leden kunnen "
            "vragen om mee te doen. Uit: alleen op uitnodiging, en niets ervan is openbaar."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("host_organisation"),
        FieldPanel("facilitating_organisation"),
        FieldPanel("focus_question"),
        FieldPanel("focus_question_en"),
        FieldPanel("neighbourhood"),
        FieldPanel("open_to_requests"),
        InlinePanel("members", heading=_("Deelnemers"), label=_("Deelnemer")),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("tipgemeenschap")
        verbose_name_plural = _("tipgemeenschappen")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:150]
        super().save(*args, **kwargs)


class CommunityMember(models.Model):
    """A person's place in a community. Leaving sets `left_at`: the row stays so that
    round results (pairs, votes) keep their counts."""

    class Role(models.TextChoices):
        PARENT = "parent", _("Ouder")
        PROFESSIONAL = "professional", _("Professional")
        FACILITATOR = "facilitator", _("Procesbegeleider")
        HOST = "host", _("Gastheer of gastvrouw")

    community = ParentalKey(Community, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tip_memberships")
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    joined_at = models.DateTimeField(auto_now_add=True)
    left_at = models.DateTimeField(_("vertrokken op"), null=True, blank=True)

    panels = [FieldPanel("user"), FieldPanel("role"), FieldPanel("left_at")]

    class Meta:
        ordering = ["role", "joined_at"]
        verbose_name = _("lid van een tipgemeenschap")
        verbose_name_plural = _("leden van tipgemeenschappen")
        constraints = [models.UniqueConstraint(fields=["community", "user"], name="one_member_row_per_community")]

    def __str__(self):
        return f"{self.public_name} ({self.get_role_display()})"

    @property
    def is_active(self):
        return self.left_at is None

    @property
    def public_name(self):
        """The name under which this member's contributions appear to anyone who may not know
        them: a parent in this community only under their pseudonym ("Ouder" without one),
        whatever their account says; anyone else as `Profile.public_name` has it (which also
        hides the real name of someone who is a parent in another community)."""
        profile = self.user.profile
        if self.role == self.Role.PARENT:
            return profile.parent_name
        return profile.public_name

    @property
    def sees_identities(self):
        """Only the host and the facilitator may know who a parent really is."""
        return self.is_active and self.role in (self.Role.FACILITATOR, self.Role.HOST)

    @property
    def is_facilitator(self):
        return self.is_active and self.role == self.Role.FACILITATOR


class Invitation(models.Model):
    """A personal invitation to join a community as a parent or professional.

    The mailed link carries only a random key; who was invited (the e-mail address) and for
    what stays here. Only a hash of the key is stored, so the table cannot be read for
    working links. An invitation is used once."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="invitations")
    role = models.CharField(_("rol"), max_length=20, choices=CommunityMember.Role.choices)
    email = models.EmailField(_("e-mailadres"))
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(_("geaccepteerd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")

    def __str__(self):
        return f"{self.community} ({self.get_role_display()})"


class JoinRequest(models.Model):
    """A member's request to join a community, decided by its facilitator.

    It asks what an invitation asks (role; for parents a pseudonym and the membership consent,
    `tips.services.base.MEMBERSHIP_CONSENT_VERSION`) plus a short motivation. One open request
    per person per community; the rows stay after a decision, as the record of it."""

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        ACCEPTED = "accepted", _("Geaccepteerd")
        DECLINED = "declined", _("Afgewezen")
        WITHDRAWN = "withdrawn", _("Ingetrokken")

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="join_requests")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tip_join_requests")
    role = models.CharField(_("rol"), max_length=20, choices=CommunityMember.Role.choices)
    motivation = models.TextField(_("motivatie"), max_length=1000)
    consent_version = models.CharField(_("versie van de toestemming"), max_length=20, blank=True)
    consented_at = models.DateTimeField(_("toestemming gegeven op"), null=True, blank=True)
    # The requester's language when they asked: the decision mail and its links follow it.
    language = models.CharField(max_length=10, default="nl")
    state = models.CharField(_("status"), max_length=10, choices=State.choices, default=State.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_message = models.TextField(_("bericht bij het besluit"), max_length=1000, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("aanmelding voor een tipgemeenschap")
        verbose_name_plural = _("aanmeldingen voor tipgemeenschappen")
        constraints = [
            models.UniqueConstraint(
                fields=["community", "user"], condition=models.Q(state="open"), name="one_open_join_request"
            )
        ]

    def __str__(self):
        return f"{self.community} ({self.get_role_display()}, {self.get_state_display()})"

    @property
    def is_open(self):
        return self.state == self.State.OPEN


class ThemedTip(TaggedItemBase):
    """Themes of tips come from the shared `taxonomy.Theme` vocabulary, not taggit's own tags."""

    tag = models.ForeignKey("taxonomy.Theme", on_delete=models.CASCADE, related_name="tipped_items")
    content_object = models.ForeignKey("tips.Tip", on_delete=models.CASCADE, related_name="themed_items")


class TipQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state=Tip.State.PUBLISHED)


class Tip(models.Model):
    class State(models.TextChoices):
        COLLECTED = "collected", _("Verzameld")
        DEIDENTIFIED = "deidentified", _("Ontdaan van namen")
        CLASSIFIED = "classified", _("Ingedeeld")
        USABLE = "usable", _("Bruikbaar")
        NOT_USABLE = "not_usable", _("Niet bruikbaar")
        TOPTIP = "toptip", _("Toptip")
        PRIORITISED = "prioritised", _("Geprioriteerd")
        REWORDED = "reworded", _("Herschreven")
        PUBLISHED = "published", _("Gepubliceerd")
        ARCHIVED = "archived", _("Gearchiveerd")
        WITHDRAWN = "withdrawn", _("Teruggetrokken")

    class AuthorType(models.TextChoices):
        PARENT = "parent", _("Ouder")
        PROFESSIONAL = "professional", _("Professional")
        RESEARCHER = "researcher", _("Onderzoeker")

    class Phase(models.TextChoices):
        BEFORE = "before", _("Voor het gesprek")
        DURING = "during", _("Tijdens het gesprek")
        AFTER = "after", _("Na het gesprek")

    class Source(models.TextChoices):
        MEETING = "meeting", _("Bijeenkomst")
        INTERVIEW = "interview", _("Interview")
        ONLINE = "online", _("Online")

    community = models.ForeignKey(
        Community, verbose_name=_("tipgemeenschap"), on_delete=models.PROTECT, related_name="tips"
    )
    text = models.TextField(_("tekst"), help_text=_("De huidige versie; alle eerdere versies blijven bewaard."))
    author_type = models.CharField(_("soort auteur"), max_length=20, choices=AuthorType.choices)
    author = models.ForeignKey(
        CommunityMember,
        verbose_name=_("auteur"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="authored_tips",
        help_text=_("Leeg betekent: geanonimiseerd."),
    )
    co_authors = models.ManyToManyField(
        CommunityMember, verbose_name=_("mede-auteurs"), blank=True, related_name="co_authored_tips"
    )
    for_parents = models.BooleanField(_("voor ouders"), default=False)
    for_professionals = models.BooleanField(_("voor professionals"), default=False)
    for_students = models.BooleanField(_("voor studenten"), default=False)
    phase = models.CharField(_("fase"), max_length=10, choices=Phase.choices, blank=True)
    themes = TaggableManager(verbose_name=_("thema's"), through=ThemedTip, blank=True)
    source = models.CharField(_("bron"), max_length=20, choices=Source.choices, default=Source.ONLINE)
    state = models.CharField(_("status"), max_length=20, choices=State.choices, default=State.COLLECTED)
    is_toptip = models.BooleanField(_("toptip"), default=False)
    priority_score = models.FloatField(_("prioriteitsscore"), null=True, blank=True)

    needs_rewording = models.BooleanField(_("moet herschreven worden"), default=False)
    too_vague = models.BooleanField(_("te vaag of te open deur"), default=False)
    handbook_like = models.BooleanField(_("klinkt als een methodehandboek"), default=False)
    organisation_specific = models.BooleanField(_("hangt aan één organisatie"), default=False)
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("dubbel van"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
    )

    consent_recorded_at = models.DateTimeField(_("toestemming vastgelegd op"), null=True, blank=True)
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("toestemming vastgelegd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingevoerd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    # A random key from the submission form: sending the same form again (a retry after a
    # time-out or a double click) finds this tip instead of making a second one.
    submission_key = models.CharField(max_length=64, blank=True, default="", editable=False)

    objects = TipQuerySet.as_manager()

    panels = [
        FieldPanel("community"),
        FieldPanel("text"),
        MultiFieldPanel(
            [FieldPanel("author_type"), FieldPanel("author"), FieldPanel("co_authors"), FieldPanel("source")],
            heading=_("Herkomst"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("for_parents"),
                FieldPanel("for_professionals"),
                FieldPanel("for_students"),
                FieldPanel("phase"),
                FieldPanel("themes"),
            ],
            heading=_("Indeling"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("needs_rewording"),
                FieldPanel("too_vague"),
                FieldPanel("handbook_like"),
                FieldPanel("organisation_specific"),
                FieldPanel("duplicate_of"),
            ],
            heading=_("Signalen"),
        ),
        FieldPanel("state", read_only=True),
        FieldPanel("is_toptip", read_only=True),
    ]

    class Meta:
        ordering = ["-is_toptip", "-priority_score", "pk"]
        # Matches the library's ordering, so a page of published tips is read straight from the index.
        indexes = [
            models.Index(
                fields=["state", "-is_toptip", "-priority_score", "-published_at", "id"], name="tip_library_order"
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["entered_by", "submission_key"],
                condition=~models.Q(submission_key=""),
                name="one_tip_per_submission",
            )
        ]
        verbose_name = _("tip")
        verbose_name_plural = _("tips")

    def __str__(self):
        return Truncator(self.text).words(10)

    def get_absolute_url(self):
        library = TipLibraryPage.objects.live().first()
        if library is None or not self.is_published:
            return ""
        return library.url + library.reverse_subpage("tip", args=[self.pk])

    @property
    def is_published(self):
        return self.state == self.State.PUBLISHED

    @property
    def audiences(self):
        labels = []
        if self.for_parents:
            labels.append(_("ouders"))
        if self.for_professionals:
            labels.append(_("professionals"))
        if self.for_students:
            labels.append(_("studenten"))
        return labels

    @property
    def public_author_name(self):
        """The pseudonym (parents) or name (professionals) — never a parent's real name, also not
        when a moderator marked the tip as a parent's while the author's membership says otherwise."""
        if self.author is None:
            return str(_("Anoniem"))
        if self.author_type == self.AuthorType.PARENT:
            return self.author.user.profile.parent_name
        return self.author.public_name

    @property
    def flags(self):
        names = [
            ("needs_rewording", self.needs_rewording),
            ("too_vague", self.too_vague),
            ("handbook_like", self.handbook_like),
            ("organisation_specific", self.organisation_specific),
        ]
        labels = [self._meta.get_field(name).verbose_name for name, on in names if on]
        if self.duplicate_of_id:
            labels.append(_("dubbel van tip %(pk)s") % {"pk": self.duplicate_of_id})
        return labels

    def parent_authors(self):
        """Parents among the author and co-authors: their consent is needed to publish."""
        members = list(self.co_authors.all())
        if self.author is not None:
            members.append(self.author)
        return [m for m in members if m.role == CommunityMember.Role.PARENT]

    # What search_document reads, fetched per batch by a rebuild (search/indexing.py).
    search_prefetch = ("themes",)

    def search_document(self):
        """Published tips only; no author names, so no parent can be found by name."""
        if not self.is_published:
            return None
        themes = [theme.name for theme in self.themes.all()]
        return SearchDocument(
            key=f"tips.Tip:{self.pk}",
            type="tip",
            title=Truncator(self.text).words(12),
            url=self.get_absolute_url(),
            summary=Truncator(self.text).words(40),
            body=self.text,
            date=self.published_at.date() if self.published_at else None,
            facets={
                "audience": [str(label) for label in self.audiences],
                "phase": [self.get_phase_display()] if self.phase else [],
                "theme": themes,
                "toptip": ["toptip"] if self.is_toptip else [],
            },
            boost=1.5 if self.is_toptip else 1.0,
        )


class TipVersion(models.Model):
    """Every wording a tip ever had; version 1 is what the participant said."""

    tip = models.ForeignKey(Tip, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("versie"))
    text = models.TextField(_("tekst"))
    note = models.CharField(_("toelichting"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["tip", "number"]
        verbose_name = _("tipversie")
        verbose_name_plural = _("tipversies")
        constraints = [models.UniqueConstraint(fields=["tip", "number"], name="one_tip_version_number")]

    def __str__(self):
        return f"{self.tip_id} v{self.number}"


class Round(models.Model):
    """A sorting round a facilitator opens and closes; its results are kept for good."""

    class Kind(models.TextChoices):
        CLASSIFY = "classify", _("Indelen in koppels")
        TOPTIPS = "toptips", _("Toptips kiezen")
        PRIORITISE = "prioritise", _("Prioriteren")

    class State(models.TextChoices):
        DRAFT = "draft", _("In voorbereiding")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Gesloten")

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="rounds")
    kind = models.CharField(_("soort ronde"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("titel"), max_length=150)
    state = models.CharField(_("status"), max_length=10, choices=State.choices, default=State.DRAFT)
    tips = models.ManyToManyField(Tip, verbose_name=_("tips"), related_name="rounds", blank=True)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    blind = models.BooleanField(
        _("blind stemmen"), default=False, help_text=_("Deelnemers zien elkaars keuzes pas als de ronde gesloten is.")
    )
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("ronde")
        verbose_name_plural = _("rondes")

    def __str__(self):
        return self.title

    @property
    def is_open(self):
        return self.state == self.State.OPEN


class Pair(models.Model):
    """A koppel: one parent and one professional who judge tips together."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="pairs")
    parent = models.ForeignKey(CommunityMember, on_delete=models.PROTECT, related_name="pairs_as_parent")
    professional = models.ForeignKey(CommunityMember, on_delete=models.PROTECT, related_name="pairs_as_professional")

    class Meta:
        ordering = ["pk"]
        verbose_name = _("koppel")
        verbose_name_plural = _("koppels")

    def __str__(self):
        return f"{self.parent.public_name} + {self.professional.public_name}"

    def includes(self, member):
        return member is not None and member.pk in (self.parent_id, self.professional_id)


class PairJudgement(models.Model):
    """One shared judgement per pair per tip: which phase, and usable or not."""

    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="judgements")
    tip = models.ForeignKey(Tip, on_delete=models.CASCADE, related_name="pair_judgements")
    phase = models.CharField(_("fase"), max_length=10, choices=Tip.Phase.choices)
    usable = models.BooleanField(_("bruikbaar"))
    judged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    judged_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("oordeel van een koppel")
        verbose_name_plural = _("oordelen van koppels")
        constraints = [models.UniqueConstraint(fields=["pair", "tip"], name="one_judgement_per_pair_and_tip")]

    def __str__(self):
        return f"{self.pair} – {self.tip_id}"


class Vote(models.Model):
    """A member's vote for a tip in a toptip round."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="votes")
    member = models.ForeignKey(CommunityMember, on_delete=models.PROTECT, related_name="votes")
    tip = models.ForeignKey(Tip, on_delete=models.CASCADE, related_name="votes")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("stem")
        verbose_name_plural = _("stemmen")
        constraints = [models.UniqueConstraint(fields=["round", "member", "tip"], name="one_vote_per_member_and_tip")]

    def __str__(self):
        return f"{self.round_id}: {self.tip_id}"


class Priority(models.Model):
    """A professional's rank for a tip (1 = most important), given as homework before a deadline."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="priorities")
    member = models.ForeignKey(CommunityMember, on_delete=models.PROTECT, related_name="priorities")
    tip = models.ForeignKey(Tip, on_delete=models.CASCADE, related_name="priorities")
    rank = models.PositiveSmallIntegerField(_("rang"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("prioriteit")
        verbose_name_plural = _("prioriteiten")
        constraints = [
            models.UniqueConstraint(fields=["round", "member", "tip"], name="one_priority_per_member_and_tip")
        ]

    def __str__(self):
        return f"{self.round_id}: {self.tip_id} → {self.rank}"


class Product(models.Model):
    """A transferable product (video, lesson, handout …) made from the best tips."""

    class Kind(models.TextChoices):
        VIDEO = "video", _("Video")
        ONLINE_LESSON = "online_lesson", _("Online les")
        GUEST_LECTURE = "guest_lecture", _("Gastles")
        HANDOUT = "handout", _("Handout")
        LETTER = "letter", _("Brief aan de burgemeester")

    community = models.ForeignKey(Community, on_delete=models.PROTECT, related_name="products")
    title = models.CharField(_("titel"), max_length=200)
    title_en = models.CharField(_("titel in het Engels"), max_length=200, blank=True, help_text=ENGLISH_TEXT_HELP)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("beschrijving"), blank=True)
    description_en = models.TextField(_("beschrijving in het Engels"), blank=True, help_text=ENGLISH_TEXT_HELP)
    url = models.URLField(_("link"), blank=True)
    tips = models.ManyToManyField(Tip, verbose_name=_("gemaakt van de tips"), related_name="products", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("community"),
        FieldPanel("title"),
        FieldPanel("title_en"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("description_en"),
        FieldPanel("url"),
        FieldPanel("tips"),
    ]

    class Meta:
        ordering = ["title"]
        verbose_name = _("product")
        verbose_name_plural = _("producten")

    def __str__(self):
        return self.title


class TriedIt(models.Model):
    """ "Ik heb dit geprobeerd": a professional's short note on a published tip."""

    tip = models.ForeignKey(Tip, on_delete=models.CASCADE, related_name="tried")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="tried_tips"
    )
    note = models.CharField(_("korte notitie"), max_length=280, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("geprobeerd")
        verbose_name_plural = _("geprobeerd")
        constraints = [models.UniqueConstraint(fields=["tip", "user"], name="tried_once_per_user")]

    def __str__(self):
        return f"{self.tip_id}: {self.note}"


class TipLibraryPage(VisitorLanguageUrlMixin, discovery.ListingWithFeed, RoutablePageMixin, Page):
    """The public tip library: published tips, filterable, toptips first."""

    intro = models.TextField(_("inleiding"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    feed_url_name = "feed-tips"

    class Meta:
        verbose_name = _("tipsbibliotheek")

    def get_sitemap_urls(self, request=None):
        """The library and each published tip in it (its route is no page of its own)."""
        urls = super().get_sitemap_urls(request)
        base = urls[0]["location"] if urls else ""
        for tip in Tip.objects.published().only("pk", "published_at").order_by("pk"):
            urls.append({"location": base + self.reverse_subpage("tip", args=[tip.pk]), "lastmod": tip.published_at})
        return urls

    @path("")
    def index_route(self, request):
        return library_view("index")(request, self)

    @path("<int:pk>/")
    def tip(self, request, pk):
        return library_view("tip")(request, self, pk)


# The Wagtail hook through which tips/wagtail_hooks.py names the views that answer the library's
# routes: {"index": view(request, page), "tip": view(request, page, pk)}.
LIBRARY_VIEWS_HOOK = "tips_library_views"


def library_view(route):
    """The view that answers one of the tip library's routes.

    The page declares the library's URLs (so `reverse_subpage` and Wagtail's routing know them);
    the views in tips.views answer them. They are looked up through a Wagtail hook instead of
    imported, because the views build on these models and models import nothing from the layers
    above them (issue 15, tests/test_import_graph.py).
    """
    for library_views in hooks.get_hooks(LIBRARY_VIEWS_HOOK):
        return library_views()[route]
    raise ImproperlyConfigured(f"No views registered for the tip library (hook {LIBRARY_VIEWS_HOOK!r}).")
