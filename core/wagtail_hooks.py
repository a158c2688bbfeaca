from wagtail import hooks

from .languages import redirect_to_permanent_address
from .page_cache import mark_shared_page

hooks.register("before_serve_page", mark_shared_page)
hooks.register("before_serve_page", redirect_to_permanent_address)
