import csv
import io
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from accounts.services import delete_account, export_member_data
from tests.tips.conftest import tip_through_classification
from tips import services
from tips.models import Round, Tip

pytestmark = pytest.mark.django_db
State = Tip.State


def test_full_lifecycle_keeps_every_version_and_ends_published(community):
    c = community
    tip, _round, _pair = tip_through_classification(c, "Bij wijkteam Feijenoord hielp Sandra mij met bellen.")
    assert tip.state == State.USABLE and tip.phase == "before"

    toptips = services.create_round(c.facilitator, "toptips", "Toptips")
    services.open_round(c.facilitator, toptips)
    services.vote(c.parent, toptips, [tip.pk])
    services.vote(c.professional, toptips, [tip.pk])
    services.close_round(c.facilitator, toptips)
    tip.refresh_from_db()
    assert tip.state == State.TOPTIP and tip.is_toptip

    prioritise = services.create_round(c.facilitator, "prioritise", "Huiswerk")
    services.open_round(c.facilitator, prioritise)
    services.prioritise(c.professional, prioritise, {tip.pk: 1})
    services.close_round(c.facilitator, prioritise)
    tip.refresh_from_db()
    assert tip.state == State.PRIORITISED and tip.priority_score == 1.0

    services.reword(c.facilitator, tip, "Vraag iemand uit het wijkteam om samen te bellen.", "Concreter")
    assert tip.state == State.REWORDED
    services.publish(c.facilitator, tip)
    tip.refresh_from_db()
    assert tip.state == State.PUBLISHED and tip.published_at
    assert [v.text for v in tip.versions.all()][0] == "Bij wijkteam Feijenoord hielp Sandra mij met bellen."
    assert tip.versions.count() == 2  # de-identifying with unchanged text adds no version; rewording does


def test_deidentification_keeps_the_original_as_version_one(community):
    tip = services.submit_tip(community.parent, "Mevrouw Jansen van Rotterdam luisterde goed.")
    services.deidentify(community.facilitator, tip, "De hulpverlener luisterde goed.")
    assert tip.state == State.DEIDENTIFIED
    assert list(tip.versions.values_list("number", "text")) == [
        (1, "Mevrouw Jansen van Rotterdam luisterde goed."),
        (2, "De hulpverlener luisterde goed."),
    ]
    with pytest.raises(services.TipError):
        services.deidentify(community.facilitator, tip, "Nog eens")


def test_only_the_facilitator_moves_a_tip_along(community):
    tip = services.submit_tip(community.parent, "Schrijf mee tijdens het gesprek.")
    for member in (community.parent, community.professional, community.host):
        with pytest.raises(PermissionDenied):
            services.deidentify(member, tip, "x")
        with pytest.raises(PermissionDenied):
            services.create_round(member, "classify", "x")


def test_publishing_requires_the_parents_consent(community):
    c = community
    tip, _round, _pair = tip_through_classification(c, consent=False)
    with pytest.raises(services.TipError, match="toestemming"):
        services.publish(c.facilitator, tip)
    with pytest.raises(PermissionDenied):
        services.record_consent(c.parent2, tip)  # not the author
    services.record_consent(c.parent, tip)
    assert tip.consent_recorded_by == c.parent.user
    services.publish(c.facilitator, tip)
    assert tip.state == State.PUBLISHED


def test_a_professionals_tip_needs_no_parent_consent_but_a_parent_co_author_does(community):
    c = community
    tip = services.submit_tip(c.professional, "Gebruik gewone woorden.")
    services.deidentify(c.facilitator, tip, tip.text)
    tip.state = State.USABLE
    tip.save()
    tip.co_authors.add(c.parent)
    with pytest.raises(services.TipError):
        services.publish(c.facilitator, tip)
    tip.co_authors.remove(c.parent)
    services.publish(c.facilitator, tip)
    assert tip.state == State.PUBLISHED


def test_collected_tips_cannot_be_published(community):
    tip = services.submit_tip(community.parent, "Een tip", consent=True)
    with pytest.raises(services.TipError):
        services.publish(community.facilitator, tip)


def test_text_is_sanitised_to_plain_text(community):
    tip = services.submit_tip(
        community.parent, "<script>alert(1)</script><b>Vraag</b> door &amp; <a href='x'>luister</a>"
    )
    assert tip.text == "Vraag door & luister"
    with pytest.raises(services.TipError, match="Schrijf eerst"):
        services.submit_tip(community.parent, "<img src=x onerror=alert(1)>")
    with pytest.raises(services.TipError, match="hoogstens"):
        services.submit_tip(community.parent, "a" * 2001)


