from django.conf import settings
from django.utils.translation import get_language, get_language_info
from wagtail.models import Site

from core import page_cache
from core.languages import foreign_language, interface_language, url_in_language, visitor_language_items

from .models import FooterSettings


def site_navigation(request):
    """Top navigation, language links and the footer.

    Navigation: the live children of the site's home page that are marked for menus.
    Language links are plain links to the same page in the other language (no form, so
    public pages carry no CSRF token and can be cached for anonymous visitors); a translated
    page's link goes to its address in that language, English slug and all.
    """
    current = get_language()
    language_links = [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": url_in_language(request.get_full_path(), code, request),
        }
        for code, _name in settings.LANGUAGES
        if code != current
    ]
    site = Site.find_for_request(request)
    if site is None:
        return {"site_navigation": [], "language_links": language_links, "footer": {}}
    path = request.path
    menu, footer = page_cache.cached_for_generation(
        request, f"site-chrome:{site.pk}:{current}", lambda: (_menu_items(site), _footer(site))
    )
    items = [{**item, "active": path.startswith(item["url"] or "#")} for item in menu]
    return {"site_navigation": items, "language_links": language_links, "footer": footer}


def _menu_items(site):
    """The menu; cached with the footer until any content changes (the page cache's generation).

    Under /en/ a page with a published English translation shows its English title (one query
    for the menu, `visitor_language_items`); a title in another language than the interface's
    (a Dutch page under /en/) carries `lang`.
    """
    pages = visitor_language_items(site.root_page.get_children().live().in_menu().specific(defer=True))
    return [{"title": page.title, "url": page.url, "lang": foreign_language(page)} for page in pages]


def _footer(site):
    """The editors' footer (`FooterSettings`): its line about the platform and its live links.

    Saving the setting or publishing a page starts a new generation, so the cached copy goes too.
    """
    settings_for_site = FooterSettings.for_site(site)
    # Editors write the footer in Dutch: under /en/ their text and labels carry lang="nl"; a
    # link labelled with its page's title has the title of the page's English translation
    # when there is one (`FooterSettings.link_items`), marked as the page's language.
    editors_language = "nl" if interface_language() != "nl" else ""
    links = [{**link, "lang": link.get("lang", editors_language)} for link in settings_for_site.link_items()]
    return {"about": settings_for_site.about, "links": links, "lang": editors_language}
