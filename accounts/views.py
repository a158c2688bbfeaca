import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import services
from .forms import DeleteAccountForm, ProfileForm, RegistrationFormSet


@login_required
def profile(request):
    profile = request.user.profile
    form = ProfileForm(request.POST or None, instance=profile)
    formset = RegistrationFormSet(request.POST or None, instance=profile, prefix="registrations")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        form.save()
        formset.save()
        messages.success(request, _("Uw profiel is opgeslagen."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form, "formset": formset})


@login_required
def export_data(request):
    payload = json.dumps(services.export_member_data(request.user), indent=2, ensure_ascii=False)
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
