"""View decorators for the rules in accounts.services."""

import logging
from functools import wraps

from django.shortcuts import render

from .services import is_verified_member

logger = logging.getLogger(__name__)


def refuse_unverified(view=None, *, methods=None):
    """Refuse the view to a logged-in account whose e-mail address is not confirmed.

    Anyone can sign up with another person's address; until the owner confirms it, nothing may
    be done in that name (issue 12: a seat in someone else's name). Such an account gets the
    'confirm your e-mail address first' page (403), with a button that resends the
    confirmation mail through allauth. Visitors who are not logged in pass: whether they must
    log in (login_required) or may act as a guest who confirms by mail (atelier registration)
    is the view's own rule. `methods` limits the refusal to those HTTP methods, for pages that
    anyone may read but only members may post to.
    """

    def decorator(view_func):
        @wraps(view_func)
        def wrapped(request, *args, **kwargs):
            user = request.user
            refused_method = methods is None or request.method in methods
            if user.is_authenticated and refused_method and not is_verified_member(user):
                logger.info("Refused %s %s to unverified account %s", request.method, request.path, user.pk)
                return render(request, "accounts/verify_email_first.html", {"email": user.email}, status=403)
            return view_func(request, *args, **kwargs)

        return wrapped

    return decorator(view) if view is not None else decorator
