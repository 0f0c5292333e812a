"""Voter lists into the database (issue 6): all-or-nothing, idempotent, single listing, numbering."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from voter_extracts import person, write_csv

from baucu.accounts.actor import Actor
from baucu.accounts.scoping import unscoped
from baucu.accounts.testing import ensure_commune
from baucu.audit.actions import AuditAction
from baucu.audit.models import AuditEvent
from baucu.elections.models import Election, VotingArea
from baucu.units.models import Province
from baucu.voters import imports
from baucu.voters.checks import check_voter_lists
from baucu.voters.imports import VoterImportError, do_import_voter_extract, plan_rows
from baucu.voters.models import RejectedRow, Voter, VoterImport

pytestmark = pytest.mark.django_db
SYSTEM = Actor.system("tests")
A, B, OTHER = "06040", "06001", "07001"  # two communes of province 20, one of province 21


@pytest.fixture
def election() -> Election:
    ensure_commune(A, "20")
    ensure_commune(B, "20")
    ensure_commune(OTHER, "21")
    election = Election.objects.create(name="Thử", day=dt.date(2026, 3, 15))
    areas = [
        VotingArea(
            election=election, province_id="20", commune_id=A, number=1, residence_groups="Thôn A\nThôn B"
        ),
        VotingArea(election=election, province_id="20", commune_id=A, number=2, residence_groups="Thôn C"),
        VotingArea(election=election, province_id="20", commune_id=B, number=1, residence_groups="Khối 1"),
        VotingArea(
            election=election,
            province_id="20",
            commune_id=A,
            number=3,
            kind=VotingArea.Kind.ARMED_FORCES,
            facility="QS01",
        ),
        VotingArea(
            election=election, province_id="21", commune_id=OTHER, number=1, residence_groups="Thôn X"
        ),
    ]
    for area in areas:
        area.save()
    return election


def area(election: Election, commune: str, number: int) -> VotingArea:
    with unscoped("tests"):
        return VotingArea.objects.get(election=election, commune_id=commune, number=number)


def listed(election: Election) -> list[tuple[int, int, str, str]]:
    with unscoped("tests"):
        return list(
            Voter.objects.filter(election=election)
            .order_by("voting_area_id", "seq")
            .values_list("voting_area_id", "seq", "personal_id", "full_name")
        )


def extract(tmp_path: Path, name: str = "extract.csv", extra: list[dict[str, str]] | None = None) -> Path:
    rows = [
        person(name="Nông Văn Bình"),
        person(name="Hoàng Thị An", gender="F", permanent_residence_group="Thôn B"),
        person(name="Lương Văn Cường", permanent_residence_group="Thôn C"),
        person(name="Vi Thị Dung", gender="F", permanent_commune_code=B, permanent_residence_group="Khối 1"),
        person(name="Lộc Văn Em", facility_code="QS01", facility_kind="military"),
        person(name="Trẻ Em", birth="2015-01-01"),  # under 18: excluded
        person(name="Sai Nhóm", permanent_residence_group="Thôn Không Có"),  # rejected
        *(extra or []),
    ]
    return write_csv(tmp_path / name, rows)


def test_plan_maps_groups_and_facility_codes_to_voting_area_ids(election: Election) -> None:
    rows = plan_rows(election, Province.objects.get(code="20"))
    kv1 = str(area(election, A, 1).pk)
    assert (A, "Thôn A", "", kv1) in rows
    assert (A, "Thôn B", "", kv1) in rows
    assert (A, "", "QS01", str(area(election, A, 3).pk)) in rows
    assert all(r[0] != OTHER for r in rows)


def test_import_lists_voters_with_contiguous_seq_and_stores_rejected_rows(
    election: Election, tmp_path: Path
) -> None:
    steps: list[str] = []
    record = do_import_voter_extract(
        election, Province.objects.get(code="20"), extract(tmp_path), actor=SYSTEM, progress=steps.append
    )
    assert record.status == VoterImport.Status.SUCCEEDED
    assert record.stage == "done"
    assert (record.voters_listed, record.rows_rejected, record.rows_excluded, record.rows_read) == (
        5,
        1,
        1,
        7,
    )
    assert any("loading" in s for s in steps)
    rows = listed(election)
    kv1 = area(election, A, 1).pk
    assert [(r[1], r[3]) for r in rows if r[0] == kv1] == [(1, "Nông Văn Bình"), (2, "Hoàng Thị An")]
    rejected = list(RejectedRow.objects.filter(voter_import=record).values_list("row", "code"))
    assert rejected == [(7, "unmapped_residence_group")]
    with unscoped("tests"):
        soldier = Voter.objects.get(election=election, full_name="Lộc Văn Em")
        assert (soldier.basis, soldier.votes_commune, soldier.commune_id) == ("facility", False, A)
        assert soldier.birth_date == dt.date(1980, 5, 1)
        assert soldier.birth_year == 1980
    with unscoped("tests"):
        event = AuditEvent.objects.filter(action=AuditAction.VOTER_LISTS_IMPORTED).get()
    assert event.new_value["voters"] == 5


@pytest.fixture(params=["row_by_row", "bulk"])
def load_mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both load paths: indexes and constraints kept, or dropped and rebuilt (large loads)."""
    monkeypatch.setattr(imports, "BULK_THRESHOLD", 0 if request.param == "bulk" else 10**9)
    return str(request.param)


