from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Kennisbank")

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_unpublished

        from home import sections
        from search import registry

        from .facets import invalidate_facet_cache
        from .models import MethodPage, PracticeStoryPage, PublicationPage
        from .services import latest_stories_section

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
