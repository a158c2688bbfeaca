from wagtail import hooks

from .page_cache import mark_shared_page

hooks.register("before_serve_page", mark_shared_page)
