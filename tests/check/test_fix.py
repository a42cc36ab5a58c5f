"""``--fix``: safe replacements only, every other byte kept."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from shoptalk.check.fix import Change, apply_edits, planned_changes
from shoptalk.check.scan import Edit, scan_page
from shoptalk.cli import main

from .conftest import CONFIG, INDEX, VALID


def fix(text: str) -> str:
    _, edits = scan_page(text, "page.md", INDEX, CONFIG)
    return apply_edits(text, edits)


@pytest.mark.parametrize(("before", "after"), [
    ("Ask the budget holder.", "Ask the Economic Buyer."),
    ("Budget holders sign.", "Economic Buyers sign."),
    ("The budget holder's call.", "The Economic Buyer's call."),
    ("The budget holder’s call.", "The Economic Buyer’s call."),
    ("The budget holders' calls.", "The Economic Buyers' calls."),
    # Lowercase preferred wording: capital kept at sentence start.
    ("Close plans first. A close plan.", "Mutual action plans first. A mutual action plan."),
    ("A hot lead.", "A Product-Qualified Lead."),
    # Across formatting: reported, but not rewritten.
    ("Ask the budget **holder**.", "Ask the budget **holder**."),
    # Code, links and undefined acronyms are untouched.
    ("`budget holder` and [x](budget-holder) and KTLO.",
     "`budget holder` and [x](budget-holder) and KTLO."),
])
def test_fix(before: str, after: str) -> None:
    assert fix(before) == after


def test_fix_keeps_every_other_byte() -> None:
    before = "# Title\r\n\r\nKeep  this\ttext; fix the budget holder.\r\nAnd this\r\nline.   \r\n"
    after = "# Title\r\n\r\nKeep  this\ttext; fix the Economic Buyer.\r\nAnd this\r\nline.   \r\n"
    assert fix(before) == after


def test_fix_across_a_line_break() -> None:
    assert fix("ask the budget\r\nholder now\r\n") == "ask the Economic Buyer now\r\n"


def test_fix_respects_suppression() -> None:
    text = "<!-- shoptalk-ignore -->\nthe budget holder\n"
    assert fix(text) == text


# What --fix changed, one line per change, and --dry-run.

def test_planned_changes_are_exactly_the_edits_applied() -> None:
    text = "ab cd\r\nef gh\r\n"
    edits = [Edit(0, 2, "X"), Edit(1, 4, "Y"), Edit(9, 11, "Z")]  # Y overlaps X: dropped
    assert apply_edits(text, edits) == "X cd\r\nef Z\r\n"
    assert [c.format() for c in planned_changes("p.md", text, edits)] == [
        "p.md:1:1: ab → X", "p.md:2:4: gh → Z"]


def test_a_change_prints_on_one_line_with_controls_escaped() -> None:
    assert Change("p.md", 3, 5, "budget\r\n  holder", "Economic Buyer").format() == (
        "p.md:3:5: budget holder → Economic Buyer")
    assert Change("p.md", 1, 1, "budget\x1b[8m holder", "Economic Buyer").format() == (
        "p.md:1:1: budget\\x1b[8m holder → Economic Buyer")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(VALID, tmp_path / "glossary")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "b.md").write_text(
        "Ask the budget holder.\r\nThen a hot lead, and the budget\r\nholder signs.\r\n",
        encoding="utf-8")
    (tmp_path / "docs" / "a.md").write_text("The budget holders' calls.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def pages(project: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((project / "docs").iterdir())}


CHANGES = """\
docs/a.md:1:5: budget holders → Economic Buyers
docs/b.md:1:9: budget holder → Economic Buyer
docs/b.md:2:8: hot lead → Product-Qualified Lead
docs/b.md:2:26: budget holder → Economic Buyer
"""


def test_fix_prints_each_change_sorted_then_the_summary(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--fix"]) == 0
    assert capsys.readouterr().out == CHANGES + "fixed 4 wordings in 2 pages\nno problems found\n"
    assert pages(project) == {
        "a.md": b"The Economic Buyers' calls.\n",
        "b.md": b"Ask the Economic Buyer.\r\nThen a Product-Qualified Lead, and the Economic "
                b"Buyer signs.\r\n"}


def test_dry_run_prints_the_same_changes_writes_nothing_and_fails(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = pages(project)
    assert main(["check", "--fix", "--dry-run", "docs/a.md"]) == 1
    assert capsys.readouterr().out == (
        "docs/a.md:1:5: budget holders → Economic Buyers\n"
        "would fix 1 wording in 1 page; nothing written (--dry-run)\n"
        "docs/a.md\n"
        "  docs/a.md:1:5: warning: say 'Economic Buyers', not 'budget holders' "
        "(see glossary/terms/economic-buyer.yml) [avoided-wording]\n"
        "0 errors, 1 warning in 1 file\n")
    assert pages(project) == before
    assert main(["check", "--fix", "--dry-run", "--format", "json"]) == 1
    out, err = capsys.readouterr()
    assert err == CHANGES + "would fix 4 wordings in 2 pages; nothing written (--dry-run)\n"
    assert json.loads(out)["summary"] == {"errors": 0, "warnings": 4, "notices": 0}
    assert pages(project) == before


def test_dry_run_with_nothing_to_fix_passes(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "docs" / "a.md").write_text("Ask the Economic Buyer.\n", encoding="utf-8")
    assert main(["check", "--fix", "--dry-run", "docs/a.md"]) == 0
    assert capsys.readouterr().out == "no problems found\n"


def test_dry_run_needs_fix(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--dry-run"]) == 2
    assert capsys.readouterr().err == (
        "shoptalk: error: --dry-run only makes sense with --fix\n")
