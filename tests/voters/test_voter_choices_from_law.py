"""The voter models' choices are the law core's enums, both ways (house rule 1).

List changes also record the entries of Art. 33 and 34, which are not additions or removals for a reason
of Art. 29–30: those values are listed here by name, so a new one must be added on purpose.
"""

from __future__ import annotations

import pytest

from baucu.law import list_changes as law_changes
from baucu.law import voters as law_voters
from baucu.law.list_complaints import ComplaintOutcome
from baucu.voters.models import ListChange, ListComplaint, Voter

# Art. 34: the certificate issued and accepted; Art. 33: a correction on an upheld complaint.
ENTRIES_OF_ART_33_34 = {"vote_elsewhere_out", "vote_elsewhere_in", "correction"}
REASONS_OF_ART_33_34 = {"vote_elsewhere", "complaint_upheld"}


@pytest.mark.parametrize(
    ("choices", "law_enum"),
    [
        (Voter.Basis, law_voters.Basis),
        (Voter.Gender, law_voters.Sex),
        (ListComplaint.Outcome, ComplaintOutcome),
    ],
    ids=["basis", "sex", "complaint outcome"],
)
def test_model_choices_are_the_law_enum(choices: type, law_enum: type) -> None:
    values = {str(c) for c in choices}
    assert values == {m.value for m in law_enum}


def test_list_change_kinds_are_the_laws_and_the_art_33_34_entries() -> None:
    law = {k.value for k in law_changes.ChangeKind}
    assert set(ListChange.Kind.values) == law | ENTRIES_OF_ART_33_34
    assert not law & ENTRIES_OF_ART_33_34


def test_list_change_reasons_are_the_laws_and_the_art_33_34_reasons() -> None:
    law = {r.value for r in law_changes.ChangeReason}
    assert set(law_changes.CHANGE_RULES) == set(law_changes.ChangeReason)
    assert set(ListChange.Reason.values) == law | REASONS_OF_ART_33_34
    for reason in REASONS_OF_ART_33_34:  # not a reason the law core accepts for an addition or removal
        assert law_changes.change_rule(reason, law_changes.ChangeKind.ADDITION).value is None
