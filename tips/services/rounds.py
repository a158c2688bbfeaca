"""Rounds: pairs judging, votes, priorities, closing a round and its results."""

from collections import Counter

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from core.spreadsheet import csv_text

from .. import announcements
from ..models import (
    CommunityMember,
    Pair,
    PairJudgement,
    Priority,
    Round,
    Tip,
    Vote,
)
from .base import (
    LIFECYCLE,
    ROUND_INPUT,
    WITHDRAWN_TEXT,
    Role,
    State,
    TipError,
    _record,
    _record_tip,
    require_facilitator,
)

# --- Rounds --------------------------------------------------------------------------------


def eligible_tips(community, kind):
    return community.tips.filter(state__in=ROUND_INPUT[kind])


@transaction.atomic
def create_round(facilitator, kind, title, *, deadline=None, blind=False):
    """A round takes every tip that is ready for it: de-identified, usable or toptip."""
    require_facilitator(facilitator)
    tips = list(eligible_tips(facilitator.community, kind))
    if not tips:
        raise TipError(_("Er zijn nog geen tips klaar voor deze ronde."))
    round_ = Round.objects.create(
        community=facilitator.community,
        kind=kind,
        title=title,
        deadline=deadline,
        blind=blind,
        created_by=facilitator.user,
    )
    round_.tips.set(tips)
    _record(round_, "tips.round_create", facilitator, kind=kind, tips=[tip.pk for tip in tips])
    return round_


@transaction.atomic
def assign_pair(facilitator, round_, parent, professional):
    require_facilitator(facilitator)
    if round_.kind != Round.Kind.CLASSIFY:
        raise TipError(_("Alleen in een indeelronde werkt u in koppels."))
    if round_.state == Round.State.CLOSED:
        raise TipError(_("Deze ronde is al gesloten."))
    if parent.role != Role.PARENT or professional.role != Role.PROFESSIONAL:
        raise TipError(_("Een koppel bestaat uit één ouder en één professional."))
    for person in (parent, professional):
        if person.community_id != round_.community_id or not person.is_active:
            raise TipError(_("Deze persoon is geen lid van deze tipgemeenschap."))
        if round_.pairs.filter(Q(parent=person) | Q(professional=person)).exists():
            raise TipError(_("%(name)s zit al in een koppel in deze ronde.") % {"name": person.public_name})
    pair = Pair.objects.create(round=round_, parent=parent, professional=professional)
    _record(round_, "tips.pair_assign", facilitator, parent=parent.pk, professional=professional.pk)
    return pair


@transaction.atomic
def open_round(facilitator, round_):
    require_facilitator(facilitator)
    if round_.state != Round.State.DRAFT:
        raise TipError(_("Deze ronde is al geopend."))
    if round_.kind == Round.Kind.CLASSIFY and not round_.pairs.exists():
        raise TipError(_("Stel eerst de koppels samen."))
    round_.state = Round.State.OPEN
    round_.opened_at = timezone.now()
    round_.save(update_fields=["state", "opened_at"])
    _record(round_, "tips.round_open", facilitator)
    announcements.round_opened(round_)
    return round_


def _ensure_accepting(round_):
    if round_.state != Round.State.OPEN:
        raise TipError(_("Deze ronde is niet open."))
    if round_.deadline and timezone.now() > round_.deadline:
        raise TipError(_("De deadline van deze ronde is verstreken."))


def pair_of(member, round_):
    return (
        round_.pairs.filter(Q(parent=member) | Q(professional=member))
        .select_related("parent__user__profile", "professional__user__profile")
        .first()
    )


@transaction.atomic
def judge(member, round_, judgements):
    """Save the pair's shared judgement for each tip: {tip_pk: (phase, usable)}."""
    if round_.kind != Round.Kind.CLASSIFY:
        raise TipError(_("In deze ronde wordt niet in koppels ingedeeld."))
    _ensure_accepting(round_)
    pair = pair_of(member, round_)
    if pair is None:
        raise TipError(_("U zit niet in een koppel in deze ronde."))
    # Both members of a pair may save at the same moment: one shared judgement, written in turn.
    Pair.objects.select_for_update().filter(pk=pair.pk).first()
    tip_pks = set(round_.tips.values_list("pk", flat=True))
    existing = {judgement.tip_id: judgement for judgement in pair.judgements.all()}
    now = timezone.now()
    new, changed = [], []
    for tip_pk, (phase, usable) in judgements.items():
        if tip_pk not in tip_pks or phase not in Tip.Phase.values:
            raise TipError(_("Kies voor elke tip een fase en of hij bruikbaar is."))
        judgement = existing.get(tip_pk) or PairJudgement(pair=pair, tip_id=tip_pk)
        judgement.phase, judgement.usable, judgement.judged_by, judgement.judged_at = (
            phase,
            bool(usable),
            member.user,
            now,
        )
        (changed if judgement.pk else new).append(judgement)
    PairJudgement.objects.bulk_create(new)
    PairJudgement.objects.bulk_update(changed, ["phase", "usable", "judged_by", "judged_at"])
    return pair


