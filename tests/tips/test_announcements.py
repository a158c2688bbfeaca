"""Members are told about their community (issue 16): a round opens, its deadline nears, their
tip is published or becomes a toptip. Every mail goes through `tips.announcements`, addresses a
parent by pseudonym, names no other member, and is sent once however often the schedule runs."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from notifications import services as notification_services
from notifications.models import Delivery, Notification
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


# -- Through the notification service (issue 16): preferences, language, unsubscribe, digest ---


def header_link(mail):
    return mail.extra_headers["List-Unsubscribe"].strip("<>").removeprefix("http://testserver")


def test_each_member_chooses_per_kind_and_a_mail_client_unsubscribes_with_one_click(client, community, mailoutbox):
    notification_services.set_preferences(community.parent.user, {announcements.ROUND_OPENED: Delivery.OFF})
    services.open_round(community.facilitator, draft_round(community, Round.Kind.TOPTIPS, "Eerste"))
    mails = by_recipient(mailoutbox)
    assert community.parent.user.email not in mails  # she switched this kind off
    to_parent2 = mails[community.parent2.user.email]
    assert to_parent2.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "mailto:" not in to_parent2.extra_headers["List-Unsubscribe"]
    # The unsubscribe link is in the text too, and its GET only asks.
    assert (
        header_link(to_parent2) in to_parent2.body
        and "Afmelden" in client.get(header_link(to_parent2)).content.decode()
    )
    assert (
        notification_services.delivery_for(community.parent2.user, announcements.ROUND_OPENED) == Delivery.IMMEDIATELY
    )

    assert client.post(header_link(to_parent2)).status_code == 200  # as a mail client: no session, no token
    mailoutbox.clear()
    services.open_round(community.facilitator, draft_round(community, Round.Kind.TOPTIPS, "Tweede"))
    assert set(by_recipient(mailoutbox)) == {community.professional.user.email, community.professional2.user.email}


def test_an_announcement_is_written_in_the_members_language_and_its_link_works(client, community, mailoutbox):
    notification_services.set_preferences(community.parent.user, {}, language="en")
    round_ = draft_round(community, Round.Kind.TOPTIPS, "Toptips kiezen")
    Round.objects.filter(pk=round_.pk).update(deadline=timezone.now() + timedelta(days=5))
    round_.refresh_from_db()
    services.open_round(community.facilitator, round_)
    mail = by_recipient(mailoutbox)[community.parent.user.email]
    assert mail.subject == f"New round in {community.obj.name}"
    assert mail.body.startswith("Dear Moeder A,") and "You can take part until" in mail.body
    assert not any(name in mail.body for name in REAL_NAMES)
    link = link_in(mail.body)
    assert link.startswith("http://testserver/en/")
    response = follow(client, community.parent.user, mail)
    assert response.status_code == 200 and "Toptips kiezen" in response.content.decode()
    dutch = by_recipient(mailoutbox)[community.parent2.user.email]
    assert dutch.body.startswith("Beste Moeder B,")


def test_a_change_that_rolls_back_leaves_no_notification_and_no_mail(community, queue):
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult

    round_ = draft_round(community, Round.Kind.TOPTIPS, "Teruggedraaid")
    with pytest.raises(RuntimeError), transaction.atomic():
        services.open_round(community.facilitator, round_)
        assert Notification.objects.filter(kind=announcements.ROUND_OPENED).count() == 4
        raise RuntimeError("the request failed after opening the round")
    assert not Notification.objects.exists() and not DBTaskResult.objects.exists()
    round_.refresh_from_db()
    services.open_round(community.facilitator, round_)
    assert DBTaskResult.objects.count() == 4  # committed: one queued mail per member


def test_announcements_chosen_for_the_digest_arrive_in_one_weekly_mail_with_every_kind(client, community, mailoutbox):
    professional = community.professional.user
    notification_services.set_preferences(
        professional, {announcements.ROUND_OPENED: Delivery.DIGEST, announcements.ROUND_DEADLINE: Delivery.DIGEST}
    )
    round_ = draft_round(community, Round.Kind.PRIORITISE, "Huiswerk")
    services.open_round(community.facilitator, round_)
    Round.objects.filter(pk=round_.pk).update(deadline=timezone.now() + timedelta(days=1))
    call_command("announce_round_deadlines", days=2, stdout=open("/dev/null", "w"))
    assert professional.email not in by_recipient(mailoutbox)
    mailoutbox.clear()

    call_command("send_notification_digests", stdout=open("/dev/null", "w"))
    call_command("send_notification_digests", stdout=open("/dev/null", "w"))
    [digest] = mailoutbox
    assert digest.to == [professional.email]
    assert "Nieuwe ronde in uw tipgemeenschap" in digest.body and "Een ronde sluit binnenkort" in digest.body
    assert digest.body.count(f"/tips/{community.obj.slug}/") >= 2  # the round, from each kind
    response = follow(client, professional, digest)
    assert response.status_code == 200 and "Huiswerk" in response.content.decode()

    client.logout()
    assert client.post(header_link(digest)).status_code == 200  # one click: every kind in this digest
    assert notification_services.delivery_for(professional, announcements.ROUND_OPENED) == Delivery.OFF
    assert notification_services.delivery_for(professional, announcements.ROUND_DEADLINE) == Delivery.OFF
