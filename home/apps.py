from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import pre_migrate
from django.utils.translation import gettext_lazy as _


def create_cache_tables(using="default", **kwargs):
    """Data migrations that save pages already write to the cache (page-cache invalidation), so
    the database cache table has to exist before migrating, not after: `migrate` creates it."""
    call_command("createcachetable", database=using, verbosity=0)


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home")

    def ready(self):
        from cop_site import page_cache

        page_cache.connect_signals()
        pre_migrate.connect(create_cache_tables, sender=self)
