"""Asking to join a community (issue 16): the request, the facilitator's decision, the mails.

A member who asked must end up exactly like one who was invited (one way of joining), parents
stay behind their pseudonym on every page and in every mail, and only the facilitator of that
community decides.
"""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from wagtail.log_actions import registry as log_registry

from accounts.models import Profile
from tips import services
from tips.models import Community, CommunityMember, JoinRequest

from .conftest import make_user

pytestmark = pytest.mark.django_db

Role = CommunityMember.Role
MOTIVATION = "Ik ben moeder van twee pubers en wil graag meedenken."


def entries(instance, action):
    return list(log_registry.get_logs_for_instance(instance).filter(action=action))


def ask(user, community, role=Role.PARENT, pseudonym="Moeder Zeester", **kwargs):
    kwargs.setdefault("consent", True)
    return services.request_to_join(user, community, role, MOTIVATION, pseudonym=pseudonym, **kwargs)


def path_of(url):
    assert url.startswith("http://testserver/"), url
    return url.removeprefix("http://testserver")


def link_in(body):
    return next(word for word in body.split() if word.startswith("http://testserver/"))


# --- Services -------------------------------------------------------------------------------


def test_an_accepted_request_makes_a_membership_exactly_like_an_accepted_invitation(community, outsider):
    """Same path (join_community), same consent version, the parent under their pseudonym."""
    request = ask(outsider, community.obj)
    assert request.state == JoinRequest.State.OPEN
    assert request.consent_version == services.MEMBERSHIP_CONSENT_VERSION and request.consented_at
    outsider.profile.refresh_from_db()
    assert outsider.profile.pseudonym == "Moeder Zeester"

    services.decide_request(community.facilitator, request.pk, accept=True, message="Welkom!")
    request.refresh_from_db()
    asked = CommunityMember.objects.get(community=community.obj, user=outsider)
    assert request.state == JoinRequest.State.ACCEPTED and request.decided_by == community.facilitator.user
    assert asked.role == Role.PARENT and asked.is_active and asked.public_name == "Moeder Zeester"

    invited_user = make_user("uitgenodigd@example.nl", "Ida", "Uitgenodigd", Profile.Role.PARENT, "Vader Maan")
    token = services.invitation_token(community.facilitator, Role.PARENT, invited_user.email)
    invited = services.accept_invitation(invited_user, token)

    [joined_by_request] = entries(asked, "tips.member_join")
    [joined_by_invitation] = entries(invited, "tips.member_join")
    assert joined_by_request.data["consent_version"] == services.MEMBERSHIP_CONSENT_VERSION
    assert joined_by_invitation.data["consent_version"] == services.MEMBERSHIP_CONSENT_VERSION
    assert joined_by_request.data["join_request"] == request.pk
    assert set(joined_by_request.data) == set(joined_by_invitation.data)
    assert (asked.role, asked.left_at) == (invited.role, invited.left_at)
    # Every state change of the request is in the audit trail, without the parent's account.
    [asked_entry] = entries(request, "tips.join_request")
    assert asked_entry.user is None and "Otto" not in asked_entry.label
    assert entries(request, "tips.join_request_accept")[0].user == community.facilitator.user


def test_one_open_request_per_member_and_community_and_it_can_be_withdrawn(community, outsider):
    ask(outsider, community.obj)
    with pytest.raises(services.TipError, match="al gevraagd"):
        ask(outsider, community.obj)
    withdrawn = services.withdraw_request(outsider, community.obj)
    assert withdrawn.state == JoinRequest.State.WITHDRAWN
    assert entries(withdrawn, "tips.join_request_withdraw")
    with pytest.raises(services.TipError, match="geen open aanmelding"):
        services.withdraw_request(outsider, community.obj)
    again = ask(outsider, community.obj)  # after withdrawing one may ask again
    assert again.pk != withdrawn.pk
    assert JoinRequest.objects.filter(user=outsider, state=JoinRequest.State.OPEN).count() == 1
    with pytest.raises(services.TipError, match="al beslist"):
        services.decide_request(community.facilitator, withdrawn.pk, accept=True)


