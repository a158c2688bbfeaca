from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Kennisbank")

    def ready(self):
        from home import sections
        from search import registry

        from .models import MethodPage, PracticeStoryPage, PublicationPage
        from .services import latest_stories_section

        for model in (PracticeStoryPage, MethodPage, PublicationPage):
            registry.register(model)
        sections.register(
            sections.HomeSection(
                key="latest_stories",
                order=10,
                template="practices/home_section.html",
                get_context=latest_stories_section,
            )
        )