def test_submissions_are_rate_limited_per_person(community):
    for index in range(services.SUBMISSION_LIMIT):
        services.submit_tip(community.parent, f"Tip nummer {index}")
    with pytest.raises(services.RateLimited, match="Probeer het over een uur opnieuw"):
        services.submit_tip(community.parent, "Nog een tip")
    services.submit_tip(community.parent2, "Iemand anders mag nog wel")


def test_facilitator_enters_a_tip_on_behalf_of_a_participant(community):
    c = community
    tip = services.submit_tip(
        c.facilitator, "Vraag wat er nu gaat gebeuren.", author=c.parent, source="meeting", consent=True
    )
    assert tip.author == c.parent and tip.author_type == Tip.AuthorType.PARENT
    assert tip.source == "meeting" and tip.entered_by == c.facilitator.user
    assert tip.consent_recorded_by == c.facilitator.user
    with pytest.raises(PermissionDenied):
        services.submit_tip(c.professional, "Namens een ander", author=c.parent)


def test_pairs_are_one_parent_and_one_professional_each_once(community):
    c = community
    services.submit_tip(c.parent, "Tip")
    tip = c.obj.tips.get()
    services.deidentify(c.facilitator, tip, "Tip")
    round_ = services.create_round(c.facilitator, "classify", "Indelen")
    with pytest.raises(services.TipError, match="één ouder en één professional"):
        services.assign_pair(c.facilitator, round_, c.parent, c.parent2)
    with pytest.raises(services.TipError, match="Stel eerst de koppels samen"):
        services.open_round(c.facilitator, round_)
    services.assign_pair(c.facilitator, round_, c.parent, c.professional)
    with pytest.raises(services.TipError, match="al in een koppel"):
        services.assign_pair(c.facilitator, round_, c.parent, c.professional2)


def test_one_shared_judgement_per_pair_and_agreement_per_tip(community):
    c = community
    tip = services.submit_tip(c.parent, "Tip")
    services.deidentify(c.facilitator, tip, "Tip")
    round_ = services.create_round(c.facilitator, "classify", "Indelen")
    services.assign_pair(c.facilitator, round_, c.parent, c.professional)
    services.assign_pair(c.facilitator, round_, c.parent2, c.professional2)
    services.open_round(c.facilitator, round_)
    services.judge(c.parent, round_, {tip.pk: ("during", False)})
    services.judge(c.professional, round_, {tip.pk: ("during", True)})  # same pair: replaces, not adds
    services.judge(c.parent2, round_, {tip.pk: ("after", True)})
    with pytest.raises(services.TipError, match="niet in een koppel"):
        services.judge(c.host, round_, {tip.pk: ("after", True)})
    [row] = services.round_results(round_)
    assert (row["judged"], row["usable"]) == (2, 2)
    assert services.agreement_text(row, round_.kind) == "bruikbaar volgens 2 van 2 koppels"
    services.close_round(c.facilitator, round_)
    tip.refresh_from_db()
    assert tip.state == State.USABLE
    with pytest.raises(services.TipError, match="niet open"):
        services.judge(c.parent, round_, {tip.pk: ("during", True)})


def test_a_tip_is_not_usable_without_a_majority(community):
    c = community
    tip = services.submit_tip(c.parent, "Wees aardig.")
    services.deidentify(c.facilitator, tip, tip.text)
    round_ = services.create_round(c.facilitator, "classify", "Indelen")
    services.assign_pair(c.facilitator, round_, c.parent, c.professional)
    services.assign_pair(c.facilitator, round_, c.parent2, c.professional2)
    services.open_round(c.facilitator, round_)
    services.judge(c.parent, round_, {tip.pk: ("during", True)})
    services.judge(c.parent2, round_, {tip.pk: ("during", False)})
    services.close_round(c.facilitator, round_)
    tip.refresh_from_db()
    assert tip.state == State.NOT_USABLE


