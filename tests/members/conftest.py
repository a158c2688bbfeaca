"""Two members with ateliers behind and ahead of them, built directly (no demo)."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import timezone

from ateliers.models import Accreditation, AtelierState, Registration, new_certificate_code
from tests.ateliers.conftest import make_atelier, organising_organisation, series  # noqa: F401 (fixtures)
from tests.factories import verified_member

PASSWORD = "geheim-wachtwoord-1"


def registration(atelier, user, status=Registration.Status.CONFIRMED, attended=False, numbers=None):
    return Registration.objects.create(
        atelier=atelier,
        user=user,
        name=user.get_full_name(),
        email=user.email,
        background="wijkteam",
        wants_accreditation=bool(numbers),
        register_numbers=numbers or {},
        status=status,
        email_confirmed_at=timezone.now(),
        queued_at=timezone.now(),
        attended=attended,
        checked_in_at=timezone.now() if attended else None,
        certificate_code=new_certificate_code() if attended else None,
    )


@pytest.fixture
def world(make_atelier):  # noqa: F811
    """Priya (SKJ and NIP) attended two held ateliers, cancelled a third and is registered for one
    ahead; Bram attended a fourth that Priya never went to."""
    priya = verified_member("priya@example.nl", PASSWORD, first_name="Priya", last_name="Pinas")
    skj_start = timezone.localdate() - datetime.timedelta(days=400)
    priya.profile.registrations.create(register="skj", number="SKJ110012345", period_start=skj_start)
    priya.profile.registrations.create(register="nip", number="NIP12345")
    bram = verified_member("bram@example.nl", PASSWORD, first_name="Bram", last_name="Bakker")
    bram.profile.registrations.create(register="skj", number="SKJ110099999")

    networks = make_atelier(title="Kracht uit netwerken", days_ahead=-60, state=AtelierState.HELD)
    reflective = make_atelier(title="De reflectieve professional", days_ahead=-30, state=AtelierState.PROCESSED)
    Accreditation.objects.filter(page=reflective).update(points=Decimal("1.5"), reference="SKJ-REF-9000")
    Accreditation.objects.create(page=reflective, register="nip", status="granted", reference="NIP-77", points=3)
    ehealth = make_atelier(title="E-Mental Health", days_ahead=-20, state=AtelierState.HELD)
    migrants = make_atelier(title="Migranten bereiken", days_ahead=-10, state=AtelierState.HELD)
    coming = make_atelier(title="Samen met ouders", days_ahead=20)

    numbers = {"skj": "SKJ110012345"}
    attended_networks = registration(networks, priya, attended=True, numbers=numbers)
    attended_reflective = registration(reflective, priya, attended=True, numbers=numbers)
    registration(ehealth, priya, status=Registration.Status.CANCELLED)
    upcoming = registration(coming, priya, numbers=numbers)
    bram_registration = registration(migrants, bram, attended=True, numbers={"skj": "SKJ110099999"})
    return SimpleNamespace(
        priya=priya,
        bram=bram,
        skj_start=skj_start,
        networks=networks,
        reflective=reflective,
        ehealth=ehealth,
        migrants=migrants,
        coming=coming,
        attended_networks=attended_networks,
        attended_reflective=attended_reflective,
        upcoming=upcoming,
        bram_registration=bram_registration,
    )
