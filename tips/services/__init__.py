"""Business rules for communities, tips and rounds: the only place where state changes.

Views call these functions and show `TipError` messages (clear Dutch sentences) to the user.
Who may do what is decided here too, so the rules hold for the front end, the admin and
tests alike: outsiders never reach a community (`community_for` raises 404), only the
facilitator runs rounds and moves tips along, and a tip only goes public with the recorded
consent of every parent who wrote it.

One module per concern (issue 15): `base` (states, limits, errors, audit helpers), `members`,
`invitations`, `writing`, `lifecycle`, `rounds`, `deidentification`, `exports`. Callers keep
using `tips.services.<name>`; this package re-exports every public name.
"""

from .base import (
    INVITATION_LINKS,
    LIFECYCLE,
    MAX_TIP_LENGTH,
    PUBLISHABLE,
    ROUND_INPUT,
    SUBMISSION_LIMIT,
    SUBMISSION_WINDOW,
    WITHDRAWN_TEXT,
    RateLimited,
    Role,
    State,
    TipError,
    is_author,
    logger,
    require_facilitator,
)
from .deidentification import (
    identifying_segments,
    known_names,
)
from .exports import (
    anonymise_member,
    export_member_tips,
)
from .invitations import (
    INVITABLE_ROLES,
    InvitationExpired,
    accept_invitation,
    add_member,
    invitation_token,
    read_invitation,
    send_invitation,
)
from .lifecycle import (
    FLAG_FIELDS,
    archive,
    can_say_tried,
    deidentify,
    leave_community,
    publish,
    record_consent,
    reword,
    set_flags,
    tried_it,
    withdraw,
)
from .members import (
    active_membership,
    communities_of,
    community_for,
    identity_of,
    round_for,
    takes_part_as_parent,
    tip_for,
    tips_for,
)
from .rounds import (
    agreement_for_tip,
    agreement_text,
    assign_pair,
    close_round,
    create_round,
    eligible_tips,
    judge,
    open_round,
    pair_of,
    prioritise,
    results_csv,
    results_visible_to,
    round_results,
    vote,
)
from .writing import (
    author_type_for,
    record_version,
    sanitise,
    submit_tip,
)

__all__ = [
    "FLAG_FIELDS",
    "INVITABLE_ROLES",
    "INVITATION_LINKS",
    "InvitationExpired",
    "LIFECYCLE",
    "MAX_TIP_LENGTH",
    "PUBLISHABLE",
    "ROUND_INPUT",
    "RateLimited",
    "Role",
    "SUBMISSION_LIMIT",
    "SUBMISSION_WINDOW",
    "State",
    "TipError",
    "WITHDRAWN_TEXT",
    "accept_invitation",
    "active_membership",
    "add_member",
    "agreement_for_tip",
    "agreement_text",
    "anonymise_member",
    "archive",
    "assign_pair",
    "author_type_for",
    "can_say_tried",
    "close_round",
    "communities_of",
    "community_for",
    "create_round",
    "deidentify",
    "eligible_tips",
    "export_member_tips",
    "identifying_segments",
    "identity_of",
    "invitation_token",
    "is_author",
    "judge",
    "known_names",
    "leave_community",
    "logger",
    "open_round",
    "pair_of",
    "prioritise",
    "publish",
    "read_invitation",
    "record_consent",
    "record_version",
    "require_facilitator",
    "results_csv",
    "results_visible_to",
    "reword",
    "round_for",
    "round_results",
    "sanitise",
    "send_invitation",
    "set_flags",
    "submit_tip",
    "takes_part_as_parent",
    "tip_for",
    "tips_for",
    "tried_it",
    "vote",
    "withdraw",
]
