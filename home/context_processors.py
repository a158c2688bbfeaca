from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Site


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
    items = [
        {"title": page.title, "url": page.url, "active": path.startswith(page.url or "#")}
        for page in site.root_page.get_children().live().in_menu().specific(defer=True)
    ]
    return {"site_navigation": items, "language_links": language_links}
