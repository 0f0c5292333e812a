"""Bulk import of voting areas from the downloadable CSV / XLSX template: all or nothing.

Every row is checked (by the law core, through the same rules as the single-area service) before
anything is written; the report names each problem by file, row, field and rule. One audit event
records the import.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.permissions import Permission
from baucu.audit.actions import AuditAction
from baucu.elections import legal
from baucu.elections.deadlines import lateness
from baucu.elections.events import record
from baucu.elections.models import Election, Justification, VotingArea
from baucu.elections.services import service_transaction
from baucu.units.models import Commune

COLUMNS = (
    "commune_code",
    "number",
    "kind",
    "residence_groups",
    "facility",
    "polling_place",
    "voter_count",
    "is_mountainous",
)
EXAMPLE = (
    "06187",
    "1",
    "residential",
    "Tổ dân phố 1; Tổ dân phố 2",
    "",
    "Nhà văn hóa Tổ dân phố 1",
    "850",
    "0",
)


@dataclass(frozen=True)
class RowProblem:
    file: str
    row: int
    field: str
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}, row {self.row}, {self.field}: {self.message} ({self.rule})"


class ImportRejected(Exception):  # noqa: N818 - a rejection, not a program error
    def __init__(self, problems: list[RowProblem]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s); nothing imported")


def template_csv(commune_code: str = "") -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerow((commune_code or EXAMPLE[0], *EXAMPLE[1:]))
    return out.getvalue()


def read_rows(path: Path) -> list[dict[str, str]]:
    """Rows of a CSV (UTF-8, with or without BOM) or XLSX file, keyed by the template's columns."""
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(path, read_only=True, data_only=True).active
        values = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        header, body = values[0], values[1:]
        return [dict(zip(header, row, strict=False)) for row in body if any(row)]
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{k: (v or "") for k, v in row.items()} for row in csv.DictReader(handle)]


def _int(value: str) -> int | None:
    value = value.strip().replace(".", "")
    return int(value) if value.isdigit() else None


@service_transaction
def do_import_voting_areas(
    election: Election,
    rows: list[dict[str, str]],
    *,
    file: str,
    justification: str = "",
    only_commune: str | None = None,
    actor: Actor,
) -> int:
    """Create every voting area of ``rows`` or none; returns how many were created.

    ``only_commune``: the upload page of one commune accepts rows of that commune only.
    """
    communes = {c.code: c for c in Commune.objects.filter(code__in={r.get("commune_code", "") for r in rows})}
    problems: list[RowProblem] = []
    areas: list[VotingArea] = []
    seen: set[tuple[str, int]] = set(
        VotingArea.objects.filter(election=election).values_list("commune_id", "number")
    )
    missing = [c for c in COLUMNS if rows and c not in rows[0]]
    if missing:
        raise ImportRejected([RowProblem(file, 1, c, "template", "missing column") for c in missing])
    for index, row in enumerate(rows, start=2):  # row 1 is the header
        commune = communes.get(row["commune_code"].strip())
        number = _int(row["number"])
        if commune is None or (only_commune and commune.code != only_commune):
            problems.append(RowProblem(file, index, "commune_code", "Art. 11(4)", "unknown commune code"))
            continue
        if not actor.can(Permission.CHANGE, Jurisdiction.commune(commune.province_id, commune.code)):
            raise PermissionDenied
        if number is None or number < 1:
            problems.append(
                RowProblem(file, index, "number", "Art. 11(4)", "a positive whole number is required")
            )
            continue
        kind = row["kind"].strip() or VotingArea.Kind.RESIDENTIAL
        if kind not in VotingArea.Kind.values:
            problems.append(
                RowProblem(file, index, "kind", "Art. 11(3)", f"one of {', '.join(VotingArea.Kind.values)}")
            )
            continue
        area = VotingArea(
            election=election,
            province_id=commune.province_id,
            commune=commune,
            number=number,
            kind=kind,
            residence_groups="\n".join(g.strip() for g in row["residence_groups"].split(";") if g.strip()),
            facility=row["facility"].strip(),
            polling_place=row["polling_place"].strip(),
            voter_count=_int(row["voter_count"]),
            is_mountainous=row["is_mountainous"].strip() in ("1", "x", "yes", "có"),
        )
        for field, reason in legal.voting_area_violations(area):
            problems.append(RowProblem(file, index, field, reason.article, reason.en))
        if (commune.code, number) in seen:
            reason = legal.duplicate_area_reason(number)
            problems.append(RowProblem(file, index, "number", reason.article, reason.en))
        seen.add((commune.code, number))
        areas.append(area)
    step_id, late = lateness(election, "voting_area", _today())
    if late.value and not justification.strip():
        problems += [RowProblem(file, 0, "justification", r.article, r.en) for r in late.reasons]
    if problems:
        raise ImportRejected(problems)
    VotingArea.objects.bulk_create(areas)
    if late.value and step_id is not None:
        step = next(s for s in legal.steps_of(election) if s.id == step_id)
        Justification.objects.create(
            election=election,
            step_id=step_id,
            action="import_voting_areas",
            subject=file[:300],
            reason=justification.strip(),
            deadline=step.deadline,
            acted_on=_today(),
            recorded_by=actor.user,
        )
    record(
        AuditAction.SETUP_IMPORTED,
        actor=actor,
        election=election,
        jurisdiction=_common(areas),
        obj=election,
        new={"file": file, "voting_areas": len(areas)},
    )
    return len(areas)


def _today() -> dt.date:
    return timezone.localdate()


def _common(areas: list[VotingArea]) -> Jurisdiction:
    provinces = {a.province_id for a in areas}
    communes = {a.commune_id for a in areas}
    if len(communes) == 1:
        return Jurisdiction.commune(provinces.pop(), communes.pop())
    if len(provinces) == 1:
        return Jurisdiction.province(provinces.pop())
    return Jurisdiction.nation()
