from django import forms
from django.core.exceptions import ValidationError
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm

from .models import ProfessionalRegistration, Profile
from .registers import normalise


class SignupProfileForm(forms.Form):
    """Extra sign-up fields, picked up by allauth through ACCOUNT_SIGNUP_FORM_CLASS."""

    first_name = forms.CharField(label=_("Voornaam"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Achternaam"), max_length=150, required=False)
    role = forms.ChoiceField(
        label=_("Ik ben"),
        choices=[
            (Profile.Role.PROFESSIONAL, _("Professional")),
            (Profile.Role.PARENT, _("Ouder")),
        ],
        initial=Profile.Role.PROFESSIONAL,
        widget=forms.RadioSelect,
    )
    pseudonym = forms.CharField(
        label=_("Schuilnaam (alleen voor ouders)"),
        max_length=60,
        required=False,
        help_text=_("Als ouder verschijnt u alleen onder deze naam. Uw echte naam ziet niemand."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("role") == Profile.Role.PARENT and not cleaned.get("pseudonym"):
            self.add_error("pseudonym", _("Kies een schuilnaam: ouders verschijnen nooit met hun eigen naam."))
        return cleaned

    def signup(self, request, user):
        user.first_name = self.cleaned_data.get("first_name", "")
        user.last_name = self.cleaned_data.get("last_name", "")
        user.save()
        profile = user.profile
        profile.role = self.cleaned_data["role"]
        profile.pseudonym = self.cleaned_data.get("pseudonym", "")
        profile.save()


class ProfileForm(forms.ModelForm):
    first_name = forms.CharField(label=_("Voornaam"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Achternaam"), max_length=150, required=False)

    class Meta:
        model = Profile
        fields = ["pseudonym", "job_role", "organisation"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.instance.user
        self.fields["first_name"].initial = user.first_name
        self.fields["last_name"].initial = user.last_name
        if self.instance.is_parent:
            del self.fields["job_role"]
            del self.fields["organisation"]

    def clean_pseudonym(self):
        pseudonym = self.cleaned_data.get("pseudonym", "")
        if self.instance.is_parent and not pseudonym:
            raise ValidationError(_("Kies een schuilnaam: ouders verschijnen nooit met hun eigen naam."))
        return pseudonym

    def save(self, commit=True):
        profile = super().save(commit)
        user = profile.user
        user.first_name = self.cleaned_data.get("first_name", "")
        user.last_name = self.cleaned_data.get("last_name", "")
        user.save(update_fields=["first_name", "last_name"])
        return profile


class RegistrationForm(forms.ModelForm):
    class Meta:
        model = ProfessionalRegistration
        fields = ["register", "number", "period_start"]
        widgets = {"period_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("register") and cleaned.get("number"):
            try:
                cleaned["number"] = normalise(cleaned["register"], cleaned["number"])
            except ValidationError as error:
                self.add_error("number", error)
        return cleaned


RegistrationFormSet = inlineformset_factory(
    Profile, ProfessionalRegistration, form=RegistrationForm, extra=1, can_delete=True
)


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Ja, verwijder mijn account. Mijn bijdragen blijven anoniem bewaard."),
        required=True,
    )


class WagtailUserEditForm(UserEditForm):
    pass


class WagtailUserCreationForm(UserCreationForm):
    pass
