"""Bulk import of election bodies with their members (Art. 21–25): all or nothing.

One row per member; consecutive or scattered rows with the same body kind, level, jurisdiction and
number form one body. Each body goes through :func:`services.do_create_body`, so the law core checks
its size and roles (Art. 22, 24, 25), one Board per constituency, one Team per voting area and the
deadline. One problem anywhere and the transaction is rolled back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction
from baucu.audit.actions import AuditAction
from baucu.elections import services
from baucu.elections.errors import SetupError
from baucu.elections.events import record
from baucu.elections.forms import ROLE_WORDS
from baucu.elections.imports import (
    TRUE_WORDS,
    ImportRejected,
    RowProblem,
    TemplateSpec,
    code,
    missing_columns,
)
from baucu.elections.members import MemberInput
from baucu.elections.models import BodyMember, Constituency, Election, ElectionBody, VotingArea
from baucu.law import bodies as law_bodies
from baucu.law.outcome import Reason
from baucu.units.models import Commune, Province

COLUMNS = (
    "body_kind",
    "level",
    "jurisdiction",
    "number",
    "body_name",
    "established_on",
    "member_name",
    "role",
    "organisation",
    "is_military",
)
KINDS = tuple(ElectionBody.Kind.values)
LEVELS = tuple(ElectionBody.Level.values)
# Which levels each kind of body has (Art. 21): asked of the law core.
LEVELS_OF = {
    tier.value: tuple(level.value for level in levels) for tier, levels in law_bodies.TIER_LEVELS.items()
}

TEMPLATE = TemplateSpec(
    kind="bodies",
    filename="to-chuc-phu-trach-bau-cu",
    columns=COLUMNS,
    examples=(
        ("board", "na", "20", "1", "", "2026-01-04", "Hoàng Văn An", "chair", "Ủy ban nhân dân tỉnh", "0"),
        ("board", "na", "20", "1", "", "2026-01-04", "Nông Thị Bình", "vice_chair", "Ủy ban MTTQ tỉnh", "0"),
        ("board", "na", "20", "1", "", "2026-01-04", "Lương Văn Cường", "secretary", "Sở Nội vụ", "0"),
        ("board", "na", "20", "1", "", "2026-01-04", "Vi Thị Dung", "member", "Công an tỉnh", "0"),
    ),
    instructions=(
        (
            "",
            "Mỗi dòng là một thành viên. Các dòng cùng body_kind, level, jurisdiction, number "
            "là một tổ chức.",
        ),
        (
            "body_kind",
            "committee = Ủy ban bầu cử (Điều 22); board = Ban bầu cử (Điều 24); team = Tổ bầu cử (Điều 25).",
        ),
        (
            "level",
            "Ủy ban bầu cử: provincial (tỉnh) hoặc commune (xã). Ban bầu cử: na (đại biểu Quốc hội), "
            "provincial (HĐND tỉnh) hoặc commune (HĐND xã). Tổ bầu cử: commune.",
        ),
        (
            "jurisdiction",
            "Mã tỉnh (2 chữ số) cho Ủy ban bầu cử tỉnh và Ban bầu cử đại biểu Quốc hội, HĐND tỉnh; "
            "mã xã (5 chữ số) cho Ủy ban bầu cử xã, Ban bầu cử HĐND xã và Tổ bầu cử.",
        ),
        (
            "number",
            "Số đơn vị bầu cử (Ban bầu cử) hoặc số khu vực bỏ phiếu (Tổ bầu cử); để trống cho Ủy ban.",
        ),
        ("body_name", "Tên tổ chức (không bắt buộc; để trống thì hệ thống đặt tên theo luật)."),
        ("established_on", "Ngày thành lập, dạng 2026-01-04 hoặc 04/01/2026."),
        ("member_name", "Họ và tên thành viên."),
        (
            "role",
            "chair = Chủ tịch / Trưởng ban / Tổ trưởng; vice_chair = Phó; secretary = Thư ký; "
            "member = Ủy viên. "
            "Số thành viên và chức danh theo Điều 22, 24, 25.",
        ),
        ("organisation", "Cơ quan, tổ chức của thành viên."),
        ("is_military", "1 nếu là quân nhân (Tổ bầu cử riêng của đơn vị vũ trang: 5–9 thành viên)."),
    ),
    choices={
        "body_kind": KINDS,
        "level": LEVELS,
        "role": tuple(BodyMember.Role.values),
        "is_military": ("0", "1"),
    },
)

# Service fields → template columns.
_FIELDS = {"constituency": "number", "voting_area": "number", "commune": "jurisdiction", "name": "body_name"}


@dataclass
class _Body:
    rows: list[int]
    kind: str
    level: str
    province: Province
    commune: Commune | None = None
    constituency: Constituency | None = None
    voting_area: VotingArea | None = None
    name: str = ""
    established_on: dt.date | None = None
    members: list[MemberInput] = field(default_factory=list)


def _date(value: str) -> dt.date | None:
    value = value.strip()[:10]
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


class _Reader:
    """Turns rows into bodies, naming each problem by row and column."""

    def __init__(
        self, election: Election, file: str, only_province: str | None, only_commune: str | None
    ) -> None:
        self.election, self.file = election, file
        self.only_province, self.only_commune = only_province, only_commune
        self.problems: list[RowProblem] = []
        self.bodies: dict[tuple[str, str, str, str], _Body] = {}

    def problem(self, row: int, column: str, rule: str, en: str, vi: str) -> None:
        self.problems.append(RowProblem(self.file, row, column, rule, en, vi))

    def read(self, index: int, row: dict[str, str]) -> None:
        kind, level = row["body_kind"].strip().lower(), row["level"].strip().lower()
        if kind not in KINDS:
            self.problem(
                index, "body_kind", "Art. 21", f"one of {', '.join(KINDS)}", f"một trong {', '.join(KINDS)}"
            )
            return
        if level not in LEVELS_OF[kind]:
            allowed = ", ".join(LEVELS_OF[kind])
            self.problem(index, "level", "Art. 21", f"one of {allowed}", f"một trong {allowed}")
            return
        role = ROLE_WORDS.get(row["role"].strip().lower() or "member")
        name = " ".join(row["member_name"].split())
        if role is None:
            self.problem(
                index,
                "role",
                "Art. 22, 24, 25",
                "chair, vice_chair, secretary or member",
                "chức danh không đúng",
            )
        if not name:
            self.problem(
                index, "member_name", "Art. 22, 24, 25", "the member's full name is required", "cần họ và tên"
            )
        established = None
        if row["established_on"].strip():
            established = _date(row["established_on"])
            if established is None:
                self.problem(
                    index, "established_on", "Art. 21", "a date such as 2026-01-04", "ngày dạng 04/01/2026"
                )
        place = row["jurisdiction"].strip()
        key = (kind, level, place, row["number"].strip())
        body = self.bodies.get(key)
        if body is None:
            found = self._body(index, kind, level, place, row["number"])
            if found is None:
                return
            body = self.bodies[key] = found
        body.rows.append(index)
        if role is None or not name:
            return
        body.name = body.name or row["body_name"].strip()
        if established and body.established_on and established != body.established_on:
            self.problem(
                index,
                "established_on",
                "Art. 21",
                "one body, one date",
                "một tổ chức chỉ có một ngày thành lập",
            )
        body.established_on = body.established_on or established
        body.members.append(
            MemberInput(
                name, str(role), row["organisation"].strip(), row["is_military"].strip().lower() in TRUE_WORDS
            )
        )

    def _outside(self, index: int, column: str) -> None:
        self.problem(
            index,
            column,
            "Art. 21",
            "unknown, or outside this page's jurisdiction",
            "không đúng hoặc ngoài địa bàn",
        )

    def _body(self, index: int, kind: str, level: str, place: str, number_text: str) -> _Body | None:
        number = int(number_text) if number_text.strip().isdigit() else None
        province_level = kind == ElectionBody.Kind.BOARD and level != ElectionBody.Level.COMMUNE
        province_level = province_level or (
            kind == ElectionBody.Kind.COMMITTEE and level == ElectionBody.Level.PROVINCIAL
        )
        if province_level:
            province = Province.objects.filter(code=code(place, 2)).first()
            if (
                province is None
                or self.only_commune
                or (self.only_province and province.code != self.only_province)
            ):
                self._outside(index, "jurisdiction")
                return None
            body = _Body([], kind, level, province)
        else:
            commune = Commune.objects.filter(code=code(place, 5)).select_related("province").first()
            if (
                commune is None
                or (self.only_commune and commune.code != self.only_commune)
                or (
                    self.only_province
                    and (commune.province_id != self.only_province or not self.only_commune)
                )
            ):
                self._outside(index, "jurisdiction")
                return None
            body = _Body([], kind, level, commune.province, commune=commune)
        if kind == ElectionBody.Kind.COMMITTEE:
            return body
        if number is None:
            self.problem(
                index,
                "number",
                "Art. 24, 25",
                "the constituency or voting-area number",
                "cần số đơn vị bầu cử hoặc khu vực bỏ phiếu",
            )
            return None
        if kind == ElectionBody.Kind.BOARD:
            body.constituency = Constituency.objects.filter(
                contest__election=self.election,
                contest__kind=level,
                province=body.province,
                commune=body.commune,
                number=number,
            ).first()
            if body.constituency is None:
                self.problem(
                    index,
                    "number",
                    "Art. 24",
                    f"no constituency number {number} here",
                    f"không có đơn vị bầu cử số {number}",
                )
                return None
        else:
            body.voting_area = VotingArea.objects.filter(
                election=self.election, commune=body.commune, number=number
            ).first()
            if body.voting_area is None:
                self.problem(
                    index,
                    "number",
                    "Art. 25",
                    f"no voting area number {number} here",
                    f"không có khu vực bỏ phiếu số {number}",
                )
                return None
        return body


@services.service_transaction
def do_import_bodies(
    election: Election,
    rows: Sequence[dict[str, str]],
    *,
    file: str,
    justification: str = "",
    only_province: str | None = None,
    only_commune: str | None = None,
    actor: Actor,
) -> int:
    """Form every body of ``rows`` with its members, or none; returns how many bodies were formed.

    ``only_province``: the province page (its Committee and its NA and provincial Boards);
    ``only_commune`` (with its province): the commune page (its Committee, Boards and Teams).
    """
    rows = list(rows)
    missing = missing_columns(file, rows, COLUMNS)
    if missing:
        raise ImportRejected(missing, rows)
    reader = _Reader(election, file, only_province, only_commune)
    for index, row in enumerate(rows, start=2):
        reader.read(index, row)
    problems = reader.problems
    late: dict[tuple[str, str], Reason] = {}
    formed = 0
    for body in reader.bodies.values():
        if not body.members:
            continue
        try:
            services.do_create_body(
                election,
                kind=body.kind,
                level=body.level,
                province=body.province,
                commune=body.commune,
                constituency=body.constituency,
                voting_area=body.voting_area,
                name=body.name,
                established_on=body.established_on,
                members=body.members,
                justification=justification,
                actor=actor,
            )
        except SetupError as exc:
            for v in exc.violations:
                if v.field == "justification":
                    late[(v.reason.article, v.reason.en)] = v.reason
                    continue
                column = _FIELDS.get(v.field or "", "")
                if v.field == "members":
                    column = "member_name" if v.reason.code.startswith("body_too") else "role"
                problems.append(RowProblem.of(file, body.rows[0], column, v.reason))
        else:
            formed += 1
    problems += [RowProblem.of(file, 0, "justification", r) for r in late.values()]
    if problems:
        raise ImportRejected(problems, rows)
    where = (
        Jurisdiction.commune(only_province, only_commune)
        if only_province and only_commune
        else Jurisdiction.province(only_province)
        if only_province
        else Jurisdiction.nation()
    )
    record(
        AuditAction.SETUP_IMPORTED,
        actor=actor,
        election=election,
        jurisdiction=where,
        obj=election,
        new={"file": file, "bodies": formed, "members": sum(len(b.members) for b in reader.bodies.values())},
    )
    return formed
