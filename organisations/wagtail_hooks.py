"""Admin integration of organisations: the organisation snippets, and each organisation's files
kept to itself (issue 12, finding 4; the rules are in `organisations.services`)."""

from django.contrib.auth.views import redirect_to_login
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Organisation
from .services import documents_visible_to, images_visible_to, may_download


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisaties")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "type", "province"]
    list_filter = ["type", "province"]
    search_fields = ["name"]


register_snippet(OrganisationViewSet)


class OwnDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    """Wagtail's admin API lists every document; an editor gets only those they may choose."""

    def get_queryset(self):
        return super().get_queryset().filter(pk__in=documents_visible_to(self.request.user).values("pk"))


class OwnImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    """Wagtail's admin API lists every image; an editor gets only those they may choose."""

    def get_queryset(self):
        return super().get_queryset().filter(pk__in=images_visible_to(self.request.user).values("pk"))


# After Wagtail's own documents and images apps have registered their endpoints (order 0),
# replace them under the same names.
@hooks.register("construct_admin_api", order=100)
def register_own_media_endpoints(router):
    router.register_endpoint("documents", OwnDocumentsAdminAPIViewSet)
    router.register_endpoint("images", OwnImagesAdminAPIViewSet)


@hooks.register("before_serve_document")
def refuse_private_documents(document, request):
    """Serve a document only when `may_download` allows it: anonymous visitors are sent to the
    login page, logged-in people without access get a Dutch refusal (403)."""
    if may_download(document, request):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return TemplateResponse(request, "organisations/document_refused.html", {"document": document}, status=403)


@hooks.register("register_log_actions")
def register_membership_log_actions(actions):
    """Membership changes in the audit trail (recorded by `services.record_membership_change`)."""
    actions.register_action(
        "organisations.membership_add", _("Lidmaatschap toegevoegd"), _("Lidmaatschap van de organisatie toegevoegd")
    )
    actions.register_action(
        "organisations.membership_role", _("Rol van lidmaatschap gewijzigd"), _("Rol binnen de organisatie gewijzigd")
    )
    actions.register_action(
        "organisations.membership_remove",
        _("Lidmaatschap verwijderd"),
        _("Lidmaatschap van de organisatie verwijderd"),
    )
