"""Time-based one-time passwords, RFC 6238 (over HOTP, RFC 4226), in the standard library only.

Authenticator apps (Google Authenticator, FreeOTP, ...) use SHA-1, 6 digits, 30-second steps: the
defaults here. The RFC's own test vectors (8 digits, SHA-1/256/512) are in tests/accounts/test_totp.py.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import struct
from urllib.parse import quote, urlencode

STEP_SECONDS = 30
DIGITS = 6
# Accept the previous and the next step too: phone clocks drift (RFC 6238 §5.2 recommends one step).
WINDOW = 1


def hotp(key: bytes, counter: int, *, digits: int = DIGITS, algorithm: str = "sha1") -> str:
    """RFC 4226 §5.3: HMAC of the 8-byte counter, dynamic truncation, modulo 10^digits."""
    mac = hmac.new(key, struct.pack(">Q", counter), getattr(hashlib, algorithm)).digest()
    offset = mac[-1] & 0x0F
    code = struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(code % 10**digits).zfill(digits)


def step_at(unix_time: float) -> int:
    return int(unix_time // STEP_SECONDS)


def totp(key: bytes, unix_time: float, *, digits: int = DIGITS, algorithm: str = "sha1") -> str:
    return hotp(key, step_at(unix_time), digits=digits, algorithm=algorithm)


def new_secret() -> str:
    """160 random bits (the HMAC-SHA-1 block-size recommendation of RFC 4226 §4), base32."""
    return base64.b32encode(secrets.token_bytes(20)).decode("ascii")


def secret_bytes(secret_b32: str) -> bytes:
    cleaned = secret_b32.replace(" ", "").upper()
    return base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))


def matching_step(secret_b32: str, code: str, unix_time: float, *, after_step: int = 0) -> int | None:
    """The step whose code equals ``code`` within the window, newer than ``after_step`` (replay)."""
    code = code.strip().replace(" ", "")
    if not code.isdigit() or len(code) != DIGITS:
        return None
    key = secret_bytes(secret_b32)
    now = step_at(unix_time)
    for step in range(now - WINDOW, now + WINDOW + 1):
        if step > after_step and hmac.compare_digest(hotp(key, step), code):
            return step
    return None


def provisioning_uri(secret_b32: str, account: str, issuer: str = "baucu") -> str:
    """The otpauth:// URI an authenticator app imports (Key Uri Format)."""
    label = quote(f"{issuer}:{account}")
    return f"otpauth://totp/{label}?" + urlencode({"secret": secret_b32, "issuer": issuer})