def test_reimport_is_idempotent(election: Election, tmp_path: Path, load_mode: str) -> None:
    province = Province.objects.get(code="20")
    path = extract(tmp_path)
    do_import_voter_extract(election, province, path, actor=SYSTEM)
    first = [(a, s, p) for a, s, p, _ in listed(election)]
    do_import_voter_extract(election, province, path, actor=SYSTEM)
    assert [(a, s, p) for a, s, p, _ in listed(election)] == first
    with unscoped("tests"):
        assert VoterImport.objects.filter(election=election, status="succeeded").count() == 2


def test_failing_load_leaves_previous_lists_intact(
    election: Election, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, load_mode: str
) -> None:
    province = Province.objects.get(code="20")
    do_import_voter_extract(election, province, extract(tmp_path), actor=SYSTEM)
    before = listed(election)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(imports, "_insert_sqlite", broken)
    monkeypatch.setattr(imports, "_copy_postgresql", broken)
    bigger = extract(tmp_path, "bigger.csv", [person(name="Người Mới")])
    with pytest.raises(RuntimeError):
        do_import_voter_extract(election, province, bigger, actor=SYSTEM)
    assert listed(election) == before
    with unscoped("tests"):
        failed = VoterImport.objects.get(election=election, status="failed")
    assert "disk full" in failed.error
    assert RejectedRow.objects.filter(voter_import=failed).count() == 0


