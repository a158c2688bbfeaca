"""Admin forms of the knowledge-base pages (their `base_form_class`)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from editorial.page_forms import EditorPageForm
from editorial.services import municipalities_user_may_attribute

MUNICIPALITY_NOT_YOURS = _(
    "U kunt alleen een gemeente kiezen waarvoor uw organisatie werkt. "
    "Staat de juiste gemeente er niet bij? Vraag het een platformbeheerder."
)


class PracticeStoryPageForm(EditorPageForm):
    """A story is attributed to a municipality the editor's organisation works for (issue #13.7).

    The list only offers those municipalities and the form refuses any other posted id.
    A municipality the story already has stays allowed, so an editor can still save a story a
    platform administrator attributed elsewhere.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("municipality")
        if field is None or self.for_user is None:
            return
        allowed = municipalities_user_may_attribute(self.for_user)
        if allowed is None:
            return
        field.queryset = field.queryset.filter(Q(pk__in=allowed) | Q(pk=self.instance.municipality_id))
        field.error_messages["invalid_choice"] = MUNICIPALITY_NOT_YOURS
