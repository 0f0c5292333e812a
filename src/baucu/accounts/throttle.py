"""Sign-in throttling: too many failures for one username or from one address lock it for a while.

Counters are rows of LoginAttempt in the database so that every worker process agrees. A locked
username is refused even with the right password, and the refusal looks like any other failure.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from baucu.accounts.models import LoginAttempt

WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_USERNAME = 5
MAX_FAILURES_PER_IP = 20


def _limits() -> tuple[timedelta, int, int]:
    custom = getattr(settings, "BAUCU_LOGIN_THROTTLE", {})
    return (
        timedelta(seconds=custom.get("window_seconds", WINDOW.total_seconds())),
        custom.get("per_username", MAX_FAILURES_PER_USERNAME),
        custom.get("per_ip", MAX_FAILURES_PER_IP),
    )


def normalise_username(username: str) -> str:
    return username.strip().casefold()[:150]


def is_locked(username: str, ip_address: str | None) -> bool:
    window, per_username, per_ip = _limits()
    since = timezone.now() - window
    failures = LoginAttempt.objects.filter(at__gte=since, succeeded=False)
    if failures.filter(username=normalise_username(username)).count() >= per_username:
        return True
    return bool(ip_address) and failures.filter(ip_address=ip_address).count() >= per_ip


def note_attempt(username: str, ip_address: str | None, *, succeeded: bool) -> None:
    LoginAttempt.objects.create(
        username=normalise_username(username), ip_address=ip_address or None, succeeded=succeeded
    )
    if succeeded:
        # A success clears the username's failures: a user who mistyped twice is not half-locked forever.
        LoginAttempt.objects.filter(username=normalise_username(username), succeeded=False).delete()
