"""Issue 14, audit trail: every state change says who did it and when, in Wagtail's history.

Each kind of change is made through the real view (or the service where the platform has no
view for it); it leaves exactly one entry with the right action, user and object, and a
platform administrator finds that entry in the admin's site history report. A refused change
leaves nothing. A parent never appears in the trail by name, e-mail address or account.

The fixtures of the atelier and editorial test packages are imported (pytest passes them to
the tests by name), hence the file-wide F811.
"""

# ruff: noqa: F811

import json
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry, PageLogEntry

from accounts.models import Profile, User
from ateliers import services as atelier_services
from ateliers.models import AtelierState, Registration
from editorial.services import ADMINISTRATOR_GROUP, ensure_platform_groups
from home.setup import ensure_site
from organisations.models import Membership
from tests.ateliers.conftest import (  # noqa: F401
    atelier,
    begin,
    make_atelier,
    organiser,
    organising_organisation,
    series,
    staff,
)
from tests.editorial.conftest import platform  # noqa: F401
from tests.editorial.test_method_and_publication_workflows import act, new_method, submit_new
from tests.tips.conftest import build_community, make_user, tip_through_classification
from tips import services as tip_services
from tips.models import CommunityMember, Invitation, Round, Tip

pytestmark = pytest.mark.django_db
Status = Registration.Status


@pytest.fixture
def administrator(db):
    """A platform administrator (the group, not a superuser): sees what its permissions allow."""
    ensure_site()  # the groups get their rights on the site's pages, as after `setup_site`
    _moderators, administrators = ensure_platform_groups()
    user = User.objects.create_user(email="beheer@platform.test", password="geheim-wachtwoord-9", first_name="Bea")
    user.groups.add(administrators)
    return user


@pytest.fixture
def community(db):
    return build_community()


def entries(instance, action=None):
    logs = log_registry.get_logs_for_instance(instance)
    return list(logs.filter(action=action) if action else logs)


def the_entry(instance, action):
    """The one entry of `action` on `instance` (fails when there is none or more than one)."""
    found = entries(instance, action)
    assert len(found) == 1, f"{action} on {instance!r}: {len(found)} entries"
    return found[0]


def in_site_history(administrator, entry):
    """Does the admin's site history report, filtered on the entry's action, list this entry?"""
    client = Client()
    client.force_login(administrator)
    response = client.get(reverse("wagtailadmin_reports:site_history"), {"action": entry.action})
    assert response.status_code == 200
    return any(type(shown) is type(entry) and shown.pk == entry.pk for shown in response.context["object_list"])


def all_entries():
    return list(ModelLogEntry.objects.all()) + list(PageLogEntry.objects.all())


# -- ateliers ------------------------------------------------------------------------------


def test_a_guest_registering_confirming_and_cancelling_is_recorded_without_a_user(
    client, make_atelier, administrator, django_capture_on_commit_callbacks
):
    atelier = make_atelier(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("ateliers:register", args=[atelier.pk]),
            {"name": "Gert Gast", "email": "gert@example.nl", "background": "policy"},
        )
    registration = Registration.objects.get()
    entry = the_entry(registration, "ateliers.register")
    assert entry.user is None and entry.data["status"] == Status.PENDING
    assert "Gert" not in entry.label and "gert@example.nl" not in entry.label
    assert in_site_history(administrator, entry)

    confirm_link = re.search(r"https?://[^/\s]+(/\S*/bevestigen/\S+)", mail.outbox[0].body).group(1)
    client.post(confirm_link)
    registration.refresh_from_db()
    confirmed = the_entry(registration, "ateliers.confirm_email")
    assert confirmed.user is None and confirmed.data["status"] == Status.CONFIRMED
    # The only seat is taken: the atelier became full by itself, recorded without a user.
    full = the_entry(atelier, "ateliers.state_change")
    assert (full.data["from"], full.data["to"], full.data["automatic"]) == ("registration_open", "full", True)
    assert full.user is None and in_site_history(administrator, full)

    client.post(reverse("ateliers:cancel", args=[atelier_services.make_token(registration, "manage")]))
    cancelled = the_entry(registration, "ateliers.cancel")
    assert cancelled.user is None and cancelled.data["status"] == Status.CANCELLED
    assert in_site_history(administrator, cancelled)


