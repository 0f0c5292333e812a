from __future__ import annotations

import pytest

from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.roles import Role
from baucu.accounts.testing import ensure_commune, make_actor
from baucu.units.models import Commune

# Commune A: Phường Kỳ Lừa, Lạng Sơn. Commune B: in another province (Hà Nội), and C: A's neighbour.
A, B, C = ("06187", "20"), ("00004", "01"), ("05983", "20")


@pytest.fixture
def commune_a(db: None) -> Commune:
    return ensure_commune(*A, name="Phường Kỳ Lừa")


@pytest.fixture
def commune_b(db: None) -> Commune:
    return ensure_commune(*B, name="Phường Ba Đình")


@pytest.fixture
def commune_c(db: None) -> Commune:
    return ensure_commune(*C, name="Phường Lương Văn Tri")


@pytest.fixture
def committee_a(commune_a: Commune) -> Actor:
    return make_actor(Role.COMMUNE_COMMITTEE, Jurisdiction.commune("20", commune_a.code), "ubbc-a")
