"""`{% picture_for image "card" %}`: Wagtail's `<picture>` with the renditions of `pictures.renditions.USES`.

A thin wrapper round Wagtail's own `Picture` (what `{% picture %}` renders), so that the filter
specs are written once and the listings can prefetch exactly those. Lazy loading unless the
picture is at the top of the page (`eager=True`): a lazily loaded picture above the fold slows the
largest contentful paint. Width and height come from the fallback rendition, so the browser
keeps the space before the file arrives.
"""

from django import template
from wagtail.images.models import Picture as ResponsivePicture
from wagtail.images.shortcuts import get_renditions_or_not_found

from ..models import lead_pictures_by_key
from ..renditions import USES

register = template.Library()


@register.simple_tag
def picture_for(image, use, eager=False, css_class=""):
    if not image:
        return ""
    spec = USES[use]
    renditions = get_renditions_or_not_found(image, spec.specs)
    attrs = {"sizes": spec.sizes, "class": f"picture picture--{use} {css_class}".strip(), "decoding": "async"}
    if eager:
        attrs["fetchpriority"] = "high"
    else:
        attrs["loading"] = "lazy"
    return ResponsivePicture(renditions, attrs).__html__()


@register.simple_tag
def related_pictures(sections, use="card"):
    """{document key: Picture} for the cards of related content (search/includes/related.html):
    `sections` as `{% related_sections %}` gives them. All sections at once, so a page with N
    related cards asks the same few queries as one with a single card."""
    keys = [item.key for section in sections or () for item in section["results"]]
    return lead_pictures_by_key(keys, use) if keys else {}


@register.filter
def picture_of(pictures, key):
    """`{% with picture=pictures|picture_of:item.key %}`: the picture `related_pictures` found, or None."""
    return pictures.get(key) if pictures else None
