"""A tip's lifecycle: de-identifying, rewording, flags, consent, publishing, withdrawing, leaving; and 'Ik heb dit geprobeerd' on published tips."""

import re
from html import unescape

import nh3
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Profile

from .. import announcements
from ..models import (
    Tip,
    TriedIt,
)
from .base import PUBLISHABLE, State, TipError, _record_membership, _record_tip, is_author, require_facilitator
from .writing import _new_version

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
    _record_tip(tip, "tips.deidentify", facilitator)
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
    _record_tip(tip, "tips.reword", facilitator)
    return tip


FLAG_FIELDS = ("needs_rewording", "too_vague", "handbook_like", "organisation_specific")


@transaction.atomic
def set_flags(facilitator, tip, *, duplicate_of=None, **flags):
    require_facilitator(facilitator)
    for name in FLAG_FIELDS:
        setattr(tip, name, bool(flags.get(name)))
    if duplicate_of is not None and (duplicate_of.pk == tip.pk or duplicate_of.community_id != tip.community_id):
        raise TipError(_("Een tip kan alleen een dubbel zijn van een andere tip uit deze gemeenschap."))
    tip.duplicate_of = duplicate_of
    tip.save(update_fields=[*FLAG_FIELDS, "duplicate_of"])
    flags_set = [name for name in FLAG_FIELDS if getattr(tip, name)]
    _record_tip(tip, "tips.flags", facilitator, flags=flags_set, duplicate_of=tip.duplicate_of_id)
    return tip


@transaction.atomic
def record_consent(member, tip):
    """The parent gives consent, or the facilitator records consent given at the table."""
    if not (is_author(member, tip) or member.is_facilitator):
        raise PermissionDenied(_("Alleen de schrijver of de procesbegeleider kan toestemming vastleggen."))
    tip.consent_recorded_at = timezone.now()
    tip.consent_recorded_by = member.user
    tip.save(update_fields=["consent_recorded_at", "consent_recorded_by"])
    _record_tip(tip, "tips.consent", member)
    return tip


@transaction.atomic
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
    _record_tip(tip, "tips.publish", facilitator)
    announcements.tip_published(tip)
    return tip


@transaction.atomic
def archive(facilitator, tip):
    require_facilitator(facilitator)
    tip.state = State.ARCHIVED
    tip.save(update_fields=["state"])
    _record_tip(tip, "tips.archive", facilitator)
    return tip


@transaction.atomic
def withdraw(member, tip):
    """The writer takes a tip back: it leaves the library and the community's lists; counts stay."""
    if not is_author(member, tip):
        raise PermissionDenied(_("Alleen de schrijver kan een tip terugtrekken."))
    tip.state = State.WITHDRAWN
    tip.save(update_fields=["state"])
    _record_tip(tip, "tips.withdraw", member)
    return tip


@transaction.atomic
def leave_community(member, *, hide_tips):
    """Leave; the member's tips are hidden from public view or stay, anonymised — their choice."""
    # Saved one by one (not `.update()`), so the search index hears about every withdrawal.
    for tip in Tip.objects.filter(author=member):
        if hide_tips:
            tip.state = State.WITHDRAWN
            tip.save(update_fields=["state"])
            _record_tip(tip, "tips.withdraw", member)
        else:
            tip.author = None
            tip.save(update_fields=["author"])
    # Tips written together stay with the other writers, without this member's name.
    for tip in Tip.objects.filter(co_authors=member):
        tip.co_authors.remove(member)
    member.left_at = timezone.now()
    member.save(update_fields=["left_at"])
    _record_membership(member, "tips.member_leave", member, hide_tips=hide_tips)


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
