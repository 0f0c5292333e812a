"""Forms of the list-change pages. They only parse input; the services and the law core decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from baucu.law.list_changes import CHANGE_RULES, ChangeKind
from baucu.voters.models import ListChange, ListComplaint, Voter

ADDITION_BASES = [
    (Voter.Basis.PERMANENT.value, Voter.Basis.PERMANENT.label),
    (Voter.Basis.TEMPORARY_12M.value, Voter.Basis.TEMPORARY_12M.label),
    (Voter.Basis.TEMPORARY.value, Voter.Basis.TEMPORARY.label),
    (Voter.Basis.FACILITY.value, Voter.Basis.FACILITY.label),
]


def reason_choices(kind: ChangeKind) -> list[tuple[str, Any]]:
    labels = dict(ListChange.Reason.choices)
    return [
        (reason.value, labels[reason.value]) for reason, rule in CHANGE_RULES.items() if rule.kind is kind
    ]


class AreaChoiceForm(forms.Form):
    voting_area = forms.ChoiceField(label=_("Voting area"), choices=[])

    def __init__(self, *args: object, areas: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["voting_area"].choices = areas  # type: ignore[attr-defined]


class AddVoterForm(AreaChoiceForm):
    reason = forms.ChoiceField(label=_("Reason"), choices=reason_choices(ChangeKind.ADDITION))
    basis = forms.ChoiceField(label=_("Listed on the basis of"), choices=ADDITION_BASES)
    personal_id = forms.RegexField(label=_("Identity number"), regex=r"^\d{12}$", max_length=12)
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    birth_date = forms.DateField(label=_("Date of birth"), required=False)
    birth_year = forms.IntegerField(label=_("Year of birth"), min_value=1900, max_value=2100)
    gender = forms.ChoiceField(label=_("Sex"), choices=Voter.Gender.choices)
    ethnicity = forms.CharField(label=_("Ethnicity"), max_length=60, required=False)
    residence_group = forms.CharField(label=_("Residence group"), max_length=120, required=False)
    reason_text = forms.CharField(
        label=_("Details (document shown)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class RemoveVoterForm(AreaChoiceForm):
    seq = forms.IntegerField(label=_("No. on the list"), min_value=1)
    reason = forms.ChoiceField(label=_("Reason"), choices=reason_choices(ChangeKind.REMOVAL))
    reason_text = forms.CharField(
        label=_("Details (document shown)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class IssueCertificateForm(AreaChoiceForm):
    seq = forms.IntegerField(label=_("No. on the list"), min_value=1)
    destination_commune = forms.CharField(label=_("Destination commune code"), max_length=5)


class AcceptCertificateForm(AreaChoiceForm):
    number = forms.CharField(label=_("Certificate number"), max_length=40)


class ComplaintForm(forms.Form):
    complainant_name = forms.CharField(label=_("Complainant"), max_length=150)
    complainant_contact = forms.CharField(label=_("Contact"), max_length=200, required=False)
    content = forms.CharField(label=_("Complaint"), widget=forms.Textarea(attrs={"rows": 3}))
    voting_area = forms.ChoiceField(label=_("Voting area"), choices=[], required=False)
    seq = forms.IntegerField(label=_("No. on the list"), min_value=1, required=False)

    def __init__(self, *args: object, areas: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["voting_area"].choices = [("", "—"), *areas]  # type: ignore[attr-defined]


class DecideComplaintForm(forms.Form):
    complaint = forms.IntegerField(widget=forms.HiddenInput)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=ListComplaint.Outcome.choices)
    decision = forms.CharField(label=_("Decision"), widget=forms.Textarea(attrs={"rows": 2}))
    # An upheld complaint about a voter's details corrects them (Art. 33); empty fields stay as they are.
    corrected_full_name = forms.CharField(label=_("Corrected full name"), max_length=150, required=False)
    corrected_birth_date = forms.DateField(
        label=_("Corrected date of birth"), required=False, input_formats=["%d/%m/%Y", "%Y-%m-%d"]
    )
    corrected_gender = forms.ChoiceField(
        label=_("Corrected sex"), choices=[("", "—"), *Voter.Gender.choices], required=False
    )
    corrected_ethnicity = forms.CharField(label=_("Corrected ethnicity"), max_length=60, required=False)
