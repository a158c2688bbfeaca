"""Business rules for communities, tips and rounds: the only place where state changes.

Views call these functions and show `TipError` messages (clear Dutch sentences) to the user.
Who may do what is decided here too, so the rules hold for the front end, the admin and
tests alike: outsiders never reach a community (`community_for` raises 404), only the
facilitator runs rounds and moves tips along, and a tip only goes public with the recorded
consent of every parent who wrote it.
"""

import csv
import io
import re
from collections import Counter
from datetime import timedelta
from html import unescape

import nh3
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Profile
from cop_site import ratelimit
from organisations.models import Organisation

from .models import Community, CommunityMember, Pair, PairJudgement, Priority, Round, Tip, TipVersion, TriedIt, Vote

Role = CommunityMember.Role
State = Tip.State

SUBMISSION_LIMIT = 10
SUBMISSION_WINDOW = timedelta(hours=1)
INVITATION_MAX_AGE = timedelta(days=14)
INVITATION_SALT = "tips.invitation"
MAX_TIP_LENGTH = 2000
WITHDRAWN_TEXT = "(Deze tip is teruggetrokken.)"

# States a tip passes through in order; a round never moves a tip backwards.
LIFECYCLE = [
    State.COLLECTED,
    State.DEIDENTIFIED,
    State.CLASSIFIED,
    State.USABLE,
    State.TOPTIP,
    State.PRIORITISED,
    State.REWORDED,
    State.PUBLISHED,
]
PUBLISHABLE = {State.USABLE, State.TOPTIP, State.PRIORITISED, State.REWORDED}
ROUND_INPUT = {
    Round.Kind.CLASSIFY: {State.DEIDENTIFIED, State.CLASSIFIED},
    Round.Kind.TOPTIPS: {State.USABLE},
    Round.Kind.PRIORITISE: {State.TOPTIP},
}


class TipError(Exception):
    """A rule was broken; the message is a Dutch sentence for the user."""


class RateLimited(TipError):
    pass


# --- Membership and visibility -----------------------------------------------------------


def active_membership(user, community):
    if not user.is_authenticated:
        return None
    return (
        CommunityMember.objects.filter(community=community, user=user, left_at__isnull=True)
        .select_related("user__profile")
        .first()
    )


def community_for(user, slug):
    """The community and the user's membership, or 404 — outsiders cannot tell it exists."""
    community = Community.objects.filter(slug=slug).select_related("host_organisation").first()
    member = active_membership(user, community) if community else None
    if member is None:
        raise Http404
    return community, member


def communities_of(user):
    return Community.objects.filter(members__user=user, members__left_at__isnull=True).distinct()


def tips_for(member):
    """Tips a member sees inside the community: all but the withdrawn ones (those stay with their author)."""
    return (
        member.community.tips.exclude(state=State.WITHDRAWN)
        .select_related("author__user__profile")
        .prefetch_related("themes")
    )


def tip_for(member, pk):
    tip = member.community.tips.select_related("author__user__profile", "duplicate_of").filter(pk=pk).first()
    if tip is None or (tip.state == State.WITHDRAWN and not is_author(member, tip)):
        raise Http404
    return tip


def round_for(member, pk):
    round_ = member.community.rounds.filter(pk=pk).first()
    if round_ is None:
        raise Http404
    return round_


def identity_of(viewer, member):
    """How `viewer` sees `member`: the real name and e-mail only for the host and facilitator."""
    if viewer.sees_identities:
        user = member.user
        name = user.get_full_name() or user.email
        return f"{member.public_name} — {name} ({user.email})"
    return member.public_name


def require_facilitator(member):
    if not member.is_facilitator:
        raise PermissionDenied(_("Alleen de procesbegeleider mag dit doen."))


def is_author(member, tip):
    return tip.author_id == member.pk or tip.co_authors.filter(pk=member.pk).exists()


# --- Invitations ---------------------------------------------------------------------------


INVITABLE_ROLES = (Role.PARENT, Role.PROFESSIONAL)


