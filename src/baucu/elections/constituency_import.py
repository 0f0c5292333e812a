"""Bulk import of constituencies (đơn vị bầu cử) with their communes or voting areas: all or nothing.

Two templates (Art. 10): the province's NA and provincial-council constituencies, each a list of
communes; a commune's council constituencies, each a list of the commune's voting areas. Each row goes
through :func:`services.do_create_constituency` (seat caps Art. 10(4), shape, duplicates, deadline),
then the whole contest is checked for coverage (every commune, or every voting area, in exactly one
constituency, Art. 10(2)(3), 11(1)). One problem anywhere and the transaction is rolled back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction
from baucu.audit.actions import AuditAction
from baucu.elections import services
from baucu.elections.errors import SetupError
from baucu.elections.events import record
from baucu.elections.imports import (
    ImportRejected,
    RowProblem,
    TemplateSpec,
    code,
    missing_columns,
    split_list,
)
from baucu.elections.models import Constituency, Contest, Election, VotingArea
from baucu.law import districting
from baucu.law.contests import Contest as LawContest
from baucu.law.outcome import Reason
from baucu.units.models import Commune, Province

PROVINCE_COLUMNS = ("contest", "number", "seats", "commune_codes", "name")
COMMUNE_COLUMNS = ("commune_code", "number", "seats", "voting_area_numbers", "name")

PROVINCE_TEMPLATE = TemplateSpec(
    kind="constituencies",
    filename="don-vi-bau-cu-tinh",
    columns=PROVINCE_COLUMNS,
    examples=(
        ("na", "1", "3", "06187; 06190; 06193", "Đơn vị bầu cử số 1"),
        ("provincial", "1", "4", "06187; 06190", ""),
    ),
    instructions=(
        ("contest", "na = đại biểu Quốc hội; provincial = đại biểu Hội đồng nhân dân tỉnh."),
        ("number", "Số của đơn vị bầu cử (số nguyên dương, không trùng trong cùng cuộc bầu cử)."),
        (
            "seats",
            "Số đại biểu được bầu: tối đa 3 (Quốc hội), tối đa 5 (Hội đồng nhân dân) (Điều 10 khoản 4).",
        ),
        (
            "commune_codes",
            "Mã các xã, phường thuộc đơn vị bầu cử, cách nhau bằng dấu chấm phẩy (;). Mỗi xã, phường của "
            "tỉnh thuộc đúng một đơn vị bầu cử của mỗi cuộc bầu cử (Điều 10 khoản 2, 3).",
        ),
        ("name", "Tên đơn vị bầu cử (không bắt buộc)."),
    ),
    choices={"contest": (Contest.Kind.NA.value, Contest.Kind.PROVINCIAL.value)},
)
COMMUNE_TEMPLATE = TemplateSpec(
    kind="commune-constituencies",
    filename="don-vi-bau-cu-xa",
    columns=COMMUNE_COLUMNS,
    examples=(("06187", "1", "5", "1; 2; 3", "Đơn vị bầu cử số 1"),),
    instructions=(
        ("commune_code", "Mã xã, phường (5 chữ số)."),
        ("number", "Số của đơn vị bầu cử đại biểu Hội đồng nhân dân xã (không trùng)."),
        ("seats", "Số đại biểu được bầu: tối đa 5 (Điều 10 khoản 4)."),
        (
            "voting_area_numbers",
            "Số các khu vực bỏ phiếu của xã thuộc đơn vị bầu cử, cách nhau bằng dấu chấm phẩy (;). Mỗi khu "
            "vực bỏ phiếu thuộc đúng một đơn vị bầu cử (Điều 11 khoản 1).",
        ),
        ("name", "Tên đơn vị bầu cử (không bắt buộc)."),
    ),
)

# Service fields → template columns, for the report.
_FIELDS = {"communes": "commune_codes", "voting_areas": "voting_area_numbers"}


@dataclass
class _Run:
    election: Election
    file: str
    justification: str
    actor: Actor
    problems: list[RowProblem] = field(default_factory=list)
    late: dict[tuple[str, str], Reason] = field(default_factory=dict)
    created: int = 0

    def problem(self, row: int, column: str, rule: str, en: str, vi: str) -> None:
        self.problems.append(RowProblem(self.file, row, column, rule, en, vi))

    def constituency(self, row: int, contest: Contest, **kwargs: object) -> None:
        """One constituency through the service; its refusal becomes row problems (rolled back)."""
        try:
            services.do_create_constituency(
                contest,
                justification=self.justification,
                actor=self.actor,
                **kwargs,  # type: ignore[arg-type]
            )
        except SetupError as exc:
            for v in exc.violations:
                if v.field == "justification":  # reported once for the file
                    self.late[(v.reason.article, v.reason.en)] = v.reason
                else:
                    self.problems.append(
                        RowProblem.of(self.file, row, _FIELDS.get(v.field or "", v.field or ""), v.reason)
                    )
        else:
            self.created += 1


def _number(value: str) -> int | None:
    value = value.strip()
    return int(value) if value.isdigit() else None


def _whole_numbers(run: _Run, index: int, row: dict[str, str], rule: str) -> tuple[int, int] | None:
    number, seats = _number(row["number"]), _number(row["seats"])
    if number is None or number < 1:
        run.problem(index, "number", rule, "a positive whole number is required", "cần một số nguyên dương")
    if seats is None:
        run.problem(index, "seats", "Art. 10(4)", "a whole number of seats is required", "cần số đại biểu")
    return None if number is None or number < 1 or seats is None else (number, seats)


@services.service_transaction
def do_import_constituencies(
    election: Election,
    rows: Sequence[dict[str, str]],
    *,
    file: str,
    justification: str = "",
    only_province: str | None = None,
    only_commune: str | None = None,
    actor: Actor,
) -> int:
    """Create every constituency of ``rows`` or none; returns how many were created.

    The header decides the template: ``contest`` (province file) or ``commune_code`` (commune file).
    ``only_province`` / ``only_commune``: an upload page accepts rows of its own jurisdiction only.
    """
    rows = list(rows)
    run = _Run(election, file, justification, actor)
    commune_file = bool(rows) and "commune_code" in rows[0] and "contest" not in rows[0]
    columns = COMMUNE_COLUMNS if commune_file else PROVINCE_COLUMNS
    missing = missing_columns(file, rows, columns)
    if missing:
        raise ImportRejected(missing, rows)
    if commune_file:
        _commune_rows(run, rows, only_province, only_commune)
    elif only_commune:
        run.problem(1, "commune_code", "Art. 10(3)", "use the commune template", "dùng mẫu của xã")
    else:
        _province_rows(run, rows, only_province)
    run.problems += [RowProblem.of(file, 0, "justification", r) for r in run.late.values()]
    if run.problems:
        raise ImportRejected(run.problems, rows)
    record(
        AuditAction.SETUP_IMPORTED,
        actor=actor,
        election=election,
        jurisdiction=_where(only_province, only_commune),
        obj=election,
        new={"file": file, "constituencies": run.created},
    )
    return run.created


def _where(province: str | None, commune: str | None) -> Jurisdiction:
    if province and commune:
        return Jurisdiction.commune(province, commune)
    return Jurisdiction.province(province) if province else Jurisdiction.nation()


# ---------------------------------------------------------------- NA and provincial (Art. 10(2)(3))


def _province_rows(run: _Run, rows: list[dict[str, str]], only_province: str | None) -> None:
    wanted = {code(c, 5) for r in rows for c in split_list(r["commune_codes"])}
    communes = {c.code: c for c in Commune.objects.filter(code__in=wanted).select_related("province")}
    touched: set[tuple[str, str]] = set()
    for index, row in enumerate(rows, start=2):
        kind = row["contest"].strip().lower()
        if kind not in (Contest.Kind.NA, Contest.Kind.PROVINCIAL):
            run.problem(index, "contest", "Art. 10(1)", "na or provincial", "na hoặc provincial")
        numbers = _whole_numbers(run, index, row, "Art. 10(2), 10(3)")
        codes = [code(c, 5) for c in split_list(row["commune_codes"])]
        unknown = [c for c in codes if c not in communes]
        outside = [
            c for c in codes if c in communes and only_province and communes[c].province_id != only_province
        ]
        if unknown or outside or not codes:
            listed = ", ".join(unknown + outside) or "—"
            run.problem(
                index,
                "commune_codes",
                "Art. 10(2), 10(3)",
                f"unknown communes or outside the province: {listed}",
                f"mã xã không đúng hoặc không thuộc tỉnh: {listed}",
            )
        if (
            numbers is None
            or kind not in (Contest.Kind.NA, Contest.Kind.PROVINCIAL)
            or unknown
            or outside
            or not codes
        ):
            continue
        chosen = [communes[c] for c in codes]
        province = Province.objects.get(code=only_province) if only_province else chosen[0].province
        contest = _province_contest(run, kind, province)
        run.constituency(
            index,
            contest,
            number=numbers[0],
            seats=numbers[1],
            province=province,
            communes=chosen,
            name=row.get("name", "").strip(),
        )
        touched.add((kind, province.code))
    if run.problems or run.late:  # coverage is asked of a complete, lawful set only
        return
    for kind, province_code in sorted(touched):
        members = sorted(Commune.objects.filter(province_id=province_code).values_list("code", flat=True))
        through = Constituency.communes.through
        pairs = [
            (str(number), commune)
            for number, commune in through.objects.filter(
                constituency__contest__election=run.election,
                constituency__contest__kind=kind,
                constituency__province_id=province_code,
            ).values_list("constituency__number", "commune_id")
        ]
        outcome = districting.check_commune_coverage(LawContest(kind), members, pairs)
        run.problems += [RowProblem.of(run.file, 0, "commune_codes", r) for r in outcome.reasons]


def _province_contest(run: _Run, kind: str, province: Province) -> Contest:
    # The NA contest is national; a province committee may still list its own constituencies in it.
    return services.ensure_contest(run.election, kind=kind, province=province, actor=run.actor)


# ---------------------------------------------------------------- commune councils (Art. 10(3), 11(1))


def _commune_rows(
    run: _Run, rows: list[dict[str, str]], only_province: str | None, only_commune: str | None
) -> None:
    wanted = {code(r["commune_code"], 5) for r in rows}
    communes = {c.code: c for c in Commune.objects.filter(code__in=wanted)}
    areas = {
        (a.commune_id, a.number): a
        for a in VotingArea.objects.filter(election=run.election, commune_id__in=wanted)
    }
    touched: set[str] = set()
    for index, row in enumerate(rows, start=2):
        commune = communes.get(code(row["commune_code"], 5))
        if (
            commune is None
            or (only_commune and commune.code != only_commune)
            or (only_province and commune.province_id != only_province)
        ):
            run.problem(index, "commune_code", "Art. 10(3)", "unknown commune code", "mã xã không đúng")
            continue
        numbers = _whole_numbers(run, index, row, "Art. 10(3)")
        listed = split_list(row["voting_area_numbers"])
        chosen = [areas.get((commune.code, n)) for n in (_number(v) for v in listed) if n is not None]
        if not listed or None in chosen or len(chosen) != len(listed):
            run.problem(
                index,
                "voting_area_numbers",
                "Art. 11(1)",
                f"voting areas not found in commune {commune.code}: {row['voting_area_numbers'] or '—'}",
                f"không có khu vực bỏ phiếu này ở xã {commune.code}: {row['voting_area_numbers'] or '—'}",
            )
            continue
        if numbers is None:
            continue
        contest = services.ensure_contest(
            run.election, kind=Contest.Kind.COMMUNE, commune=commune, actor=run.actor
        )
        run.constituency(
            index,
            contest,
            number=numbers[0],
            seats=numbers[1],
            voting_areas=[a for a in chosen if a is not None],
            name=row.get("name", "").strip(),
        )
        touched.add(commune.code)
    if run.problems or run.late:  # coverage is asked of a complete, lawful set only
        return
    through = Constituency.voting_areas.through
    for commune_code in sorted(touched):
        members = [str(n) for n in sorted(n for (c, n) in areas if c == commune_code)]
        pairs = [
            (str(number), str(area))
            for number, area in through.objects.filter(
                constituency__contest__election=run.election, constituency__commune_id=commune_code
            ).values_list("constituency__number", "votingarea__number")
        ]
        outcome = districting.check_voting_area_constituencies(LawContest.COMMUNE, members, pairs)
        run.problems += [RowProblem.of(run.file, 0, "voting_area_numbers", r) for r in outcome.reasons]
