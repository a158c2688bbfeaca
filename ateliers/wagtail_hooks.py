from django.contrib import messages
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views, services
from .models import AtelierPage, EvaluationAspect


class EvaluationAspectViewSet(SnippetViewSet):
    model = EvaluationAspect
    icon = "pick"
    menu_label = _("Evaluatie-aspecten")
    list_display = ["name", "sort_order", "active"]
    ordering = ["sort_order", "name"]


register_snippet(EvaluationAspectViewSet)


admin_urlpatterns = [
    path("", admin_views.ReportView.as_view(), name="report"),
    path("rapportage.csv", admin_views.report_csv, name="report_csv"),
    path("<int:pk>/", admin_views.ManageAtelierView.as_view(), name="manage"),
    path("<int:pk>/aanwezigheid-<str:register>.csv", admin_views.attendance_export, name="attendance_export"),
]


@hooks.register("register_admin_urls")
def register_atelier_admin_urls():
    return [path("kennisateliers/", include((admin_urlpatterns, "ateliers_admin"), namespace="ateliers_admin"))]


class OrganiserMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_run_ateliers(request.user)


@hooks.register("register_admin_menu_item")
def register_report_menu_item():
    return OrganiserMenuItem(_("Kennisateliers"), reverse("ateliers_admin:report"), icon_name="calendar-alt", order=350)


@hooks.register("register_page_header_buttons")
def manage_atelier_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, AtelierPage) and admin_views.can_run_ateliers(user):
        yield Button(
            _("Deelnemers en status"),
            reverse("ateliers_admin:manage", args=[page.pk]),
            icon_name="group",
            priority=25,
        )


def _warn_about_programme(request, page):
    if isinstance(page, AtelierPage):
        for warning in page.programme_warnings():
            messages.warning(request, warning)


hooks.register("after_create_page", _warn_about_programme)
hooks.register("after_edit_page", _warn_about_programme)


@hooks.register("after_publish_page")
def promote_waiting_list_after_publish(request, page):
    """More seats published: the waiting list moves up straight away."""
    if isinstance(page, AtelierPage):
        services.capacity_changed(page)