def test_invalid_extract_is_refused_with_file_field_rule(election: Election, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("personal_id,full_name\n1,x\n", encoding="utf-8")
    with pytest.raises(VoterImportError) as caught:
        do_import_voter_extract(election, Province.objects.get(code="20"), bad, actor=SYSTEM)
    assert caught.value.problems
    assert caught.value.problems[0].rule
    assert listed(election) == []


def test_same_id_in_two_provinces_is_refused_and_nothing_written__art_29_1(
    election: Election, tmp_path: Path, load_mode: str
) -> None:
    twin = person(name="Hai Nơi")
    elsewhere = dict(twin, permanent_commune_code=OTHER, permanent_residence_group="Thôn X")
    do_import_voter_extract(
        election, Province.objects.get(code="21"), write_csv(tmp_path / "p21.csv", [elsewhere]), actor=SYSTEM
    )
    before = listed(election)
    with pytest.raises(VoterImportError) as caught:
        do_import_voter_extract(
            election, Province.objects.get(code="20"), extract(tmp_path, extra=[twin]), actor=SYSTEM
        )
    problem = caught.value.problems[0]
    assert (problem.rule, problem.code) == ("Art. 29(1)", "already_listed_elsewhere")
    assert twin["personal_id"] in problem.message
    assert "21" in problem.message
    assert listed(election) == before


def test_check_reports_numbering_and_area_sizes(election: Election, tmp_path: Path) -> None:
    do_import_voter_extract(election, Province.objects.get(code="20"), extract(tmp_path), actor=SYSTEM)
    with unscoped("tests"):
        problems = check_voter_lists(election, province_code="20")
        codes = {p.code for p in problems}
        assert "voting_area_below_300" in codes
        assert "seq_not_contiguous" not in codes
        Voter.objects.filter(election=election, seq=1, voting_area=area(election, A, 1)).update(seq=9)
        problems = check_voter_lists(election, province_code="20")
    assert any(p.code == "seq_not_contiguous" and p.article == "Art. 69(7)" for p in problems)


@pytest.mark.django_db
def test_demo_lists_are_aligned_with_the_demo_areas_and_idempotent(
    units: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from baucu.elections import demo as elections_demo
    from baucu.voters import demo

    monkeypatch.setenv("BAUCU_DEMO_POPULATION", "3000")
    elections_demo.load(stdout=io.StringIO())
    out = io.StringIO()
    demo.load(stdout=out)
    with unscoped("tests"):
        record = VoterImport.objects.get(source_name=demo.source_name(3000))
        assert record.voters_listed > 1500
        # Only the deliberate errors of the synthetic population are rejected: every group is planned.
        assert RejectedRow.objects.filter(voter_import=record, code="unmapped_residence_group").count() <= 5
        assert Voter.objects.filter(voter_import=record, basis="facility").exists()
    demo.load(stdout=out)
    assert "already loaded" in out.getvalue()


def test_reimport_refused_when_changes_refer_to_listed_voters(
    election: Election, tmp_path: Path, load_mode: str
) -> None:
    import datetime as dt_

    from django.utils import timezone

    from baucu.voters.services.changes import do_remove_voter

    province = Province.objects.get(code="20")
    path = extract(tmp_path)
    do_import_voter_extract(election, province, path, actor=SYSTEM)
    with unscoped("tests"):
        voter = Voter.objects.get(election=election, full_name="Nông Văn Bình")
    early = timezone.make_aware(dt_.datetime(2026, 2, 10, 9, 0))
    do_remove_voter(voter, reason="death", actor=SYSTEM, at=early)
    before = listed(election)
    with pytest.raises(VoterImportError) as caught:
        do_import_voter_extract(election, province, path, actor=SYSTEM)
    assert caught.value.problems[0].code == "lists_have_later_records"
    assert listed(election) == before


def test_imported_rows_carry_residence_household_and_temporary_since_from_the_extract(
    election: Election, tmp_path: Path, load_mode: str
) -> None:
    """§6's lists carry no residence: the import joins them back from the extract by identity number."""
    from baucu.units.models import Commune

    rows = [
        person(name="Nông Văn Bình", household_id=" HK-001 ", household_head="true"),
        person(name="Nông Thị Hoa", gender="F", household_id="HK-001", household_head="false"),
        person(
            name="Vi Văn Tạm",
            permanent_commune_code=OTHER,
            permanent_residence_group="Thôn X",
            temporary_commune_code=B,
            temporary_residence_group="Khối 1",
            temporary_since="2024-02-01",
            vote_at_temporary="true",
            household_id="HK-777",
        ),
        person(
            name="Lộc Văn Em",
            facility_code="QS01",
            facility_kind="military",
            temporary_commune_code=B,
            temporary_residence_group="Khối 1",
        ),
    ]
    do_import_voter_extract(
        election, Province.objects.get(code="20"), write_csv(tmp_path / "x.csv", rows), actor=SYSTEM
    )
    name = {c.code: c.name for c in Commune.objects.filter(code__in=[A, B, OTHER])}
    with unscoped("tests"):
        got = {v.full_name: v for v in Voter.objects.filter(election=election)}
    head, member, temp, soldier = (got[r["full_name"]] for r in rows)
    assert (head.residence_group, head.household_id, head.household_head) == ("Thôn A", "HK-001", True)
    assert head.permanent_residence == f"Thôn A, {name[A]}"
    assert (head.temporary_residence, head.temporary_since) == ("", None)
    assert (member.household_id, member.household_head) == ("HK-001", False)
    assert temp.basis == Voter.Basis.TEMPORARY_12M
    assert (temp.residence_group, temp.household_id, temp.household_head) == ("Khối 1", "HK-777", False)
    assert temp.permanent_residence == f"Thôn X, {name[OTHER]}"
    assert temp.temporary_residence == f"Khối 1, {name[B]}"
    assert temp.temporary_since == dt.date(2024, 2, 1)
    assert (soldier.basis, soldier.residence_group) == (Voter.Basis.FACILITY, "")
    assert soldier.permanent_residence == f"Thôn A, {name[A]}"
    assert soldier.temporary_residence == f"Khối 1, {name[B]}"
