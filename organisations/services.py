"""Who may see and download an organisation's documents and images (issue 12, finding 4).

Every organisation keeps its files in its own Wagtail collection (created at onboarding,
`editorial.services.ensure_collection`); its role groups get collection permissions on that
collection only. Wagtail's admin listings and choosers already follow those permissions; the
rules below cover what Wagtail leaves open:

- the admin API behind the choosers (`/admin/api/main/documents/`, `/images/`) lists every
  file to every editor, so it is narrowed to the files the editor may choose;
- Wagtail serves any document to anyone at `/documents/<id>/<name>`. A document is public
  only while a live page that anyone may view uses it (the reason it was uploaded: a method
  description, a research report, atelier slides); any other document is a working file of
  its organisation and goes only to people who may choose it, or to whoever Wagtail's
  collection privacy setting lets in.
"""

import logging

from django.contrib.contenttypes.models import ContentType
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import CollectionViewRestriction, Page, ReferenceIndex
from wagtail.permissions import policy_registry

from core import audit

logger = logging.getLogger(__name__)

# The collection permissions that let someone work with a file: choosing it for a page is the
# least of them, and every editorial role has it on its own organisation's collection.
USE_ACTIONS = ["choose", "change", "delete"]


def media_visible_to(user, model):
    """The documents or images (`model` says which) that `user` may see and pick in the admin,
    by Wagtail's own collection permission policy for that model."""
    return policy_registry.get_by_type(model).instances_user_has_any_permission_for(user, USE_ACTIONS)


def documents_visible_to(user):
    return media_visible_to(user, get_document_model())


def images_visible_to(user):
    return media_visible_to(user, get_image_model())


def public_pages_using(obj):
    """Live pages without a view restriction that use `obj` (a document, an image, …).

    Wagtail's reference index records what each page's stored content refers to; a page's row
    holds its live content (drafts live in revisions), so this is what visitors see.
    """
    page_ids = (
        ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )
    return Page.objects.live().public().filter(pk__in=[int(page_id) for page_id in page_ids])


def document_is_public(document):
    return public_pages_using(document).exists()


def collection_privacy_admits(document, request):
    """Does a privacy setting on the document's collection (or a parent collection) let `request` in?

    Wagtail's own `before_serve_document` hook still enforces the setting afterwards; this only
    tells whether the setting, rather than a page, is what makes the document available.
    """
    restrictions = CollectionViewRestriction.objects.filter(
        collection__in=document.collection.get_ancestors(inclusive=True)
    )
    return restrictions.exists() and all(restriction.accept_request(request) for restriction in restrictions)


def may_download(document, request):
    """Whether `request` may download `document`: public, allowed by collection privacy, or a user
    who may choose it (their own organisation's file; platform administrators every file)."""
    if document_is_public(document):
        return True
    if collection_privacy_admits(document, request):
        return True
    user = request.user
    if not user.is_authenticated:
        return False
    allowed = documents_visible_to(user).filter(pk=document.pk).exists()
    if not allowed:
        logger.info(
            "Download refused: document %s (collection %s) to user %s", document.pk, document.collection_id, user.pk
        )
    return allowed


# -- the audit trail of memberships --------------------------------------------------------


def record_membership_change(membership, previous_role=None, *, removed=False):
    """Record a membership added, given another role or removed (called from `signals`).

    Memberships are edited inline on the organisation (a snippet), so there is no service that
    makes the change; the signals see every path (admin, onboarding scripts, the demo). The
    admin's request supplies the user (Wagtail's log context). The label names the organisation,
    the role and the account number: no name or e-mail address of the person.
    """
    if removed:
        action = "organisations.membership_remove"
    elif previous_role is None:
        action = "organisations.membership_add"
    elif previous_role != membership.role:
        action = "organisations.membership_role"
    else:
        return None  # saved along with its organisation, unchanged
    return audit.record(
        membership,
        action,
        label=f"{membership.organisation} – {membership.get_role_display()} – #{membership.user_id}",
        organisation=membership.organisation_id,
        account=membership.user_id,
        role=membership.role,
        previous_role=previous_role,
    )
