from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Kennisbank")

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_unpublished

        from core import page_cache
        from home import sections
        from organisations import published
        from search import registry

        from .faceted_listing import invalidate_facet_cache
        from .models import (
            MethodIndexPage,
            MethodPage,
            PracticeStoryPage,
            PublicationIndexPage,
            PublicationPage,
            StoryIndexPage,
        )
        from .organisation_sections import knowledge_base_sections
        from .services import latest_stories_section

        page_cache.share_with_members(
            PracticeStoryPage, MethodPage, PublicationPage, StoryIndexPage, MethodIndexPage, PublicationIndexPage
        )
        for model in (PracticeStoryPage, MethodPage, PublicationPage):
            registry.register(model)
            page_published.connect(
                invalidate_facet_cache, sender=model, dispatch_uid=f"facets-published-{model.__name__}"
            )
            page_unpublished.connect(
                invalidate_facet_cache, sender=model, dispatch_uid=f"facets-unpublished-{model.__name__}"
            )
        # Renamed vocabulary terms and organisations change facet labels; deletions change counts.
        for app_label in ("taxonomy", "organisations", "practices"):
            for model in apps.get_app_config(app_label).get_models():
                uid = f"facets-{model._meta.label_lower}"
                post_save.connect(invalidate_facet_cache, sender=model, dispatch_uid=f"{uid}-save", weak=False)
                post_delete.connect(invalidate_facet_cache, sender=model, dispatch_uid=f"{uid}-delete", weak=False)
        sections.register(
            sections.HomeSection(
                key="latest_stories",
                order=10,
                template="practices/home_section.html",
                get_context=latest_stories_section,
            )
        )
        published.register(10, knowledge_base_sections)
