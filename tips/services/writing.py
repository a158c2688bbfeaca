"""Writing tips: sanitising, the submission limit, versions."""

import re
from html import unescape

import nh3
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import ratelimit

from ..models import (
    Tip,
    TipVersion,
)
from .base import (
    MAX_TIP_LENGTH,
    SUBMISSION_LIMIT,
    SUBMISSION_WINDOW,
    RateLimited,
    Role,
    TipError,
    _record_tip,
    require_facilitator,
)

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
    _record_tip(tip, "tips.submit", member, author=author.pk, consent=bool(consent))
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
