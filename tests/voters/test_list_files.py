"""``baucu.voters.pipeline.list_files``: numbering the sorted list batch by batch."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from baucu.voters.pipeline.list_files import _Numbering


@given(
    sizes=st.lists(st.integers(min_value=1, max_value=40), min_size=1, max_size=30),
    cuts=st.lists(st.integers(min_value=1, max_value=50), min_size=1, max_size=20),
)
def test_seq_numbers_each_area_from_one_whatever_the_batches(sizes: list[int], cuts: list[int]) -> None:
    # Areas 1..n with the given numbers of voters, sorted by area, cut into batches of the given sizes.
    areas = np.repeat(np.arange(1, len(sizes) + 1, dtype=np.int32), sizes)
    numbering = _Numbering()
    seq: list[int] = []
    start = 0
    i = 0
    while start < len(areas):
        end = min(len(areas), start + cuts[i % len(cuts)])
        seq.extend(numbering(areas[start:end]).tolist())
        start, i = end, i + 1
    assert seq == [n for size in sizes for n in range(1, size + 1)]
