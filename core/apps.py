from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The shared runtime every feature app builds on (page cache, rate limits, signed links,
    CSV writer, error pages, permissions, audit trail, public URLs, object storage). It imports
    no feature app; see docs/architecture.md, "Apps and the direction of imports"."""

    name = "core"

    def ready(self):
        from . import checks, page_cache  # noqa: F401 (checks registers itself)

        page_cache.connect_signals()
