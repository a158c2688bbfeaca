"""The translations report behind its door (editorial.views.translations_report_door)."""

from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.views.report import TranslationsReportView

from core.permissions import is_platform_administrator


def translatable_sources_of(user, translations):
    """`translations` (wagtail-localize `Translation`s) narrowed to what `user` may translate:
    everything for platform administrators; for anyone else the translations of pages they may
    edit, when they hold wagtail-localize's permission (`editorial.services.may_translate`, for
    a whole list at once). Snippet translations stay with the administrators, as the sync door
    keeps them."""
    if is_platform_administrator(user):
        return translations
    if not user.has_perm("wagtail_localize.submit_translation"):
        return translations.none()
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return translations.filter(
        source__object_id__in=editable.filter(alias_of__isnull=True).values("translation_key"),
        source__specific_content_type__in=_page_content_types(),
    )


def _page_content_types():
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import get_page_models

    return [ContentType.objects.get_for_model(model).pk for model in get_page_models() if model is not Page]


class OwnTranslationsReportView(TranslationsReportView):
    def get_queryset(self):
        return translatable_sources_of(self.request.user, super().get_queryset())
