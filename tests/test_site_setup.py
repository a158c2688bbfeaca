"""The site skeleton a deployment without demo content gets from `manage.py setup_site`."""

import pytest
from django.core.management import call_command
from wagtail.models import Site

from home.models import ContentPage, FooterSettings

pytestmark = pytest.mark.django_db

STATEMENTS = ["Privacyverklaring", "Toegankelijkheidsverklaring", "Contact", "Colofon"]


def footer_of(response):
    html = response.content.decode()
    return html[html.index("<footer") : html.index("</footer>")]


def test_setup_site_publishes_the_statements_and_links_them_from_every_footer(client):
    call_command("setup_site", stdout=open("/dev/null", "w"))

    footer = footer_of(client.get("/"))
    for title in STATEMENTS:
        page = ContentPage.objects.live().get(title=title)
        assert f'href="{page.url}">{title}</a>' in footer
    privacy = client.get("/privacyverklaring/").content.decode()
    assert "AVG" in privacy and "Download al uw gegevens" in privacy and "Account verwijderen" in privacy
    accessibility = client.get("/toegankelijkheidsverklaring/").content.decode()
    for required in ("WCAG", "2.1", "EN 301 549", "Bekende problemen", "Een probleem melden", "Laatst bijgewerkt"):
        assert required in accessibility
    # …and the footer of another page shows them too.
    assert "Toegankelijkheidsverklaring</a>" in footer_of(client.get("/contact/"))


def test_setup_site_twice_keeps_what_the_editors_changed(client):
    call_command("setup_site", stdout=open("/dev/null", "w"))
    privacy = ContentPage.objects.get(slug="privacyverklaring")
    privacy.title = "Privacy"
    privacy.save_revision().publish()
    footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    footer.links = [("link", {"page": privacy, "url": "", "label": ""})]
    footer.save()

    call_command("setup_site", stdout=open("/dev/null", "w"))

    assert ContentPage.objects.count() == 4
    assert ContentPage.objects.get(slug="privacyverklaring").title == "Privacy"
    html = footer_of(client.get("/"))
    assert ">Privacy</a>" in html and "Colofon" not in html


def test_footer_skips_unpublished_pages_and_shows_external_links(client):
    call_command("setup_site", stdout=open("/dev/null", "w"))
    ContentPage.objects.get(slug="colofon").unpublish()
    footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    footer.links = list(footer.links.raw_data) + [
        {
            "type": "link",
            "value": {"page": None, "url": "https://www.digitoegankelijk.nl/", "label": "DigiToegankelijk"},
        }
    ]
    footer.save()

    html = footer_of(client.get("/"))
    assert "Colofon" not in html
    assert '<a class="site-footer__link" href="https://www.digitoegankelijk.nl/">DigiToegankelijk</a>' in html


def test_footer_link_needs_a_page_or_an_address_with_a_text():
    from django.core.exceptions import ValidationError

    from home.models import FooterLinkBlock

    block = FooterLinkBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"page": None, "url": "", "label": "Ergens"}))
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"page": None, "url": "https://example.org/", "label": ""}))


def test_english_interface_on_a_statement(client):
    call_command("setup_site", stdout=open("/dev/null", "w"))
    html = client.get("/en/toegankelijkheidsverklaring/").content.decode()
    assert "Last updated:" in html


def test_a_footer_edit_shows_at_once_on_cached_pages(client, settings):
    from django.core.cache import cache

    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    call_command("setup_site", stdout=open("/dev/null", "w"))
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"

    footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    footer.about = "Een platform van gemeenten en ouders."
    footer.save()

    assert "Een platform van gemeenten en ouders." in footer_of(client.get("/"))
