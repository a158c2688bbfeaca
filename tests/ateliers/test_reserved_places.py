"""Places reserved for a group (issue 16): what pretix calls quotas, each with its own waiting list.

An atelier of capacity 4 with 2 places for "ouders" has 2 general places. A parent takes a
parents' place, else a general one, else waits on the parents' list; everyone else takes a
general place or waits on the general list. A freed parents' place goes to the first parent
waiting; a freed general place to the first person waiting of any list.
"""

import threading

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from accounts.models import User
from ateliers import services
from ateliers.models import AtelierPage, AtelierState, Registration, ReservedPlaces

from .conftest import as_post, edit_form_data, register_guest

Status = Registration.Status


def atelier_with_groups(make_atelier, capacity=4, **groups):
    atelier = make_atelier(
        capacity=capacity,
        reserved_places=[ReservedPlaces(name=name, places=places) for name, places in groups.items()],
    )
    return atelier, {group.name: group for group in atelier.reserved_places.all()}


def status_of(registration):
    return Registration.objects.get(pk=registration.pk).status


def state_of(atelier):
    return AtelierPage.objects.get(pk=atelier.pk).state


def test_a_parent_takes_a_reserved_place_and_the_general_places_stay_for_everyone(make_atelier):
    atelier, groups = atelier_with_groups(make_atelier, capacity=3, ouders=1)
    parent = register_guest(atelier, 1, group=groups["ouders"])
    assert parent.status == Status.CONFIRMED

    places = services.places_of(atelier)
    assert places.free_reserved(groups["ouders"].pk) == 0
    assert places.free_general == 2
    assert [register_guest(atelier, n).status for n in (2, 3, 4)] == [
        Status.CONFIRMED,
        Status.CONFIRMED,
        Status.WAITING,
    ]


def test_general_registrants_cannot_take_the_reserved_places(make_atelier):
    atelier, groups = atelier_with_groups(make_atelier, capacity=3, ouders=2)
    assert register_guest(atelier, 1).status == Status.CONFIRMED
    assert register_guest(atelier, 2).status == Status.WAITING  # two places left, both for parents
    assert state_of(atelier) == AtelierState.REGISTRATION_OPEN  # a parent could still take one
    assert register_guest(atelier, 3, group=groups["ouders"]).status == Status.CONFIRMED


def test_a_parent_falls_back_to_a_general_place_when_the_parents_places_are_taken(make_atelier):
    atelier, groups = atelier_with_groups(make_atelier, capacity=3, ouders=1)
    register_guest(atelier, 1, group=groups["ouders"])
    second_parent = register_guest(atelier, 2, group=groups["ouders"])
    assert second_parent.status == Status.CONFIRMED
    assert services.places_of(atelier).free_general == 1


def test_with_every_place_taken_a_parent_waits_on_the_parents_list(make_atelier):
    atelier, groups = atelier_with_groups(make_atelier, capacity=2, ouders=1)
    register_guest(atelier, 1, group=groups["ouders"])
    register_guest(atelier, 2)
    assert state_of(atelier) == AtelierState.FULL
    general_waiting = register_guest(atelier, 3)
    parent_waiting = register_guest(atelier, 4, group=groups["ouders"])

    assert parent_waiting.status == Status.WAITING and parent_waiting.group == groups["ouders"]
    assert services.waiting_position(parent_waiting) == 1  # first on the parents' list
    assert services.waiting_position(general_waiting) == 1


def test_a_freed_reserved_place_is_offered_to_the_first_parent_waiting_not_the_general_list(make_atelier, committed):
    atelier, groups = atelier_with_groups(make_atelier, capacity=2, ouders=1)
    parent = register_guest(atelier, 1, group=groups["ouders"])
    register_guest(atelier, 2)
    general_waiting = register_guest(atelier, 3)  # joined first
    parent_waiting = register_guest(atelier, 4, group=groups["ouders"])
    mail.outbox.clear()

    with committed():
        services.cancel(parent)

    assert status_of(parent_waiting) == Status.OFFERED
    assert status_of(general_waiting) == Status.WAITING
    assert "gast4@example.nl" in [message.to[0] for message in mail.outbox]
    assert state_of(atelier) == AtelierState.FULL  # the place is held for the parent offered it

    services.accept_offer(parent_waiting)
    assert status_of(parent_waiting) == Status.CONFIRMED