def invitation_token(facilitator, role, email):
    """A personal link for one e-mail address; hosts and facilitators are added, not invited."""
    require_facilitator(facilitator)
    if role not in INVITABLE_ROLES:
        raise TipError(_("Met een link nodigt u ouders en professionals uit."))
    return signing.TimestampSigner(salt=INVITATION_SALT).sign_object(
        {"community": facilitator.community_id, "role": role, "email": email.strip().lower()}
    )


def read_invitation(token):
    try:
        data = signing.TimestampSigner(salt=INVITATION_SALT).unsign_object(
            token, max_age=INVITATION_MAX_AGE.total_seconds()
        )
    except signing.SignatureExpired as error:
        raise TipError(_("Deze uitnodiging is verlopen. Vraag de procesbegeleider om een nieuwe link.")) from error
    except signing.BadSignature as error:
        raise TipError(_("Deze uitnodigingslink klopt niet. Controleer of u de hele link heeft gekopieerd.")) from error
    community = Community.objects.filter(pk=data.get("community")).first()
    if community is None or data.get("role") not in INVITABLE_ROLES or not data.get("email"):
        raise TipError(_("Deze uitnodigingslink klopt niet. Controleer of u de hele link heeft gekopieerd."))
    return community, data["role"], data["email"]


def send_invitation(facilitator, role, email, url):
    """Mail the personal link from the task worker once the request has committed."""
    from .tasks import send_invitation_mail

    require_facilitator(facilitator)
    community_id = facilitator.community_id
    transaction.on_commit(lambda: send_invitation_mail.enqueue(community_id, email, role, url))


@transaction.atomic
def accept_invitation(user, token):
    community, role, email = read_invitation(token)
    if user.email.lower() != email:
        raise TipError(
            _("Deze uitnodiging is voor een ander e-mailadres. Log in met het adres waarop u de uitnodiging kreeg.")
        )
    return _join(community, user, role)


def add_member(facilitator, email, role):
    """A facilitator adds someone who already has an account."""
    require_facilitator(facilitator)
    user = get_user_model().objects.filter(email__iexact=(email or "").strip(), is_active=True).first()
    if user is None:
        raise TipError(_("Er is geen account met dit e-mailadres. Stuur deze persoon een uitnodigingslink."))
    return _join(facilitator.community, user, role)


def _join(community, user, role):
    if role == Role.PARENT and not user.profile.pseudonym:
        raise TipError(_("Kies eerst een schuilnaam in uw profiel: ouders verschijnen nooit met hun eigen naam."))
    member, created = CommunityMember.objects.get_or_create(community=community, user=user, defaults={"role": role})
    if not created and member.left_at is not None:
        member.left_at = None
        member.role = role
        member.save(update_fields=["left_at", "role"])
    return member


# --- Writing tips --------------------------------------------------------------------------


def sanitise(text):
    """Plain text only: markup is stripped (scripts with their content), whitespace tidied."""
    cleaned = text or ""
    for _attempt in range(5):  # until stable, so "&lt;b&gt;" cannot turn into a tag later
        stripped = unescape(nh3.clean(cleaned, tags=set()))
        if stripped == cleaned:
            break
        cleaned = stripped
    cleaned = re.sub(r"[ \t]+", " ", cleaned)
    cleaned = re.sub(r"\n{3,}", "\n\n", cleaned).strip()
    if not cleaned:
        raise TipError(_("Schrijf eerst uw tip op."))
    if len(cleaned) > MAX_TIP_LENGTH:
        raise TipError(_("Een tip is hoogstens %(max)s tekens lang.") % {"max": MAX_TIP_LENGTH})
    return cleaned


def _check_submission_rate(user):
    if not ratelimit.allow("tip-submission", user.pk, SUBMISSION_LIMIT, SUBMISSION_WINDOW.total_seconds()):
        raise RateLimited(
            _("U heeft het afgelopen uur al %(limit)s tips ingestuurd. Probeer het over een uur opnieuw.")
            % {"limit": SUBMISSION_LIMIT}
        )


def author_type_for(member):
    if member.role == Role.PARENT:
        return Tip.AuthorType.PARENT
    if member.role == Role.PROFESSIONAL:
        return Tip.AuthorType.PROFESSIONAL
    return Tip.AuthorType.RESEARCHER


