"""Members are told about their community (issue 16): a round opens, its deadline nears, their
tip is published or becomes a toptip. Every mail goes through `tips.announcements`, addresses a
parent by pseudonym, names no other member, and is sent once however often the schedule runs."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from notifications.models import Notification
from tips import announcements, services
from tips.models import Round, Tip

from .conftest import tip_through_classification

pytestmark = pytest.mark.django_db

TIPS_KINDS = [
    announcements.ROUND_OPENED,
    announcements.ROUND_DEADLINE,
    announcements.TIP_PUBLISHED,
    announcements.TIP_TOPTIP,
    announcements.JOIN_REQUESTED,
]
REAL_NAMES = ("Wilhelmina", "Geheimnaam", "Bernadette", "Verborgen", "wilhelmina.geheim", "bernadette.verborgen")


def link_in(body):
    return next(word for word in body.split() if word.startswith("http://testserver/"))


def follow(client, user, mail):
    client.force_login(user)
    return client.get(link_in(mail.body).removeprefix("http://testserver"))


def draft_round(community, kind, title):
    """A round ready to open (which tips it holds does not matter for telling members)."""
    return Round.objects.create(community=community.obj, kind=kind, title=title)


def by_recipient(mailoutbox):
    return {mail.to[0]: mail for mail in mailoutbox}


def test_opening_a_round_tells_the_members_who_can_take_part(
    client, community, mailoutbox, django_capture_on_commit_callbacks
):
    round_ = draft_round(community, Round.Kind.TOPTIPS, "Toptips kiezen")
    Round.objects.filter(pk=round_.pk).update(deadline=timezone.now() + timedelta(days=5))
    round_.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        services.open_round(community.facilitator, round_)
    mails = by_recipient(mailoutbox)
    parents_and_professionals = {
        m.user.email for m in (community.parent, community.parent2, community.professional, community.professional2)
    }
    assert set(mails) == parents_and_professionals  # not the facilitator or host, who run it
    to_parent = mails[community.parent.user.email]
    assert to_parent.body.startswith("Beste Moeder A,") and "Toptips kiezen" in to_parent.body
    for mail in mailoutbox:  # nobody's identity but the addressee's own name
        assert not any(name in mail.body for name in REAL_NAMES)
        assert "Moeder B" not in mail.body or mail.to == [community.parent2.user.email]
    response = follow(client, community.parent.user, to_parent)
    assert response.status_code == 200 and "Toptips kiezen" in response.content.decode()


def test_the_deadline_reminder_run_twice_sends_once(client, community, mailoutbox, django_capture_on_commit_callbacks):
    round_ = draft_round(community, Round.Kind.PRIORITISE, "Huiswerk")
    services.open_round(community.facilitator, round_)
    mailoutbox.clear()
    later = draft_round(community, Round.Kind.PRIORITISE, "Later")
    services.open_round(community.facilitator, later)
    Round.objects.filter(pk=round_.pk).update(deadline=timezone.now() + timedelta(days=1))
    Round.objects.filter(pk=later.pk).update(deadline=timezone.now() + timedelta(days=10))
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("announce_round_deadlines", days=2, stdout=open("/dev/null", "w"))
    first = list(mailoutbox)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("announce_round_deadlines", days=2, stdout=open("/dev/null", "w"))
    assert len(mailoutbox) == len(first) == 2  # the two professionals (prioritising is their homework)
    assert {mail.to[0] for mail in first} == {community.professional.user.email, community.professional2.user.email}
    assert all("Huiswerk" in mail.body and "Later" not in mail.body for mail in first)
    assert (
        Notification.objects.filter(kind=announcements.ROUND_DEADLINE, subject_key=f"tips.Round:{round_.pk}").count()
        == 2
    )
    assert follow(client, community.professional.user, first[0]).status_code == 200


def test_a_published_tip_and_a_toptip_are_announced_to_their_writer(
    client, community, library, mailoutbox, django_capture_on_commit_callbacks
):
    tip, _round, _pair = tip_through_classification(community)
    toptips = services.create_round(community.facilitator, Round.Kind.TOPTIPS, "Kiezen")
    services.open_round(community.facilitator, toptips)
    services.vote(community.parent, toptips, [tip.pk])
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.close_round(community.facilitator, toptips)
    [toptip_mail] = mailoutbox
    assert toptip_mail.to == [community.parent.user.email] and "toptip" in toptip_mail.body
    assert toptip_mail.body.startswith("Beste Moeder A,")
    assert follow(client, community.parent.user, toptip_mail).status_code == 200

    mailoutbox.clear()
    tip.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        services.publish(community.facilitator, tip)
    [published_mail] = mailoutbox
    assert published_mail.to == [community.parent.user.email]
    assert not any(name in published_mail.body for name in REAL_NAMES)
    client.logout()
    link = link_in(published_mail.body)
    assert link.startswith("http://testserver/tips-bibliotheek/")
    assert client.get(link.removeprefix("http://testserver")).status_code == 200  # public, no login needed


def test_announcing_the_same_event_again_sends_nothing(community, mailoutbox, django_capture_on_commit_callbacks):
    round_ = draft_round(community, Round.Kind.TOPTIPS, "Eenmaal")
    with django_capture_on_commit_callbacks(execute=True):
        services.open_round(community.facilitator, round_)
    sent = len(mailoutbox)
    with django_capture_on_commit_callbacks(execute=True):
        announcements.round_opened(round_)
    assert sent == 4 and len(mailoutbox) == sent


def test_the_demo_tells_nobody_about_its_invented_history(demo_content):
    """The demo replays rounds and publications through the real services, muted: no demo
    account is told (or would be mailed by `make run`) about events that never happened."""
    assert Round.objects.filter(state=Round.State.CLOSED).exists()
    assert Tip.objects.published().exists()
    assert not Notification.objects.filter(kind__in=TIPS_KINDS).exists()