@transaction.atomic
def vote(member, round_, tip_pks):
    """A member's choice of toptips; voting again replaces the earlier choice."""
    if round_.kind != Round.Kind.TOPTIPS:
        raise TipError(_("In deze ronde worden geen toptips gekozen."))
    _ensure_accepting(round_)
    tips = list(round_.tips.filter(pk__in=tip_pks))
    if len(tips) != len(set(tip_pks)):
        raise TipError(_("U kunt alleen stemmen op tips uit deze ronde."))
    CommunityMember.objects.select_for_update().filter(pk=member.pk).first()  # one ballot at a time
    round_.votes.filter(member=member).delete()
    Vote.objects.bulk_create([Vote(round=round_, member=member, tip=tip) for tip in tips])


@transaction.atomic
def prioritise(member, round_, ranks):
    """A professional ranks tips {tip_pk: rank}, 1 being the most important, before the deadline."""
    if round_.kind != Round.Kind.PRIORITISE:
        raise TipError(_("In deze ronde wordt niet geprioriteerd."))
    if member.role != Role.PROFESSIONAL:
        raise TipError(_("Prioriteren is huiswerk voor de professionals."))
    _ensure_accepting(round_)
    tips = {tip.pk: tip for tip in round_.tips.all()}
    given = {pk: rank for pk, rank in ranks.items() if rank}
    if any(pk not in tips for pk in given):
        raise TipError(_("U kunt alleen tips uit deze ronde prioriteren."))
    if any(not 1 <= rank <= len(tips) for rank in given.values()):
        raise TipError(_("Gebruik de nummers 1 tot en met %(n)s.") % {"n": len(tips)})
    if len(set(given.values())) != len(given):
        raise TipError(_("Geef elke tip een ander nummer."))
    CommunityMember.objects.select_for_update().filter(pk=member.pk).first()
    round_.priorities.filter(member=member).delete()
    Priority.objects.bulk_create(
        [Priority(round=round_, member=member, tip=tips[pk], rank=rank) for pk, rank in given.items()]
    )


def _advance(tip, state):
    """Move forward in the lifecycle only: a later round never undoes publication or withdrawal."""
    if tip.state in LIFECYCLE and LIFECYCLE.index(tip.state) < LIFECYCLE.index(state):
        tip.state = state


@transaction.atomic
def close_round(facilitator, round_):
    """Close and apply the results: phase and usability by pair majority, toptips, priority scores."""
    require_facilitator(facilitator)
    if round_.state != Round.State.OPEN:
        raise TipError(_("Alleen een open ronde kan worden gesloten."))
    rows = round_results(round_)
    states_before = {row["tip"].pk: row["tip"].state for row in rows}
    toptips_before = {row["tip"].pk for row in rows if row["tip"].is_toptip}
    for row in rows:
        tip = row["tip"]
        if round_.kind == Round.Kind.CLASSIFY and row["judged"]:
            tip.phase = row["phase"]
            if tip.state in (State.DEIDENTIFIED, State.CLASSIFIED):
                tip.state = State.USABLE if row["usable"] * 2 > row["judged"] else State.NOT_USABLE
        elif round_.kind == Round.Kind.TOPTIPS and row["votes"] and row["votes"] * 2 >= row["voters"]:
            tip.is_toptip = True
            _advance(tip, State.TOPTIP)
        elif round_.kind == Round.Kind.PRIORITISE and row["ranked"]:
            tip.priority_score = row["score"]
            _advance(tip, State.PRIORITISED)
    Tip.objects.bulk_update([row["tip"] for row in rows], ["phase", "state", "is_toptip", "priority_score"])
    round_.state = Round.State.CLOSED
    round_.closed_at = timezone.now()
    round_.save(update_fields=["state", "closed_at"])
    _record(round_, "tips.round_close", facilitator)
    for tip in (row["tip"] for row in rows if row["tip"].state != states_before[row["tip"].pk]):
        _record_tip(tip, "tips.state_change", facilitator, previous_state=states_before[tip.pk], round=round_.pk)
    for tip in (row["tip"] for row in rows if row["tip"].is_toptip and row["tip"].pk not in toptips_before):
        announcements.tip_became_toptip(tip)
    return round_


