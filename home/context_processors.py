from wagtail.models import Site


def site_navigation(request):
    """Top navigation: the live children of the site's home page that are marked for menus."""
    site = Site.find_for_request(request)
    if site is None:
        return {"site_navigation": []}
    path = request.path
    items = [
        {"title": page.title, "url": page.url, "active": path.startswith(page.url or "#")}
        for page in site.root_page.get_children().live().in_menu().specific(defer=True)
    ]
    return {"site_navigation": items}
