"""The admin form our page types build on (their `base_form_class`).

A replayed or truncated editor form (a StreamField without its `-count`, an inline panel
promising items that were never sent, a half-received POST) made Wagtail's widgets raise
while reading the data, which answered 500. Here data that cannot be read becomes a form
error instead (issue #12.12): a field keeps its current value, an inline panel shows its
current items, the editor sees the page again with a clear message, and nothing is saved.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

INCOMPLETE_FIELD = _(
    "Dit veld is niet goed ontvangen (bijvoorbeeld een formulier dat opnieuw, half of gewijzigd is verstuurd). "
    "Er is niets opgeslagen; controleer het veld en sla opnieuw op."
)
INCOMPLETE_PANEL = _(
    "Een deel van het formulier (%(panel)s) is onvolledig ontvangen. Er is niets opgeslagen; "
    "dat deel toont weer wat er was opgeslagen. Controleer het en sla opnieuw op."
)

# What Wagtail's and Django's widgets raise on data they cannot read.
UNREADABLE_DATA = (KeyError, IndexError, TypeError, ValueError)


class EditorPageForm(WagtailAdminPageForm):
    """Base form of our page types: unreadable data is a form error, not a server error."""

    def _widget_data_value(self, widget, html_name):
        name = next((name for name in self.fields if self.add_prefix(name) == html_name), None)
        try:
            value = super()._widget_data_value(widget, html_name)
            if name is not None:
                self._check_chosen_id(self.fields[name], value)
            return value
        except UNREADABLE_DATA + (ValidationError,):
            if name is None:
                raise
            self._incomplete_fields = getattr(self, "_incomplete_fields", set()) | {name}
            # Read as if untouched: validation and the re-rendered form show the current value.
            return self.get_initial_for_field(self.fields[name], name)

    @staticmethod
    def _check_chosen_id(field, value):
        """A chooser's id must at least look like an id: Wagtail's choosers cannot even show garbage."""
        if type(field) is forms.ModelChoiceField and value not in field.empty_values:
            field.queryset.model._meta.pk.to_python(value)

    def is_valid(self):
        self._replace_unreadable_formsets()
        return super().is_valid()

    def _replace_unreadable_formsets(self):
        """An inline panel whose items cannot be read is shown as saved, and the form is refused."""
        self._incomplete_formsets = []
        if not self.is_bound:
            return
        for name, formset in list(self.formsets.items()):
            try:
                formset.is_valid()  # reads every item
            except UNREADABLE_DATA:
                self.formsets[name] = type(formset)(
                    instance=self.instance, prefix=formset.prefix, form_kwargs=formset.form_kwargs
                )
                self._incomplete_formsets.append(name)

    def clean(self):
        cleaned_data = super().clean()
        for name in sorted(getattr(self, "_incomplete_fields", ())):
            self.add_error(name, INCOMPLETE_FIELD)
        for name in getattr(self, "_incomplete_formsets", ()):
            panel = self.instance._meta.get_field(name).related_model._meta.verbose_name_plural
            self.add_error(None, INCOMPLETE_PANEL % {"panel": panel})
        return cleaned_data
