"""`{% related_documents page "story" 3 as stories %}`: content nearest in meaning to a page.

For the detail pages' "Vergelijkbare praktijkverhalen" and "Methoden die hierbij passen"
(search/templates/search/includes/related.html); the rule is search.service.related.
"""

from django import template

from search import service
from search.indexing import document_key

register = template.Library()


@register.simple_tag
def related_documents(obj, kinds="", limit=3):
    """Up to `limit` results of the comma-separated `kinds` ("story,method"), nearest to `obj`."""
    kinds = [kind.strip() for kind in str(kinds).split(",") if kind.strip()] or None
    return service.related(document_key(obj), kinds, limit)
