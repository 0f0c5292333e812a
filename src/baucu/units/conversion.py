"""Old (pre-1 July 2025) addresses to the commune they are in now.

``vietnamadminunits`` parses the old address (province, district, commune; accents and case
optional). Its own converter is not used: for a split commune with a street it geocodes the address
over the network. Here the parsed former unit is looked up in our ``Lineage`` rows instead, so the
result carries our (authoritative) codes; a split unit gives its default successor and lists the
others.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from baucu.units.models import Commune, FormerUnit
from baucu.units.names import clean
from baucu.units.queries import successors_of


class ConversionError(Exception):
    """The old address cannot be resolved to one former commune-level unit."""


@dataclass(frozen=True)
class Conversion:
    former: FormerUnit
    commune: Commune
    others: tuple[Commune, ...]  # other communes that received part of a split former unit


def convert_old_address(address: str) -> Conversion:
    from vietnamadminunits.parser import ParseMode, parse_address  # slow import: only when used

    text = clean(address)
    if not text:
        raise ConversionError(_("The address is empty."))
    # keep_street=False: the street is not needed and keeping it is what triggers geocoding.
    old = parse_address(text, mode=ParseMode.LEGACY, keep_street=False, level=3)
    if not old.province_key:
        raise ConversionError(
            _("No former province recognised in “%(address)s”. Write it as “commune, district, province”.")
            % {"address": text}
        )
    if not old.district_key:
        raise ConversionError(
            _("No former district of %(province)s recognised in “%(address)s”.")
            % {"province": old.province, "address": text}
        )
    code = old.ward_code or old.district_code  # island districts had no communes
    former = FormerUnit.objects.filter(code=code).first() if code else None
    if not old.ward_code and (former is None or former.kind != "Huyện"):
        raise ConversionError(
            _("No former commune, ward or town of %(district)s recognised in “%(address)s”.")
            % {"district": f"{old.district}, {old.province}", "address": text}
        )
    if former is None:
        raise ConversionError(
            _("The former unit %(code)s is not loaded: run “baucu units load”.") % {"code": code}
        )
    successors = successors_of(former)
    if not successors:
        raise ConversionError(_("No new unit recorded for %(former)s.") % {"former": former})
    return Conversion(former, successors[0][0], tuple(c for c, _default in successors[1:]))
