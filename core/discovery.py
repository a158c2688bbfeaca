"""Being found from outside (issue 18): what the head of every page, the sitemap, robots.txt,
the feeds and the web app manifest share.

Each page type says what is particular to it, on its own model:

- `meta_description()`: plain text for `<meta name="description">` and og:description, used
  when the editor left the page's `search_description` (Promote tab) empty;
- `structured_data()`: a schema.org dict (or None) rendered as JSON-LD in the head;
- `feed_url_name` / `feed_title`: the listing's Atom feed, linked for autodiscovery.

Everything here is derived from the request's path and the page, never from the database
beyond what the page already loaded, so the page cache and the pinned query counts of
tests/test_member_page_queries.py are unaffected. Absolute links come from
`core.public_urls`, like every other link that leaves the site.

Canonical URLs: a listing's filters (`?province=…&theme=…`) give endless combinations of the
same stories, so the canonical URL of a filtered listing is the unfiltered listing; only the
page number is kept (`page` in the knowledge base, `pagina` in the tip library), because page 2
shows other items than page 1. Tracking parameters and everything else are dropped.
"""

import html
import json
import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _
from wagtail.contrib.sitemaps import Sitemap

from core.languages import canonical_pages, content_language, url_in_language, visitor_language_items
from core.public_urls import absolute_url, page_absolute_url
from core.query_params import whole_number

DESCRIPTION_LENGTH = 160
# The only query parameters a canonical URL keeps: page numbers (see the module docstring).
PAGE_NUMBER_PARAMETERS = ("page", "pagina")
# Open Graph wants a territory; the site's languages are Dutch and (British-spelled) English.
OG_LOCALES = {"nl": "nl_NL", "en": "en_GB"}
DEFAULT_SHARE_IMAGE = "img/share-default.png"
DEFAULT_SHARE_IMAGE_SIZE = (1200, 630)  # scripts/make_site_icons.py draws it this size
FEED_SIZE = 30


def site_name():
    return settings.WAGTAIL_SITE_NAME


class ListingWithFeed:
    """A listing page with an Atom feed of what it lists (`feed_url_name`, a URL name in
    cop_site/urls.py): the feed is titled after the listing and the site, and the listing's own
    intro describes it. Mixed into the knowledge-base listings, the atelier series and the tip
    library."""

    feed_url_name = ""

    def feed_title(self):
        return f"{self.title} – {site_name()}"

    def meta_description(self):
        return self.intro


def site_description():
    """The line about the platform the footer shows when editors wrote none: every page's fallback."""
    return _(
        "Samen Preventief: gemeenten, kennisinstituten, professionals en ouders delen wat werkt in jeugdpreventie."
    )


