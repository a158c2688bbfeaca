from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from . import kinds
from .models import Delivery


class PreferencesForm(forms.Form):
    """One choice per registered kind (field `kind_<name>`) and the language of the mails."""

    language = forms.ChoiceField(label=_("Taal van de mails"), choices=settings.LANGUAGES)

    def __init__(self, *args, preferences=(), language="nl", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = language
        for kind, delivery in preferences:
            self.fields[f"kind_{kind.name}"] = forms.ChoiceField(
                label=kind.label,
                help_text=kind.description,
                choices=Delivery.choices,
                initial=delivery,
                widget=forms.RadioSelect,
                # A kind left out of the POST keeps its delivery: a form rendered before an app
                # added a kind still saves.
                required=False,
            )

    def deliveries(self):
        return {
            name: self.cleaned_data[f"kind_{name}"] for name in kinds.KINDS if self.cleaned_data.get(f"kind_{name}")
        }