def test_a_cancellation_that_frees_a_seat_records_the_promotion_from_the_waiting_list(make_atelier, administrator):
    atelier = make_atelier(capacity=1, offer_hours=0)  # placed at once, no offer
    holder = atelier_services.confirm_email(
        atelier_services.register(atelier, email="een@example.nl", name="Een", background="wijkteam")
    )
    waiting = atelier_services.confirm_email(
        atelier_services.register(atelier, email="twee@example.nl", name="Twee", background="wijkteam")
    )
    assert waiting.status == Status.WAITING
    atelier_services.cancel(holder)
    promoted = the_entry(waiting, "ateliers.promote")
    assert promoted.data == {"atelier": atelier.pk, "status": Status.CONFIRMED}
    assert in_site_history(administrator, promoted)


def test_a_member_registering_is_recorded_as_that_member(client, atelier):
    member = make_user("priya@example.nl", "Priya", "Pinas")
    client.force_login(member)
    client.post(reverse("ateliers:register", args=[atelier.pk]), {"name": "Priya Pinas", "background": "wijkteam"})
    entry = the_entry(Registration.objects.get(), "ateliers.register")
    assert entry.user == member and entry.data["status"] == Status.CONFIRMED
    assert "Priya" not in entry.label


def test_a_parent_registering_is_recorded_without_their_account(client, atelier):
    parent = make_user("ouder@example.nl", "Olga", "Ouderling", Profile.Role.PARENT, "Mama Beer")
    client.force_login(parent)
    client.post(reverse("ateliers:register", args=[atelier.pk]), {"name": "Olga Ouderling", "background": "other"})
    entry = the_entry(Registration.objects.get(), "ateliers.register")
    assert entry.user is None and "Olga" not in json.dumps(entry.data) + entry.label


def test_checking_in_at_the_door_records_the_staff_member(client, atelier, staff, administrator):
    begin(atelier)
    registration = atelier_services.confirm_email(
        atelier_services.register(atelier, email="gast@example.nl", name="Gast", background="wijkteam")
    )
    client.force_login(staff)
    client.post(reverse("ateliers:checkin_toggle", args=[atelier.pk, registration.pk]), {"attended": "1"})
    entry = the_entry(registration, "ateliers.attendance")
    assert entry.user == staff and entry.data["attended"] is True
    assert in_site_history(administrator, entry)

    # Ticking again changes nothing, so it records nothing.
    client.post(reverse("ateliers:checkin_toggle", args=[atelier.pk, registration.pk]), {"attended": "1"})
    assert len(entries(registration, "ateliers.attendance")) == 1


def test_the_organisers_attendance_list_and_lifecycle_steps_record_the_organiser(client, atelier, organiser):
    begin(atelier)
    registration = atelier_services.confirm_email(
        atelier_services.register(atelier, email="gast@example.nl", name="Gast", background="wijkteam")
    )
    client.force_login(organiser)
    url = reverse("ateliers_admin:manage", args=[atelier.pk])
    client.post(url, {"save_attendance": "1", "attended": [str(registration.pk)]})
    assert the_entry(registration, "ateliers.attendance").user == organiser

    client.post(url, {"transition": AtelierState.HELD})
    held = the_entry(atelier, "ateliers.state_change")
    assert held.user == organiser and held.data["to"] == AtelierState.HELD
    client.post(url, {"undo": "1"})
    assert the_entry(atelier, "ateliers.state_undo").user == organiser


def test_a_refused_check_in_or_transition_records_nothing(client, atelier, staff, organiser):
    registration = atelier_services.confirm_email(
        atelier_services.register(atelier, email="gast@example.nl", name="Gast", background="wijkteam")
    )
    before = len(all_entries())
    client.force_login(staff)
    client.post(reverse("ateliers:checkin_toggle", args=[atelier.pk, registration.pk]), {"attended": "1"})
    client.force_login(organiser)
    client.post(reverse("ateliers_admin:manage", args=[atelier.pk]), {"transition": AtelierState.HELD})  # too early
    registration.refresh_from_db()
    assert not registration.attended
    assert len(all_entries()) == before


# -- tips, rounds and community memberships -------------------------------------------------


def test_a_parent_submitting_a_tip_is_recorded_by_member_number_only(client, community, administrator):
    client.force_login(community.parent.user)
    client.post(
        reverse("tips:submit", args=[community.obj.slug]),
        {"text": "Wilhelmina hier: vraag wat een afkorting betekent.", "audiences": ["parents"]},
    )
    tip = Tip.objects.get()
    entry = the_entry(tip, "tips.submit")
    assert entry.user is None and entry.data["member"] == community.parent.pk
    assert "Wilhelmina" not in entry.label + json.dumps(entry.data)
    assert in_site_history(administrator, entry)


