from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate, pre_migrate
from django.utils.translation import gettext_lazy as _


def create_cache_tables(using="default", **kwargs):
    """Data migrations that save pages already write to the cache (page-cache invalidation), so
    the database cache table has to exist before migrating, not after: `migrate` creates it."""
    call_command("createcachetable", database=using, verbosity=0)


def sync_site_address(using="default", **kwargs):
    """After every migrate (each deploy), Wagtail's default Site gets PUBLIC_BASE_URL's host and
    port, so page.full_url and the admin's live links agree with the links in mails and the API."""
    from core.public_urls import sync_default_site

    sync_default_site()


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home")

    def ready(self):
        from core import page_cache

        from .models import ContentPage, HomePage

        page_cache.share_with_members(HomePage, ContentPage)
        pre_migrate.connect(create_cache_tables, sender=self)
        post_migrate.connect(sync_site_address, sender=self)
