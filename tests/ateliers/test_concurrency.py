"""Capacity under load, on PostgreSQL: the atelier row lock is what keeps the count exact.

PostgreSQL here allows 100 connections, shared with other test runs; so while all 200
threads are released together by a barrier, at most CONNECTIONS of them hold a database
connection at the same moment. Each thread opens its own connection and closes it.
"""

import threading

import pytest
from django.core import mail
from django.db import connection

from accounts.models import User
from ateliers import services
from ateliers.models import Registration

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

CONNECTIONS = 40


@pytest.fixture(autouse=True)
def _patient_lock(settings):
    """Here 40 threads of one Python process queue at the lock and share one GIL, so a turn at
    the lock takes far longer than between gunicorn workers; these tests are about exact counts,
    not about the busy answer (tests/ateliers/test_busy.py), so nobody gives up waiting."""
    settings.ATELIER_LOCK_TIMEOUT = 120


def run_together(jobs):
    barrier = threading.Barrier(len(jobs))
    pool = threading.BoundedSemaphore(CONNECTIONS)
    errors = []

    def run(job):
        barrier.wait()
        with pool:
            try:
                job()
            except Exception as error:  # noqa: BLE001 - collected and asserted below
                errors.append(error)
            finally:
                connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


def test_200_simultaneous_registrations_for_50_seats(postgres_only, make_atelier):
    atelier = make_atelier(capacity=50)
    users = User.objects.bulk_create(User(email=f"deelnemer{n}@example.nl", first_name=f"D{n}") for n in range(200))

    def job(user):
        return lambda: services.register(
            atelier, email=user.email, name=user.first_name, background="wijkteam", user=user
        )

    errors = run_together([job(user) for user in users])

    assert errors == []
    statuses = Registration.objects.filter(atelier=atelier).values_list("status", flat=True)
    assert sum(s == Registration.Status.CONFIRMED for s in statuses) == 50
    assert sum(s == Registration.Status.WAITING for s in statuses) == 150
    assert len(mail.outbox) == 200
    # The waiting list has a strict order: everyone waiting joined after the last seat went.
    last_seat = Registration.objects.filter(status="confirmed").order_by("-queued_at").first().queued_at
    assert not Registration.objects.filter(status="waiting", queued_at__lt=last_seat).exists()


def test_the_same_person_submitting_many_times_at_once_gets_one_registration(postgres_only, make_atelier):
    atelier = make_atelier(capacity=5)
    user = User.objects.create_user(email="dubbel@example.nl", first_name="Dubbel")

    errors = run_together(
        [
            lambda: services.register(atelier, email=user.email, name="Dubbel", background="policy", user=user)
            for _ in range(20)
        ]
    )

    assert errors == []
    assert Registration.objects.filter(atelier=atelier).count() == 1
    assert Registration.objects.get().status == Registration.Status.CONFIRMED


def _offered_seat(make_atelier, waiting=2):
    """One seat, its holder gone: the first of `waiting` people holds an offer."""
    atelier = make_atelier(capacity=1)
    holder = services.confirm_email(
        services.register(atelier, email="houder@example.nl", name="H", background="policy")
    )
    queue = [
        services.confirm_email(
            services.register(atelier, email=f"wacht{n}@example.nl", name=f"W{n}", background="policy")
        )
        for n in range(waiting)
    ]
    services.cancel(holder)
    assert Registration.objects.get(pk=queue[0].pk).status == Registration.Status.OFFERED
    mail.outbox.clear()
    return atelier, queue


def test_two_people_accepting_the_one_offered_seat_at_once_take_it_once(postgres_only, make_atelier):
    """Two tabs (or a double click) on the accept button: one seat, one confirmation mail."""
    atelier, (offered, _next) = _offered_seat(make_atelier)

    errors = run_together([lambda: services.accept_offer(offered) for _ in range(2)])

    assert errors == []
    assert Registration.objects.get(pk=offered.pk).status == Registration.Status.CONFIRMED
    assert Registration.objects.filter(atelier=atelier, status__in=Registration.SEAT_STATUSES).count() == 1
    assert [m.to for m in mail.outbox] == [[offered.email]]


def test_accepts_and_expiry_runs_racing_for_a_lapsed_offer_pass_it_on_once(postgres_only, make_atelier):
    """The expiry command started twice by overlapping timers, while the person clicks accept too late."""
    from django.core.management import call_command
    from django.utils import timezone
    from wagtail.models import ModelLogEntry

    atelier, (offered, following, last) = _offered_seat(make_atelier, waiting=3)
    Registration.objects.filter(pk=offered.pk).update(offer_expires_at=timezone.now())

    def accept():
        try:
            services.accept_offer(offered)
        except services.AtelierError:
            pass  # too late, or already passed on: the answer the person sees

    errors = run_together([accept, accept] + [lambda: call_command("expire_atelier_offers") for _ in range(3)])

    assert errors == []
    statuses = dict(Registration.objects.filter(atelier=atelier).values_list("email", "status"))
    assert statuses[offered.email] == Registration.Status.CANCELLED
    assert statuses[following.email] == Registration.Status.OFFERED
    assert statuses[last.email] == Registration.Status.WAITING
    assert ModelLogEntry.objects.filter(action="ateliers.offer_expired").count() == 1
    assert sorted(m.to[0] for m in mail.outbox) == sorted([offered.email, following.email])
