"""``shoptalk validate`` end to end: formats, exit codes, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from shoptalk.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_shipped_glossary_is_clean_even_strict(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["validate", "--strict"]) == 0
    # Reviews falling due over time show as notices, which never fail a build.
    out = capsys.readouterr().out
    assert ": error:" not in out and ": warning:" not in out


def test_valid_fixture_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(ROOT / "tests/fixtures/valid"), "--strict"]) == 0


def test_problems_exit_1_and_json_is_stable(
    valid_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(valid_copy.parent)
    (valid_copy / "terms" / "stakeholder.yml").write_text(
        "name: Stakeholder\ndefinition: Anyone touched.\nexamples: [x]\ncategory: buyer\n"
        "owner: ae\n",
        encoding="utf-8",
    )
    assert main(["validate", "glossary", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report == {
        "version": 1,
        "problems": [
            {
                "path": "glossary/terms/stakeholder.yml",
                "line": 4,
                "col": 11,
                "end_col": None,
                "severity": "error",
                "rule": "dangling-ref",
                "message": "category 'buyer' is not a category; did you mean 'buyers'? "
                "(categories: qualification, buyers, lead-flow)",
                "replacement": None,
            }
        ],
        "summary": {"errors": 1, "warnings": 0, "notices": 0},
    }


def test_warnings_fail_only_under_strict(
    valid_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(valid_copy.parent)
    path = valid_copy / "terms" / "stakeholder.yml"
    path.write_text(path.read_text() + "colour: blue\n", encoding="utf-8")
    assert main(["validate", "glossary"]) == 0
    assert main(["validate", "glossary", "--strict"]) == 1


def test_github_annotations(
    valid_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(valid_copy.parent)
    path = valid_copy / "terms" / "stakeholder.yml"
    path.write_text(path.read_text() + "status: gone\n", encoding="utf-8")
    assert main(["validate", "glossary", "--format", "github"]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first == (
        "::error file=glossary/terms/stakeholder.yml,line=6,col=9,title=bad-enum::"
        "status: 'gone' is not one of: draft, approved, deprecated"
    )


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["validate", "--format", "xml"]) == 2
    assert main(["validate", str(tmp_path / "nowhere")]) == 2
    assert "glossary folder not found" in capsys.readouterr().err
    assert main([]) == 2


def test_broken_config_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "shoptalk.yml").write_text("rules: {missing-example: loud}\n")
    monkeypatch.chdir(tmp_path)
    assert main(["validate"]) == 2
    assert "rules maps a rule id" in capsys.readouterr().err


def test_rules_can_be_tuned_in_config(
    valid_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (valid_copy.parent / "shoptalk.yml").write_text(
        "rules:\n  missing-example: error\n  unknown-key: 'off'\n"
    )
    monkeypatch.chdir(valid_copy.parent)
    path = valid_copy / "terms" / "stakeholder.yml"
    path.write_text(
        "name: Stakeholder\ndefinition: Anyone touched.\ncategory: buyers\n"
        "owner: ae\ncolour: blue\n",
        encoding="utf-8",
    )
    assert main(["validate"]) == 1
    out = capsys.readouterr().out
    assert "error: no example sentence" in out and "unknown-key" not in out


def test_version_and_module_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "shoptalk", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("shoptalk ")


def test_colour_only_on_a_terminal_and_never_with_no_color(
    write: Callable[[str, str], Path], tmp_path: Path
) -> None:
    from shoptalk.output import use_colour

    class Tty:
        def isatty(self) -> bool:
            return True

    assert use_colour(Tty())  # type: ignore[arg-type]
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NO_COLOR", "1")
        assert not use_colour(Tty())  # type: ignore[arg-type]
