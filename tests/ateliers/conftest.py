import datetime

import pytest
from django.utils import timezone

from accounts.models import User
from ateliers.models import Accreditation, AtelierPage, AtelierSeriesPage, AtelierState, ProgrammeItem


@pytest.fixture
def series(db):
    from ateliers.models import EvaluationAspect
    from home.demo import get_home, load

    load(lambda *args: None)
    EvaluationAspect.ensure_defaults()  # transactional tests (PostgreSQL) flush migration data
    series = get_home().add_child(instance=AtelierSeriesPage(title="Kennisateliers", slug="ateliers"))
    return series


@pytest.fixture
def make_atelier(series):
    def make(capacity=10, state=AtelierState.REGISTRATION_OPEN, days_ahead=30, title="Kracht uit netwerken", **extra):
        atelier = AtelierPage(
            title=title,
            date=timezone.localdate() + datetime.timedelta(days=days_ahead),
            venue="Timmerhuis",
            venue_address="Halvemaanpassage 1, Rotterdam",
            capacity=capacity,
            summary="Informele en formele netwerken rond opvoeden.",
            programme_items=[
                ProgrammeItem(title="Ouders in Actie", perspective="practice", duration_minutes=20),
                ProgrammeItem(title="Onderzoek naar netwerken", perspective="research", duration_minutes=20),
            ],
            accreditations=[Accreditation(register="skj", status="granted", reference="SKJ-REF-7781", points=2)],
            **extra,
        )
        series.add_child(instance=atelier)
        AtelierPage.objects.filter(pk=atelier.pk).update(state=state)
        atelier.state = state
        return atelier

    return make


@pytest.fixture
def atelier(make_atelier):
    return make_atelier()


@pytest.fixture
def member(db):
    user = User.objects.create_user(
        email="priya@example.nl", password="geheim-wachtwoord-1", first_name="Priya", last_name="Pinas"
    )
    user.profile.registrations.create(register="skj", number="SKJ110012345")
    return user


@pytest.fixture
def staff(db):
    return User.objects.create_user(email="deur@example.nl", password="geheim-wachtwoord-1", is_staff=True)


@pytest.fixture
def organiser(db):
    return User.objects.create_superuser(email="organisator@example.nl", password="geheim-wachtwoord-1")


def register_guest(atelier, n, **extra):
    from ateliers import services

    registration = services.register(
        atelier, email=f"gast{n}@example.nl", name=f"Gast {n}", background="wijkteam", **extra
    )
    return services.confirm_email(registration)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what is queued for after the commit (mail) when the block ends, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    from django.core.cache import cache

    cache.clear()
