"""Back-office forms. They only parse input; the services (and through them the law core) decide."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from baucu.elections.errors import SetupError
from baucu.elections.members import MemberInput
from baucu.elections.models import BodyMember, Contest, ElectionBody, VotingArea

JUSTIFICATION_HELP = _(
    "Required only when the statutory deadline of this step has passed: say why it is done late."
)


class SetupForm(forms.Form):
    justification = forms.CharField(
        label=_("Justification for a late action"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=JUSTIFICATION_HELP,
    )

    def add_setup_error(self, error: SetupError, language: str) -> None:
        for field, messages in error.by_field(language).items():
            for message in messages:
                self.add_error(field if field in self.fields else None, message)


class ConstituencyForm(SetupForm):
    contest = forms.ChoiceField(label=_("Contest"), choices=[])
    number = forms.IntegerField(label=_("Constituency number"), min_value=1)
    seats = forms.IntegerField(label=_("Seats"), min_value=0)
    name = forms.CharField(label=_("Name"), required=False, max_length=200)
    communes = forms.MultipleChoiceField(
        label=_("Communes"), required=False, widget=forms.CheckboxSelectMultiple, choices=[]
    )
    voting_areas = forms.MultipleChoiceField(
        label=_("Voting areas"), required=False, widget=forms.CheckboxSelectMultiple, choices=[]
    )

    def __init__(
        self,
        *args: object,
        contests: list[tuple[str, str]],
        communes: list[tuple[str, str]] = (),  # type: ignore[assignment]
        areas: list[tuple[str, str]] = (),  # type: ignore[assignment]
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["contest"].choices = contests  # type: ignore[attr-defined]
        self.fields["communes"].choices = communes  # type: ignore[attr-defined]
        self.fields["voting_areas"].choices = areas  # type: ignore[attr-defined]
        if not communes:
            del self.fields["communes"]
        if not areas:
            del self.fields["voting_areas"]
        if len(contests) == 1:
            self.fields["contest"].widget = forms.HiddenInput()
            self.fields["contest"].initial = contests[0][0]


class VotingAreaForm(SetupForm):
    number = forms.IntegerField(label=_("Voting area number"), min_value=1)
    kind = forms.ChoiceField(label=_("Kind"), choices=VotingArea.Kind.choices)
    residence_groups = forms.CharField(
        label=_("Residence groups (one per line)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    facility = forms.CharField(label=_("Unit or facility served"), required=False, max_length=200)
    polling_place = forms.CharField(label=_("Polling place"), required=False, max_length=300)
    voter_count = forms.IntegerField(label=_("Voters (when known)"), required=False, min_value=0)
    is_mountainous = forms.BooleanField(label=_("Mountainous, island or sparsely populated"), required=False)
    voting_start = forms.TimeField(
        label=_("Voting starts (07:00, or earlier but not before 05:00; Art. 71(1))"),
        initial=dt.time(7, 0),
        widget=forms.TimeInput(format="%H:%M", attrs={"type": "time"}),
    )


ROLE_WORDS = {
    "chair": BodyMember.Role.CHAIR,
    "chủ tịch": BodyMember.Role.CHAIR,
    "trưởng ban": BodyMember.Role.CHAIR,
    "tổ trưởng": BodyMember.Role.CHAIR,
    "vice_chair": BodyMember.Role.VICE_CHAIR,
    "phó chủ tịch": BodyMember.Role.VICE_CHAIR,
    "phó trưởng ban": BodyMember.Role.VICE_CHAIR,
    "secretary": BodyMember.Role.SECRETARY,
    "thư ký": BodyMember.Role.SECRETARY,
    "member": BodyMember.Role.MEMBER,
    "ủy viên": BodyMember.Role.MEMBER,
    "thành viên": BodyMember.Role.MEMBER,
}
MILITARY_WORDS = {"quân đội", "military", "qđ", "x"}


def parse_members(text: str) -> list[MemberInput]:
    """One member per line: ``full name | role | organisation | quân đội`` (only the name is required)."""
    members = []
    for line in text.splitlines():
        parts = [p.strip() for p in line.split("|")]
        if not parts[0]:
            continue
        role = ROLE_WORDS.get(parts[1].lower(), BodyMember.Role.MEMBER) if len(parts) > 1 else "member"
        organisation = parts[2] if len(parts) > 2 else ""
        military = len(parts) > 3 and parts[3].lower() in MILITARY_WORDS
        members.append(MemberInput(parts[0], str(role), organisation, military))
    return members


class BodyForm(SetupForm):
    kind = forms.ChoiceField(label=_("Body"), choices=[])
    constituency = forms.ChoiceField(label=_("Constituency (for a Board)"), required=False, choices=[])
    voting_area = forms.ChoiceField(label=_("Voting area (for a Team)"), required=False, choices=[])
    name = forms.CharField(label=_("Name"), required=False, max_length=300)
    established_on = forms.DateField(
        label=_("Established on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    members = forms.CharField(
        label=_("Members, one per line: full name | role | organisation | quân đội"),
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Roles: Chủ tịch / Trưởng ban / Tổ trưởng, Phó Chủ tịch, Thư ký, Ủy viên."),
    )

    def __init__(
        self,
        *args: object,
        kinds: list[tuple[str, str]],
        constituencies: list[tuple[str, str]],
        areas: list[tuple[str, str]],
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["kind"].choices = kinds  # type: ignore[attr-defined]
        self.fields["constituency"].choices = [("", "—"), *constituencies]  # type: ignore[attr-defined]
        self.fields["voting_area"].choices = [("", "—"), *areas]  # type: ignore[attr-defined]
        if not areas:
            del self.fields["voting_area"]

    def member_inputs(self) -> list[MemberInput]:
        return parse_members(self.cleaned_data.get("members", ""))

    def established(self) -> dt.date | None:
        value = self.cleaned_data.get("established_on")
        return value if isinstance(value, dt.date) else None


class MemberForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    role = forms.ChoiceField(label=_("Role"), choices=BodyMember.Role.choices, initial=BodyMember.Role.MEMBER)
    organisation = forms.CharField(label=_("Organisation"), required=False, max_length=300)
    is_military = forms.BooleanField(label=_("Military"), required=False)

    def add_setup_error(self, error: SetupError, language: str) -> None:
        for messages in error.by_field(language).values():
            for message in messages:
                self.add_error(None, message)


# Body kinds offered at each level of the back office (Art. 21–25).
PROVINCE_BODY_KINDS = [
    (f"{ElectionBody.Kind.COMMITTEE}:{ElectionBody.Level.PROVINCIAL}", _("Provincial Election Committee")),
    (f"{ElectionBody.Kind.BOARD}:{Contest.Kind.NA}", _("National Assembly Election Board")),
    (f"{ElectionBody.Kind.BOARD}:{Contest.Kind.PROVINCIAL}", _("Provincial-council Election Board")),
]
COMMUNE_BODY_KINDS = [
    (f"{ElectionBody.Kind.TEAM}:{ElectionBody.Level.COMMUNE}", _("Election Team")),
    (f"{ElectionBody.Kind.BOARD}:{Contest.Kind.COMMUNE}", _("Commune-council Election Board")),
    (f"{ElectionBody.Kind.COMMITTEE}:{ElectionBody.Level.COMMUNE}", _("Commune Election Committee")),
]


class ImportForm(SetupForm):
    file = forms.FileField(label=_("CSV or XLSX file (template columns)"))
