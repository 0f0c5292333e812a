"""Throttling and daily totals of the public voter lookup.

Counters are rows of ``LookupAttempt`` in the database (as ``accounts.LoginAttempt``) so that every
worker process agrees: at most 10 lookups per 10 minutes from one client address, and 5 per hour
for one identity number, whoever asks. A throttled request is not counted, so a stranger cannot keep
someone's number locked beyond one window by hammering it.

Privacy: neither the address nor the identity number is stored in clear. The key is an HMAC with
the secret key: a plain hash would not do, since 10^12 identity numbers are quickly enumerated. Rows
live only as long as the longest window; what lasts is ``LookupDailyCount`` (how many lookups a day
ended how), with no key at all. That is why lookups are not written to the audit log: an audit event
per lookup would be a permanent record of who looked whom up, which is exactly what the public page
must not create; the audit log records state changes, and a lookup changes nothing.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac

from baucu.public.models import LookupAttempt, LookupDailyCount

CLIENT_WINDOW = timedelta(minutes=10)
MAX_PER_CLIENT = 10
IDENTITY_WINDOW = timedelta(hours=1)
MAX_PER_IDENTITY = 5

_SALT = "baucu.public.voter-lookup"


def _limits() -> tuple[timedelta, int, timedelta, int]:
    custom = getattr(settings, "BAUCU_LOOKUP_THROTTLE", {})
    return (
        timedelta(seconds=custom.get("client_window_seconds", CLIENT_WINDOW.total_seconds())),
        custom.get("per_client", MAX_PER_CLIENT),
        timedelta(seconds=custom.get("identity_window_seconds", IDENTITY_WINDOW.total_seconds())),
        custom.get("per_identity", MAX_PER_IDENTITY),
    )


def keyed_hash(kind: LookupAttempt.Kind, value: str) -> str:
    return salted_hmac(_SALT, f"{kind}:{value}", algorithm="sha256").hexdigest()


def _count(kind: LookupAttempt.Kind, value: str, window: timedelta) -> int:
    since = timezone.now() - window
    return LookupAttempt.objects.filter(kind=kind, key=keyed_hash(kind, value), at__gte=since).count()


def client_is_limited(client: str | None) -> bool:
    client_window, per_client, _, _ = _limits()
    return _count(LookupAttempt.Kind.CLIENT, client or "-", client_window) >= per_client


def identity_is_limited(personal_id: str) -> bool:
    _, _, identity_window, per_identity = _limits()
    return _count(LookupAttempt.Kind.IDENTITY, personal_id, identity_window) >= per_identity


def note_lookup(client: str | None, personal_id: str | None) -> None:
    """Count one lookup from ``client`` (and of ``personal_id`` when the input was valid)."""
    client_window, _, identity_window, _ = _limits()
    with transaction.atomic():
        LookupAttempt.objects.filter(at__lt=timezone.now() - max(client_window, identity_window)).delete()
        LookupAttempt.objects.create(
            kind=LookupAttempt.Kind.CLIENT, key=keyed_hash(LookupAttempt.Kind.CLIENT, client or "-")
        )
        if personal_id is not None:
            LookupAttempt.objects.create(
                kind=LookupAttempt.Kind.IDENTITY, key=keyed_hash(LookupAttempt.Kind.IDENTITY, personal_id)
            )


def count_outcome(outcome: LookupDailyCount.Outcome) -> None:
    day = timezone.localdate()
    if LookupDailyCount.objects.filter(day=day, outcome=outcome).update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            LookupDailyCount.objects.create(day=day, outcome=outcome, count=1)
    except IntegrityError:  # another worker created today's row first
        LookupDailyCount.objects.filter(day=day, outcome=outcome).update(count=F("count") + 1)
