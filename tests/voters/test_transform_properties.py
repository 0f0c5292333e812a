"""Properties of the transform on random extracts (hypothesis): nothing lost, nothing twice."""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from voter_extracts import Run, make_id, person

GROUPS = [
    ("06040", "Thôn A"),
    ("06040", "Thôn B"),
    ("06040", "Thôn C"),
    ("06001", "Khối 1"),
    ("06040", "Thôn Z"),
]


@st.composite
def citizens(draw: st.DrawFn) -> dict[str, str]:
    year = draw(st.integers(1930, 2012))
    female = draw(st.booleans())
    commune, group = draw(st.sampled_from(GROUPS))
    row = person(
        f"{year}" if draw(st.integers(0, 9)) == 0 else f"{year}-{draw(st.integers(1, 12)):02d}-15",
        "F" if female else "M",
        draw(st.sampled_from(["Nguyễn Văn An", "Đặng Thị Ánh", "Nông Văn Ân", "Lý Thị Bình", "Hà Văn Đào"])),
        permanent_commune_code=commune,
        permanent_residence_group=group,
        status=draw(st.sampled_from(["", "", "", "", "imprisoned", "deceased"])),
        household_id=draw(st.sampled_from(["", "H1", "H2"])),
        household_head=draw(st.sampled_from(["", "true", "false"])),
    )
    row["personal_id"] = make_id(year, female, draw(st.integers(0, 30)))  # small range: duplicates happen
    if draw(st.integers(0, 4)) == 0:
        row.update(facility_code=draw(st.sampled_from(["QS01", "BV01"])), facility_kind="military")
    elif draw(st.integers(0, 4)) == 0:
        row.update(
            temporary_commune_code="06001",
            temporary_residence_group="Khối 1",
            temporary_since=f"{draw(st.integers(2023, 2026))}-03-15",
            vote_at_temporary=draw(st.sampled_from(["true", "false"])),
        )
    return row


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(citizens(), min_size=1, max_size=40))
def test_every_row_is_listed_rejected_or_excluded_and_listed_once(
    run: Run, rows: list[dict[str, str]]
) -> None:
    r = run(rows)
    assert r.code == 0
    listed = [v["personal_id"] for v in r.voters]
    assert len(listed) == len(set(listed))  # every listed voter appears once
    rejected_rows = {int(x["row"]) for x in r.rejected}
    assert not set(listed) & {x["personal_id"] for x in r.rejected}
    assert not set(listed) & set(r.excluded)
    assert len(listed) + len(rejected_rows) + len(r.excluded) == len(rows)
    ids = Counter(row["personal_id"] for row in rows)
    for number, row in enumerate(rows, start=1):
        if ids[row["personal_id"]] > 1:
            assert number in rejected_rows
    by_area: dict[str, list[int]] = {}
    for v in r.voters:
        by_area.setdefault(v["voting_area_id"], []).append(int(v["seq"]))
    for seqs in by_area.values():
        assert seqs == list(range(1, len(seqs) + 1))  # seq contiguous from 1
    assert r.summary["totals"]["voters"] == len(listed)
