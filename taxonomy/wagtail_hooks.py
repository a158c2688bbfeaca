from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import models


def term_viewset(term_model, icon="tag", columns=("name",)):
    return type(
        f"{term_model.__name__}ViewSet",
        (SnippetViewSet,),
        {"model": term_model, "icon": icon, "list_display": list(columns), "search_fields": ["name"]},
    )


class VocabularyGroup(SnippetViewSetGroup):
    menu_label = _("Vocabulaires")
    menu_icon = "list-ul"
    menu_order = 300
    items = (
        term_viewset(models.LifeStage, columns=("name", "age_min", "age_max")),
        term_viewset(models.Setting),
        term_viewset(models.Domain),
        term_viewset(models.WorkingFactor, icon="pick", columns=("number", "name")),
        term_viewset(models.PreventionLevel),
        term_viewset(models.EvidenceScheme),
        term_viewset(models.EvidenceLevel, columns=("name", "scheme", "rank", "recognised")),
        term_viewset(models.Theme, columns=("name", "slug")),
    )


register_snippet(VocabularyGroup)
