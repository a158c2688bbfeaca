"""Demo site tree: the home page as the root of the default site."""

from wagtail.models import Collection, Locale, Page, Site

from .models import HomePage

ORDER = 15

INTRO = (
    "<p>Gemeenten, kennisinstituten, jeugdprofessionals en ouders delen hier wat werkt in "
    "jeugdpreventie: praktijkverhalen, methoden met hun onderbouwing, tips van ouders en "
    "professionals, en kennisateliers met SKJ-accreditatie.</p>"
)


def get_home():
    return HomePage.objects.first()


def load(log):
    home = get_home()
    if home is None:
        # A transactional test flushes what Wagtail's migrations created; rebuild the roots.
        Locale.get_default() if Locale.objects.exists() else Locale.objects.create(language_code="nl")
        Collection.get_first_root_node() or Collection.add_root(name="Root")
        root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
        home = root.add_child(instance=HomePage(title="Samen Preventief", slug="home-nl", intro=INTRO))
        site = Site.objects.filter(is_default_site=True).first()
        old_root = site.root_page if site else None
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Samen Preventief"},
        )
        if old_root and old_root.pk != home.pk and not old_root.get_children().exists():
            old_root.delete()
        log("Homepagina aangemaakt.")
