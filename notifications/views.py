"""Thin views over `notifications.services`.

The member's own pages (/mijn/…) are never cached and need a confirmed address, like the rest
of "Mijn Samen Preventief". The public listing, organisation and search pages only *link* to
the follow and save pages with plain GET links (no form, no CSRF token, nothing about the
visitor), so they stay in the shared page cache (core/page_cache.py); the page behind the link
shows the member's own state and asks to confirm with a POST. An anonymous visitor is sent to
the login first and comes back to it.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from accounts.decorators import refuse_unverified
from core import signed_links
from organisations.models import Organisation
from search.views import filters_from
from taxonomy.models import Theme

from . import kinds, links, services
from .forms import PreferencesForm


def own_page(view):
    return never_cache(login_required(refuse_unverified(view)))


def overview_url(anchor="volgen"):
    return reverse("members:overview") + f"#{anchor}"


@own_page
@require_http_methods(["GET", "HEAD", "POST"])
def preferences(request):
    user = request.user
    form = PreferencesForm(
        request.POST or None, preferences=services.preferences_of(user), language=services.language_of(user)
    )
    if request.method == "POST" and form.is_valid():
        services.set_preferences(user, form.deliveries(), form.cleaned_data["language"])
        messages.success(request, _("Uw voorkeuren voor meldingen zijn opgeslagen."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})


def _follow_target(params):
    """(theme, organisation) named by ?theme=<slug> or ?organisation=<slug>, or (None, None)."""
    if params.get("theme"):
        return Theme.objects.filter(slug=params["theme"]).first(), None
    if params.get("organisation"):
        return None, Organisation.objects.filter(slug=params["organisation"]).first()
    return None, None


@own_page
@require_http_methods(["GET", "HEAD", "POST"])
def follow(request):
    theme, organisation = _follow_target(request.POST if request.method == "POST" else request.GET)
    if theme is None and organisation is None:
        messages.error(request, _("Dit thema of deze organisatie bestaat niet (meer). Kies opnieuw in de kennisbank."))
        return redirect(overview_url())
    if request.method == "POST":
        found = services.follow(request.user, theme=theme, organisation=organisation)
        messages.success(
            request,
            _("U volgt nu %(what)s. Nieuwe verhalen, methoden en publicaties hierover ziet u in uw meldingen.")
            % {"what": found.label},
        )
        return redirect(overview_url())
    return render(
        request,
        "notifications/follow.html",
        {
            "theme": theme,
            "organisation": organisation,
            "what": _("het thema “%(name)s”") % {"name": theme.name} if theme else organisation.name,
            "following": services.is_following(request.user, theme=theme, organisation=organisation),
        },
    )


@own_page
@require_POST
def unfollow(request, follow_id):
    if services.unfollow(request.user, follow_id):
        messages.success(request, _("U volgt dit niet meer."))
    else:
        messages.error(request, _("Dit volgde u al niet (meer)."))
    return redirect(overview_url())


@own_page
@require_http_methods(["GET", "HEAD", "POST"])
def save_search(request):
    params = request.POST if request.method == "POST" else request.GET
    query = params.get("q", "")[:200]
    filters = filters_from(params)
    filters.pop("csrfmiddlewaretoken", None)
    if not query.strip() and not filters:
        messages.error(request, _("Er is geen zoekopdracht om te bewaren. Zoek eerst, en bewaar dan uw zoekopdracht."))
        return redirect(overview_url())
    if request.method == "POST":
        try:
            services.save_search(request.user, query, filters)
        except services.TooManySavedSearches:
            messages.error(
                request,
                _("U heeft al %(count)s zoekopdrachten bewaard. Verwijder er eerst een.")
                % {"count": services.MAX_SAVED_SEARCHES},
            )
        else:
            messages.success(request, _("Uw zoekopdracht is bewaard. Nieuwe resultaten ziet u in uw meldingen."))
        return redirect(overview_url())
    filter_pairs = [(name, value) for name, values in filters.items() for value in values]
    return render(request, "notifications/save_search.html", {"query": query, "filter_pairs": filter_pairs})


@own_page
@require_POST
def delete_search(request, search_id):
    if services.delete_search(request.user, search_id):
        messages.success(request, _("De zoekopdracht is verwijderd."))
    else:
        messages.error(request, _("Deze zoekopdracht bestaat niet (meer)."))
    return redirect(overview_url())


def _unsubscribe_target(token):
    """(user, [Kind, …]) of a genuine unsubscribe token, or None.

    A token names one kind (a mail about one thing) or several (a digest with several kinds)."""

    def load(value):
        if not isinstance(value, list) or len(value) != 2:
            return None
        names = value[1] if isinstance(value[1], list) else [value[1]]
        if not names or not all(isinstance(name, str) and name in kinds.KINDS for name in names):
            return None
        user = get_user_model().objects.filter(pk=value[0]).first()
        return (user, [kinds.get(name) for name in names]) if user else None

    try:
        return signed_links.open_link(links.UNSUBSCRIBE.name, token, load)
    except (signed_links.InvalidLink, signed_links.ExpiredLink):
        return None


@never_cache
@csrf_exempt  # RFC 8058: the mail client POSTs without a session or CSRF token; the signed token is the proof.
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """GET shows a confirmation page with a button (mail scanners follow links); only POST switches off."""
    target = _unsubscribe_target(token)
    if target is None:
        return render(request, "notifications/unsubscribe_invalid.html", status=404)
    user, chosen = target
    context = {"kinds": chosen, "labels": ", ".join(str(kind.label) for kind in chosen)}
    if request.method == "POST":
        services.unsubscribe(user, [kind.name for kind in chosen])
        return render(request, "notifications/unsubscribed.html", context)
    return render(request, "notifications/unsubscribe.html", {**context, "token": token})
