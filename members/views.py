"""Thin views: `members.services` reads what the page shows; `members.exports` writes the files.

Every view is for the logged-in member about themself only: nothing in a URL names a person.
Personal pages never enter a cache (`never_cache` marks them private, which the page cache
respects), and like every member action they need a confirmed e-mail address.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from accounts.decorators import refuse_unverified
from notifications import services as notification_services

from . import exports, services


def members_only(view):
    """Logged in (allauth's login with `next`), confirmed address, never cached, GET/HEAD only."""
    return never_cache(login_required(refuse_unverified(require_safe(view))))


@members_only
def overview(request):
    return render(
        request,
        "members/overview.html",
        {
            "overview": services.overview_of(request.user, request),
            "follows": notification_services.follows_of(request.user),
            "saved_searches": notification_services.saved_searches_of(request.user),
        },
    )


def _record_and_cycle(request, register, cycle):
    """The register and cycle the URL names, from the member's own record; None when there is no such one."""
    record = next((r for r in services.record_of(request.user) if r.holding.register == register), None)
    found = record.cycle(cycle) if record else None
    if found is None:
        messages.error(
            request,
            _("Dit overzicht bestaat niet: kies hieronder een register en registratieperiode uit uw eigen overzicht."),
        )
    return record, found


@members_only
def record_csv(request, register, cycle):
    record, found = _record_and_cycle(request, register, cycle)
    if found is None:
        return redirect("members:overview")
    response = HttpResponse("\ufeff" + exports.record_csv(record, found), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{exports.file_name(record, found, "csv")}"'
    return response


@members_only
def record_pdf(request, register, cycle):
    record, found = _record_and_cycle(request, register, cycle)
    if found is None:
        return redirect("members:overview")
    response = HttpResponse(exports.record_pdf(request.user, record, found), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{exports.file_name(record, found, "pdf")}"'
    return response