def test_prioritising_is_for_professionals_before_the_deadline(community):
    c = community
    tip, _r, _p = tip_through_classification(c)
    tip.state, tip.is_toptip = State.TOPTIP, True
    tip.save()
    round_ = services.create_round(
        c.facilitator, "prioritise", "Huiswerk", deadline=timezone.now() + timedelta(hours=1)
    )
    services.open_round(c.facilitator, round_)
    with pytest.raises(services.TipError, match="huiswerk voor de professionals"):
        services.prioritise(c.parent, round_, {tip.pk: 1})
    with pytest.raises(services.TipError, match="1 tot en met 1"):
        services.prioritise(c.professional, round_, {tip.pk: 5})
    services.prioritise(c.professional, round_, {tip.pk: 1})
    round_.deadline = timezone.now() - timedelta(minutes=1)
    round_.save()
    with pytest.raises(services.TipError, match="deadline"):
        services.prioritise(c.professional2, round_, {tip.pk: 1})


def test_blind_rounds_hide_results_until_closed(community):
    c = community
    tip, _r, _p = tip_through_classification(c)
    round_ = services.create_round(c.facilitator, "toptips", "Toptips", blind=True)
    services.open_round(c.facilitator, round_)
    services.vote(c.parent, round_, [tip.pk])
    assert not services.results_visible_to(c.professional, round_)
    assert services.results_visible_to(c.facilitator, round_)
    services.close_round(c.facilitator, round_)
    assert services.results_visible_to(c.professional, round_)


def test_results_csv_has_counts_and_no_names(community):
    c = community
    tip, round_, _pair = tip_through_classification(c)
    rows = list(csv.reader(io.StringIO(services.results_csv(round_))))
    assert rows[0] == ["tip", "tekst", "koppels", "beoordeeld", "bruikbaar", "fase"]
    assert rows[1] == [str(tip.pk), tip.text, "1", "1", "1", "Voor het gesprek"]
    assert "Moeder A" not in services.results_csv(round_)


def test_identifying_segments_highlight_names_and_known_places(community):
    segments = services.identifying_segments("Ik belde met Sandra. Bij het loket in rotterdam luisterde niemand.")
    flagged = [piece for piece, suspicious in segments if suspicious]
    assert flagged == ["Sandra", "rotterdam"]
    assert "".join(piece for piece, _s in segments).startswith("Ik belde met Sandra.")


def test_outsiders_and_former_members_get_404(community, outsider):
    with pytest.raises(Http404):
        services.community_for(outsider, community.obj.slug)
    services.leave_community(community.parent2, hide_tips=True)
    with pytest.raises(Http404):
        services.community_for(community.parent2.user, community.obj.slug)


def test_leaving_and_hiding_withdraws_tips_but_keeps_round_counts(community):
    c = community
    tip, round_, _pair = tip_through_classification(c)
    services.publish(c.facilitator, tip)
    services.leave_community(c.parent, hide_tips=True)
    tip.refresh_from_db()
    assert tip.state == State.WITHDRAWN
    assert not Tip.objects.published().exists()
    [row] = services.round_results(round_)
    assert row["judged"] == 1 and row["usable"] == 1


def test_leaving_and_keeping_anonymises_the_author(community):
    c = community
    tip, _round, _pair = tip_through_classification(c)
    services.publish(c.facilitator, tip)
    services.leave_community(c.parent, hide_tips=False)
    tip.refresh_from_db()
    assert tip.state == State.PUBLISHED and tip.author is None
    assert tip.public_author_name == "Anoniem"


def test_withdrawing_a_tip_is_for_its_writer(community):
    c = community
    tip, _round, _pair = tip_through_classification(c)
    with pytest.raises(PermissionDenied):
        services.withdraw(c.professional, tip)
    services.withdraw(c.parent, tip)
    assert tip.state == State.WITHDRAWN
    [row] = services.round_results(_round)
    assert row["judged"] == 1 and row["text"] == services.WITHDRAWN_TEXT
    assert tip.text not in services.results_csv(_round)
    with pytest.raises(Http404):
        services.tip_for(c.professional, tip.pk)
    assert services.tip_for(c.parent, tip.pk) == tip


def test_account_deletion_keeps_consented_tips_anonymised_and_withdraws_the_rest(community):
    c = community
    kept, round_, _pair = tip_through_classification(c, "Met toestemming", consent=True)
    services.publish(c.facilitator, kept)
    dropped = services.submit_tip(c.parent, "Zonder toestemming, met de naam Wilhelmina", consent=False)
    data = export_member_data(c.parent.user)
    assert {tip["text"] for tip in data["tips"]["written"]} == {
        "Met toestemming",
        "Zonder toestemming, met de naam Wilhelmina",
    }

    delete_account(c.parent.user)
    kept.refresh_from_db()
    dropped.refresh_from_db()
    assert kept.state == State.PUBLISHED and kept.author is None and kept.text == "Met toestemming"
    assert dropped.state == State.WITHDRAWN and "Wilhelmina" not in dropped.text
    assert not dropped.versions.exists()
    assert services.round_results(round_)[0]["judged"] == 1


