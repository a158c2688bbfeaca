import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_http_methods

from core import permissions

from . import services
from .forms import DeleteAccountForm, ProfileForm, RegistrationFormSet


@login_required
def profile(request):
    profile = request.user.profile
    form = ProfileForm(request.POST or None, instance=profile)
    formset = RegistrationFormSet(request.POST or None, instance=profile, prefix="registrations")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        services.save_profile(form, formset, request.user)
        messages.success(request, _("Uw profiel is opgeslagen."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form, "formset": formset})


@login_required
def export_data(request):
    # Apps give dates as ISO text already; the encoder is the safety net, so that a date, decimal
    # or lazy translation an app forgets to convert never turns "download your data" into a 500.
    payload = json.dumps(services.export_member_data(request.user), indent=2, ensure_ascii=False, cls=DjangoJSONEncoder)
    response = HttpResponse(payload, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mijn-gegevens.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    form = DeleteAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.delete_account(request.user)
        logout(request)
        messages.success(request, _("Uw account is verwijderd. Uw bijdragen zijn geanonimiseerd."))
        return redirect("/")
    return render(request, "accounts/delete_account.html", {"form": form})


# --- One door for logging in (issue 12) -----------------------------------------------------


class LoginDoor(View):
    """A login URL of Wagtail or Django that never takes a password itself.

    Wagtail's `/admin/login/` and `/_util/login/` and Django's `/django-admin/login/` each ship a
    login form of their own that knows nothing of allauth's e-mail verification, rate limits,
    lockout and two-factor step. `cop_site/urls.py` routes those URLs here, under the same URL
    names, so Wagtail's and Django's own redirects to "their" login land here as well. GET and
    POST alike (a POST with a username and password logs nobody in):

    * a visitor goes to allauth's login, `next` kept;
    * someone logged in who may enter goes on to `next`;
    * someone logged in who may not enter gets `refused_url`, a page that says so. Sending them
      to the login instead made allauth send them straight back (issue 13: a redirect loop).
    """

    http_method_names = ["get", "post", "head"]
    default_next = "/"
    refused_url = reverse_lazy("no_editor_access")

    def may_enter(self, user):
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        next_url = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, require_https=request.is_secure()):
            next_url = str(self.default_next)
        if not request.user.is_authenticated:
            return redirect_to_login(next_url, reverse("account_login"))
        if self.may_enter(request.user):
            return redirect(next_url)
        return redirect(self.refused_url)


class WagtailAdminLoginDoor(LoginDoor):
    default_next = reverse_lazy("wagtailadmin_home")

    def may_enter(self, user):
        return permissions.can_open_wagtail_admin(user)


class DjangoAdminLoginDoor(LoginDoor):
    default_next = reverse_lazy("admin:index")

    def may_enter(self, user):
        return permissions.can_open_django_admin(user)


class PagePrivacyLoginDoor(LoginDoor):
    """Wagtail's login for pages with a privacy setting (WAGTAIL_FRONTEND_LOGIN_URL).

    Wagtail sends a logged-in person here only when the page is restricted to groups they are
    not in; sending them back to the page would loop, so they get the 'no access' page.
    """

    refused_url = reverse_lazy("no_page_access")

    def may_enter(self, user):
        return False


@require_http_methods(["GET", "HEAD", "POST"])
def password_reset_door(request, *args, **kwargs):
    """Wagtail's password reset URLs (and old reset links): allauth's reset, which is rate
    limited per address and per IP, is the only one. A POST here sends no mail."""
    return redirect("account_reset_password")


@require_http_methods(["GET", "HEAD", "POST"])
def password_change_door(request, *args, **kwargs):
    """Django admin's password change: allauth's change form (rate limited, notifies) instead."""
    return redirect("account_change_password")


def no_access(request, area):
    """The page for a logged-in person who opened a part of the site that is not for them:
    what it is for, and what they can do instead (issue 13)."""
    return render(request, "accounts/no_access.html", {"area": area}, status=403)
