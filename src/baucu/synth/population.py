"""A deterministic synthetic population extract (spec/formats.md §4) for one province.

Column by column with numpy and Arrow compute: no Python loop runs over people, so a province of
850,000 takes a few seconds and 10 million or more are made in chunks of ``chunk_size`` rows. The
same (province, seed, size, election day, chunk size) always gives the same rows.

Besides ordinary residents the population holds what the voter-list transform must handle: minors,
year-only birth dates (and a few in the cut-off year, which need a manual decision), temporary
residents (some registered under 12 months, some asking to vote where they stay), people in hospitals,
care homes, detention and compulsory facilities and in armed-forces units, the excluded statuses of
Art. 30(1), deceased people still in the extract, and a few deliberate data errors. ``counts`` says how
many of each were made.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from baucu.synth import names
from baucu.synth.places import Geography, geography, voting_area_plan

# Code of the province of birth registration (first 3 digits of the id; the 63-province codes).
HOME_BIRTH_CODE = {20: 20}
OTHER_BIRTH_CODES = (1, 4, 19, 24, 22, 8, 26, 38, 40, 79)

# Statuses of Art. 30(1) and deaths, as shares of adults (deaths: of everyone).
STATUS_SHARES = {
    "deprived_of_voting_rights": 0.0001,
    "death_sentence": 0.00001,
    "imprisoned": 0.0015,
    "lost_civil_capacity": 0.001,
}
DECEASED_SHARE = 0.004
TEMPORARY_SHARE = 0.06  # people with a registered temporary residence in another commune
VOTE_AT_TEMPORARY_SHARE = 0.5  # of those, the share who ask to vote there (Form 31 note)
YEAR_ONLY_SHARE_OLD = 0.03  # of people aged 65 and over: day and month unknown

ERROR_KINDS = (
    "bad_personal_id",
    "bad_birth_date",
    "bad_gender",
    "unknown_commune",
    "unmapped_residence_group",
    "id_inconsistent_with_birth_year",
    "id_inconsistent_with_sex",
    "duplicate_personal_id",
)
UNKNOWN_COMMUNE = "99999"
UNMAPPED_GROUP = "Thôn Không Có Trong Kế Hoạch"


@dataclass(frozen=True)
class PopulationSpec:
    province: int = 20
    size: int = 850_000
    seed: int = 1
    election_day: dt.date = dt.date(2026, 3, 15)
    chunk_size: int = 1_000_000
    error_rate: float = 1e-5  # per error kind, of rows; at least one of each when size >= 1,000
    manual_birth_year_rate: float = 2e-5  # year-only birth dates in the cut-off year


@dataclass
class Population:
    spec: PopulationSpec
    geo: Geography
    counts: Counter[str] = field(default_factory=Counter)

    def plan(self) -> pa.Table:
        return voting_area_plan(self.geo, self.spec.size)

    def chunks(self) -> Iterator[pa.Table]:
        """The rows, ``chunk_size`` at a time; ``counts`` fills in as they are made."""
        self.counts.clear()
        for k, start in enumerate(range(0, self.spec.size, self.spec.chunk_size)):
            n = min(self.spec.chunk_size, self.spec.size - start)
            table, counts = _chunk(self.spec, self.geo, k, n, self._id_counters)
            self.counts.update(counts)
            yield table

    def table(self) -> pa.Table:
        """All rows in one table (for sizes that fit in memory)."""
        return pa.concat_tables(list(self.chunks()))

    def __post_init__(self) -> None:
        # Next serial number per id prefix (province of birth, century-and-sex, year): ids stay
        # unique across chunks.
        self._id_counters = np.zeros(1_000_000, dtype=np.int64)


def population(spec: PopulationSpec) -> Population:
    return Population(spec, geography(spec.province, spec.size, spec.seed))


def _age_weights() -> np.ndarray:
    """Age pyramid 0–99 (roughly Lạng Sơn: a quarter under 18, a long tail after 60)."""
    ages = np.arange(100)
    w = np.where(ages < 18, 1.1, 1.0)
    w = np.where(ages >= 60, np.maximum(0.02, 1.0 - (ages - 60) / 36.0), w)
    return w / w.sum()


def _zipf(n: int) -> np.ndarray:
    p = 1.0 / np.arange(1, n + 1) ** 0.8
    return p / p.sum()


def _pick(rng: np.random.Generator, pool: tuple[str, ...], count: int) -> np.ndarray:
    return rng.choice(len(pool), size=count, p=_zipf(len(pool)))


def _strings(values: list[str] | tuple[str, ...]) -> pa.Array:
    return pa.array(list(values), pa.string())


def _cutoff_18(e: dt.date) -> dt.date:
    # Only to count minors in ``counts``; the age rule itself lives in baucu.law.voters.
    from baucu.law.voters import latest_eligible_birth_date

    return latest_eligible_birth_date(e)


def _chunk(
    spec: PopulationSpec, geo: Geography, k: int, n: int, id_counters: np.ndarray
) -> tuple[pa.Table, Counter[str]]:
    rng = np.random.default_rng([spec.seed, spec.province, 2, k])
    counts: Counter[str] = Counter()
    e = np.datetime64(spec.election_day, "D")

    female = rng.random(n) < 0.505
    age = rng.choice(100, size=n, p=_age_weights())
    days_before = (age * 365.2425 + rng.random(n) * 365.0).astype(np.int64)
    birth = e - days_before.astype("timedelta64[D]")
    year = birth.astype("datetime64[Y]").astype(np.int64) + 1970

    # Year-only birth dates: some old people, and a few born in the cut-off year (manual decision).
    year_only = (age >= 65) & (rng.random(n) < YEAR_ONLY_SHARE_OLD)
    cutoff_year = spec.election_day.year - 18
    manual_n = (
        max(1, round(n * spec.manual_birth_year_rate)) if n >= 1000 and spec.manual_birth_year_rate else 0
    )
    manual_rows = rng.choice(n, size=manual_n, replace=False)
    year[manual_rows] = cutoff_year
    birth[manual_rows] = np.datetime64(f"{cutoff_year}-06-01")
    year_only[manual_rows] = True

    # personal_id: birth-registration province, century+sex digit, 2-digit year, 6-digit serial.
    home = HOME_BIRTH_CODE.get(spec.province, spec.province)
    birth_code = np.where(
        rng.random(n) < 0.92, home, np.asarray(OTHER_BIRTH_CODES)[rng.integers(0, len(OTHER_BIRTH_CODES), n)]
    )
    century_sex = (year // 100 - 19) * 2 + female
    prefix = birth_code * 1000 + century_sex * 100 + year % 100
    order = np.argsort(prefix, kind="stable")
    sorted_prefix = prefix[order]
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n) - np.searchsorted(sorted_prefix, sorted_prefix, side="left")
    serial_raw = id_counters[prefix] + rank
    id_counters += np.bincount(prefix, minlength=id_counters.size)
    # A bijection of 0..999,999 (7919 is prime to 10^6): unique within a prefix, random-looking.
    serial = (serial_raw * 7919 + prefix * 104_729) % 1_000_000
    id_num = prefix.astype(np.int64) * 1_000_000 + serial
    personal_id = pc.utf8_lpad(pc.cast(pa.array(id_num), pa.string()), 12, "0")

    # Ethnicity and name.
    shares = np.array([s for _, s, _ in names.ETHNICITIES])
    eth = rng.choice(len(shares), size=n, p=shares / shares.sum())
    pools = list(names.SURNAMES)
    pool_offset = np.cumsum([0] + [len(names.SURNAMES[p]) for p in pools])[:-1]
    surname_idx = np.empty(n, dtype=np.int64)
    for ei, (_, _, pool) in enumerate(names.ETHNICITIES):  # a dozen groups, each vectorised
        mask = eth == ei
        pi = pools.index(pool)
        surname_idx[mask] = pool_offset[pi] + _pick(rng, names.SURNAMES[pool], int(mask.sum()))
    surnames = _strings([s for p in pools for s in names.SURNAMES[p]]).take(pa.array(surname_idx))
    middle_idx = np.where(
        female,
        len(names.MIDDLE_MALE) + _pick(rng, names.MIDDLE_FEMALE, n),
        _pick(rng, names.MIDDLE_MALE, n),
    )
    middles = _strings(names.MIDDLE_MALE + names.MIDDLE_FEMALE).take(pa.array(middle_idx))
    second = rng.integers(0, len(names.SECOND_MIDDLE), n)
    second_middle = _strings(names.SECOND_MIDDLE).take(
        pa.array(second, mask=(rng.random(n) >= 0.1) | ~female)
    )
    given_idx = np.where(
        female, len(names.GIVEN_MALE) + _pick(rng, names.GIVEN_FEMALE, n), _pick(rng, names.GIVEN_MALE, n)
    )
    given = _strings(names.GIVEN_MALE + names.GIVEN_FEMALE).take(pa.array(given_idx))
    full_name = pc.binary_join_element_wise(
        surnames, middles, second_middle, given, " ", null_handling="skip"
    )
    ethnicity = _strings([e_ for e_, _, _ in names.ETHNICITIES]).take(pa.array(eth))

    # Permanent residence: commune by weight, residence group uniformly within it.
    n_groups = np.array([len(g) for g in geo.groups])
    group_offset = np.cumsum(np.concatenate([[0], n_groups]))[:-1]
    commune = rng.choice(len(geo.communes), size=n, p=geo.weights)
    group = group_offset[commune] + (rng.random(n) * n_groups[commune]).astype(np.int64)
    commune_codes = _strings([c.code for c in geo.communes])
    group_names = _strings([g for gs in geo.groups for g in gs])

    # Households: people of a residence group, in random order, cut into households of 1–8; the
    # oldest member is the head.
    hh_order = np.lexsort((rng.random(n), group))
    sizes = 1 + np.minimum(rng.poisson(2.6, n), 7)
    hh_sorted = np.repeat(np.arange(sizes.size), sizes)[:n]
    g_sorted = group[hh_order]
    new_hh = np.ones(n, dtype=bool)
    new_hh[1:] = (hh_sorted[1:] != hh_sorted[:-1]) | (g_sorted[1:] != g_sorted[:-1])
    run = np.cumsum(new_hh) - 1
    starts = np.flatnonzero(new_hh)
    age_sorted = age[hh_order]
    oldest = np.maximum.reduceat(age_sorted, starts)
    is_oldest = age_sorted == oldest[run]
    first_oldest = np.unique(run[is_oldest], return_index=True)[1]
    head_sorted = np.zeros(n, dtype=bool)
    head_sorted[np.flatnonzero(is_oldest)[first_oldest]] = True
    household = np.empty(n, dtype=np.int64)
    household[hh_order] = run
    head = np.empty(n, dtype=bool)
    head[hh_order] = head_sorted
    household_id = pc.utf8_lpad(
        pc.cast(pa.array(household + (k + 1) * 100_000_000 + spec.province * 10_000_000_000), pa.string()),
        14,
        "0",
    )

    # Temporary residence in another commune; about one in six registered under 12 months.
    adult = age >= 18
    temp = adult & (rng.random(n) < TEMPORARY_SHARE)
    temp_commune = rng.choice(len(geo.communes), size=n, p=geo.weights)
    temp_group = group_offset[temp_commune] + (rng.random(n) * n_groups[temp_commune]).astype(np.int64)
    temp_since = e - rng.integers(1, 6 * 365, n).astype("timedelta64[D]")
    vote_at_temp = temp & (rng.random(n) < VOTE_AT_TEMPORARY_SHARE)

    # Facilities and armed-forces units (adults; soldiers 18–40).
    fac_shares = np.array([f.share for f in geo.facilities])
    u = rng.random(n)
    fac = np.searchsorted(np.cumsum(fac_shares), u, side="right")
    in_fac = (fac < len(geo.facilities)) & adult
    kinds = np.array([f.kind for f in geo.facilities] + [""])
    in_fac &= ~((kinds[np.minimum(fac, len(geo.facilities))] == "military") & (age > 40))
    fac = np.where(in_fac, fac, len(geo.facilities))
    temp &= ~in_fac
    vote_at_temp &= ~in_fac

    # Statuses (Art. 30(1)) for adults outside facilities, and deaths.
    status = np.full(n, "", dtype=object)
    u = rng.random(n)
    low = 0.0
    for name, share in STATUS_SHARES.items():
        status[adult & ~in_fac & (u >= low) & (u < low + share)] = name
        low += share
    deceased = (rng.random(n) < DECEASED_SHARE * (1 + age / 25)) & ~in_fac
    status[deceased] = "deceased"

    # Deliberate errors, each on its own ordinary row.
    plain = ~in_fac & ~temp & (status == "") & ~year_only & adult
    per_kind = max(1, round(n * spec.error_rate)) if n >= 1000 and spec.error_rate > 0 else 0
    candidates = np.flatnonzero(plain)
    picked = rng.choice(
        candidates, size=min(candidates.size, per_kind * (len(ERROR_KINDS) + 1)), replace=False
    )
    error_rows = {kind: picked[i * per_kind : (i + 1) * per_kind] for i, kind in enumerate(ERROR_KINDS)}
    duplicate_sources = picked[len(ERROR_KINDS) * per_kind :]

    gender = np.where(female, "F", "M").astype(object)
    birth_str = np.datetime_as_string(birth, unit="D").astype(object)
    birth_str[year_only] = year[year_only].astype(str)
    bad = error_rows["bad_birth_date"]
    birth_str[bad] = (year[bad].astype(str)).astype(object) + "-02-30"
    shifted = error_rows["id_inconsistent_with_birth_year"]
    birth_str[shifted] = [f"{y + 1}{s[4:]}" for y, s in zip(year[shifted], birth_str[shifted], strict=True)]
    gender[error_rows["id_inconsistent_with_sex"]] = np.where(
        female[error_rows["id_inconsistent_with_sex"]], "M", "F"
    )
    gender[error_rows["bad_gender"]] = "X"
    pid = np.asarray(personal_id.to_numpy(zero_copy_only=False), dtype=object)
    pid[error_rows["bad_personal_id"]] = [p[:11] + "X" for p in pid[error_rows["bad_personal_id"]]]

    perm_commune = np.asarray(
        commune_codes.take(pa.array(commune)).to_numpy(zero_copy_only=False), dtype=object
    )
    perm_group = np.asarray(group_names.take(pa.array(group)).to_numpy(zero_copy_only=False), dtype=object)
    perm_commune[error_rows["unknown_commune"]] = UNKNOWN_COMMUNE
    perm_group[error_rows["unmapped_residence_group"]] = UNMAPPED_GROUP

    none = pa.nulls(n, pa.string())
    fac_codes = _strings([f.code for f in geo.facilities] + [""])
    fac_kinds = _strings(list(kinds))
    table = pa.table(
        {
            "personal_id": pa.array(pid, pa.string()),
            "full_name": full_name,
            "birth_date": pa.array(birth_str, pa.string()),
            "gender": pa.array(gender, pa.string()),
            "ethnicity": ethnicity,
            "permanent_commune_code": pa.array(perm_commune, pa.string()),
            "permanent_residence_group": pa.array(perm_group, pa.string()),
            "temporary_commune_code": pc.if_else(
                pa.array(temp), commune_codes.take(pa.array(temp_commune)), none
            ),
            "temporary_residence_group": pc.if_else(
                pa.array(temp), group_names.take(pa.array(temp_group)), none
            ),
            "temporary_since": pc.if_else(
                pa.array(temp), pa.array(np.datetime_as_string(temp_since, unit="D"), pa.string()), none
            ),
            "vote_at_temporary": pc.if_else(
                pa.array(temp), pa.array(np.where(vote_at_temp, "true", "false"), pa.string()), none
            ),
            "facility_code": pc.if_else(pa.array(in_fac), fac_codes.take(pa.array(fac)), none),
            "facility_kind": pc.if_else(pa.array(in_fac), fac_kinds.take(pa.array(fac)), none),
            "status": pc.if_else(pa.array(status != ""), pa.array(status, pa.string()), none),
            "household_id": household_id,
            "household_head": pa.array(np.where(head, "true", "false"), pa.string()),
        }
    )
    # Duplicates: a copy of another row's whole record replaces a row (both carry the id).
    if duplicate_sources.size:
        targets = error_rows["duplicate_personal_id"]
        index = np.arange(n)
        index[targets] = duplicate_sources[: targets.size]
        table = table.take(pa.array(index))
    # The extract comes in no particular order.
    table = table.take(pa.array(rng.permutation(n)))

    counts["rows"] = n
    counts["female"] = int(female.sum())
    counts["year_only_birth_date"] = int(year_only.sum())
    counts["year_only_in_cutoff_year"] = manual_n
    cutoff = np.datetime64(_cutoff_18(spec.election_day), "D")
    clean = np.ones(n, dtype=bool)
    clean[picked] = False
    clean[error_rows["duplicate_personal_id"]] = False
    counts["minors"] = int((clean & ~year_only & (birth > cutoff) & (status == "")).sum())
    counts["temporary_residents"] = int(temp.sum())
    counts["vote_at_temporary"] = int(vote_at_temp.sum())
    for fi, f in enumerate(geo.facilities):
        counts[f"facility_{f.kind}"] += int((fac == fi).sum())
    for name in (*STATUS_SHARES, "deceased"):
        counts[f"status_{name}"] = int((status == name).sum())
    for kind in ERROR_KINDS:
        rows = error_rows[kind].size * (2 if kind == "duplicate_personal_id" else 1)
        counts[f"error_{kind}"] = rows
    return table, counts


def population_for_geography(spec: PopulationSpec, geo: Geography) -> Population:
    """A population living in a caller's geography (``places.geography_from_layout``)."""
    return Population(spec, geo)
