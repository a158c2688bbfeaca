from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Zoeken")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from . import indexing, synonyms

        page_published.connect(indexing.page_published, dispatch_uid="search-page-published")
        page_unpublished.connect(indexing.page_unpublished, dispatch_uid="search-page-unpublished")
        post_page_move.connect(indexing.page_moved, dispatch_uid="search-page-moved")
        post_save.connect(indexing.object_saved, dispatch_uid="search-object-saved")
        post_delete.connect(indexing.object_deleted, dispatch_uid="search-object-deleted")
        post_save.connect(indexing.restriction_changed, dispatch_uid="search-restriction-saved")
        post_delete.connect(indexing.restriction_changed, dispatch_uid="search-restriction-deleted")
        post_save.connect(synonyms.invalidate, sender="search.Synonym", dispatch_uid="search-synonym-saved")
        post_delete.connect(synonyms.invalidate, sender="search.Synonym", dispatch_uid="search-synonym-deleted")
