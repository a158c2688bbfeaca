"""Which renditions each use of a picture gets, in one place: the templates
(`pictures_tags.picture_for`), the listings' prefetch and the demo's warm-up all read `USES`.

Each use is a set of widths in AVIF, WebP and JPEG (PNG for logos, which may be transparent):
`<picture>` offers AVIF and WebP as `<source>`s and the last format as the `<img>` that every
browser shows. Pillow here encodes AVIF itself (checked in tests/pictures), so no extra package.
Crops are 16:9 so cards line up; `fill-…` keeps the editor's focal point in the crop.
"""

from dataclasses import dataclass

from django.db.models import Prefetch
from wagtail.images import get_image_model

from core.public_urls import absolute_url

SHARE_SPEC = "fill-1200x630|format-jpeg|jpegquality-80"  # Open Graph's recommended size
SHARE_SIZE = (1200, 630)
LOGO_SPEC = "max-320x320|format-png"  # the logo in JSON-LD: one of the "logo" renditions below


@dataclass(frozen=True)
class Use:
    resize: str  # a filter with {w} and {h}
    sizes_px: tuple  # (width, height) per rendition, smallest first
    formats: tuple
    sizes: str  # the <img sizes> attribute: how wide the picture is shown

    @property
    def specs(self):
        return [self.resize.format(w=w, h=h) + f"|format-{fmt}" for fmt in self.formats for (w, h) in self.sizes_px]


PHOTO_FORMATS = ("avif", "webp", "jpeg")
USES = {
    # On a card in a listing, the home page or related content: a column of at most ~22rem.
    "card": Use("fill-{w}x{h}", ((400, 225), (800, 450)), PHOTO_FORMATS, "(min-width: 48em) 22rem, 100vw"),
    # At the top of a detail page, at most the width of the text column (~48rem).
    "lead": Use("fill-{w}x{h}", ((640, 360), (1280, 720)), PHOTO_FORMATS, "(min-width: 52em) 48rem, 100vw"),
    # An organisation's logo: never cropped, at most 10rem wide, 1x and 2x.
    "logo": Use("max-{w}x{h}", ((160, 160), (320, 320)), ("avif", "webp", "png"), "10rem"),
}


def prefetch(field, use):
    """A Prefetch for `field` (a picture FK) with the renditions `use` needs, for a listing's
    queryset: one query for the pictures and one for all their renditions, however many cards."""
    return Prefetch(field, queryset=get_image_model().objects.prefetch_renditions(*USES[use].specs))


def share_rendition(picture, spec=SHARE_SPEC):
    """(absolute URL, (width, height), alt) of a picture's link-preview rendition (or of `spec`), or None."""
    if picture is None:
        return None
    rendition = picture.get_rendition(spec)
    url = rendition.url
    return (url if "://" in url else absolute_url(url)), (rendition.width, rendition.height), picture.default_alt_text


def warm(picture, uses=("card", "lead")):
    """Make the renditions `uses` need now (the demo does this once, so that pages and tests
    render from stored files instead of encoding AVIF on the first request)."""
    specs = [spec for use in uses for spec in USES[use].specs]
    if "logo" not in uses:
        specs.append(SHARE_SPEC)
    picture.get_renditions(*specs)
