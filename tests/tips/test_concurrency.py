"""Both members of a pair, or one member in two tabs, saving at the same moment."""

import threading

import pytest
from django.db import close_old_connections

from tests.tips.conftest import build_community
from tips import services
from tips.models import PairJudgement, Vote

pytestmark = pytest.mark.django_db(transaction=True)


def run_together(*calls):
    barrier = threading.Barrier(len(calls))
    errors = []

    def worker(call):
        try:
            barrier.wait()
            call()
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=worker, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_pair_members_judging_at_once_leave_one_shared_judgement(postgres_only):
    c = build_community()
    tip = services.submit_tip(c.parent, "Tip")
    services.deidentify(c.facilitator, tip, "Tip")
    round_ = services.create_round(c.facilitator, "classify", "Indelen")
    services.assign_pair(c.facilitator, round_, c.parent, c.professional)
    services.open_round(c.facilitator, round_)
    errors = run_together(
        lambda: services.judge(c.parent, round_, {tip.pk: ("before", True)}),
        lambda: services.judge(c.professional, round_, {tip.pk: ("after", False)}),
    )
    assert errors == []
    assert PairJudgement.objects.count() == 1


def test_voting_twice_at_once_keeps_one_ballot(postgres_only):
    c = build_community()
    tip = services.submit_tip(c.parent, "Tip")
    services.deidentify(c.facilitator, tip, "Tip")
    tip.state = "usable"
    tip.save()
    round_ = services.create_round(c.facilitator, "toptips", "Toptips")
    services.open_round(c.facilitator, round_)
    errors = run_together(*[lambda: services.vote(c.parent, round_, [tip.pk]) for _ in range(4)])
    assert errors == []
    assert Vote.objects.filter(member=c.parent).count() == 1
