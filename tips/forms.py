import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from taxonomy.models import Theme

from . import services
from .models import CommunityMember, Round, Tip

AUDIENCE_CHOICES = [
    ("parents", _("Ouders")),
    ("professionals", _("Professionals")),
    ("students", _("Studenten")),
]
YES_NO = [("yes", _("Bruikbaar")), ("no", _("Niet bruikbaar"))]


class TipForm(forms.Form):
    text = forms.CharField(
        label=_("Uw tip"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000,
        help_text=_(
            "Schrijf geen namen van mensen, organisaties of plaatsen op; de procesbegeleider haalt ze er anders uit."
        ),
    )
    audiences = forms.MultipleChoiceField(
        label=_("Voor wie is deze tip?"), choices=AUDIENCE_CHOICES, widget=forms.CheckboxSelectMultiple, required=False
    )
    phase = forms.ChoiceField(
        label=_("Wanneer helpt deze tip?"),
        choices=[("", _("Weet ik niet"))] + list(Tip.Phase.choices),
        widget=forms.RadioSelect,
        required=False,
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Thema's"), queryset=Theme.objects.order_by("name"), widget=forms.CheckboxSelectMultiple, required=False
    )
    consent = forms.BooleanField(
        label=_("Ik geef toestemming om deze tip, zonder mijn naam, openbaar te maken als de groep hem kiest."),
        required=False,
    )
    # New for every blank form; the same form sent twice makes one tip (services.submit_tip).
    submission_key = forms.RegexField(regex=r"^[0-9a-f]{32}$", widget=forms.HiddenInput, required=False)

    def __init__(self, *args, member, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4().hex)
        if not Theme.objects.exists():
            del self.fields["themes"]
        if member.is_facilitator:
            self.fields["author"] = forms.ModelChoiceField(
                label=_("Namens wie?"),
                queryset=member.community.members.filter(left_at__isnull=True)
                .select_related("user__profile")
                .prefetch_related("user__tip_memberships"),
                help_text=_("De deelnemer die deze tip op de bijeenkomst of in het interview gaf."),
            )
            self.fields["author"].label_from_instance = lambda m: f"{m.public_name} ({m.get_role_display()})"
            self.fields["co_authors"] = forms.ModelMultipleChoiceField(
                label=_("Mede-auteurs"),
                queryset=self.fields["author"].queryset,
                widget=forms.CheckboxSelectMultiple,
                required=False,
                help_text=_("Deelnemers die samen aan deze tip schreven."),
            )
            self.fields["co_authors"].label_from_instance = self.fields["author"].label_from_instance
            self.fields["source"] = forms.ChoiceField(
                label=_("Bron"), choices=Tip.Source.choices, initial=Tip.Source.MEETING
            )
            self.fields["consent"].label = _(
                "De deelnemer heeft toestemming gegeven om de tip, zonder naam, openbaar te maken."
            )
            self.order_fields(["author", "co_authors", "source", "text"])


class TextForm(forms.Form):
    text = forms.CharField(label=_("Tekst"), widget=forms.Textarea(attrs={"rows": 5}), max_length=2000)
    note = forms.CharField(label=_("Wat is er veranderd?"), max_length=200, required=False)


class FlagsForm(forms.Form):
    needs_rewording = forms.BooleanField(label=_("Moet herschreven worden"), required=False)
    too_vague = forms.BooleanField(label=_("Te vaag of een open deur"), required=False)
    handbook_like = forms.BooleanField(label=_("Klinkt als een methodehandboek"), required=False)
    organisation_specific = forms.BooleanField(label=_("Hangt aan één organisatie"), required=False)
    duplicate_of = forms.ModelChoiceField(label=_("Dubbel van tip"), queryset=Tip.objects.none(), required=False)

    def __init__(self, *args, tip, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["duplicate_of"].queryset = tip.community.tips.exclude(pk=tip.pk)
        self.fields["duplicate_of"].label_from_instance = lambda t: f"{t.pk}: {t}"


class RoundForm(forms.ModelForm):
    class Meta:
        model = Round
        fields = ["kind", "title", "deadline", "blind"]
        widgets = {
            "kind": forms.RadioSelect,
            "deadline": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        }


class PairForm(forms.Form):
    parent = forms.ModelChoiceField(label=_("Ouder"), queryset=CommunityMember.objects.none())
    professional = forms.ModelChoiceField(label=_("Professional"), queryset=CommunityMember.objects.none())

    def __init__(self, *args, community, **kwargs):
        super().__init__(*args, **kwargs)
        active = (
            community.members.filter(left_at__isnull=True)
            .select_related("user__profile")
            .prefetch_related("user__tip_memberships")
        )
        self.fields["parent"].queryset = active.filter(role=CommunityMember.Role.PARENT)
        self.fields["professional"].queryset = active.filter(role=CommunityMember.Role.PROFESSIONAL)
        for field in ("parent", "professional"):
            self.fields[field].label_from_instance = lambda m: m.public_name


class AddMemberForm(forms.Form):
    email = forms.EmailField(label=_("E-mailadres van een bestaand account"))
    role = forms.ChoiceField(label=_("Rol"), choices=CommunityMember.Role.choices)


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mailadres van de nieuwe deelnemer"))
    role = forms.ChoiceField(
        label=_("Rol van de nieuwe deelnemer"),
        choices=[(role.value, role.label) for role in (CommunityMember.Role.PARENT, CommunityMember.Role.PROFESSIONAL)],
    )


class JoinRequestForm(forms.Form):
    """What an invitation asks, plus a motivation: role, a parent's pseudonym and the consent
    (`services.MEMBERSHIP_CONSENT_TEXT`, shown above the form as on the invitation page)."""

    role = forms.ChoiceField(
        label=_("Ik doe mee als"),
        choices=[(role.value, role.label) for role in (CommunityMember.Role.PARENT, CommunityMember.Role.PROFESSIONAL)],
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies of u meedoet als ouder of als professional.")},
    )
    pseudonym = forms.CharField(
        label=_("Schuilnaam (alleen voor ouders)"),
        max_length=60,
        required=False,
        help_text=_("Als ouder ziet iedereen alleen deze naam, bijvoorbeeld ‘Moeder 3’. Uw echte naam ziet niemand."),
    )
    motivation = forms.CharField(
        label=_("Waarom wilt u meedoen?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=1000,
        help_text=_("Een paar zinnen voor de procesbegeleider. Noem geen namen van anderen."),
        error_messages={"required": _("Schrijf in een paar zinnen waarom u mee wilt doen.")},
    )
    consent = forms.BooleanField(label=_("Ik ga akkoord met deze afspraak."), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        profile = user.profile
        self.initial.setdefault(
            "role", CommunityMember.Role.PARENT if profile.is_parent else CommunityMember.Role.PROFESSIONAL
        )
        self.initial.setdefault("pseudonym", profile.pseudonym)


class JoinDecisionForm(forms.Form):
    ACCEPT, DECLINE = "accept", "decline"
    decision = forms.ChoiceField(choices=[(ACCEPT, _("Accepteren")), (DECLINE, _("Afwijzen"))])
    message = forms.CharField(
        label=_("Bericht aan de aanvrager (niet verplicht)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
        required=False,
    )


class LeaveForm(forms.Form):
    HIDE = "hide"
    ANONYMISE = "anonymise"
    choice = forms.ChoiceField(
        label=_("Wat gebeurt er met uw tips?"),
        choices=[
            (HIDE, _("Verberg mijn tips voor iedereen")),
            (ANONYMISE, _("Laat mijn tips staan, zonder mijn naam")),
        ],
        widget=forms.RadioSelect,
    )


class LibraryFilterForm(forms.Form):
    audience = forms.ChoiceField(label=_("Voor"), choices=[("", _("Iedereen"))] + AUDIENCE_CHOICES, required=False)
    phase = forms.ChoiceField(
        label=_("Fase"), choices=[("", _("Alle fasen"))] + list(Tip.Phase.choices), required=False
    )
    theme = forms.ChoiceField(label=_("Thema"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        themes = Theme.objects.filter(tipped_items__content_object__state=Tip.State.PUBLISHED).distinct()
        self.fields["theme"].choices = [("", _("Alle thema's"))] + [(t.slug, t.label) for t in themes.order_by("name")]


class TriedItForm(forms.Form):
    note = forms.CharField(
        label=_("Hoe ging het? (kort, zonder namen)"),
        max_length=280,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def judgement_form(round_, tips, data=None, initial=None):
    """One fieldset per tip: the pair's phase and whether the tip is usable."""
    form = forms.Form(data, initial=initial or {})
    for tip in tips:
        form.fields[f"phase_{tip.pk}"] = forms.ChoiceField(
            label=_("Fase van tip %(pk)s") % {"pk": tip.pk},
            choices=Tip.Phase.choices,
            widget=forms.RadioSelect,
            required=False,
        )
        form.fields[f"usable_{tip.pk}"] = forms.ChoiceField(
            label=_("Is tip %(pk)s bruikbaar?") % {"pk": tip.pk},
            choices=YES_NO,
            widget=forms.RadioSelect,
            required=False,
        )
    return form


def vote_form(tips, data=None, initial=None):
    form = forms.Form(data, initial=initial or {})
    form.fields["tips"] = forms.MultipleChoiceField(
        label=_("Welke tips zijn toptips?"),
        choices=[(str(tip.pk), f"{tip.pk}. {tip.text}") for tip in tips],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    return form


def priority_form(tips, data=None, initial=None):
    form = forms.Form(data, initial=initial or {})
    for tip in tips:
        form.fields[f"rank_{tip.pk}"] = forms.IntegerField(
            label=f"{tip.pk}. {tip.text}", min_value=1, max_value=len(tips), required=False
        )
    return form


class TipAdminForm(WagtailAdminModelForm):
    """A moderator's edit in the admin is sanitised and kept as a new version, like any rewording."""

    def clean_text(self):
        try:
            return services.sanitise(self.cleaned_data["text"])
        except services.TipError as error:
            raise ValidationError(str(error)) from error

    def save(self, commit=True):
        text_changed = self.instance.pk is not None and "text" in self.changed_data
        tip = super().save(commit=commit)
        if commit and text_changed:
            services.record_version(tip, self.for_user, _("Aangepast door een moderator"))
        return tip
