from django.conf import settings
from django.core.cache import cache
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Site

from cop_site import page_cache


def site_navigation(request):
    """Top navigation and language links.

    Navigation: the live children of the site's home page that are marked for menus.
    Language links are plain links to the same page in the other language (no form, so
    public pages carry no CSRF token and can be cached for anonymous visitors).
    """
    current = get_language()
    language_links = [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": translate_url(request.get_full_path(), code),
        }
        for code, _name in settings.LANGUAGES
        if code != current
    ]
    site = Site.find_for_request(request)
    if site is None:
        return {"site_navigation": [], "language_links": language_links}
    path = request.path
    items = [{**item, "active": path.startswith(item["url"] or "#")} for item in _menu_items(site, current)]
    return {"site_navigation": items, "language_links": language_links}


def _menu_items(site, language):
    """The menu, cached until any content changes (the page cache's generation)."""
    key = f"site-navigation:{site.pk}:{language}:{page_cache.current_generation()}"
    items = cache.get(key)
    if items is None:
        items = [
            {"title": page.title, "url": page.url}
            for page in site.root_page.get_children().live().in_menu().specific(defer=True)
        ]
        cache.set(key, items, page_cache.TIMEOUT)
    return items
