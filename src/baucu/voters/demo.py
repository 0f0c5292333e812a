"""Demo step: synthetic voter lists of the Lạng Sơn demo election (after ``baucu.elections.demo``).

A synthetic population (``baucu.synth``) is generated to live exactly in the demo's voting areas: the
residence groups per commune are those of the areas (``VotingArea.residence_groups``), people spread
over communes in proportion to the areas' planned voters, and the facility areas' codes
(``VotingArea.facility``) are the extract's ``facility_code``. It goes through the real import
(``do_import_voter_extract``), so the demo shows rejected and excluded rows too.

Size: ``BAUCU_DEMO_POPULATION`` citizens (default 150,000, which keeps ``baucu demo`` short; the full
Lạng Sơn size is about 850,000). Synthetic and labelled so: the election is ``is_synthetic`` and the
import's file name says it. Idempotent: an import of the same size that succeeded is not repeated.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import TextIO

from baucu.accounts.actor import Actor
from baucu.accounts.scoping import unscoped
from baucu.elections.demo import DEMO_NAME, PROVINCE
from baucu.elections.models import Election, VotingArea
from baucu.elections.reference import ELECTION_DAY_2026
from baucu.synth.places import FacilityArea, Geography, geography_from_layout
from baucu.synth.population import PopulationSpec, population_for_geography
from baucu.synth.writers import write_tables
from baucu.units.models import Province
from baucu.voters.imports import do_import_voter_extract
from baucu.voters.models import VoterImport

DEFAULT_SIZE = 150_000
LANG_SON_SIZE = 850_000
_FACILITY_KINDS = {
    VotingArea.Kind.ARMED_FORCES: "military",
    VotingArea.Kind.HOSPITAL_CARE: "hospital",
    VotingArea.Kind.DETENTION_COMPULSORY: "detention",
}


def demo_size() -> int:
    return int(os.environ.get("BAUCU_DEMO_POPULATION", DEFAULT_SIZE))


def source_name(size: int) -> str:
    return f"lang-son-synthetic-{size}.parquet (dữ liệu tổng hợp / synthetic)"


def layout_of(election: Election, province: str = PROVINCE) -> Geography:
    """The geography of the election's voting areas in ``province`` (see the module docstring)."""
    groups: dict[str, list[str]] = {}
    voters: dict[str, int] = {}
    facilities: list[FacilityArea] = []
    with unscoped("demo: layout of the voting areas"):
        areas = VotingArea.objects.filter(election=election, province_id=province).order_by(
            "commune_id", "number"
        )
        for area in areas:
            if area.kind == VotingArea.Kind.RESIDENTIAL:
                groups.setdefault(area.commune_id, []).extend(area.residence_group_list)
                voters[area.commune_id] = voters.get(area.commune_id, 0) + (area.voter_count or 0)
            elif area.facility:
                kind = _FACILITY_KINDS.get(VotingArea.Kind(area.kind), "hospital")
                facilities.append(
                    FacilityArea(area.facility.strip(), kind, area.commune_id, area.voter_count or 100)
                )
    return geography_from_layout(int(province), groups, voters, facilities)


def write_extract(election: Election, size: int, path: Path) -> Path:
    spec = PopulationSpec(province=int(PROVINCE), size=size, election_day=election.day)
    people = population_for_geography(spec, layout_of(election))
    write_tables(people.chunks(), path, "parquet")
    return path


def load(*, stdout: TextIO) -> None:
    size = demo_size()
    if size <= 0:
        stdout.write("Voter lists: BAUCU_DEMO_POPULATION=0, skipped\n")
        return
    with unscoped("demo loader"):
        election = Election.objects.filter(name=DEMO_NAME, day=ELECTION_DAY_2026).first()
        if election is None:
            stdout.write("Voter lists: no Lạng Sơn demo election; skipped\n")
            return
        done = VoterImport.objects.filter(
            election=election, province_id=PROVINCE, source_name=source_name(size), status="succeeded"
        ).first()
    if done is not None:
        stdout.write(f"Voter lists: {done.voters_listed:,} synthetic voters already loaded\n")
        return
    work = Path(tempfile.mkdtemp(prefix="baucu-demo-voters-"))
    try:
        path = write_extract(election, size, work / "population.parquet")
        record = do_import_voter_extract(
            election,
            Province.objects.get(code=PROVINCE),
            path,
            actor=Actor.system("demo"),
            source_name=source_name(size),
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    stdout.write(
        f"Voter lists (synthetic, {size:,} citizens): {record.voters_listed:,} voters listed, "
        f"{record.rows_rejected:,} rows rejected, {record.rows_excluded:,} excluded\n"
    )
