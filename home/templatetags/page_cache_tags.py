"""`{% fresh_fragment "name" key %}`: a part of a page that stays current inside the page cache."""

from django import template
from django.utils.safestring import mark_safe

from core import page_cache

register = template.Library()


@register.simple_tag
def fresh_fragment(name, key):
    return mark_safe(page_cache.fresh_fragment(name, key))
