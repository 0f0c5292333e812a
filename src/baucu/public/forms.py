"""The voter lookup form: an identity number and a date of birth (or a year), checked for shape only."""

from __future__ import annotations

import re
from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from baucu.public.lookup import BirthInput

_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_YEAR = re.compile(r"\d{4}")
EARLIEST_YEAR = 1900


class VoterLookupForm(forms.Form):
    personal_id = forms.CharField(
        label=_("Identity number (12 digits)"),
        max_length=20,
        help_text=_("The personal identification number on your citizen identity card."),
    )
    birth = forms.CharField(
        label=_("Date of birth"),
        max_length=12,
        help_text=_("dd/mm/yyyy, or the year alone (yyyy) if your papers show only the year."),
    )

    def clean_personal_id(self) -> str:
        value = "".join(self.cleaned_data["personal_id"].split())
        if not (len(value) == 12 and value.isascii() and value.isdigit()):
            raise forms.ValidationError(_("Enter the 12 digits of your identity number."), code="identity")
        return value

    def clean_birth(self) -> BirthInput:
        value = self.cleaned_data["birth"].strip()
        today = timezone.localdate()
        if value.isascii() and _YEAR.fullmatch(value):
            year = int(value)
            if not EARLIEST_YEAR <= year <= today.year:
                raise forms.ValidationError(_("This year of birth is not possible."), code="year")
            return BirthInput(year=year)
        found = _DATE.fullmatch(value) if value.isascii() else None
        if found is None:
            raise forms.ValidationError(
                _("Enter the date of birth as dd/mm/yyyy, or the year alone as yyyy."), code="format"
            )
        day, month, year = (int(part) for part in found.groups())
        try:
            born = date(year, month, day)
        except ValueError:
            raise forms.ValidationError(_("This date does not exist."), code="date") from None
        if not date(EARLIEST_YEAR, 1, 1) <= born <= today:
            raise forms.ValidationError(_("This date of birth is not possible."), code="range")
        return BirthInput(year=year, full=born)
