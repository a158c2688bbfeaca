"""The head tags that make a page findable (core/discovery.py): `{% discovery_head %}` and `{% structured_data page %}`."""

from django import template

from core import discovery

register = template.Library()


@register.inclusion_tag("core/discovery_head.html", takes_context=True)
def discovery_head(context):
    """Canonical and language links, description, Open Graph and Twitter card, feed link.

    Views that are no Wagtail page (a tip in the library, search) may put `meta_title` and
    `meta_description` in their context to describe themselves.
    """
    request = context.get("request")
    if request is None:
        return {"tags": None}
    tags = discovery.head_tags(
        request,
        page=context.get("page"),
        title=context.get("meta_title", ""),
        description=context.get("meta_description", ""),
    )
    return {"tags": tags}


@register.simple_tag
def structured_data(page):
    """The page type's schema.org data as JSON-LD, or nothing for a type that has none."""
    return discovery.json_ld(discovery.page_structured_data(page))