def test_the_facilitators_steps_on_a_tip_record_the_facilitator(client, community, administrator):
    tip = tip_services.submit_tip(community.parent, "Bij Rotterdam hielp Sandra mij.", consent=True)
    facilitator = community.facilitator.user
    client.force_login(facilitator)
    url = lambda action: reverse("tips:tip_action", args=[community.obj.slug, tip.pk, action])  # noqa: E731
    client.post(url("deidentify"), {"text": "Een buurtwerker hielp mij."})
    client.post(url("flags"), {"too_vague": "on"})
    Tip.objects.filter(pk=tip.pk).update(state=Tip.State.USABLE)
    client.post(url("publish"))
    client.post(url("archive"))
    for action, state in [
        ("tips.deidentify", Tip.State.DEIDENTIFIED),
        ("tips.flags", Tip.State.DEIDENTIFIED),
        ("tips.publish", Tip.State.PUBLISHED),
        ("tips.archive", Tip.State.ARCHIVED),
    ]:
        entry = the_entry(tip, action)
        assert (entry.user, entry.data["state"]) == (facilitator, state), action
        assert "Sandra" not in entry.label
    assert in_site_history(administrator, the_entry(tip, "tips.publish"))


def test_consent_and_withdrawal_by_the_parent_are_recorded_without_their_account(client, community):
    tip = tip_services.submit_tip(community.parent, "Neem iemand mee.")
    client.force_login(community.parent.user)
    client.post(reverse("tips:tip_action", args=[community.obj.slug, tip.pk, "consent"]))
    client.post(reverse("tips:tip_action", args=[community.obj.slug, tip.pk, "withdraw"]))
    for action in ("tips.consent", "tips.withdraw"):
        entry = the_entry(tip, action)
        assert entry.user is None and entry.data["member"] == community.parent.pk


def test_publishing_without_the_parents_consent_is_refused_and_records_nothing(client, community):
    tip = tip_services.submit_tip(community.parent, "Neem iemand mee.")
    tip_services.deidentify(community.facilitator, tip, tip.text)
    Tip.objects.filter(pk=tip.pk).update(state=Tip.State.USABLE)
    client.force_login(community.facilitator.user)
    client.post(reverse("tips:tip_action", args=[community.obj.slug, tip.pk, "publish"]))
    assert Tip.objects.get(pk=tip.pk).state == Tip.State.USABLE
    assert entries(tip, "tips.publish") == []
    # Nor may anyone but the facilitator move a tip along.
    client.force_login(community.professional.user)
    client.post(reverse("tips:tip_action", args=[community.obj.slug, tip.pk, "archive"]))
    assert entries(tip, "tips.archive") == []


def test_a_round_created_paired_opened_and_closed_records_each_step_and_the_tips_it_moved(
    client, community, administrator
):
    tip = tip_services.submit_tip(community.parent, "Tip voor de koppels", consent=True)
    tip_services.deidentify(community.facilitator, tip, tip.text)
    client.force_login(community.facilitator.user)
    client.post(reverse("tips:round_create", args=[community.obj.slug]), {"kind": "classify", "title": "Indelen"})
    round_ = Round.objects.get()
    url = reverse("tips:round", args=[community.obj.slug, round_.pk])
    client.post(url, {"open": "1"})  # refused: no pairs yet
    assert entries(round_, "tips.round_open") == []
    client.post(url, {"parent": community.parent.pk, "professional": community.professional.pk})
    client.post(url, {"open": "1"})
    round_.refresh_from_db()
    tip_services.judge(community.professional, round_, {tip.pk: ("before", True)})
    client.post(url, {"close": "1"})

    facilitator = community.facilitator.user
    for action in ("tips.round_create", "tips.pair_assign", "tips.round_open", "tips.round_close"):
        entry = the_entry(round_, action)
        assert entry.user == facilitator, action
        assert in_site_history(administrator, entry), action
    assert the_entry(round_, "tips.round_create").data["tips"] == [tip.pk]
    moved = the_entry(tip, "tips.state_change")
    assert (moved.data["previous_state"], moved.data["state"], moved.data["round"]) == (
        Tip.State.DEIDENTIFIED,
        Tip.State.USABLE,
        round_.pk,
    )


