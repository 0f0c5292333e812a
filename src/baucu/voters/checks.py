"""Checks of an election's voter lists in the database, set-based (``baucu voters check``).

- single listing: an identity number is listed at most once per election (Art. 29(1));
- numbering: ``seq`` runs 1..n in every voting area, because it is the voter-card number (Art. 69(7),
  Form 10/HĐBC);
- size: every voting area of a province with lists has a size the law core accepts
  (``baucu.law.districting.check_voting_area_size``, Art. 11).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Max, Min

from baucu.elections.legal import area_kind
from baucu.elections.models import Election, VotingArea
from baucu.law import districting
from baucu.voters.models import Voter


@dataclass(frozen=True)
class ListProblem:
    where: str
    article: str
    code: str
    vi: str
    en: str

    def text(self, language: str = "en") -> str:
        return f"{self.where}: {self.en if language == 'en' else self.vi} [{self.article}, {self.code}]"


def check_voter_lists(election: Election, *, province_code: str | None = None) -> list[ListProblem]:
    """Every problem of the lists (callers run this inside ``unscoped``: it reads whole provinces)."""
    voters = Voter.objects.filter(election=election)
    areas = VotingArea.objects.filter(election=election)
    if province_code:
        voters = voters.filter(province_id=province_code)
        areas = areas.filter(province_id=province_code)
    problems: list[ListProblem] = []
    duplicates = (
        voters.filter(status=Voter.Status.LISTED)
        .values("personal_id")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .order_by("personal_id")
    )
    for row in duplicates[:100]:
        problems.append(
            ListProblem(
                f"identity number …{row['personal_id'][-3:]}",
                "Art. 29(1)",
                "listed_more_than_once",
                f"Cử tri được ghi tên {row['n']} lần (chỉ được ghi tên vào một danh sách).",
                f"Listed {row['n']} times (a voter is listed in one list only).",
            )
        )
    numbering = voters.values("voting_area_id").annotate(n=Count("id"), lo=Min("seq"), hi=Max("seq"))
    counts = dict(
        voters.filter(status=Voter.Status.LISTED)
        .values("voting_area_id")
        .annotate(n=Count("id"))
        .values_list("voting_area_id", "n")
    )
    provinces = set(voters.values_list("province_id", flat=True).distinct())
    names = {a.pk: a for a in areas.filter(province_id__in=provinces).select_related("commune")}
    for row in numbering.order_by("voting_area_id"):
        if row["lo"] != 1 or row["hi"] != row["n"]:
            area = names.get(row["voting_area_id"])
            problems.append(
                ListProblem(
                    _where(area, row["voting_area_id"]),
                    "Art. 69(7)",
                    "seq_not_contiguous",
                    f"Số thứ tự không liên tục: {row['n']} dòng, từ {row['lo']} đến {row['hi']}.",
                    f"Numbers are not 1..n: {row['n']} rows numbered {row['lo']}–{row['hi']}.",
                )
            )
    for pk, area in sorted(names.items()):
        outcome = districting.check_voting_area_size(counts.get(pk, 0), area_kind(area))
        for reason in outcome.reasons:
            problems.append(ListProblem(_where(area, pk), reason.article, reason.code, reason.vi, reason.en))
    return problems


def _where(area: VotingArea | None, pk: int) -> str:
    if area is None:
        return f"voting area {pk}"
    return f"{area.commune.name}, voting area no. {area.number} (id {pk})"