def summary_text(value, limit=DESCRIPTION_LENGTH):
    """Plain text of `value` (rich text or not), at most `limit` characters, cut after a whole word."""
    text = " ".join(html.unescape(strip_tags(str(value or ""))).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.–-") + "…"


def page_description(page):
    """The editor's search description when filled in, else the page type's own summary, else the site's line."""
    if page is not None:
        if getattr(page, "search_description", ""):
            return summary_text(page.search_description)
        own = getattr(page, "meta_description", None)
        if callable(own):
            text = summary_text(own())
            if text:
                return text
    return summary_text(site_description())


def canonical_path(request):
    """The request's path with only a page number kept (and not page 1)."""
    kept = [
        (name, value)
        for name in PAGE_NUMBER_PARAMETERS
        for value in request.GET.getlist(name)[:1]
        if (whole_number(value) or 0) > 1
    ]
    return request.path + (f"?{urlencode(kept)}" if kept else "")


def language_alternates(path, request=None):
    """[(hreflang, absolute URL)] of `path` in every language, then x-default (the Dutch one).
    A translated page's English alternate is its English address (`url_in_language`)."""
    alternates = [(code, absolute_url(url_in_language(path, code, request))) for code, _name in settings.LANGUAGES]
    default = dict(alternates)[settings.LANGUAGE_CODE]
    return [*alternates, ("x-default", default)]


def share_image(page):
    """(absolute URL, (width, height), alt text) of the image for link previews: the page's own when
    it has one (`share_image()` returns it, e.g. a lead image: pictures.models.LeadImageMixin), else
    the site's default, described by the site's name."""
    own = getattr(page, "share_image", None)
    image = own() if callable(own) else None
    if image:
        return image
    return absolute_url(static(DEFAULT_SHARE_IMAGE)), DEFAULT_SHARE_IMAGE_SIZE, site_name()


def share_image_url(page):
    return share_image(page)[0]


def head_tags(request, page=None, title="", description=""):
    """What the head of a public page says about it: canonical, alternates, description, Open Graph."""
    path = canonical_path(request)
    # Open Graph's locale is the language of the title and description it carries: a Dutch
    # page's own under /en/ as well (core/languages.py); a view that is no page, the interface's.
    language = content_language(page) if page is not None else get_language()
    if not title:
        title = (getattr(page, "seo_title", "") or getattr(page, "title", "")) if page is not None else ""
    feed_url_name = getattr(page, "feed_url_name", "")
    image, image_size, image_alt = share_image(page)
    return {
        "canonical": absolute_url(path),
        "alternates": language_alternates(path, request),
        "description": summary_text(description) if description else page_description(page),
        "title": title or site_name(),
        "site_name": site_name(),
        "og_type": getattr(page, "og_type", "website"),
        "og_locale": OG_LOCALES.get(language, language),
        "og_locale_alternates": [locale for code, locale in OG_LOCALES.items() if code != language],
        "image": image,
        "image_size": image_size,
        "image_alt": image_alt,
        "feed": {"url": reverse(feed_url_name), "title": page.feed_title()} if feed_url_name else None,
    }


# -- JSON-LD ---------------------------------------------------------------------------------

# As Django's json_script: editor text such as "</script>" cannot end the element early.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(data):
    """`<script type="application/ld+json">` with `data`, safe whatever text it holds; "" for None."""
    if not data:
        return ""
    payload = json.dumps({"@context": "https://schema.org", **data}, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(f'<script type="application/ld+json">{payload.translate(_SCRIPT_ESCAPES)}</script>')


def platform_organization():
    """Samen Preventief itself, the publisher of everything on the site."""
    return {
        "@type": "Organization",
        "name": site_name(),
        "url": absolute_url("/"),
        "logo": absolute_url(static("img/icon-512.png")),
    }


def organization(name, url=""):
    data = {"@type": "Organization", "name": name}
    if url:
        data["url"] = url
    return data


def article(page, description, authors=()):
    """schema.org Article for a page: the shape shared by stories and publications."""
    data = {
        "@type": "Article",
        "headline": page.title[:110],
        "description": description,
        "url": page_absolute_url(page),
        "mainEntityOfPage": page_absolute_url(page),
        "inLanguage": content_language(page),
        "image": share_image_url(page),
        "author": list(authors) or [platform_organization()],
        "publisher": platform_organization(),
    }
    if page.first_published_at:
        data["datePublished"] = page.first_published_at.isoformat()
    modified = page.last_published_at or page.first_published_at
    if modified:
        data["dateModified"] = modified.isoformat()
    return data


def page_structured_data(page):
    method = getattr(page, "structured_data", None)
    return method() if callable(method) else None


# -- Sitemap -----------------------------------------------------------------------------------


class PageSitemap(Sitemap):
    """Every live, public page in Dutch and English, each with its hreflang alternates.

    Wagtail's sitemap lists live pages without view restrictions (`.public()`: no password,
    group or members-only pages) and asks each page for its URLs (`get_sitemap_urls`), so a
    page type can leave itself out (organisations' section folders redirect) or add URLs of
    its own (the tip library's tips). Here every URL is listed once per language, with links
    to its other-language versions; addresses start with PUBLIC_BASE_URL, not the Site record.
    """

    def items(self):
        # The Dutch tree, whatever language the request came in: its pages are the canonical
        # ones, and each is listed under both languages below (an English translation is shown
        # at the page's English address, so that is its alternate).
        with override(settings.LANGUAGE_CODE):
            return canonical_pages(super().items())

    def _urls(self, page, protocol, domain):
        urls = []
        for item in self.paginator.page(page).object_list.iterator():
            per_language = {}
            for code, _name in settings.LANGUAGES:
                with override(code):
                    per_language[code] = item.get_sitemap_urls(self.request)
            for index, entry in enumerate(per_language[settings.LANGUAGE_CODE]):
                paths = {code: _path_of(entries[index]["location"]) for code, entries in per_language.items()}
                alternates = [{"lang_code": code, "location": absolute_url(path)} for code, path in paths.items()] + [
                    {"lang_code": "x-default", "location": absolute_url(paths[settings.LANGUAGE_CODE])}
                ]
                for code in paths:
                    urls.append({**entry, "location": absolute_url(paths[code]), "alternates": alternates})
        last_modified = [url["lastmod"] for url in urls if url.get("lastmod")]
        if last_modified and len(last_modified) == len(urls):
            self.latest_lastmod = max(last_modified)
        return urls


def _path_of(url):
    """The path (and query) of an absolute URL from Wagtail, whose host is the Site record's."""
    return re.sub(r"^[a-z]+://[^/]+", "", url)


def sitemap_sections():
    return {"pages": PageSitemap}


# -- Feeds -----------------------------------------------------------------------------------


class PageFeed(Feed):
    """An Atom feed of the newest live, public pages of one type, in the request's language.

    Subclasses (in each app's feeds.py) name `model` and `listing_model` and the title; the
    summary of each entry is the page's own meta description, so the feed says what the
    page's head says.
    """

    feed_type = Atom1Feed
    model = None
    listing_model = None

    def link(self):
        listing = canonical_pages(self.listing_model.objects.live().public()).first() if self.listing_model else None
        return (page_absolute_url(listing) if listing else None) or absolute_url("/")

    def get_object(self, request, *args, **kwargs):
        # One Feed instance serves every request (cop_site/urls.py): per-request data travels as
        # the feed's "object", never as an attribute on the instance.
        return request.path

    def feed_url(self, path):
        return absolute_url(path)

    def subtitle(self):
        return site_description()

    def author_name(self):
        return site_name()

    def items(self):
        pages = canonical_pages(self.model.objects.live().public()).order_by("-first_published_at", "-pk")
        return visitor_language_items(pages[:FEED_SIZE])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return page_description(item)

    def item_link(self, item):
        return page_absolute_url(item)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at


# -- Files at the site root --------------------------------------------------------------------


def robots_txt(request):
    """robots.txt: crawl the public pages, not the admin, accounts, forms or search results."""
    from django.template.loader import render_to_string

    content = render_to_string("core/robots.txt", {"sitemap_url": absolute_url(reverse("sitemap"))})
    return HttpResponse(content, content_type="text/plain; charset=utf-8")


def web_manifest(request):
    """site.webmanifest: the name and icons a phone uses when someone adds the site to the home screen."""
    response = JsonResponse(
        {
            "name": site_name(),
            "short_name": site_name(),
            "description": site_description(),
            "lang": settings.LANGUAGE_CODE,
            "start_url": "/",
            "scope": "/",
            "display": "browser",
            "background_color": "#ffffff",
            "theme_color": "#0b5160",  # --samen-preventief-color-petrol (static/css/theme.css)
            "icons": [
                {"src": static("img/icon-192.png"), "sizes": "192x192", "type": "image/png"},
                {"src": static("img/icon-512.png"), "sizes": "512x512", "type": "image/png"},
                {"src": static("img/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )
    response["Content-Type"] = "application/manifest+json"
    return response