def test_a_declined_request_is_recorded_and_makes_no_member(community, outsider, mailoutbox):
    request = ask(outsider, community.obj, role=Role.PROFESSIONAL, pseudonym="")
    services.decide_request(community.facilitator, request.pk, accept=False, message="De groep is vol.")
    request.refresh_from_db()
    assert request.state == JoinRequest.State.DECLINED and request.decision_message == "De groep is vol."
    assert not CommunityMember.objects.filter(user=outsider).exists()
    assert entries(request, "tips.join_request_decline")
    with pytest.raises(services.TipError, match="al beslist"):
        services.decide_request(community.facilitator, request.pk, accept=True)


@pytest.mark.parametrize(
    "change, message",
    [
        ({"pseudonym": ""}, "Kies eerst een schuilnaam|Kies een schuilnaam"),
        ({"pseudonym": "Otto's moeder"}, "lijkt op uw eigen naam"),
        ({"pseudonym": "Buitenwijk"}, "lijkt op uw eigen naam"),  # contains the last name
        ({"consent": False}, "Geef eerst toestemming"),
        ({"role": Role.FACILITATOR}, "als ouder of als professional"),
    ],
)
def test_a_request_asks_the_safety_questions_of_an_invitation(community, outsider, change, message):
    arguments = {"role": Role.PARENT, "pseudonym": "Moeder Zeester", "consent": True} | change
    with pytest.raises(services.TipError, match=message):
        ask(outsider, community.obj, **arguments)
    assert not JoinRequest.objects.exists()
    outsider.profile.refresh_from_db()
    assert outsider.profile.pseudonym == ""


def test_no_request_to_a_closed_community_or_from_a_member(community, outsider):
    with pytest.raises(services.TipError, match="al lid"):
        ask(community.professional.user, community.obj, role=Role.PROFESSIONAL)
    Community.objects.filter(pk=community.obj.pk).update(open_to_requests=False)
    community.obj.refresh_from_db()
    with pytest.raises(services.TipError, match="op uitnodiging"):
        ask(outsider, community.obj)
    with pytest.raises(Http404):
        services.public_community(community.obj.slug)


def test_requests_are_rate_limited(community, outsider):
    for _ in range(services.JOIN_REQUEST_LIMIT):
        ask(outsider, community.obj)
        services.withdraw_request(outsider, community.obj)
    with pytest.raises(services.RateLimited):
        ask(outsider, community.obj)


def test_only_the_facilitator_of_that_community_decides(community, outsider):
    request = ask(outsider, community.obj)
    for someone in (community.host, community.parent, community.professional):
        with pytest.raises(PermissionDenied):
            services.decide_request(someone, request.pk, accept=True)
    other = Community.objects.create(
        name="Elders", host_organisation=community.obj.host_organisation, focus_question="?"
    )
    other_facilitator = CommunityMember.objects.create(
        community=other, user=make_user("elders@example.nl", "Eva", "Elders"), role=Role.FACILITATOR
    )
    with pytest.raises(Http404):
        services.decide_request(other_facilitator, request.pk, accept=True)
    with pytest.raises(PermissionDenied):
        services.open_requests_for(community.professional)
    request.refresh_from_db()
    assert request.is_open and not CommunityMember.objects.filter(user=outsider).exists()


# --- Views ----------------------------------------------------------------------------------


def test_the_public_page_shows_the_community_and_a_parent_facilitator_only_by_pseudonym(client, community):
    community.facilitator.user.profile.role = Profile.Role.PARENT  # a parent facilitates
    community.facilitator.user.profile.pseudonym = "Moeder Vuurtoren"
    community.facilitator.user.profile.save()
    url = reverse("tips:about", args=[community.obj.slug])
    page = client.get(url).content.decode()
    assert community.obj.name in page and community.obj.focus_question in page
    assert "Moeder Vuurtoren" in page
    assert "Fenna" not in page and "Faciliteer" not in page and "begeleider@example.nl" not in page
    assert reverse("tips:join_request", args=[community.obj.slug]) in page
    # Nobody inside the community appears, nor anything written there.
    for secret in ("Wilhelmina", "Moeder A", "Piet", "Henk"):
        assert secret not in page
    Community.objects.filter(pk=community.obj.pk).update(open_to_requests=False)
    assert client.get(url).status_code == 404