def round_results(round_):
    """One row per tip with the agreement so far; kept after the round closes."""
    tips = list(round_.tips.order_by("pk"))
    rows = []
    if round_.kind == Round.Kind.CLASSIFY:
        pairs = round_.pairs.count()
        judgements = PairJudgement.objects.filter(pair__round=round_).values_list("tip_id", "phase", "usable")
        per_tip = {}
        for tip_id, phase, usable in judgements:
            per_tip.setdefault(tip_id, []).append((phase, usable))
        for tip in tips:
            given = per_tip.get(tip.pk, [])
            phases = Counter(phase for phase, _usable in given)
            phase = phases.most_common(1)[0][0] if phases else ""
            rows.append(
                {
                    "tip": tip,
                    "pairs": pairs,
                    "judged": len(given),
                    "usable": sum(1 for _phase, usable in given if usable),
                    "phase": phase,
                    "phase_label": Tip.Phase(phase).label if phase else "",
                    "phase_counts": {Tip.Phase(p).label: n for p, n in phases.items()},
                }
            )
    elif round_.kind == Round.Kind.TOPTIPS:
        voters = round_.votes.values("member").distinct().count()
        counts = dict(round_.votes.values_list("tip").annotate(n=Count("pk")))
        rows = [{"tip": tip, "votes": counts.get(tip.pk, 0), "voters": voters} for tip in tips]
    else:
        size = len(tips)
        ranks = {}
        for tip_id, rank in round_.priorities.values_list("tip_id", "rank"):
            ranks.setdefault(tip_id, []).append(rank)
        for tip in tips:
            given = ranks.get(tip.pk, [])
            average = sum(given) / len(given) if given else None
            # Score: average points where rank 1 earns `size` points; higher is more important.
            score = sum(size - rank + 1 for rank in given) / len(given) if given else None
            rows.append({"tip": tip, "ranked": len(given), "average_rank": average, "score": score})
        rows.sort(key=lambda row: (row["score"] is None, -(row["score"] or 0)))
    for row in rows:
        # A withdrawn tip keeps its counts, but its words leave with its writer.
        row["withdrawn"] = row["tip"].state == State.WITHDRAWN
        row["text"] = WITHDRAWN_TEXT if row["withdrawn"] else row["tip"].text
    return rows


def agreement_text(row, kind):
    if kind == Round.Kind.CLASSIFY:
        return _("bruikbaar volgens %(usable)s van %(judged)s koppels") % row
    if kind == Round.Kind.TOPTIPS:
        return _("%(votes)s van %(voters)s stemmen") % row
    if row["ranked"]:
        return _("gemiddelde plaats %(rank).1f (%(ranked)s professionals)") % {
            "rank": row["average_rank"],
            "ranked": row["ranked"],
        }
    return _("nog niet geprioriteerd")


def agreement_for_tip(member, tip):
    """[(round, "bruikbaar volgens 3 van 3 koppels")] for every round this tip was in."""
    summaries = []
    for round_ in tip.rounds.order_by("created_at"):
        if results_visible_to(member, round_):
            row = next(row for row in round_results(round_) if row["tip"].pk == tip.pk)
            summaries.append((round_, agreement_text(row, round_.kind)))
    return summaries


def results_visible_to(member, round_):
    """Blind rounds show results only once closed (the facilitator always sees progress)."""
    return member.is_facilitator or round_.state == Round.State.CLOSED or not round_.blind


def results_csv(round_):
    """The round's results as CSV: tip number and text, no names of participants."""
    header = [_("tip"), _("tekst")]
    if round_.kind == Round.Kind.CLASSIFY:
        header += [_("koppels"), _("beoordeeld"), _("bruikbaar"), _("fase")]
    elif round_.kind == Round.Kind.TOPTIPS:
        header += [_("stemmen"), _("stemmers")]
    else:
        header += [_("aantal professionals"), _("gemiddelde plaats"), _("score")]
    rows = []
    for row in round_results(round_):
        line = [row["tip"].pk, row["text"]]
        if round_.kind == Round.Kind.CLASSIFY:
            line += [row["pairs"], row["judged"], row["usable"], row["phase_label"]]
        elif round_.kind == Round.Kind.TOPTIPS:
            line += [row["votes"], row["voters"]]
        else:
            line += [
                row["ranked"],
                "" if row["average_rank"] is None else f"{row['average_rank']:.2f}",
                "" if row["score"] is None else f"{row['score']:.2f}",
            ]
        rows.append(line)
    return csv_text(header, rows)
