"""``{{ value|mask_identity_number }}``: use on every page; public pages never show the number."""

from __future__ import annotations

from django import template

from baucu.accounts.personal_data import mask_identity_number as _mask

register = template.Library()


@register.filter
def mask_identity_number(value: object) -> str:
    return _mask(value)