@transaction.atomic
def submit_tip(
    member,
    text,
    *,
    audiences=(),
    phase="",
    themes=(),
    consent=False,
    author=None,
    source=Tip.Source.ONLINE,
    entered_by=None,
    co_authors=(),
    submission_key="",
):
    """A member writes a tip, or a facilitator enters one collected at a meeting for `author`.

    All or nothing (one transaction). With a `submission_key` (the form's hidden field) the
    same submission sent again returns the tip it made the first time.
    """
    entered_by = entered_by or member.user
    if author is not None and author.pk != member.pk:
        require_facilitator(member)
        if author.community_id != member.community_id or not author.is_active:
            raise TipError(_("Deze persoon is geen lid van deze tipgemeenschap."))
    elif not member.is_facilitator:
        source = Tip.Source.ONLINE
    author = author or member
    if submission_key:
        existing = Tip.objects.filter(entered_by=entered_by, submission_key=submission_key).first()
        if existing is not None:  # the same form sent again: a retry, not a second tip
            return existing
    _check_submission_rate(entered_by)
    text = sanitise(text)
    try:
        with transaction.atomic():
            return _create_tip(
                member, author, text, audiences, phase, themes, consent, source, entered_by, co_authors, submission_key
            )
    except IntegrityError:
        existing = Tip.objects.filter(entered_by=entered_by, submission_key=submission_key).first()
        if not submission_key or existing is None:
            raise
        return existing  # a simultaneous retry of the same form won the race


def _create_tip(member, author, text, audiences, phase, themes, consent, source, entered_by, co_authors, key):
    tip = Tip.objects.create(
        community=member.community,
        text=text,
        author=author,
        author_type=author_type_for(author),
        for_parents="parents" in audiences,
        for_professionals="professionals" in audiences,
        for_students="students" in audiences,
        phase=phase or "",
        source=source,
        entered_by=entered_by,
        submission_key=key or "",
    )
    if themes:
        tip.themes.set(list(themes))
    if co_authors:
        require_facilitator(member)
        if any(m.community_id != member.community_id for m in co_authors):
            raise TipError(_("Deze persoon is geen lid van deze tipgemeenschap."))
        tip.co_authors.set([m for m in co_authors if m.pk != author.pk])
    TipVersion.objects.create(tip=tip, number=1, text=text, created_by=entered_by, note=_("Oorspronkelijke tekst"))
    if consent:
        tip.consent_recorded_at = timezone.now()
        tip.consent_recorded_by = entered_by
        tip.save(update_fields=["consent_recorded_at", "consent_recorded_by"])
    return tip


def _new_version(tip, text, user, note):
    text = sanitise(text)
    if text == tip.text:
        return False
    tip.text = text
    record_version(tip, user, note)
    return True