def test_the_library_leads_to_the_communities_open_to_requests(client, community, library):
    page = client.get(library.url).content.decode()
    assert reverse("tips:about", args=[community.obj.slug]) in page


def test_asking_needs_a_verified_login(client, community):
    url = reverse("tips:join_request", args=[community.obj.slug])
    response = client.get(url)
    assert response.status_code == 302 and "login" in response.url
    unverified = make_user("onbevestigd@example.nl", "Olaf", "Onbevestigd")
    unverified.emailaddress_set.update(verified=False)
    client.force_login(unverified)
    assert client.post(url, {"role": "professional", "motivation": "x", "consent": "on"}).status_code == 403
    assert not JoinRequest.objects.exists()


def test_bad_input_gets_dutch_messages(client, community, outsider):
    client.force_login(outsider)
    url = reverse("tips:join_request", args=[community.obj.slug])
    assert client.get(url).status_code == 200
    response = client.post(url, {})
    assert response.status_code == 400
    text = response.content.decode()
    assert "Kies of u meedoet als ouder of als professional." in text
    assert "Schrijf in een paar zinnen waarom u mee wilt doen." in text
    response = client.post(url, {"role": "parent", "motivation": MOTIVATION, "pseudonym": "Moeder Zeester"})
    assert response.status_code == 400 and "Geef eerst toestemming" in response.content.decode()
    response = client.post(url, {"role": "parent", "motivation": MOTIVATION, "consent": "on"})
    assert response.status_code == 400 and "Kies een schuilnaam" in response.content.decode()
    assert not JoinRequest.objects.exists()


def test_ask_accept_and_follow_the_mail_into_the_community(
    client, community, outsider, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(outsider)
    response = client.post(
        reverse("tips:join_request", args=[community.obj.slug]),
        {"role": "parent", "pseudonym": "Moeder Zeester", "motivation": MOTIVATION, "consent": "on"},
        follow=True,
    )
    assert "Uw aanmelding is verstuurd" in response.content.decode()
    assert "Aanmelding intrekken" in response.content.decode()
    overview = client.get(reverse("members:overview")).content.decode()
    assert community.obj.name in overview and "Open" in overview
    [notice] = mailoutbox  # the facilitator hears that someone asks, not who
    assert notice.to == [community.facilitator.user.email]
    assert "Otto" not in notice.body and "Zeester" not in notice.body
    mailoutbox.clear()

    client.force_login(community.facilitator.user)
    members_page = client.get(reverse("tips:members", args=[community.obj.slug])).content.decode()
    assert MOTIVATION in members_page and "Moeder Zeester" in members_page  # the facilitator may know who it is
    request = JoinRequest.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("tips:join_request_decide", args=[community.obj.slug, request.pk]),
            {"decision": "accept", "message": "Welkom bij de groep!"},
        )
    [mail] = mailoutbox
    assert mail.to == [outsider.email]
    assert "Beste Moeder Zeester" in mail.body and "Welkom bij de groep!" in mail.body
    assert "Otto" not in mail.body and "Buiten" not in mail.body

    client.force_login(outsider)
    page = client.get(path_of(link_in(mail.body)))
    assert page.status_code == 200 and community.obj.name in page.content.decode()
    # The other members see the newcomer under the pseudonym only.
    client.force_login(community.professional.user)
    members_page = client.get(reverse("tips:members", args=[community.obj.slug])).content.decode()
    assert "Moeder Zeester" in members_page and "Otto" not in members_page and outsider.email not in members_page


