from django import template

from ..services import format_points

register = template.Library()


@register.filter
def points(value):
    """ "2,0 punten" (Dutch) or "2.0 points" (English), in the page's language."""
    return format_points(value)