def record_version(tip, user, note):
    """Keep `tip.text` as the next version (also used when a moderator edits in the admin)."""
    number = (tip.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    return TipVersion.objects.create(tip=tip, number=number, text=tip.text, created_by=user, note=note)


# --- Lifecycle -----------------------------------------------------------------------------


@transaction.atomic
def deidentify(facilitator, tip, text):
    """The facilitator removes names of people, organisations and places; the original stays as version 1."""
    require_facilitator(facilitator)
    if tip.state != State.COLLECTED:
        raise TipError(_("Deze tip is al ontdaan van namen."))
    _new_version(tip, text, facilitator.user, _("Namen verwijderd"))
    tip.state = State.DEIDENTIFIED
    tip.save(update_fields=["text", "state"])
    return tip


@transaction.atomic
def reword(facilitator, tip, text, note=""):
    require_facilitator(facilitator)
    if tip.state in (State.COLLECTED, State.WITHDRAWN):
        raise TipError(_("Haal eerst de namen uit deze tip voordat u hem herschrijft."))
    if not _new_version(tip, text, facilitator.user, note or _("Herschreven")):
        raise TipError(_("De tekst is niet veranderd."))
    if tip.state in (State.TOPTIP, State.PRIORITISED):
        tip.state = State.REWORDED
    tip.needs_rewording = False
    tip.save(update_fields=["text", "state", "needs_rewording"])
    return tip


FLAG_FIELDS = ("needs_rewording", "too_vague", "handbook_like", "organisation_specific")


def set_flags(facilitator, tip, *, duplicate_of=None, **flags):
    require_facilitator(facilitator)
    for name in FLAG_FIELDS:
        setattr(tip, name, bool(flags.get(name)))
    if duplicate_of is not None and (duplicate_of.pk == tip.pk or duplicate_of.community_id != tip.community_id):
        raise TipError(_("Een tip kan alleen een dubbel zijn van een andere tip uit deze gemeenschap."))
    tip.duplicate_of = duplicate_of
    tip.save(update_fields=[*FLAG_FIELDS, "duplicate_of"])
    return tip


def record_consent(member, tip):
    """The parent gives consent, or the facilitator records consent given at the table."""
    if not (is_author(member, tip) or member.is_facilitator):
        raise PermissionDenied(_("Alleen de schrijver of de procesbegeleider kan toestemming vastleggen."))
    tip.consent_recorded_at = timezone.now()
    tip.consent_recorded_by = member.user
    tip.save(update_fields=["consent_recorded_at", "consent_recorded_by"])
    return tip


def publish(facilitator, tip):
    require_facilitator(facilitator)
    if tip.state not in PUBLISHABLE:
        raise TipError(_("Alleen bruikbare tips en toptips kunnen worden gepubliceerd."))
    written_by_a_parent = tip.author_type == Tip.AuthorType.PARENT or tip.parent_authors()
    if written_by_a_parent and tip.consent_recorded_at is None:
        raise TipError(_("Publiceren kan pas als de ouder die de tip schreef toestemming heeft gegeven."))
    tip.state = State.PUBLISHED
    tip.published_at = timezone.now()
    tip.save(update_fields=["state", "published_at"])
    return tip


def archive(facilitator, tip):
    require_facilitator(facilitator)
    tip.state = State.ARCHIVED
    tip.save(update_fields=["state"])
    return tip


def withdraw(member, tip):
    """The writer takes a tip back: it leaves the library and the community's lists; counts stay."""
    if not is_author(member, tip):
        raise PermissionDenied(_("Alleen de schrijver kan een tip terugtrekken."))
    tip.state = State.WITHDRAWN
    tip.save(update_fields=["state"])
    return tip


@transaction.atomic
def leave_community(member, *, hide_tips):
    """Leave; the member's tips are hidden from public view or stay, anonymised — their choice."""
    # Saved one by one (not `.update()`), so the search index hears about every withdrawal.
    for tip in Tip.objects.filter(author=member):
        if hide_tips:
            tip.state = State.WITHDRAWN
            tip.save(update_fields=["state"])
        else:
            tip.author = None
            tip.save(update_fields=["author"])
    # Tips written together stay with the other writers, without this member's name.
    for tip in Tip.objects.filter(co_authors=member):
        tip.co_authors.remove(member)
    member.left_at = timezone.now()
    member.save(update_fields=["left_at"])


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
    return round_


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
    return Pair.objects.create(round=round_, parent=parent, professional=professional)


def open_round(facilitator, round_):
    require_facilitator(facilitator)
    if round_.state != Round.State.DRAFT:
        raise TipError(_("Deze ronde is al geopend."))
    if round_.kind == Round.Kind.CLASSIFY and not round_.pairs.exists():
        raise TipError(_("Stel eerst de koppels samen."))
    round_.state = Round.State.OPEN
    round_.opened_at = timezone.now()
    round_.save(update_fields=["state", "opened_at"])
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


def _spreadsheet_safe(text):
    """A cell starting with =, +, - or @ would run as a formula in a spreadsheet."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def results_csv(round_):
    """The round's results as CSV: tip number and text, no names of participants."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    header = [_("tip"), _("tekst")]
    if round_.kind == Round.Kind.CLASSIFY:
        header += [_("koppels"), _("beoordeeld"), _("bruikbaar"), _("fase")]
    elif round_.kind == Round.Kind.TOPTIPS:
        header += [_("stemmen"), _("stemmers")]
    else:
        header += [_("aantal professionals"), _("gemiddelde plaats"), _("score")]
    writer.writerow(header)
    for row in round_results(round_):
        line = [row["tip"].pk, _spreadsheet_safe(row["text"])]
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
        writer.writerow(line)
    return buffer.getvalue()


# --- Published tips ------------------------------------------------------------------------


def can_say_tried(user):
    """ "Ik heb dit geprobeerd" is for professionals (and editors), never for parents' accounts."""
    return user.is_authenticated and user.profile.role != Profile.Role.PARENT


def tried_it(user, tip, note=""):
    if not can_say_tried(user):
        raise PermissionDenied(_("Alleen professionals kunnen laten weten dat ze een tip hebben geprobeerd."))
    if not tip.is_published:
        raise TipError(_("Deze tip is niet gepubliceerd."))
    note = re.sub(r"\s+", " ", unescape(nh3.clean(note or "", tags=set()))).strip()[:280]
    tried, _created = TriedIt.objects.update_or_create(tip=tip, user=user, defaults={"note": note})
    return tried


# --- De-identification helper --------------------------------------------------------------

_WORD = re.compile(r"\w[\w'’-]*", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?:]\s*$")


def known_names():
    """Organisation names, short names and municipality places: words a tip should not carry."""
    names = set()
    for name, short_name in Organisation.objects.values_list("name", "short_name"):
        names.add(name.lower())
        if short_name:
            names.add(short_name.lower())
        if name.startswith("Gemeente "):
            names.add(name.removeprefix("Gemeente ").lower())
    return names


def identifying_segments(text, names=None):
    """Split `text` into [(piece, suspicious)] to highlight: capitalised words that do not start
    a sentence, and known organisation or place names anywhere."""
    names = known_names() if names is None else names
    suspicious = []
    for match in _WORD.finditer(text):
        word = match.group(0)
        before = text[: match.start()]
        starts_sentence = not before.strip() or _SENTENCE_END.search(before) or before.rstrip().endswith("\n")
        if word.lower() in names or (word[0].isupper() and not starts_sentence):
            suspicious.append((match.start(), match.end()))
    for name in names:
        if " " in name:
            for match in re.finditer(re.escape(name), text, re.IGNORECASE):
                suspicious.append((match.start(), match.end()))
    suspicious.sort()
    segments, position = [], 0
    for start, end in suspicious:
        if start < position:
            continue
        if start > position:
            segments.append((text[position:start], False))
        segments.append((text[start:end], True))
        position = end
    if position < len(text):
        segments.append((text[position:], False))
    return segments


# --- Member data ---------------------------------------------------------------------------


def export_member_tips(user):
    """The member's tips with every version, and their "ik heb dit geprobeerd" notes."""
    tips = Tip.objects.filter(Q(author__user=user) | Q(co_authors__user=user)).distinct().select_related("community")
    written = [
        {
            "community": tip.community.name,
            "text": tip.text,
            "versions": list(tip.versions.values("number", "text", "created_at")),
            "state": tip.state,
            "consent_recorded_at": tip.consent_recorded_at.isoformat() if tip.consent_recorded_at else None,
        }
        for tip in tips
    ]
    tried = [{"tip": item.tip_id, "note": item.note} for item in user.tried_tips.all()]
    return {"written": written, "tried": tried}


@transaction.atomic
def anonymise_member(user):
    """On account deletion: tips with consent stay, anonymised; tips without consent are withdrawn."""
    members = list(CommunityMember.objects.filter(user=user))
    for tip in Tip.objects.filter(author__in=members):
        tip.author = None
        if tip.consent_recorded_at is None:
            tip.versions.all().delete()
            tip.state, tip.text = State.WITHDRAWN, WITHDRAWN_TEXT
        tip.save(update_fields=["author", "state", "text"])
    for tip in Tip.objects.filter(co_authors__in=members).distinct():
        tip.co_authors.remove(*members)
    user.tried_tips.update(user=None)
    CommunityMember.objects.filter(user=user, left_at__isnull=True).update(left_at=timezone.now())
