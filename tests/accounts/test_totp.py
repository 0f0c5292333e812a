"""RFC 6238 Appendix B test vectors (8 digits; SHA-1, SHA-256, SHA-512 with the RFC's seeds)."""

from __future__ import annotations

import base64

import pytest

from baucu.accounts import totp

SEED = {
    "sha1": b"12345678901234567890",
    "sha256": b"12345678901234567890123456789012",
    "sha512": b"1234567890123456789012345678901234567890123456789012345678901234",
}
VECTORS = [
    (59, "94287082", "46119246", "90693936"),
    (1111111109, "07081804", "68084774", "25091201"),
    (1111111111, "14050471", "67062674", "99943326"),
    (1234567890, "89005924", "91819424", "93441116"),
    (2000000000, "69279037", "90698825", "38618901"),
    (20000000000, "65353130", "77737706", "47863826"),
]


@pytest.mark.parametrize(("unix_time", "sha1", "sha256", "sha512"), VECTORS)
def test_rfc_6238_appendix_b_vectors(unix_time: int, sha1: str, sha256: str, sha512: str) -> None:
    for algorithm, expected in (("sha1", sha1), ("sha256", sha256), ("sha512", sha512)):
        assert totp.totp(SEED[algorithm], unix_time, digits=8, algorithm=algorithm) == expected


def test_rfc_4226_appendix_d_hotp_vectors() -> None:
    expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583"]
    assert [totp.hotp(SEED["sha1"], i) for i in range(8)] == expected


def test_code_accepted_within_one_step_of_drift_and_never_twice() -> None:
    secret = base64.b32encode(SEED["sha1"]).decode()
    now = 1_111_111_111
    code = totp.totp(SEED["sha1"], now)
    step = totp.matching_step(secret, code, now + 30)
    assert step == totp.step_at(now)
    assert totp.matching_step(secret, code, now + 90) is None  # too old
    assert totp.matching_step(secret, code, now, after_step=step) is None  # replay
    assert totp.matching_step(secret, "12345", now) is None
    assert totp.matching_step(secret, "abcdef", now) is None


def test_new_secret_is_160_bits_and_roundtrips() -> None:
    secret = totp.new_secret()
    assert len(totp.secret_bytes(secret)) == 20
    assert totp.provisioning_uri(secret, "ubbc-a").startswith("otpauth://totp/baucu%3Aubbc-a?secret=")
