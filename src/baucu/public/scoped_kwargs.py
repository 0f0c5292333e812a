"""Public-site routes that need no jurisdiction check, each with its reason (see scoping_registry)."""

from __future__ import annotations

from baucu.accounts.scoping_registry import declare_public

declare_public(
    "tra-cuu-cu-tri/",
    "public voter lookup: answers only to the holder of an identity number and its date of birth; "
    "same page for no match and wrong date; throttled per client and per number",
)
