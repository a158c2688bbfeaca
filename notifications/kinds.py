"""The kinds of notification, each with its label and its default delivery.

Apps that mail members (tip communities, ateliers) add their kinds with `register` at import
of their own module and then call `services.notify(member, kind, …)`; the preferences page
lists every registered kind, so a new kind needs no change here.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import Delivery


@dataclass(frozen=True)
class Kind:
    name: str
    label: str
    description: str
    default: str


KINDS = {}


def register(name, label, description, default):
    if name in KINDS:
        raise ValueError(f"notification kind {name!r} is registered twice")
    KINDS[name] = Kind(name, label, description, default)
    return KINDS[name]


def get(name):
    try:
        return KINDS[name]
    except KeyError:
        raise ValueError(f"unknown notification kind {name!r}; known: {sorted(KINDS)}") from None


NEW_CONTENT = register(
    "new_content",
    _("Nieuwe verhalen, methoden en publicaties"),
    _("Over de thema's, gemeenten en organisaties die u volgt en over uw bewaarde zoekopdrachten."),
    # New content is rarely urgent: a weekly overview by default, so following three themes
    # does not fill a mailbox.
    Delivery.DIGEST,
)
