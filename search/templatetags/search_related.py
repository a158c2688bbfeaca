"""`{% related_sections page "story,method,publication" as sections %}`: what belongs with a page.

For the detail pages' "Vergelijkbare praktijkverhalen", "Methoden die hierbij passen" and
"Gerelateerde publicaties" (search/templates/search/includes/related.html); the rule, with its
fallback when there are no vectors, is search.service.related.
"""

from django import template
from django.utils.translation import gettext_lazy as _

from core.languages import with_visitor_urls
from core.object_keys import object_key
from search import service

register = template.Library()

HEADINGS = {
    "story": _("Vergelijkbare praktijkverhalen"),
    "method": _("Methoden die hierbij passen"),
    "publication": _("Gerelateerde publicaties"),
    "tip": _("Tips die hierbij passen"),
    "atelier": _("Kennisateliers over dit onderwerp"),
}


@register.simple_tag
def related_sections(obj, kinds="", limit=3, exclude=()):
    """[{"kind", "heading", "results"}] for the comma-separated `kinds`, in that order, each
    with up to `limit` results and left out when it has none. `exclude`: objects the page
    already links to (a story's own methods), which are not offered again."""
    kinds = [kind.strip() for kind in str(kinds).split(",") if kind.strip()]
    if obj is None or getattr(obj, "pk", None) is None or not kinds:
        return []
    exclude_keys = [object_key(other) for other in exclude or () if getattr(other, "pk", None) is not None]
    found = service.related(object_key(obj), kinds, limit, exclude_keys=exclude_keys)
    return [
        {
            "kind": kind,
            "heading": HEADINGS.get(kind, _("Vergelijkbare inhoud")),
            "results": with_visitor_urls(found[kind]),
        }
        for kind in kinds
        if found.get(kind)
    ]
