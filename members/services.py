"""What "Mijn Samen Preventief" shows a member, read from the apps that own it.

This app owns no data: it reads the member's atelier registrations through
`ateliers.member_overview`, their tip communities through `tips.services`, and their professional
registers from `accounts`, and the accreditation record is computed by the pure
`members.accreditation`. It lives in an app of its own (not in `accounts`) because it depends on
the feature apps, and those depend on `accounts`: putting it there would make the imports go
round (tests/test_import_graph.py).

Everything is read for `user` only: no function here takes the id of another person.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ateliers import member_overview
from tips import services as tips_services
from tips.models import Round

from .accreditation import Holding, accreditation_record


def holdings_of(user):
    return [
        Holding(register=r.register, number=r.number, period_start=r.period_start)
        for r in user.profile.registrations.order_by("register")
    ]


def record_of(user, registrations=None, today=None):
    """The member's accreditation record (see `members.accreditation`), one entry per register held."""
    if registrations is None:
        registrations = member_overview.registrations_of(user)
    return accreditation_record(holdings_of(user), registrations, today or timezone.localdate())


@dataclass
class CommunityOverview:
    community: object
    member: object
    name_shown: str
    open_rounds: list = field(default_factory=list)
    tips: list = field(default_factory=list)


def communities_of(user):
    """The tip communities the member is in now, each with its open rounds and the member's own tips.

    `name_shown` is how the other members see them there: a parent only by their pseudonym.
    A withdrawn tip stays listed for its author (it is theirs), with its state.
    """
    overviews = []
    for community in tips_services.communities_of(user).select_related("host_organisation").order_by("name"):
        member = tips_services.active_membership(user, community)
        if member is None:
            continue
        own_tips = (
            community.tips.filter(Q(author=member) | Q(co_authors=member)).distinct().order_by("-created_at", "-pk")
        )
        open_rounds = community.rounds.filter(state=Round.State.OPEN).order_by("deadline", "pk")
        overviews.append(
            CommunityOverview(
                community=community,
                member=member,
                name_shown=member.public_name,
                open_rounds=list(open_rounds),
                tips=list(own_tips),
            )
        )
    return overviews


@dataclass
class Overview:
    upcoming: list
    past: list
    certificates: list
    communities: list
    join_requests: list
    record: list
    ateliers_url: str | None


def overview_of(user, request=None):
    """Everything on the member's personal page."""
    registrations = member_overview.registrations_of(user, request)
    upcoming = [r for r in registrations if r.is_upcoming]
    past = sorted((r for r in registrations if not r.is_upcoming), key=lambda r: r.date, reverse=True)
    return Overview(
        upcoming=upcoming,
        past=past,
        certificates=[r for r in past if r.certificate_url],
        communities=communities_of(user),
        join_requests=list(tips_services.join_requests_of(user)[:20]),
        record=record_of(user, registrations),
        ateliers_url=member_overview.ateliers_overview_url(request),
    )


# -- presenting numbers ----------------------------------------------------------------------


def format_points(points):
    """ "2,0 punten" in Dutch, "2.0 points" in English: one decimal, as registers write points."""
    return _("%(points)s punten") % {"points": formats.number_format(points, 1, use_l10n=True)}
