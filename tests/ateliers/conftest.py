import datetime

import pytest
from django.utils import timezone

from accounts.models import User
from ateliers.models import Accreditation, AtelierPage, AtelierSeriesPage, AtelierState, ProgrammeItem
from tests.factories import verified_member


@pytest.fixture
def series(db):
    from ateliers.models import EvaluationAspect
    from home.setup import ensure_site, get_home

    ensure_site()
    EvaluationAspect.ensure_defaults()  # transactional tests (PostgreSQL) flush migration data
    series = get_home().add_child(instance=AtelierSeriesPage(title="Kennisateliers", slug="ateliers"))
    return series


@pytest.fixture
def organising_organisation(db):
    """The organisation that organises the test ateliers; its people may work the door."""
    from organisations.models import Organisation, OrganisationType

    return Organisation.objects.create(name="Stichting Kennisateliers", type=OrganisationType.KNOWLEDGE_INSTITUTE)


@pytest.fixture
def make_atelier(series, organising_organisation):
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
        atelier.co_organisers.set([organising_organisation])
        atelier.save()
        AtelierPage.objects.filter(pk=atelier.pk).update(state=state)
        atelier.state = state
        return atelier

    return make


@pytest.fixture
def atelier(make_atelier):
    return make_atelier()


@pytest.fixture
def member(db):
    """A member with a confirmed address: unconfirmed accounts cannot register (issue 12)."""
    user = verified_member("priya@example.nl", "geheim-wachtwoord-1", first_name="Priya", last_name="Pinas")
    user.profile.registrations.create(register="skj", number="SKJ110012345")
    return user


@pytest.fixture
def staff(organising_organisation):
    """Door staff: a member of the organising organisation with the door permission, not an organiser."""
    from django.contrib.auth.models import Permission

    from ateliers.permissions import DOOR_PERMISSION
    from organisations.models import Membership

    user = User.objects.create_user(email="deur@example.nl", password="geheim-wachtwoord-1")
    app_label, codename = DOOR_PERMISSION.split(".")
    user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    Membership.objects.create(organisation=organising_organisation, user=user)
    return user


@pytest.fixture
def organiser(db):
    return User.objects.create_superuser(email="organisator@example.nl", password="geheim-wachtwoord-1")


def edit_form_data(client, atelier):
    """The atelier's edit form in Wagtail's admin as the logged-in user's browser would post it
    unchanged: a QueryDict to change fields in and post with `as_post`."""
    from django.urls import reverse
    from wagtail.test.utils.form_data import querydict_from_html

    html = client.get(reverse("wagtailadmin_pages:edit", args=[atelier.pk])).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    for index in range(int(data["programme_items-TOTAL_FORMS"])):
        data[f"programme_items-{index}-speakers-count"] = "0"  # rendered by JavaScript, not in the HTML
    return data


def as_post(data):
    return {key: data.getlist(key) for key in data}


def starts_in(atelier, delta):
    """Move the atelier so it starts `delta` from now (negative: it has begun). Updates the row and the object."""
    start = timezone.localtime() + delta
    # An atelier starts and ends on its date, and tests run at any hour: late in the evening,
    # one that has begun began earlier, so its two hours end by midnight; one still ahead ends
    # at midnight at the latest.
    if delta <= datetime.timedelta(0):
        start = min(start, start.replace(hour=21, minute=59, second=0, microsecond=0))
    end = min(start + datetime.timedelta(hours=2), start.replace(hour=23, minute=59, second=0, microsecond=0))
    fields = {
        "date": start.date(),
        "start_time": start.time().replace(second=0, microsecond=0),
        "end_time": end.time().replace(second=0, microsecond=0),
    }
    AtelierPage.objects.filter(pk=atelier.pk).update(**fields)
    for name, value in fields.items():
        setattr(atelier, name, value)
    return atelier


def begin(atelier):
    """The atelier started a few minutes ago: the door is open and it may be marked held."""
    return starts_in(atelier, -datetime.timedelta(minutes=5))


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