def test_an_invitation_and_joining_with_it_are_recorded_without_the_address(
    client, community, administrator, django_capture_on_commit_callbacks
):
    newcomer = make_user("nieuwkomer@example.nl", "Nina", "Nieuw")
    client.force_login(community.facilitator.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("tips:members", args=[community.obj.slug]),
            {"invite-role": "professional", "invite-email": newcomer.email},
        )
    invitation = Invitation.objects.get()
    invited = the_entry(invitation, "tips.invitation_create")
    assert invited.user == community.facilitator.user
    assert "nieuwkomer" not in invited.label + json.dumps(invited.data)
    assert in_site_history(administrator, invited)

    client.force_login(newcomer)
    client.post(response.context["invitation_url"].split("testserver", 1)[1])
    member = CommunityMember.objects.get(user=newcomer)
    joined = the_entry(member, "tips.member_join")
    assert joined.user == newcomer and joined.data["invitation"] == invitation.pk
    assert in_site_history(administrator, joined)


def test_a_parent_leaving_is_recorded_without_their_account(client, community):
    client.force_login(community.parent.user)
    client.post(reverse("tips:leave", args=[community.obj.slug]), {"choice": "anonymise"})
    left = the_entry(community.parent, "tips.member_leave")
    assert left.user is None and left.data["member"] == community.parent.pk
    assert "Wilhelmina" not in left.label and "Moeder A" in left.label


def test_a_facilitator_adding_a_member_is_recorded_as_the_facilitator(community):
    someone = make_user("iemand@example.nl", "Iris", "Iemand")
    member = tip_services.add_member(community.facilitator, someone.email, CommunityMember.Role.PROFESSIONAL)
    assert the_entry(member, "tips.member_join").user == community.facilitator.user
    tip_services.add_member(community.facilitator, someone.email, CommunityMember.Role.PROFESSIONAL)  # already in
    assert len(entries(member, "tips.member_join")) == 1


# The property: whatever a parent does in a community, and whatever a facilitator does with
# their tips, no log entry carries the parent's name, e-mail address or account, and the site
# history report does not show them either.

FLOW_STEPS = ["submit", "meeting_tip", "consent", "deidentify", "flags", "classify", "publish", "withdraw"]
FLOW_STEPS += ["leave_and_rejoin", "invite_again"]


def _run_step(c, step, name):
    latest = Tip.objects.filter(community=c.obj).order_by("-pk").first()
    if step == "submit":
        tip_services.submit_tip(c.parent, f"Ik ben {name} en dit hielp mij.", audiences=["parents"])
    elif step == "meeting_tip":
        tip_services.submit_tip(c.facilitator, f"{name} vertelde dit aan tafel.", author=c.parent, source="meeting")
    elif latest is None:
        return
    elif step == "consent":
        tip_services.record_consent(c.parent, latest)
    elif step == "deidentify":
        tip_services.deidentify(c.facilitator, latest, "Een ouder vertelde dit.")
    elif step == "flags":
        tip_services.set_flags(c.facilitator, latest, needs_rewording=True)
    elif step == "classify":
        tip_through_classification(c, text=f"Zo deed {name} het.")
    elif step == "publish":
        tip_services.publish(c.facilitator, latest)
    elif step == "withdraw":
        tip_services.withdraw(c.parent, latest)
    elif step == "leave_and_rejoin":
        tip_services.leave_community(c.parent, hide_tips=True)
        c.parent = tip_services.add_member(c.facilitator, c.parent.user.email, CommunityMember.Role.PARENT)
    elif step == "invite_again":
        key = tip_services.invitation_token(c.facilitator, CommunityMember.Role.PARENT, c.parent.user.email)
        tip_services.accept_invitation(c.parent.user, key)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    first=st.from_regex(r"Qz[a-z]{3,8}", fullmatch=True),
    last=st.from_regex(r"Xv[a-z]{3,8}", fullmatch=True),
    steps=st.lists(st.sampled_from(FLOW_STEPS), min_size=1, max_size=7),
)
def test_no_log_entry_ever_names_a_parent(administrator, first, last, steps):
    with transaction.atomic():
        c = build_community()
        parent_user = c.parent.user
        User.objects.filter(pk=parent_user.pk).update(
            first_name=first, last_name=last, email=f"{first.lower()}.{last.lower()}@example.nl"
        )
        parent_user.refresh_from_db()
        for step in steps:
            try:
                with transaction.atomic():
                    _run_step(c, step, f"{first} {last}")
            except (tip_services.TipError, PermissionDenied):
                pass
        secrets_of_the_parent = [first, last, first.lower(), last.lower(), parent_user.email]
        for entry in all_entries():
            written = entry.label + json.dumps(entry.data)
            assert not any(secret in written for secret in secrets_of_the_parent), (entry.action, written)
            assert entry.user_id != parent_user.pk, entry.action
        client = Client()
        client.force_login(administrator)
        report = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
        assert not any(secret in report for secret in secrets_of_the_parent)
        transaction.set_rollback(True)


