"""``shoptalk codeowners``: a generated section, the rest of the file kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from shoptalk.codeowners import BEGIN, END

from .conftest import Run


@pytest.fixture
def teams(project: Path) -> Path:
    (project / "shoptalk.yml").write_text(
        "teams:\n  ae: '@acme/sales'\n  revops: '@acme/revops'\n", encoding="utf-8")
    (project / ".github").mkdir()
    (project / ".github/CODEOWNERS").write_text("* @acme/platform\n", encoding="utf-8")
    return project


def test_writes_section_and_keeps_the_rest(teams: Path, run: Run) -> None:
    assert run("codeowners", "--check")[0] == 1
    code, out, _ = run("codeowners")
    assert code == 0 and out.startswith("updated CODEOWNERS")
    text = (teams / ".github/CODEOWNERS").read_text(encoding="utf-8")
    assert text.startswith("* @acme/platform\n\n" + BEGIN + "\n")
    assert "/glossary/terms/ideal-customer-profile.yml @acme/revops\n" in text
    assert "/glossary/stages/qualify.yml @acme/sales\n" in text
    assert text.endswith(END + "\n")
    assert run("codeowners", "--check")[:2] == (0, "CODEOWNERS is up to date\n")


def test_regenerates_in_place(teams: Path, run: Run) -> None:
    path = teams / ".github/CODEOWNERS"
    path.write_text(f"* @acme/platform\n{BEGIN}\n/old @x\n{END}\n/docs/ @acme/docs\n",
                    encoding="utf-8")
    code, out, _ = run("codeowners", "--check")
    assert code == 1
    assert "-/old @x" in out
    run("codeowners")
    text = path.read_text(encoding="utf-8")
    assert "/old @x" not in text
    assert text.startswith(f"* @acme/platform\n{BEGIN}\n")
    assert text.endswith(f"{END}\n/docs/ @acme/docs\n")


def test_unmapped_owner_is_named(project: Path, run: Run) -> None:
    code, _, err = run("codeowners")
    assert code == 0
    assert "note: owner 'revops' has no handle; add it under teams: in shoptalk.yml" in err
    assert (project / ".github/CODEOWNERS").read_text(encoding="utf-8") == f"{BEGIN}\n{END}\n"
