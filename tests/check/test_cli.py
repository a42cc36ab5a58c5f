"""``shoptalk check`` and ``shoptalk report`` end to end, in a project in tmp_path."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from shoptalk.cli import main

from .conftest import VALID

ROOT = Path(__file__).parents[2]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(VALID, tmp_path / "glossary")
    (tmp_path / "shoptalk.yml").write_text("allow_acronyms: [SLA]\n", encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "clean.md").write_text("# Clean\n\nThe ICP and the SLA.\n", encoding="utf-8")
    return tmp_path


def run(project: Path, *args: str) -> int:
    return main(["--config", str(project / "shoptalk.yml"), *args])


def test_clean_exit_0(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(project, "check") == 0
    assert "no problems found" in capsys.readouterr().out


def test_errors_exit_1_and_text_is_grouped(project: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(project)
    (project / "docs" / "bad.md").write_text("KTLO and the budget holder.\n", encoding="utf-8")
    assert run(project, "check") == 1
    out = capsys.readouterr().out
    assert out.splitlines()[:3] == [
        "docs/bad.md",
        "  docs/bad.md:1:1: error: 'KTLO' is not a defined term or allowed acronym; define it in "
        "glossary/terms/ or add it to allow_acronyms in shoptalk.yml [undefined-acronym]",
        "  docs/bad.md:1:14: warning: say 'Economic Buyer', not 'budget holder' "
        "(see glossary/terms/economic-buyer.yml) [avoided-wording]",
    ]


def test_warnings_fail_only_with_strict(project: Path) -> None:
    (project / "docs" / "warn.md").write_text("the budget holder\n", encoding="utf-8")
    assert run(project, "check") == 0
    assert run(project, "check", "--strict") == 1


def test_json_has_end_column_and_replacement(project: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    page = project / "docs" / "warn.md"
    page.write_text("the budget holder\n", encoding="utf-8")
    run(project, "check", "--format", "json", str(page))
    (problem,) = json.loads(capsys.readouterr().out)["problems"]
    assert (problem["col"], problem["end_col"], problem["replacement"]) == (5, 18, "Economic Buyer")


@pytest.mark.parametrize("fmt", ["github", "sarif"])
def test_other_formats(project: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "docs" / "bad.md").write_text("KTLO\n", encoding="utf-8")
    assert run(project, "check", "--format", fmt) == 1
    out = capsys.readouterr().out
    assert "undefined-acronym" in out and "endColumn" in out


def test_fix_rewrites_then_reports_what_is_left(project: Path) -> None:
    page = project / "docs" / "fix.md"
    page.write_bytes(b"\xef\xbb\xbfthe budget holder and KTLO\r\n")
    assert run(project, "check", "--fix", str(page)) == 1
    assert page.read_bytes() == b"\xef\xbb\xbfthe Economic Buyer and KTLO\r\n"


def test_unreadable_and_usage(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "docs" / "latin1.md").write_bytes(b"caf\xe9\n")
    assert run(project, "check") == 1
    assert "[unreadable-file]" in capsys.readouterr().out
    assert run(project, "check", str(project / "missing.md")) == 2
    assert run(project, "check", "--format", "xml") == 2


def test_report(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "docs" / "more.md").write_text(
        'Our {{ term("economic-buyer") }} and the budget holder; KTLO.\n', encoding="utf-8")
    assert run(project, "report", "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert [m["line"] for m in data["terms"]["ideal-customer-profile"]] == [3]
    assert "stakeholder" in data["unused"]
    pages = {Path(k).name: v for k, v in data["pages"].items()}
    assert pages["more.md"] == {"mentions": 1, "undefined": 1, "avoided": 1}
    assert run(project, "report") == 0
    assert "Unused terms" in capsys.readouterr().out


def test_pre_commit_hooks_are_declared() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert hooks["shoptalk-check"]["entry"] == "shoptalk check"
    assert hooks["shoptalk-check"]["files"] == r"\.md$"
    assert hooks["shoptalk-check"]["language"] == "python"
    assert "shoptalk-validate" in hooks
    local = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    ids = [h["id"] for r in local["repos"] for h in r["hooks"]]
    assert ids == ["shoptalk-validate", "shoptalk-check"]
