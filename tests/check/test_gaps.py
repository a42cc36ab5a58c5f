"""``shoptalk report --gaps``: what the pages use most that the glossary does not define."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from shoptalk.check.gaps import find_gaps, gaps_text
from shoptalk.check.scan import scan_text
from shoptalk.cli import main

from .conftest import CONFIG, INDEX, VALID

PAGE_A = """\
# Discovery

Book the QBR two weeks ahead. The Deal Desk approves every discount.
Then Deal Desk signs the Order Form. Ask the EB about the QBR.

- Send the SOW after the QBR.
"""
PAGE_B = "Before the QBR, check the Order Form with the Deal Desk. Do NOT skip the SOW.\n"
# Title Case one page uses once, defined words, shouting and code are no gaps.
PAGE_C = "Ask the Economic Buyer. The Champion Program Kickoff. `XYZ` and ALL CAPS HERE.\n"

GAPS = """\
Gaps (2 undefined acronyms, 2 capitalised phrases; score = pages × uses)
     8  QBR (acronym): 4 uses on 2 pages; e.g. docs/a.md:3: Book the QBR two weeks ahead.
     6  Deal Desk (phrase): 3 uses on 2 pages; e.g. docs/a.md:3: The Deal Desk approves every \
discount.
     4  Order Form (phrase): 2 uses on 2 pages; e.g. docs/a.md:4: Then Deal Desk signs the \
Order Form.
     4  SOW (acronym): 2 uses on 2 pages; e.g. docs/a.md:6: Send the SOW after the QBR."""


def gaps(**pages: str) -> str:
    scanned = [(text, scan_text(text, f"docs/{name}.md", INDEX, CONFIG))
               for name, text in pages.items()]
    return gaps_text(find_gaps(INDEX, scanned))


def test_gaps_rank_acronyms_and_phrases_by_pages_times_uses() -> None:
    assert gaps(a=PAGE_A, b=PAGE_B, c=PAGE_C) == GAPS


def test_an_acronym_defined_on_the_page_or_allowed_is_no_gap() -> None:
    assert gaps(a="Run a Quarterly Business Review (QBR). The QBR is due.\n") == (
        "Gaps (0 undefined acronyms, 0 capitalised phrases; score = pages × uses)")


def test_a_sentence_opener_is_not_part_of_a_phrase() -> None:
    text = "Then Deal Desk signs. Then Deal Desk files.\n"
    assert gaps(a=text).splitlines()[1:] == [
        "     2  Deal Desk (phrase): 2 uses on 1 page; e.g. docs/a.md:1: Then Deal Desk signs."]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(VALID, tmp_path / "glossary")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(PAGE_A, encoding="utf-8")
    (tmp_path / "docs" / "b.md").write_text(PAGE_B, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_report_gaps_text_and_json(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--gaps"]) == 0
    assert capsys.readouterr().out == GAPS + "\n"
    assert main(["report", "--gaps", "--format", "json", "docs/b.md"]) == 0
    assert json.loads(capsys.readouterr().out) == {"version": 1, "gaps": [
        {"wording": "QBR", "kind": "acronym", "score": 1, "pages": 1, "uses": 1,
         "example": {"path": "docs/b.md", "line": 1, "col": 12,
                     "sentence": "Before the QBR, check the Order Form with the Deal Desk."}},
        {"wording": "SOW", "kind": "acronym", "score": 1, "pages": 1, "uses": 1,
         "example": {"path": "docs/b.md", "line": 1, "col": 74,
                     "sentence": "Do NOT skip the SOW."}}]}


def test_stubs_dry_run_writes_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = sorted((project / "glossary" / "terms").iterdir())
    assert main(["report", "--gaps", "--stubs", "2", "--dry-run", "--category", "buyers",
                 "--owner", "ae"]) == 0
    assert capsys.readouterr().out == (
        "would write glossary/terms/qbr.yml (QBR, status: draft)\n"
        "would write glossary/terms/deal-desk.yml (Deal Desk, status: draft)\n")
    assert sorted((project / "glossary" / "terms").iterdir()) == before


def test_stubs_write_draft_terms_and_never_overwrite(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mine = project / "glossary" / "terms" / "deal-desk.yml"
    mine.write_text("name: Deal desk team\ndefinition: Mine.\ncategory: buyers\nowner: ae\n",
                    encoding="utf-8")
    assert main(["report", "--gaps", "--stubs", "3", "--category", "buyers",
                 "--owner", "ae"]) == 0
    assert capsys.readouterr().out == (
        "wrote glossary/terms/qbr.yml (QBR, status: draft)\n"
        "skipped Deal Desk: term 'deal-desk' already exists (deal-desk.yml); choose another "
        "name or pass a different --id\n"
        "wrote glossary/terms/order-form.yml (Order Form, status: draft)\n"
        "write each draft's definition in your own words, then run `shoptalk validate`\n")
    assert mine.read_text(encoding="utf-8").startswith("name: Deal desk team\n")
    stub = (project / "glossary" / "terms" / "qbr.yml").read_text(encoding="utf-8")
    assert "\nname: QBR\n" in stub
    assert "\nexamples:\n  - Book the QBR two weeks ahead.\n" in stub
    assert "\nstatus: draft\n" in stub
    # The drafts are terms to finish: validate holds each to its placeholder definition.
    assert main(["validate"]) == 1
    assert sorted({line.split(":")[0] for line in capsys.readouterr().out.splitlines()
                   if line.endswith("[placeholder-text]")}) == [
        "glossary/terms/order-form.yml", "glossary/terms/qbr.yml"]
    assert main(["report", "--gaps"]) == 0  # QBR and Order Form are no longer gaps
    assert capsys.readouterr().out.splitlines() == [
        "Gaps (1 undefined acronym, 1 capitalised phrase; score = pages × uses)",
        "     6  Deal Desk (phrase): 3 uses on 2 pages; e.g. docs/a.md:3: The Deal Desk approves "
        "every discount.",
        "     4  SOW (acronym): 2 uses on 2 pages; e.g. docs/a.md:6: Send the SOW after the QBR."]


@pytest.mark.parametrize(("argv", "message"), [
    (["--stubs", "2"], "shoptalk: error: --stubs N needs --gaps and a number of at least 1\n"),
    (["--gaps", "--stubs", "0"],
     "shoptalk: error: --stubs N needs --gaps and a number of at least 1\n"),
    (["--gaps", "--dry-run"],
     "shoptalk: error: --dry-run, --category and --owner only make sense with --stubs\n"),
    (["--gaps", "--stubs", "1", "--category", "buyers"],
     "shoptalk: error: say which owner with --owner (one of: ae, csm, revops)\n"),
])
def test_stub_usage_errors(project: Path, capsys: pytest.CaptureFixture[str], argv: list[str],
                           message: str) -> None:
    assert main(["report", *argv]) == 2
    assert capsys.readouterr().err == message