def test_a_declined_request_is_mailed_in_english_when_asked_in_english(
    client, community, outsider, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(outsider)
    client.post(
        f"/en{reverse('tips:join_request', args=[community.obj.slug])}",
        {"role": "professional", "motivation": MOTIVATION, "consent": "on"},
    )
    request = JoinRequest.objects.get()
    assert request.language == "en"
    [notice] = mailoutbox  # to the facilitator, in her own language (Dutch), whatever the requester's
    assert notice.to == [community.facilitator.user.email] and "Iemand vraagt" in notice.body
    mailoutbox.clear()
    client.force_login(community.facilitator.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("tips:join_request_decide", args=[community.obj.slug, request.pk]), {"decision": "decline"})
    [mail] = mailoutbox
    assert "did not accept" in mail.body, mail.body
    link = link_in(mail.body)
    assert link.startswith("http://testserver/en/")
    client.logout()
    assert client.get(path_of(link)).status_code == 200  # the public page, also without logging in


def test_a_facilitator_must_choose_accept_or_decline_and_others_are_refused(client, community, outsider):
    request = ask(outsider, community.obj)
    url = reverse("tips:join_request_decide", args=[community.obj.slug, request.pk])
    client.force_login(community.facilitator.user)
    response = client.post(url, {"decision": "misschien"}, follow=True)
    assert "Kies of u de aanmelding accepteert of afwijst." in response.content.decode()
    client.force_login(community.professional.user)
    assert client.post(url, {"decision": "accept"}).status_code == 403
    request.refresh_from_db()
    assert request.is_open


def test_withdrawing_from_the_public_page(client, community, outsider):
    ask(outsider, community.obj)
    client.force_login(outsider)
    response = client.post(reverse("tips:join_request_withdraw", args=[community.obj.slug]), follow=True)
    assert "Uw aanmelding is ingetrokken." in response.content.decode()
    assert JoinRequest.objects.get().state == JoinRequest.State.WITHDRAWN
    assert "Ingetrokken" in client.get(reverse("members:overview")).content.decode()


def test_the_database_holds_one_open_request_per_member_and_community(community, outsider):
    """Two requests sent at the same moment both pass the service's check; the constraint keeps one."""
    from django.db import IntegrityError, transaction

    first = ask(outsider, community.obj)
    with pytest.raises(IntegrityError), transaction.atomic():
        JoinRequest.objects.create(community=community.obj, user=outsider, role=Role.PARENT, motivation="x")
    first.state = JoinRequest.State.DECLINED
    first.save()
    JoinRequest.objects.create(
        community=community.obj, user=outsider, role=Role.PARENT, motivation="x"
    )  # decided ones don't count


def test_a_members_requests_are_in_their_data_export_and_go_with_their_account(community, outsider):
    from accounts import services as account_services

    ask(outsider, community.obj)
    exported = services.export_member_tips(outsider)["join_requests"]
    assert [(r["community"], r["motivation"], r["state"]) for r in exported] == [
        (community.obj.name, MOTIVATION, JoinRequest.State.OPEN)
    ]
    account_services.delete_account(outsider)
    assert not JoinRequest.objects.exists()


def test_the_facilitator_hears_of_a_request_without_the_requesters_identity(
    client, community, outsider, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ask(outsider, community.obj)
    [mail] = mailoutbox
    assert mail.to == [community.facilitator.user.email] and "als ouder" in mail.body
    assert not any(secret in mail.body for secret in ("Otto", "Buiten", "Moeder Zeester", outsider.email))
    client.force_login(community.facilitator.user)
    page = client.get(link_in(mail.body).removeprefix("http://testserver")).content.decode()
    assert MOTIVATION in page and "Accepteren" in page
    assert (
        "1 aanmelding wacht op uw besluit"
        in client.get(reverse("tips:community", args=[community.obj.slug])).content.decode()
    )


def test_only_facilitators_are_offered_the_join_request_notification(client, community):
    label = "Aanmeldingen voor uw tipgemeenschap"
    for who, offered in (("facilitator", True), ("host", False), ("parent", False), ("professional", False)):
        client.force_login(community.users[who])
        html = client.get(reverse("notifications:preferences")).content.decode()
        assert "Een ronde sluit binnenkort" in html  # the page lists the kinds that concern everyone
        assert (label in html) is offered, who
