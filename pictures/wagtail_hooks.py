from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import policy_registry

from .admin_views import MissingAltTextReportView
from .models import Picture

admin_urlpatterns = [
    path("", MissingAltTextReportView.as_view(), name="missing_alt_text"),
    path("results/", MissingAltTextReportView.as_view(results_only=True), name="missing_alt_text_results"),
]


@hooks.register("register_admin_urls")
def register_pictures_admin_urls():
    return [
        path(
            "afbeeldingen-zonder-tekstalternatief/",
            include((admin_urlpatterns, "pictures_admin"), namespace="pictures_admin"),
        )
    ]


class MissingAltTextMenuItem(MenuItem):
    def is_shown(self, request):
        return policy_registry.get_by_type(Picture).user_has_permission(request.user, "change")


@hooks.register("register_reports_menu_item")
def register_missing_alt_text_menu_item():
    return MissingAltTextMenuItem(
        _("Afbeeldingen zonder tekstalternatief"),
        reverse("pictures_admin:missing_alt_text"),
        name="pictures-without-alt-text",
        icon_name="image",
        order=1200,
    )
