"""Background mail for registrations. Runs in the task worker, after the registration is committed."""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from . import links, services
from .calendar import registration_ics
from .models import Registration
from .qr import qr_png

SUBJECTS = {
    "confirm_email": _("Bevestig je aanmelding voor het kennisatelier"),
    "confirmed": _("Je bent aangemeld voor het kennisatelier"),
    "waiting": _("Je staat op de wachtlijst voor het kennisatelier"),
    "promoted": _("Er is een plek vrijgekomen: je bent aangemeld voor het kennisatelier"),
    "evaluation": _("Hoe was het kennisatelier? Geef je mening"),
}
# Mails that hand out a seat carry the calendar file and the QR code for the door.
WITH_TICKET = {"confirmed", "promoted"}


@task()
def send_registration_mail(registration_id, kind):
    registration = Registration.objects.select_related("atelier").filter(pk=registration_id).first()
    if registration is None or registration.anonymised:
        return
    atelier = registration.atelier
    # The registrant's language, stored when they registered: subject, body and links follow it.
    with translation.override(registration.language or "nl"):
        context = {
            "registration": registration,
            "atelier": atelier,
            "kind": kind,
            "atelier_url": links.atelier_url(atelier),
            "confirm_url": links.confirm_url(registration),
            "manage_url": links.manage_url(registration),
            "evaluation_url": links.evaluation_url(registration),
            "certificate_available": services.certificate_available(registration),
        }
        body = render_to_string(f"ateliers/email/{kind}.txt", context)
        message = EmailMultiAlternatives(
            subject=f"{SUBJECTS[kind]}: {atelier.title}",
            body=body,
            to=[registration.email],
        )
        if kind in WITH_TICKET:
            message.attach("kennisatelier.ics", registration_ics(registration), "text/calendar; method=PUBLISH")
            message.attach("inchecken.png", qr_png(links.checkin_url(registration)), "image/png")
        message.send()
