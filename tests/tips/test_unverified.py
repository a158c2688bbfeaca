"""Issue 12, finding 3: an account whose e-mail address was never confirmed cannot join a
community, write or vote on tips, or say it tried a tip. Someone can sign up with another
person's address; without confirmation nothing may be done in that person's name. Each action
gets the Dutch 'confirm your e-mail address first' page (403) with a button that resends the
confirmation mail, and nothing is written."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from tests.tips.conftest import tip_through_classification
from tips import services
from tips.models import CommunityMember, Tip, TriedIt, Vote

pytestmark = pytest.mark.django_db

VERIFY_FIRST = "Bevestig eerst uw e-mailadres"


def unverify(user):
    EmailAddress.objects.filter(user=user).update(verified=False)
    return user


def assert_asked_to_verify(response, user):
    assert response.status_code == 403
    page = response.content.decode()
    assert VERIFY_FIRST in page
    assert f'value="{user.email}"' in page and 'name="action_send"' in page  # resend the mail


def test_an_unverified_account_cannot_join_through_an_invitation(client, community, outsider):
    token = services.invitation_token(community.facilitator, "professional", outsider.email)
    client.force_login(unverify(outsider))
    response = client.post(reverse("tips:invitation", args=[token]))
    assert_asked_to_verify(response, outsider)
    assert not CommunityMember.objects.filter(user=outsider).exists()


def test_an_unverified_member_cannot_write_a_tip(client, community):
    user = unverify(community.professional.user)
    client.force_login(user)
    response = client.post(
        reverse("tips:submit", args=[community.obj.slug]),
        {"text": "Een tip op andermans naam", "audiences": ["parents"]},
    )
    assert_asked_to_verify(response, user)
    assert not Tip.objects.filter(text="Een tip op andermans naam").exists()


def test_an_unverified_member_cannot_change_a_tip(client, community):
    tip = services.submit_tip(community.professional, "Mijn eigen tip", audiences=["parents"])
    user = unverify(community.professional.user)
    client.force_login(user)
    response = client.post(reverse("tips:tip_action", args=[community.obj.slug, tip.pk, "withdraw"]))
    assert_asked_to_verify(response, user)
    tip.refresh_from_db()
    assert tip.state != Tip.State.WITHDRAWN


def test_an_unverified_member_cannot_vote(client, community):
    tip, _classify, _pair = tip_through_classification(community)
    round_ = services.create_round(community.facilitator, "toptips", "Toptips kiezen")
    services.open_round(community.facilitator, round_)
    user = unverify(community.professional2.user)
    client.force_login(user)
    response = client.post(reverse("tips:round_take_part", args=[community.obj.slug, round_.pk]), {"tips": [tip.pk]})
    assert_asked_to_verify(response, user)
    assert not Vote.objects.filter(member=community.professional2).exists()


def test_an_unverified_account_cannot_say_it_tried_a_tip_but_can_read_it(client, community, library):
    tip, _round, _pair = tip_through_classification(community)
    services.publish(community.facilitator, tip)
    url = library.url + library.reverse_subpage("tip", args=[tip.pk])
    user = unverify(community.professional.user)
    client.force_login(user)
    assert client.get(url).status_code == 200
    response = client.post(url, {"note": "Werkte prima"})
    assert_asked_to_verify(response, user)
    assert not TriedIt.objects.exists()


def test_a_verified_member_still_votes(client, community):
    tip, _classify, _pair = tip_through_classification(community)
    round_ = services.create_round(community.facilitator, "toptips", "Toptips kiezen")
    services.open_round(community.facilitator, round_)
    client.force_login(community.professional2.user)
    client.post(reverse("tips:round_take_part", args=[community.obj.slug, round_.pk]), {"tips": [tip.pk]})
    assert Vote.objects.filter(member=community.professional2, tip=tip).exists()
