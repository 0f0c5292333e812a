"""``baucu``: one command line over the pure commands and the Django management commands (issue 10)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import get_commands, load_command_class

from baucu import cli
from baucu.law.cli import _parser as law_parser

BAUCU = Path(sys.executable).with_name("baucu")


def _own_commands() -> set[str]:
    django = {name for name, app in get_commands().items() if app == "baucu" or app.startswith("baucu.")}
    return django | {c.group for c in cli.PURE}


def _expected_subcommands(group: str) -> set[str]:
    """Every subcommand of ``group``, gathered without the code under test: the pure registry, the
    Django command's own parser, and the law core's parser for the pure ``law`` group."""
    expected = {c.name for c in cli.PURE if c.group == group and c.name is not None}
    if any(c.group == group and c.name is None for c in cli.PURE):
        expected |= set(cli.subcommands_of(law_parser()))
    app = get_commands().get(group)
    if app is not None:
        expected |= set(cli.subcommands_of(load_command_class(app, group).create_parser("baucu", group)))
    return expected


def _listed(help_text: str) -> set[str]:
    """The subcommands an argparse help text lists in its positional-arguments section."""
    return set(re.findall(r"^    ([a-z][a-z0-9_-]*)(?:\s|$)", help_text, flags=re.MULTILINE))


def test_top_level_help_lists_every_command_of_baucu(capsys):
    assert cli.main(["--help"]) == 0
    out = capsys.readouterr().out
    listed = set(re.findall(r"^  (\S+)$", out, flags=re.MULTILINE))
    assert _own_commands() <= listed
    assert {"migrate", "runserver", "results", "law", "voters"} <= listed
    assert cli.OTHER not in out  # every command of baucu has its capability


@pytest.mark.parametrize("group", sorted(_own_commands()))
def test_help_of_every_command_lists_all_its_subcommands(group, capsys):
    expected = _expected_subcommands(group)
    status = cli.main([group, "--help"])
    out = capsys.readouterr().out
    assert status == 0
    if expected:
        assert expected <= _listed(out), out
        assert cli.main(["help", group]) == 0
        assert expected <= _listed(capsys.readouterr().out)


def test_voters_and_results_list_their_pure_subcommands(capsys):
    assert cli.main(["voters", "--help"]) == 0
    assert {"transform", "import", "check"} <= _listed(capsys.readouterr().out)
    assert cli.main(["results", "--help"]) == 0
    assert "determine" in _listed(capsys.readouterr().out)


def test_a_missing_or_unknown_subcommand_is_a_usage_error_naming_them_all(capsys):
    assert cli.main(["voters"]) == 2
    assert "subcommand" in capsys.readouterr().err
    assert cli.main(["voters", "bogus"]) == 2
    assert "'transform'" in capsys.readouterr().err
    assert cli.main(["results", "bogus"]) == 2
    assert "'determine'" in capsys.readouterr().err


def test_libraries_commands_are_listed_under_their_own_heading(monkeypatch):
    commands = {
        **get_commands(),
        "db_worker": "django_tasks_db",
        "runserver": "whitenoise.runserver_nostatic",
    }
    monkeypatch.setattr("django.core.management.get_commands", lambda: commands)
    groups = cli.command_groups()
    assert "db_worker" in groups[cli.LIBRARY_HEADINGS["django_tasks_db"]]
    assert "runserver" in groups["Django"]
    assert all("runserver" not in names for heading, names in groups.items() if heading != "Django")


def test_the_worker_is_baucus_own_and_the_librarys_other_command_keeps_its_heading():
    """``baucu.jobs`` replaces django-tasks-db's ``db_worker`` (recovery, heartbeat); pruning stays theirs."""
    groups = cli.command_groups()
    assert "db_worker" in groups["Foundation"]
    assert groups[cli.LIBRARY_HEADINGS["django_tasks_db"]] == ["prune_db_task_results"]


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env["BAUCU_VAR_DIR"] = str(tmp_path / "fresh" / "var")
    return env


def test_console_script_help_runs_without_a_database(tmp_path):
    done = subprocess.run(
        [BAUCU, "voters", "--help"], cwd=tmp_path, env=_env(tmp_path), capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert {"import", "check", "transform"} <= _listed(done.stdout)
    assert not (tmp_path / "fresh").exists()  # help touches no data folder


def test_migrate_in_a_fresh_folder_creates_the_data_folder(tmp_path):
    done = subprocess.run(
        [BAUCU, "migrate", "--no-input"], cwd=tmp_path, env=_env(tmp_path), capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "fresh" / "var" / "baucu.sqlite3").stat().st_size > 0
