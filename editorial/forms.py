"""Forms shown in Wagtail's workflow action dialog for our own tasks."""

from django import forms
from django.utils.translation import gettext_lazy as _


def evidence_level_choices():
    from taxonomy.models import EvidenceLevel

    return [(level.pk, f"{level.scheme} – {level}") for level in EvidenceLevel.objects.select_related("scheme")]


class EvidenceReviewForm(forms.Form):
    # Ids rather than model instances: the page editor passes this form's data on as JSON.
    level = forms.TypedChoiceField(
        label=_("Bewijsniveau"),
        coerce=int,
        choices=evidence_level_choices,
        help_text=_("Bevestig het bewijsniveau dat de aanbieder opgaf, of kies het niveau dat volgens u klopt."),
    )
    reason = forms.CharField(
        label=_("Onderbouwing"),
        widget=forms.Textarea({"rows": 4}),
        help_text=_("Waarom dit niveau? Deze uitleg komt bij het bewijsrecord van de methode te staan."),
        error_messages={"required": _("Leg uit waarom u voor dit bewijsniveau kiest.")},
    )


class PrivacyCheckForm(forms.Form):
    no_identifiable_people = forms.BooleanField(
        label=_("Er staan geen herkenbare personen in"),
        help_text=_(
            "Geen namen, foto's, citaten of combinaties van kenmerken (wijk, leeftijd, situatie) "
            "waaruit iemand te herkennen is."
        ),
        error_messages={"required": _("Bevestig dat u de publicatie op herkenbare personen hebt gecontroleerd.")},
    )
    comment = forms.CharField(label=_("Opmerking"), required=False, widget=forms.Textarea({"rows": 2}))
