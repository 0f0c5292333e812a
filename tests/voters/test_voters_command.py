"""``baucu voters import|check`` (the database subcommands; ``voters transform`` is pure)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from test_import_db import election as election
from test_import_db import extract

from baucu.elections.models import Election

pytestmark = pytest.mark.django_db


def test_import_then_check_names_the_article(election: Election, tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    path = extract(tmp_path)
    call_command(
        "voters",
        "import",
        "--election",
        str(election.pk),
        "--province",
        "20",
        str(path),
        stdout=out,
        stderr=err,
    )
    assert "5 voters listed, 1 rows rejected" in out.getvalue()
    out = io.StringIO()
    with pytest.raises(CommandError, match="problem"):
        call_command("voters", "check", "--election", str(election.pk), "--province", "20", stdout=out)
    assert "Art. 11(2)" in out.getvalue()
    assert "voting_area_below_300" in out.getvalue()


def test_import_refusal_exits_non_zero_and_names_the_rule(election: Election, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("personal_id\n1\n", encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command(
            "voters",
            "import",
            "--election",
            str(election.pk),
            "--province",
            "20",
            str(bad),
            "--quiet",
            stderr=err,
        )
    assert "spec/formats.md" in err.getvalue()