def test_a_freed_general_place_goes_to_the_first_waiting_of_any_list(make_atelier):
    atelier, groups = atelier_with_groups(make_atelier, capacity=2, ouders=1)
    register_guest(atelier, 1, group=groups["ouders"])
    holder = register_guest(atelier, 2)
    parent_waiting = register_guest(atelier, 3, group=groups["ouders"])  # joined first
    general_waiting = register_guest(atelier, 4)

    services.cancel(holder)

    assert status_of(parent_waiting) == Status.OFFERED  # parents may take general places too
    assert status_of(general_waiting) == Status.WAITING


def test_a_parent_on_a_general_place_moves_onto_a_freed_parents_place_and_frees_a_general_one(make_atelier):
    atelier, groups = atelier_with_groups(make_atelier, capacity=2, ouders=1)
    first_parent = register_guest(atelier, 1, group=groups["ouders"])
    register_guest(atelier, 2, group=groups["ouders"])  # on the general place
    general_waiting = register_guest(atelier, 3)

    services.cancel(first_parent)

    # The second parent now fills the parents' place, so the general place is the newcomer's.
    assert status_of(general_waiting) == Status.OFFERED


def test_the_atelier_is_full_only_when_no_place_of_any_kind_is_free(make_atelier):
    atelier, groups = atelier_with_groups(make_atelier, capacity=3, ouders=1, studenten=1)
    register_guest(atelier, 1)
    assert state_of(atelier) == AtelierState.REGISTRATION_OPEN
    register_guest(atelier, 2, group=groups["ouders"])
    assert state_of(atelier) == AtelierState.REGISTRATION_OPEN  # a student's place is left
    register_guest(atelier, 3, group=groups["studenten"])
    assert state_of(atelier) == AtelierState.FULL

    services.cancel(Registration.objects.get(email="gast3@example.nl"))
    assert state_of(atelier) == AtelierState.REGISTRATION_OPEN


def test_the_page_shows_places_left_per_group_and_the_json_ld_follows(client, make_atelier):
    atelier, groups = atelier_with_groups(make_atelier, capacity=2, ouders=1)
    register_guest(atelier, 1)
    page = client.get(atelier.url).content.decode()
    assert "Nog 1 plaats voor ouders." in page
    assert "Nog 0 plekken voor iedereen." in page

    fresh = AtelierPage.objects.get(pk=atelier.pk)
    data = fresh.structured_data()
    assert data["offers"]["availability"] == "https://schema.org/LimitedAvailability"
    assert data["remainingAttendeeCapacity"] == 1

    register_guest(atelier, 2, group=groups["ouders"])
    data = AtelierPage.objects.get(pk=atelier.pk).structured_data()
    assert data["offers"]["availability"] == "https://schema.org/SoldOut"
    assert data["remainingAttendeeCapacity"] == 0


def test_the_english_page_says_how_many_places_are_left_for_a_group(client, make_atelier):
    atelier, _groups = atelier_with_groups(make_atelier, capacity=5, ouders=3)
    page = client.get("/en" + atelier.url).content.decode()
    assert "3 places left for ouders." in page
    assert "2 places left for everyone." in page


def test_the_form_asks_for_the_group_only_when_places_are_reserved(client, make_atelier, committed):
    plain = make_atelier(title="Zonder groepen")
    assert 'name="group"' not in client.get(reverse("ateliers:register", args=[plain.pk])).content.decode()

    atelier, groups = atelier_with_groups(make_atelier, capacity=2, ouders=1)
    url = reverse("ateliers:register", args=[atelier.pk])
    form = client.get(url).content.decode()
    assert 'name="group"' in form and "Kies alleen een groep waar je echt bij hoort" in form

    with committed():
        client.post(
            url,
            {
                "name": "Olga Ouder",
                "email": "olga@example.nl",
                "background": "representative",
                "group": groups["ouders"].pk,
            },
        )
    assert Registration.objects.get(email="olga@example.nl").group == groups["ouders"]

    response = client.post(url, {"name": "Nep", "email": "nep@example.nl", "background": "policy", "group": "999999"})
    assert response.status_code == 200 and not Registration.objects.filter(email="nep@example.nl").exists()


