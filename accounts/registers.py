"""Professional registers (SKJ, NIP, NVO, BIG) and the format of their numbers.

Used by member profiles and by atelier registrations, so one person can hold several
registrations and every form checks numbers the same way. A register's portal expects the
number with its prefix; `normalise` returns that form.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Register(models.TextChoices):
    SKJ = "skj", _("SKJ (Stichting Kwaliteitsregister Jeugd)")
    NIP = "nip", _("NIP (Nederlands Instituut van Psychologen)")
    NVO = "nvo", _("NVO (Nederlandse Vereniging van Pedagogen en Onderwijskundigen)")
    BIG = "big", _("BIG-register")


# Each register: the accepted input pattern, and how to write the number with its prefix.
NUMBER_FORMATS = {
    Register.SKJ: (
        re.compile(r"^(?:SKJ)?\s*(\d{6,9})$", re.I),
        "SKJ{}",
        _("SKJ gevolgd door 6 tot 9 cijfers, bijvoorbeeld SKJ110012345"),
    ),
    Register.NIP: (
        re.compile(r"^(?:NIP)?\s*(\d{4,8})$", re.I),
        "NIP{}",
        _("4 tot 8 cijfers, eventueel voorafgegaan door NIP"),
    ),
    Register.NVO: (
        re.compile(r"^(?:NVO)?\s*(\d{4,8})$", re.I),
        "NVO{}",
        _("4 tot 8 cijfers, eventueel voorafgegaan door NVO"),
    ),
    Register.BIG: (
        re.compile(r"^(?:BIG)?\s*(\d{11})$", re.I),
        "BIG{}",
        _("11 cijfers, eventueel voorafgegaan door BIG"),
    ),
}


# How many years one registration period (and so one accreditation cycle) lasts, per register.
# A professional keeps a registration by collecting accreditation points within each period and
# re-registers at its end. SKJ works in periods of five years (DOMAIN.md, "SKJ accreditation");
# the BIG register, and the NIP's and NVO's youth registers, re-register every five years too.
# Reference data, not something a member or editor sets: a change here is a change of the
# register's own rules.
CYCLE_YEARS = {
    Register.SKJ: 5,
    Register.NIP: 5,
    Register.NVO: 5,
    Register.BIG: 5,
}


def normalise(register, number):
    """Return the number as the register's portal expects it, or raise ValidationError in Dutch."""
    pattern, template, hint = NUMBER_FORMATS[Register(register)]
    match = pattern.match((number or "").strip().replace("-", "").replace(".", ""))
    if not match:
        raise ValidationError(
            _("Dit registratienummer klopt niet. Verwacht: %(hint)s."),
            code="invalid_register_number",
            params={"hint": hint},
        )
    return template.format(match.group(1))
