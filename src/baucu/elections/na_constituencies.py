"""The 182 National Assembly constituencies of 2026 (NEC Res. 85/NQ-HĐBCQG, 15/12/2025; law.md [4.2]).

Loaded from the package's copy of ``na16-2026-constituencies.json``: all-or-nothing, checked by the
law core (seat caps Art. 10(4), every commune in exactly one constituency Art. 10(2)) before anything
is written, idempotent on re-load.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied

from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.permissions import Permission
from baucu.elections import services
from baucu.elections.errors import SetupError, Violation
from baucu.elections.models import Contest, Election
from baucu.elections.services import service_transaction
from baucu.law import districting
from baucu.law import setup as law_setup
from baucu.law.contests import Contest as LawContest
from baucu.law.outcome import Reason, Severity
from baucu.units.models import Commune

DATA_FILE = Path(__file__).resolve().parent / "data" / "na16-2026-constituencies.json"


@dataclass(frozen=True)
class LoadReport:
    provinces: int
    constituencies: int
    seats: int
    communes: int
    changed: bool

    def __str__(self) -> str:
        state = "loaded" if self.changed else "already loaded, unchanged"
        return (
            f"NA constituencies {state}: {self.constituencies} constituencies, {self.seats} seats, "
            f"{self.communes} communes in {self.provinces} provinces"
        )


def read_data(path: Path = DATA_FILE) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _error(code: str, article: str, vi: str, en: str) -> Violation:
    return Violation(Reason(code, article, "4.2", vi, en, Severity.ERROR))


def _validate(
    data: dict[str, Any], provinces: list[str] | None
) -> tuple[list[tuple[str, int, int, list[str]]], list[Violation]]:
    """Rows (province, number, seats, communes) to write, and every problem found."""
    rows: list[tuple[str, int, int, list[str]]] = []
    problems: list[Violation] = []
    known = dict(Commune.objects.values_list("code", "province_id"))
    for province in data["provinces"]:
        code = f"{int(province['code']):02d}"
        if provinces and code not in provinces:
            continue
        pairs: list[tuple[str, str]] = []
        for c in province["constituencies"]:
            number, seats = int(c["number"]), int(c["seats"])
            codes = [u["code"] for u in c["units"]]
            facts = law_setup.ConstituencyFacts(
                LawContest.NA,
                code,
                seats,
                # An unknown code lies in no province: the law core names it as outside this one.
                communes=tuple(law_setup.CommuneRef(k, k, known.get(k, "")) for k in codes),
            )
            problems += [Violation(r, f"{code}/{number}") for r in law_setup.check_constituency(facts).errors]
            pairs += [(str(number), commune) for commune in codes]
            rows.append((code, number, seats, codes))
        in_province = sorted(k for k, p in known.items() if p == code)
        coverage = districting.check_commune_coverage(LawContest.NA, in_province, pairs)
        problems += [Violation(r, code) for r in coverage.errors]
        declared = law_setup.check_seats_add_up(
            LawContest.NA,
            (int(c["seats"]) for c in province["constituencies"]),
            province.get("seats_declared"),
            code="seats_differ_from_declared",
        )
        problems += [Violation(r, code) for r in declared.errors]
    return rows, problems


@service_transaction
def do_load_na_constituencies(
    election: Election,
    *,
    actor: Actor,
    provinces: list[str] | None = None,
    data: dict[str, Any] | None = None,
) -> LoadReport:
    """Load (or re-load) the NA constituencies of ``provinces`` (default: all 34) into ``election``.

    The writes are :func:`services.do_replace_na_constituencies`, whose audit event keeps what a
    re-load replaced; the contest's 500 seats (Art. 7) are set when the whole country is loaded.
    """
    if not actor.can(Permission.CHANGE, Jurisdiction.nation(), election_key=str(election.pk)):
        raise PermissionDenied
    data = data or read_data()
    rows, problems = _validate(data, provinces)
    if problems:
        raise SetupError(problems)
    contest = services.ensure_contest(election, kind=Contest.Kind.NA, actor=actor)
    if not provinces:
        national_seats = sum(int(p.get("seats_declared") or 0) for p in data["provinces"])
        services.do_update_contest_seats(contest, seats_total=national_seats, actor=actor)
    wanted = [services.NaConstituency(p, n, s, tuple(codes)) for p, n, s, codes in rows]
    changed = services.do_replace_na_constituencies(
        contest, wanted, provinces={r.province for r in wanted}, actor=actor
    )
    return LoadReport(
        provinces=len({r.province for r in wanted}),
        constituencies=len(wanted),
        seats=sum(r.seats for r in wanted),
        communes=sum(len(r.communes) for r in wanted),
        changed=changed,
    )