def test_the_form_says_when_only_reserved_places_are_left_and_the_manage_page_names_the_list(client, make_atelier):
    atelier, groups = atelier_with_groups(make_atelier, capacity=2, ouders=1)
    register_guest(atelier, 1)
    form = client.get(reverse("ateliers:register", args=[atelier.pk])).content.decode()
    assert "Er zijn alleen nog plaatsen vrij voor een groep" in form

    register_guest(atelier, 2, group=groups["ouders"])
    waiting_parent = register_guest(atelier, 3, group=groups["ouders"])
    token = services.make_token(waiting_parent, "manage")
    page = client.get(reverse("ateliers:manage", args=[token])).content.decode()
    assert "nummer 1 op de wachtlijst voor ouders" in page


def test_a_parent_members_form_has_the_parents_group_preselected(client, make_atelier, member):
    member.profile.role = "parent"
    member.profile.save()
    atelier = make_atelier(
        capacity=4, reserved_places=[ReservedPlaces(name="ouders", places=2, preselect_for_role="parent")]
    )
    group = atelier.reserved_places.get()
    client.force_login(member)
    form = client.get(reverse("ateliers:register", args=[atelier.pk])).content.decode()
    assert f'value="{group.pk}" id="id_group_1" checked' in form or f'value="{group.pk}" checked' in form


def test_the_organisers_list_and_csv_show_the_group(client, make_atelier, organiser):
    atelier, groups = atelier_with_groups(make_atelier, capacity=3, ouders=1)
    register_guest(atelier, 1, group=groups["ouders"])
    register_guest(atelier, 2)
    client.force_login(organiser)

    manage = client.get(reverse("ateliers_admin:manage", args=[atelier.pk])).content.decode()
    assert "<td>ouders</td>" in manage and "<td>algemeen</td>" in manage
    assert "ouders: 1 gereserveerd, 0 vrij" in manage and "Algemeen: 1 vrij" in manage

    csv_text = client.get(reverse("ateliers_admin:registrations_export", args=[atelier.pk])).content.decode()
    header, *rows = [line.split(";") for line in csv_text.lstrip("\ufeff").splitlines()]
    column = header.index("groep")
    assert sorted(row[column] for row in rows) == ["algemeen", "ouders"]


def test_the_editor_refuses_more_reserved_places_than_the_capacity_in_dutch(client, make_atelier, organiser):
    atelier = make_atelier(capacity=5)
    client.force_login(organiser)
    edit_url = reverse("wagtailadmin_pages:edit", args=[atelier.pk])
    data = edit_form_data(client, atelier)
    data.update(
        {
            "reserved_places-TOTAL_FORMS": "2",
            "reserved_places-0-name": "ouders",
            "reserved_places-0-places": "4",
            "reserved_places-0-ORDER": "1",
            "reserved_places-1-name": "studenten",
            "reserved_places-1-places": "2",
            "reserved_places-1-ORDER": "2",
            "action-publish": "action-publish",
        }
    )
    response = client.post(edit_url, as_post(data))

    assert response.status_code == 200
    assert (
        "Er zijn 6 plaatsen gereserveerd voor groepen, maar het kennisatelier heeft maar 5" in response.content.decode()
    )
    assert not ReservedPlaces.objects.exists()

    data["reserved_places-1-places"] = "1"
    client.post(edit_url, as_post(data))
    assert sorted(ReservedPlaces.objects.values_list("name", "places")) == [("ouders", 4), ("studenten", 1)]


# -- the rules hold whatever happens ----------------------------------------------------

