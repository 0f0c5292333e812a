"""The pure law-core commands ``ballot`` and ``determine`` (spec/formats.md §0, §2, §3)."""

from __future__ import annotations

import importlib
import io
import json
import runpy
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from baucu.law.cli import main

BALLOT = {
    "seats": 3,
    "candidates": ["A", "B", "C", "D", "E"],
    "struck": ["A"],
    "stamped": True,
    "official_form": True,
    "extra_names": 0,
    "other_content": False,
}
TC01 = {
    "contest": "na",
    "round": "first",
    "seats": 3,
    "voters_on_list": 10000,
    "voters_voted": 9000,
    "valid_ballots": 8900,
    "invalid_ballots": 100,
    "candidates": [
        {"id": "A", "name": "Nguyễn Văn An", "birth_date": "1970-05-01", "votes": 7000},
        {"id": "B", "votes": 6500},
        {"id": "C", "votes": 4451},
        {"id": "D", "votes": 4450},
        {"id": "E", "votes": 2000},
    ],
}
BAD_TC01 = {**TC01, "candidates": [{"id": "A", "votes": 9000}, {"id": "A", "votes": 1}]}


def _run(argv: list[str], capsys: pytest.CaptureFixture[str], stdin: str | bytes = "") -> tuple[int, Any]:
    data = stdin.encode() if isinstance(stdin, str) else stdin
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
        status = main(argv)
    out = capsys.readouterr().out
    return status, json.loads(out) if out.strip() else None


def _file(tmp_path: Path, document: Any) -> str:
    path = tmp_path / "in.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_ballot_command__formats_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = _run(["ballot", "-"], capsys, json.dumps(BALLOT))
    assert status == 0
    assert out == {
        "valid": False,
        "kept": ["B", "C", "D", "E"],
        "reason_code": "too_many_kept",
        "rule": "Art. 74(1)(c)",
    }


def test_law_ballot_alias_as_forwarded_by_baucu__formats_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = _run(["law", "ballot", "-"], capsys, json.dumps({**BALLOT, "struck": ["A", "B"]}))
    assert (status, out["valid"], out["reason_code"]) == (0, True, None)


def test_determine_command_and_results_alias__formats_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file(tmp_path, TC01)
    status, out = _run(["results", "determine", path], capsys)
    assert status == 0
    assert out["elected"] == ["A", "B", "C"]
    assert out["reasons"][0]["message"].startswith("Số cử tri")  # Vietnamese by default
    status, out = _run(["--lang", "en", "determine", path], capsys)
    assert out["reasons"][0]["message"].startswith("More than half")
    status, out = _run(["determine", "--lang", "en", path], capsys)
    assert out["reasons"][0]["message"].startswith("More than half")


def test_array_in_array_out_with_errors_in_place__formats_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out = _run(["determine", _file(tmp_path, [TC01, BAD_TC01, TC01])], capsys)
    assert status == 2
    assert [o.get("elected") for o in out] == [["A", "B", "C"], None, ["A", "B", "C"]]
    assert out[1]["error"] == "invalid_input"
    assert {p["code"] for p in out[1]["problems"]} == {"votes_exceed_valid", "duplicate_candidate_id"}
    assert _run(["determine", _file(tmp_path, [])], capsys) == (0, [])


def test_invalid_single_object_gives_the_error_object__formats_0(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = _run(["ballot", "-"], capsys, json.dumps({**BALLOT, "seats": "3"}))
    assert status == 2
    assert out == {
        "error": "invalid_input",
        "problems": [
            {
                "where": "seats",
                "rule": "spec/formats.md",
                "code": "not_an_integer",
                "message": "seats: phải là số nguyên",
            }
        ],
    }


@pytest.mark.parametrize("raw", [b"{bad", b"\xff\xfe", b""])
def test_malformed_json_is_invalid_input__formats_0(raw: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    status, out = _run(["determine", "-"], capsys, raw)
    assert status == 2
    assert out["problems"][0]["code"] == "malformed_json"


def test_unreadable_file_is_invalid_input__formats_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out = _run(["--lang", "en", "ballot", str(tmp_path / "missing.json")], capsys)
    assert status == 2
    assert out["problems"][0]["code"] == "unreadable_file"
    assert out["problems"][0]["message"].startswith("cannot read")
    status, out = _run(["ballot", str(tmp_path)], capsys)
    assert out["problems"][0]["message"].startswith("không đọc được")


def test_usage_errors_are_invalid_input_and_help_is_fine(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = _run(["frobnicate"], capsys)
    assert status == 2
    assert out["problems"][0]["code"] == "usage"
    assert main(["--help"]) == 0
    assert "determine" in capsys.readouterr().out
    assert main([]) == 2


def test_calendar_command_parses_the_date_itself__formats_1(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = _run(["law", "calendar", "--election-day", "15/03/2026", "--json"], capsys)
    assert (status, out["problems"][0]["code"]) == (2, "invalid_date")
    status, out = _run(["--lang", "en", "calendar", "--election-day", "2026-02-30"], capsys)
    assert out["problems"][0]["message"] == "election day must be a date YYYY-MM-DD"
    status, out = _run(["calendar", "--election-day", "2026-03-16", "--json"], capsys)
    assert (status, out["problems"][0]["code"]) == (2, "election_day_not_sunday")
    status, out = _run(["calendar", "--election-day", "2026-03-15", "--json"], capsys)
    assert (status, out["election_day"]) == (0, "2026-03-15")


@pytest.mark.parametrize(("lang", "word"), [("vi", "bầu cử"), ("en", "election")])
def test_calendar_text_output(lang: str, word: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", lang, "calendar", "--election-day", "2026-03-15"]) == 0
    text = capsys.readouterr().out
    assert "2026-03-15" in text
    assert word in text.lower()


def test_module_entry_point(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "argv", ["baucu.law", "--help"])
    with pytest.raises(SystemExit) as exc:
        runpy.run_module("baucu.law", run_name="__main__", alter_sys=True)
    assert exc.value.code == 0
    assert "determine" in capsys.readouterr().out
    importlib.import_module("baucu.law.__main__")  # importing it runs nothing


def _process(args: list[str], stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "baucu.law", *args], input=stdin, capture_output=True, text=True, check=False
    )


def test_ballot_process__formats_2() -> None:
    done = _process(["ballot", "-"], json.dumps([BALLOT, {**BALLOT, "struck": ["A", "B"]}]))
    assert done.returncode == 0
    assert [o["valid"] for o in json.loads(done.stdout)] == [False, True]


def test_determine_process_invalid_input_never_a_traceback__formats_0() -> None:
    done = _process(["determine", "-"], json.dumps(BAD_TC01))
    assert done.returncode == 2
    assert json.loads(done.stdout)["error"] == "invalid_input"
    assert "Traceback" not in done.stderr
    done = _process(["determine", "-"], "[1, ")
    assert (done.returncode, json.loads(done.stdout)["problems"][0]["code"]) == (2, "malformed_json")
    done = _process(["determine", "-"], json.dumps(TC01))
    assert (done.returncode, json.loads(done.stdout)["elected"]) == (0, ["A", "B", "C"])