# -- organisation memberships ------------------------------------------------------------


def organisation_form(organisation, memberships):
    """The organisation snippet's edit form as the admin posts it, with `memberships` inline."""
    data = {
        "name": organisation.name,
        "short_name": organisation.short_name,
        "slug": organisation.slug,
        "type": organisation.type,
        "province": organisation.province,
        "part_of": "",
        "website": "",
        "email": "",
        "address": "",
        "description": "",
        "memberships-TOTAL_FORMS": str(len(memberships)),
        "memberships-INITIAL_FORMS": str(sum(1 for m in memberships if m.get("id"))),
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
    }
    for index, membership in enumerate(memberships):
        for key, value in membership.items():
            data[f"memberships-{index}-{key}"] = value
    return data


def test_memberships_added_changed_and_removed_in_the_admin_record_the_administrator(client, platform):
    admin = platform.users.platform_admin
    zwolle = platform.zwolle
    newcomer = User.objects.create_user(email="nieuw@zwolle.test", password="geheim-wachtwoord-9", first_name="Nora")
    existing = [{"id": str(m.pk), "user": str(m.user_id), "role": m.role} for m in zwolle.memberships.all()]
    url = reverse("wagtailsnippets_organisations_organisation:edit", args=[zwolle.pk])
    client.force_login(admin)
    recorded_before = ModelLogEntry.objects.filter(action__startswith="organisations.membership").count()

    response = client.post(url, organisation_form(zwolle, existing + [{"user": newcomer.pk, "role": "editor"}]))
    assert response.status_code == 302, response.content[:3000]
    membership = Membership.objects.get(user=newcomer)
    added = the_entry(membership, "organisations.membership_add")
    assert added.user == admin and added.data["role"] == "editor" and added.data["account"] == newcomer.pk
    assert "nieuw@zwolle.test" not in added.label and "Nora" not in added.label
    # Saving the organisation saves every membership again: only the new one is recorded.
    assert ModelLogEntry.objects.filter(action__startswith="organisations.membership").count() == recorded_before + 1
    assert in_site_history(admin, added)

    current = [{"id": str(m.pk), "user": str(m.user_id), "role": m.role} for m in zwolle.memberships.all()]
    for row in current:
        if row["id"] == str(membership.pk):
            row["role"] = "coordinator"
    client.post(url, organisation_form(zwolle, current))
    changed = the_entry(membership, "organisations.membership_role")
    assert changed.user == admin and (changed.data["previous_role"], changed.data["role"]) == ("editor", "coordinator")
    assert newcomer.groups.filter(organisation_role__role="coordinator").exists()

    for row in current:
        if row["id"] == str(membership.pk):
            row["DELETE"] = "on"
    client.post(url, organisation_form(zwolle, current))
    assert not Membership.objects.filter(pk=membership.pk).exists()
    removed = the_entry(membership, "organisations.membership_remove")
    assert removed.user == admin and in_site_history(admin, removed)


# -- evidence records ----------------------------------------------------------------------


def test_an_evidence_judgement_is_recorded_on_the_method_by_the_reviewer(client, platform):
    from taxonomy.models import EvidenceLevel

    users = platform.users
    method = submit_new(client, users.editor, platform.zwolle, new_method(), "kids-en-koffie")
    act(client, users.coordinator, method, "approve")
    level = EvidenceLevel.objects.get(slug="goed-onderbouwd")
    act(client, users.reviewer, method, "approve", level=level.pk, reason="")  # refused: no reason
    assert entries(method, "editorial.evidence_review") == []

    act(client, users.reviewer, method, "approve", level=level.pk, reason="Theorie en aanpak zijn goed uitgewerkt.")
    entry = the_entry(method, "editorial.evidence_review")
    assert entry.user == users.reviewer
    assert (entry.data["level"], entry.data["scheme"], entry.data["status"]) == (
        level.pk,
        level.scheme_id,
        "recognised",
    )
    assert in_site_history(users.platform_admin, entry)
    assert Group.objects.get(name=ADMINISTRATOR_GROUP) in users.platform_admin.groups.all()
