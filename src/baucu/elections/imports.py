"""Bulk imports of election setup from downloadable CSV / XLSX templates: all or nothing.

The machinery shared by every import lives here: the template of each kind (columns, example rows,
enumerations, Vietnamese instructions) written as CSV or XLSX, reading a file back into rows, the
row-by-row problem (file, row, field, rule, message in vi and en) and the rejection that carries the
file's rows so the report can be downloaded. Every row is checked by the law core, through the same
rules as the single-object services, before anything is kept. This module also imports voting areas;
constituencies and bodies are in :mod:`constituency_import` and :mod:`body_import`.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction
from baucu.audit.actions import AuditAction
from baucu.elections import services
from baucu.elections.errors import SetupError
from baucu.elections.events import record
from baucu.elections.models import Election, VotingArea
from baucu.elections.services import service_transaction
from baucu.law.outcome import Reason
from baucu.units.models import Commune


@dataclass(frozen=True)
class RowProblem:
    """One problem of an import: where (file, row, field), which rule, what is wrong (en, vi).

    Row 1 is the header; row 0 means the file as a whole (a missing justification, coverage).
    """

    file: str
    row: int
    field: str
    rule: str
    message: str
    message_vi: str = ""

    def __str__(self) -> str:
        return f"{self.file}, row {self.row}, {self.field}: {self.message} ({self.rule})"

    def text(self, language: str = "vi") -> str:
        return self.message if language == "en" or not self.message_vi else self.message_vi

    @classmethod
    def of(cls, file: str, row: int, field: str, reason: Reason) -> RowProblem:
        """A problem from a law-core reason, keeping both languages."""
        return cls(file, row, field, reason.article, reason.en, reason.vi)


class ImportRejected(Exception):  # noqa: N818 - a rejection, not a program error
    """Nothing was imported; ``rows`` (the file as read) are kept so the report can be downloaded."""

    def __init__(self, problems: list[RowProblem], rows: Sequence[dict[str, str]] = ()) -> None:
        self.problems = problems
        self.rows = list(rows)
        super().__init__(f"{len(problems)} problem(s); nothing imported")

    def report_csv(self, language: str = "vi") -> str:
        """The rejected file, row by row, each with its problems: fix the rows and upload again."""
        columns = list(dict.fromkeys(k for row in self.rows for k in row))
        by_row: dict[int, list[RowProblem]] = {}
        for problem in self.problems:
            by_row.setdefault(problem.row, []).append(problem)
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["row", *columns, "field", "rule", "problem"])

        def cells(problems: list[RowProblem]) -> list[str]:
            return [
                " | ".join(p.field for p in problems),
                " | ".join(p.rule for p in problems),
                " | ".join(p.text(language) for p in problems),
            ]

        if 0 in by_row:
            writer.writerow(["0", *[""] * len(columns), *cells(by_row[0])])
        for index, row in enumerate(self.rows, start=2):
            writer.writerow([str(index), *[row.get(c, "") for c in columns], *cells(by_row.get(index, []))])
        return "\ufeff" + out.getvalue()  # BOM: Excel opens UTF-8 Vietnamese correctly


@dataclass(frozen=True)
class TemplateSpec:
    """A downloadable template: its columns, example rows, enumerations and instructions (vi)."""

    kind: str
    filename: str  # without extension
    columns: tuple[str, ...]
    examples: tuple[tuple[str, ...], ...]
    instructions: tuple[tuple[str, str], ...]  # (column, what to write there, in Vietnamese)
    choices: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)


def spec_csv(spec: TemplateSpec) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(spec.columns)
    writer.writerows(spec.examples)
    return out.getvalue()


def spec_xlsx(spec: TemplateSpec) -> bytes:
    """XLSX: a header row, the example rows as text, a list validation on each enumerated column,
    and a "Hướng dẫn" sheet explaining every column in Vietnamese."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    data = book.active
    data.title = "Dữ liệu"
    data.append(list(spec.columns))
    for example in spec.examples:
        data.append(list(example))
    for index, column in enumerate(spec.columns, start=1):
        letter = get_column_letter(index)
        data.column_dimensions[letter].width = max(14, len(column) + 4)
        for cell in data[letter]:
            cell.number_format = "@"  # codes keep their leading zeros
        values = spec.choices.get(column)
        if values:
            rule = DataValidation(type="list", formula1='"' + ",".join(values) + '"', allow_blank=True)
            rule.error = "Chọn một giá trị trong danh sách: " + ", ".join(values)
            rule.add(f"{letter}2:{letter}2000")
            data.add_data_validation(rule)
    help_sheet = book.create_sheet("Hướng dẫn")
    help_sheet.append(["Cột", "Cách ghi"])
    for column, text in spec.instructions:
        help_sheet.append([column, text])
    help_sheet.append([])
    help_sheet.append(
        [
            "Lưu ý",
            "Nhập tất cả hoặc không nhập gì: nếu một dòng sai, không dòng nào được ghi và báo cáo "
            "nêu từng lỗi theo tệp, dòng, cột và điều luật. Dòng 1 là tiêu đề; không đổi tên cột.",
        ]
    )
    help_sheet.column_dimensions["A"].width = 24
    help_sheet.column_dimensions["B"].width = 110
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read_rows(path: Path) -> list[dict[str, str]]:
    """Rows of a CSV (UTF-8, with or without BOM) or XLSX file (its first sheet), keyed by the
    header row; cells are text, surrounding spaces removed."""
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True, data_only=True)
        sheet = book.worksheets[0]
        values = [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        book.close()
        if not values:
            return []
        header, body = [h.strip() for h in values[0]], values[1:]
        return [dict(zip(header, row, strict=False)) for row in body if any(row)]
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [
            {(k or "").strip(): (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)
        ]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def missing_columns(file: str, rows: Sequence[dict[str, str]], columns: Sequence[str]) -> list[RowProblem]:
    return [
        RowProblem(file, 1, c, "template", "missing column", "thiếu cột")
        for c in columns
        if rows and c not in rows[0]
    ]


def code(value: str, digits: int) -> str:
    """A province (2) or commune (5) code as written, leading zeros restored (spreadsheets drop them)."""
    value = value.strip()
    return value.zfill(digits) if value.isdigit() else value


def split_list(value: str) -> list[str]:
    """``"1; 2, 3"`` → ``["1", "2", "3"]``."""
    return [p.strip() for p in value.replace(",", ";").split(";") if p.strip()]


TRUE_WORDS = frozenset({"1", "x", "yes", "true", "có", "co"})


def _time(value: str) -> dt.time | None:
    """``HH:MM`` (or ``H:MM``, ``Hh``, ``HhMM``); empty is 07:00 (Art. 71(1)); None if unreadable."""
    text = value.strip().lower().replace("h", ":").rstrip(":")
    if not text:
        return dt.time(7, 0)
    parts = text.split(":")  # a spreadsheet's time cell reads as "06:30:00"
    if len(parts) > 3 or not all(p.isdigit() for p in parts) or any(p != "00" for p in parts[2:]):
        return None
    try:
        return dt.time(int(parts[0]), int(parts[1]) if len(parts) > 1 else 0)
    except ValueError:
        return None


def _int(value: str) -> int | None:
    value = value.strip().replace(".", "")
    return int(value) if value.isdigit() else None


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
# Optional: a file without the column gets 07:00 everywhere.
OPTIONAL_COLUMNS = ("voting_start",)
EXAMPLE = (
    "06187",
    "1",
    "residential",
    "Tổ dân phố 1; Tổ dân phố 2",
    "",
    "Nhà văn hóa Tổ dân phố 1",
    "850",
    "0",
    "07:00",
)
VOTING_AREA_TEMPLATE = TemplateSpec(
    kind="voting-areas",
    filename="khu-vuc-bo-phieu",
    columns=COLUMNS + OPTIONAL_COLUMNS,
    examples=(EXAMPLE,),
    instructions=(
        ("commune_code", "Mã xã, phường (5 chữ số)."),
        ("number", "Số thứ tự khu vực bỏ phiếu trong xã (số nguyên dương, không trùng)."),
        (
            "kind",
            "residential = theo địa bàn dân cư; armed_forces = đơn vị vũ trang; hospital_care = bệnh viện, "
            "cơ sở chăm sóc; detention_compulsory = cơ sở giam giữ, cai nghiện bắt buộc (Điều 11 khoản 3).",
        ),
        ("residence_groups", "Các thôn, tổ dân phố, cách nhau bằng dấu chấm phẩy (;)."),
        ("facility", "Tên đơn vị, cơ sở (khu vực bỏ phiếu riêng)."),
        ("polling_place", "Địa điểm bỏ phiếu."),
        ("voter_count", "Số cử tri dự kiến: 300–4.000 (Điều 11 khoản 2)."),
        ("is_mountainous", "1 nếu miền núi, hải đảo, dân cư thưa (có thể dưới 300 cử tri)."),
        (
            "voting_start",
            "Giờ bắt đầu bỏ phiếu (HH:MM): 07:00, hoặc sớm hơn nhưng không trước 05:00 (Điều 71 khoản 1);"
            " để trống là 07:00.",
        ),
    ),
    choices={"kind": tuple(VotingArea.Kind.values), "is_mountainous": ("0", "1")},
)


def template_csv(commune_code: str = "") -> str:
    """The voting-area template (CSV), with the commune's code in the example row."""
    example = (commune_code or EXAMPLE[0], *EXAMPLE[1:])
    return spec_csv(replace(VOTING_AREA_TEMPLATE, examples=(example,)))


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

    Each row goes through :func:`services.do_create_voting_area`, the single form's service: the same
    permission check, law-core checks, duplicate check and deadline gate (one justification for the
    file, recorded for each area as a single action would) and one audit event per area. A refusal
    becomes row problems; any problem rolls the whole file back. ``only_commune``: the upload page of
    one commune accepts rows of that commune only.
    """
    communes = {
        c.code: c for c in Commune.objects.filter(code__in={code(r.get("commune_code", ""), 5) for r in rows})
    }
    problems: list[RowProblem] = []
    late: dict[tuple[str, str], Reason] = {}
    created: list[VotingArea] = []
    missing = missing_columns(file, rows, COLUMNS)
    if missing:
        raise ImportRejected(missing, rows)
    for index, row in enumerate(rows, start=2):  # row 1 is the header
        commune = communes.get(code(row["commune_code"], 5))
        number = _int(row["number"])
        if commune is None or (only_commune and commune.code != only_commune):
            problems.append(
                RowProblem(
                    file, index, "commune_code", "Art. 11(4)", "unknown commune code", "mã xã không đúng"
                )
            )
            continue
        if number is None or number < 1:
            problems.append(
                RowProblem(
                    file,
                    index,
                    "number",
                    "Art. 11(4)",
                    "a positive whole number is required",
                    "cần một số nguyên dương",
                )
            )
            continue
        kind = row["kind"].strip() or VotingArea.Kind.RESIDENTIAL
        if kind not in VotingArea.Kind.values:
            problems.append(
                RowProblem(
                    file,
                    index,
                    "kind",
                    "Art. 11(3)",
                    f"one of {', '.join(VotingArea.Kind.values)}",
                    f"một trong các giá trị {', '.join(VotingArea.Kind.values)}",
                )
            )
            continue
        start = _time(row.get("voting_start", ""))
        if start is None:
            problems.append(
                RowProblem(
                    file,
                    index,
                    "voting_start",
                    "Art. 71(1)",
                    "a time HH:MM (07:00, or earlier but not before 05:00)",
                    "giờ dạng HH:MM (07:00, hoặc sớm hơn nhưng không trước 05:00)",
                )
            )
            continue
        try:
            area = services.do_create_voting_area(
                election,
                commune=commune,
                number=number,
                kind=kind,
                voting_start=start,
                residence_groups=row["residence_groups"].split(";"),
                facility=row["facility"].strip(),
                polling_place=row["polling_place"].strip(),
                voter_count=_int(row["voter_count"]),
                is_mountainous=row["is_mountainous"].strip() in ("1", "x", "yes", "có"),
                justification=justification,
                actor=actor,
            )
        except SetupError as exc:
            for v in exc.violations:
                if v.field == "justification":  # reported once for the file
                    late[(v.reason.article, v.reason.en)] = v.reason
                else:
                    problems.append(RowProblem.of(file, index, v.field or "", v.reason))
        else:
            created.append(area)
    problems += [RowProblem.of(file, 0, "justification", r) for r in late.values()]
    if problems:
        raise ImportRejected(problems, rows)
    record(
        AuditAction.SETUP_IMPORTED,
        actor=actor,
        election=election,
        jurisdiction=_common(created),
        obj=election,
        new={"file": file, "voting_areas": [a.pk for a in created]},
    )
    return len(created)


def _common(areas: list[VotingArea]) -> Jurisdiction:
    provinces = {a.province_id for a in areas}
    communes = {a.commune_id for a in areas}
    if len(communes) == 1:
        return Jurisdiction.commune(provinces.pop(), communes.pop())
    if len(provinces) == 1:
        return Jurisdiction.province(provinces.pop())
    return Jurisdiction.nation()
