"""The folders of an organisation's section, and moving content into them (issue #15).

Every `OrganisationPage` has one folder per content type (`SECTION_FOLDER_TYPES`): stories,
methods and publications each live in their own folder, because that is where Wagtail
attaches a workflow and group page permissions (see docs/architecture.md, "Editorial
workflows"). `ensure_section_folders` creates the missing folders and moves content that still
sits directly under the organisation page into its folder, leaving a permanent redirect from
each old URL; it is idempotent, and onboarding and migration `editorial.0002` run it.
"""

import logging

from django.db import transaction
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from .models import SECTION_FOLDER_TYPES

logger = logging.getLogger(__name__)


def folder_type_for(page_class):
    """The folder type that holds pages of `page_class`, or None."""
    for folder_type in SECTION_FOLDER_TYPES:
        if page_class in folder_type.allowed_subpage_models():
            return folder_type
    return None


def folder_for(section, page_class):
    """The folder of `section` (an OrganisationPage) that holds pages of `page_class`, made if missing."""
    folder_type = folder_type_for(page_class)
    if folder_type is None:
        raise ValueError(f"{page_class.__name__} has no folder in an organisation's section")
    return ensure_section_folders(section)[folder_type]


@transaction.atomic
def ensure_section_folders(section):
    """Create the section's missing folders and move its loose content into them; {folder type: folder}."""
    folders = {}
    for folder_type in SECTION_FOLDER_TYPES:
        folder = folder_type.objects.child_of(section).first()
        if folder is None:
            folder = folder_type(title=folder_type.folder_title, slug=folder_type.folder_slug)
            section.add_child(instance=folder)
            folder.save_revision(log_action=True).publish()
            logger.info("Folder %s created in section %s", folder.slug, section.pk)
            section.refresh_from_db()  # add_child changed numchild
        folders[folder_type] = folder
    for child in section.get_children().specific():
        folder_type = folder_type_for(type(child))
        if folder_type is not None:
            move_with_redirect(child, folders[folder_type])
    return folders


def move_with_redirect(page, new_parent):
    """Move `page` under `new_parent`; its old URLs answer with a permanent redirect to it.

    Wagtail's redirects app may already create the redirects on a move
    (WAGTAILREDIRECTS_AUTO_CREATE); this makes sure of them whatever that setting says.
    """
    old_paths = [(site_id, page_path) for site_id, _root, page_path in _url_parts(page)]
    page.move(new_parent, pos="last-child")  # logged by Wagtail as "wagtail.move"
    page = Page.objects.get(pk=page.pk)
    for site_id, old_path in old_paths:
        normalised = Redirect.normalise_path(old_path)
        if not Redirect.objects.filter(old_path=normalised, site_id=site_id).exists():
            Redirect.objects.create(old_path=normalised, site_id=site_id, redirect_page=page, is_permanent=True)
    logger.info("Page %s moved into folder %s", page.pk, new_parent.pk)
    return page


def _url_parts(page):
    parts = page.get_url_parts()
    return [parts] if parts else []