ACTIONS = st.lists(
    st.tuples(
        st.sampled_from(["register", "cancel", "accept"]),
        st.sampled_from([None, "ouders", "studenten"]),
        st.integers(0, 30),
    ),
    max_size=25,
)


def assert_the_rules_hold(atelier, groups):
    seated = Registration.objects.filter(atelier=atelier, status__in=Registration.SEAT_STATUSES)
    assert seated.count() <= atelier.capacity
    places = services.places_of(atelier)
    general = atelier.capacity - sum(group.places for group in groups.values())
    non_members = seated.filter(group__isnull=True).count()
    overflow = sum(max(seated.filter(group=group).count() - group.places, 0) for group in groups.values())
    assert non_members + overflow <= general  # nobody without a group sits on a reserved place
    for registration in Registration.objects.filter(atelier=atelier, status=Status.WAITING):
        assert not places.free_for(registration.group_id), "someone waits while a place they may take is free"
    expected = AtelierState.FULL if places.free_total == 0 else AtelierState.REGISTRATION_OPEN
    assert state_of(atelier) == expected


# The case that tells the lists apart: a parent's place frees up while someone without a group
# waits ahead of a parent; it must go to the parent.
REGISTER_PARENT_STUDENT_TWO_OTHERS_PARENT_THEN_FIRST_PARENT_CANCELS = [
    ("register", "ouders", 0),
    ("register", "studenten", 0),
    ("register", None, 0),
    ("register", None, 0),
    ("register", "ouders", 0),
    ("cancel", None, 0),
    ("accept", None, 0),
]


@settings(max_examples=30, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(actions=ACTIONS, offer_hours=st.sampled_from([0, 24]))
@example(actions=REGISTER_PARENT_STUDENT_TWO_OTHERS_PARENT_THEN_FIRST_PARENT_CANCELS, offer_hours=24)
def test_no_sequence_of_registrations_cancellations_and_acceptances_breaks_the_rules(
    make_atelier, actions, offer_hours
):
    # Few places, so the lists fill up and places change hands within a short sequence.
    atelier, groups = atelier_with_groups(make_atelier, capacity=3, ouders=1, studenten=1)
    AtelierPage.objects.filter(pk=atelier.pk).update(offer_hours=offer_hours)
    for number, (action, group_name, pick) in enumerate(actions):
        registrations = list(Registration.objects.filter(atelier=atelier).exclude(status=Status.CANCELLED))
        if action == "register":
            register_guest(atelier, number, group=groups.get(group_name))
        elif action == "cancel" and registrations:
            services.cancel(registrations[pick % len(registrations)])
        elif action == "accept":
            offered = [r for r in registrations if r.status == Status.OFFERED]
            if offered:
                services.accept_offer(offered[pick % len(offered)])
        assert_the_rules_hold(atelier, groups)
    AtelierPage.objects.filter(pk=atelier.pk).delete()


# -- concurrency (PostgreSQL) ------------------------------------------------------------


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_parents_taking_the_last_reserved_place_at_once_never_both_get_it(postgres_only, make_atelier, settings):
    settings.ATELIER_LOCK_TIMEOUT = 120
    atelier, groups = atelier_with_groups(make_atelier, capacity=2, ouders=1)
    register_guest(atelier, 1)  # the general place is taken: only the parents' place is left
    parents = User.objects.bulk_create(User(email=f"ouder{n}@example.nl", first_name=f"Ouder{n}") for n in range(12))
    barrier = threading.Barrier(len(parents))
    errors = []

    def take_place(user):
        barrier.wait()
        try:
            services.register(
                atelier,
                email=user.email,
                name=user.first_name,
                background="representative",
                user=user,
                group=groups["ouders"],
            )
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=take_place, args=(user,)) for user in parents]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    parents_registered = Registration.objects.filter(atelier=atelier, group=groups["ouders"])
    assert parents_registered.filter(status=Status.CONFIRMED).count() == 1
    assert parents_registered.filter(status=Status.WAITING).count() == 11
    assert state_of(atelier) == AtelierState.FULL