def test_a_round_needs_ready_tips(community):
    with pytest.raises(services.TipError, match="nog geen tips klaar"):
        services.create_round(community.facilitator, Round.Kind.TOPTIPS, "Leeg")


def test_invitation_links_are_personal_and_for_parents_or_professionals(community, outsider):
    c = community
    token = services.invitation_token(c.facilitator, "professional", "Buitenstaander@example.nl")
    with pytest.raises(services.TipError, match="ander e-mailadres"):
        services.accept_invitation(c.parent2.user, token)
    member = services.accept_invitation(outsider, token)
    assert member.role == "professional" and member.community == c.obj
    with pytest.raises(services.TipError, match="klopt niet"):
        services.accept_invitation(outsider, token[:-2] + "xx")
    with pytest.raises(PermissionDenied):
        services.invitation_token(c.parent, "professional", "x@example.nl")
    with pytest.raises(services.TipError, match="ouders en professionals"):
        services.invitation_token(c.facilitator, "facilitator", "x@example.nl")


def test_a_parent_cannot_join_without_a_pseudonym(community, outsider):
    token = services.invitation_token(community.facilitator, "parent", outsider.email)
    with pytest.raises(services.TipError, match="schuilnaam"):
        services.accept_invitation(outsider, token)


def test_an_anonymised_parents_tip_still_needs_consent(community):
    c = community
    tip, _round, _pair = tip_through_classification(c, consent=False)
    services.leave_community(c.parent, hide_tips=False)
    tip.refresh_from_db()
    assert tip.author is None
    with pytest.raises(services.TipError, match="toestemming"):
        services.publish(c.facilitator, tip)


def test_facilitator_records_co_authors(community):
    c = community
    tip = services.submit_tip(
        c.facilitator, "Samen geschreven", author=c.parent, co_authors=[c.parent2, c.professional]
    )
    assert set(tip.co_authors.all()) == {c.parent2, c.professional}
    assert set(tip.parent_authors()) == {c.parent, c.parent2}
    with pytest.raises(PermissionDenied):
        services.submit_tip(c.parent, "Zelf", co_authors=[c.parent2])


def test_only_professionals_say_they_tried_a_published_tip(community):
    c = community
    tip, _round, _pair = tip_through_classification(c)
    with pytest.raises(services.TipError):
        services.tried_it(c.professional.user, tip, "Te vroeg")
    services.publish(c.facilitator, tip)
    with pytest.raises(PermissionDenied):
        services.tried_it(c.parent.user, tip, "Ik ben ouder")
    services.tried_it(c.professional.user, tip, "<i>Werkte</i>   prima")
    services.tried_it(c.professional.user, tip, "Werkte echt prima")  # again: replaces the note
    assert list(tip.tried.values_list("note", flat=True)) == ["Werkte echt prima"]
    [tried] = export_member_data(c.professional.user)["tips"]["tried"]
    assert (tried["tip"], tried["note"]) == (tip.pk, "Werkte echt prima")


def test_leaving_tells_search_indexing_about_each_withdrawn_tip(community):
    from django.db.models.signals import post_save

    c = community
    tip, _round, _pair = tip_through_classification(c)
    services.publish(c.facilitator, tip)
    saved = []

    def listener(sender, instance, **kwargs):
        saved.append((instance.pk, instance.state, instance.search_document()))

    post_save.connect(listener, sender=Tip)
    try:
        services.leave_community(c.parent, hide_tips=True)
    finally:
        post_save.disconnect(listener, sender=Tip)
    assert saved == [(tip.pk, State.WITHDRAWN, None)]


def test_csv_cells_never_start_a_spreadsheet_formula(community):
    c = community
    tip, round_, _pair = tip_through_classification(c, text='=HYPERLINK("http://x")')
    rows = list(csv.reader(io.StringIO(services.results_csv(round_))))
    assert rows[1][:2] == [str(tip.pk), '\'=HYPERLINK("http://x")']
