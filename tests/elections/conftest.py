from __future__ import annotations

import pytest

from baucu.accounts.actor import Actor
from baucu.accounts.scoping import unscoped
from baucu.elections.models import Election


@pytest.fixture
def system() -> Actor:
    return Actor.system("tests")


@pytest.fixture
def demo_election(units: None) -> Election:
    """The Lạng Sơn demo election (synthetic), loaded through the demo step."""
    import io

    from baucu.elections.demo import DEMO_NAME, load

    load(stdout=io.StringIO())
    with unscoped("tests"):
        return Election.objects.get(name=DEMO_NAME)
