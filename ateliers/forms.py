"""Public forms: registration and evaluation. Rules stay in services.py; these only check input."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from accounts.registers import NUMBER_FORMATS, Register, normalise
from core.languages import marked_text

from .models import Background, OrganiserMessage, RegistrationQuestion


def register_field_name(register):
    return f"number_{register}"


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=150)
    email = forms.EmailField(
        label=_("E-mailadres"),
        help_text=_("We sturen je een link om je aanmelding te bevestigen."),
    )
    organisation_name = forms.CharField(label=_("Organisatie"), max_length=200, required=False)
    background = forms.ChoiceField(label=_("Je achtergrond"), choices=Background.choices, widget=forms.RadioSelect)
    wants_accreditation = forms.BooleanField(
        label=_("Ik wil accreditatiepunten voor mijn beroepsregistratie"), required=False
    )

    remarks = forms.CharField(
        label=_("Wensen of opmerkingen"),
        help_text=_("Bijvoorbeeld over toegankelijkheid, een dieet of iets wat je graag besproken ziet."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        required=False,
    )

    def __init__(self, *args, user=None, questions=(), groups=(), **kwargs):
        self.user = user
        self.questions = list(questions)
        self.groups = {str(group.pk): group for group in groups}
        super().__init__(*args, **kwargs)
        if self.groups:
            # Only an atelier with reserved places asks; the answer is the registrant's own word.
            self.fields["group"] = forms.ChoiceField(
                label=_("Hoor je bij een van deze groepen?"),
                choices=[("", _("Nee, geen van deze groepen"))]
                + [
                    (key, f"{group.name} – {group.description}" if group.description else group.name)
                    for key, group in self.groups.items()
                ],
                widget=forms.RadioSelect,
                required=False,
                help_text=_(
                    "Voor deze groepen zijn plaatsen gereserveerd. Kies alleen een groep waar je echt bij hoort; "
                    "zijn die plaatsen op, dan krijg je een gewone plek als die er is, anders kom je op de "
                    "wachtlijst van je groep."
                ),
            )
            self.order_fields(["name", "email", "organisation_name", "background", "group"])
        for register in Register:
            self.fields[register_field_name(register.value)] = forms.CharField(
                label=_("Registratienummer %(register)s") % {"register": register.name},
                required=False,
                max_length=30,
                help_text=NUMBER_FORMATS[register][2],
            )
        self.fields["remarks"] = self.fields.pop("remarks")  # after the numbers, before the questions
        for question in self.questions:
            self.fields[question_field_name(question)] = question_field(question)
        if user is not None:
            # A member's address is already verified: it is shown, not asked.
            del self.fields["email"]
            profile = user.profile
            self.initial.setdefault("name", user.get_full_name())
            if profile.organisation:
                self.initial.setdefault("organisation_name", str(profile.organisation))
            for registration in profile.registrations.all():
                self.initial.setdefault(register_field_name(registration.register), registration.number)
            role = getattr(profile, "role", "")
            preselected = next((key for key, g in self.groups.items() if role and g.preselect_for_role == role), None)
            if preselected:
                self.initial.setdefault("group", preselected)
            previous = user.atelier_registrations.order_by("-created_at").first()
            if previous:
                self.initial.setdefault("background", previous.background)
                self.initial.setdefault("wants_accreditation", previous.wants_accreditation)

    def clean(self):
        cleaned = super().clean()
        numbers = {}
        for register in Register:
            field = register_field_name(register.value)
            value = cleaned.get(field)
            if value:
                try:
                    numbers[register.value] = normalise(register, value)
                except ValidationError as error:
                    self.add_error(field, error)
        if cleaned.get("wants_accreditation") and not numbers and not self.errors:
            self.add_error(
                "wants_accreditation",
                _("Vul minstens één registratienummer in; zonder nummer kunnen we je punten niet doorgeven."),
            )
        cleaned["register_numbers"] = numbers
        return cleaned

    def chosen_group(self):
        """The ReservedPlaces the registrant chose, or None (general)."""
        return self.groups.get(self.cleaned_data.get("group") or "")

    def answers(self):
        """{question id: answer text} for services.register / change_registration."""
        return {question.pk: self.cleaned_data.get(question_field_name(question), "") for question in self.questions}


class ChangeRegistrationForm(RegistrationForm):
    """The registrant changes their own details: the address stays (it is who they are)."""

    def __init__(self, *args, registration, **kwargs):
        super().__init__(*args, questions=registration.atelier.questions.all(), **kwargs)
        del self.fields["email"]
        self.initial.update(
            name=registration.name,
            organisation_name=registration.organisation_name,
            background=registration.background,
            wants_accreditation=registration.wants_accreditation,
            remarks=registration.remarks,
        )
        for register, number in registration.register_numbers.items():
            self.initial[register_field_name(register)] = number
        answers = dict(registration.answers.values_list("question_id", "value"))
        for question in self.questions:
            self.initial[question_field_name(question)] = answers.get(question.pk, "")

    def details(self):
        """What services.change_registration may change, from the cleaned form."""
        fields = ("name", "organisation_name", "background", "wants_accreditation", "register_numbers", "remarks")
        return {field: self.cleaned_data[field] for field in fields}


def question_field_name(question):
    return f"question_{question.pk}"


YES_NO = [("ja", _("Ja")), ("nee", _("Nee"))]


def question_field(question):
    """The form field for one of the organiser's questions; Django's own messages say what is wrong."""
    options = {"label": question.text, "required": question.required}
    if question.kind == RegistrationQuestion.Kind.CHOICE:
        choices = [(choice, choice) for choice in question.choice_list()]
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **options)
    if question.kind == RegistrationQuestion.Kind.YES_NO:
        return forms.ChoiceField(choices=YES_NO, widget=forms.RadioSelect, **options)
    return forms.CharField(max_length=500, **options)


STAR_CHOICES = [(n, str(n)) for n in range(1, 6)]


class EvaluationForm(forms.Form):
    comments = forms.CharField(
        label=_("Opmerkingen"), widget=forms.Textarea(attrs={"rows": 4}), required=False, max_length=4000
    )

    def __init__(self, *args, aspects=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.aspects = list(aspects)
        for aspect in self.aspects:
            self.fields[f"aspect_{aspect.pk}"] = forms.TypedChoiceField(
                # The aspect's English name under /en/, else its Dutch one marked as Dutch.
                label=mark_safe(
                    _("%(aspect)s (1 tot 5 sterren)") % {"aspect": conditional_escape(marked_text(aspect, "name"))}
                ),
                choices=STAR_CHOICES,
                coerce=int,
                widget=forms.RadioSelect(attrs={"class": "star-rating__input"}),
            )
        self.order_fields([f"aspect_{aspect.pk}" for aspect in self.aspects] + ["comments"])

    def stars_by_aspect(self):
        return {aspect.pk: self.cleaned_data[f"aspect_{aspect.pk}"] for aspect in self.aspects}


class FreshLinkForm(forms.Form):
    """On the page of an expired link: the address the registration was made with."""

    email = forms.EmailField(label=_("E-mailadres waarmee je je hebt aangemeld"), max_length=254)


class OrganiserMessageForm(forms.ModelForm):
    """An organiser's message to the participants (admin); the rules are in services.send_organiser_message."""

    class Meta:
        model = OrganiserMessage
        fields = ["audience", "kind", "subject", "body"]
        widgets = {"audience": forms.RadioSelect, "kind": forms.RadioSelect, "body": forms.Textarea(attrs={"rows": 8})}
