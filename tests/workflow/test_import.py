"""``shoptalk import``: take every row or none, and report each refusal at its line."""

from __future__ import annotations

from pathlib import Path

from shoptalk import load_glossary
from shoptalk.exchange import Defaults, plan_import, read_source
from shoptalk.exchange.sources import header_field

from .conftest import FIXTURES, Run


def test_header_synonyms() -> None:
    assert [header_field(h) for h in ("Term", " NAME ", "Meaning", "Acronym", "Short",
                                      "Short form", "Synonyms", "Notes")] == [
        "name", "name", "definition", "abbreviation", "abbreviation", "abbreviation",
        "aliases", None]


def test_markdown_table_with_every_conflict(project: Path, run: Run) -> None:
    before = sorted((project / "glossary/terms").iterdir())
    code, out, _ = run("import", str(FIXTURES / "old-glossary.md"), "--category", "buyers",
                       "--owner", "ae")
    assert code == 1
    src = (FIXTURES / "old-glossary.md").as_posix()
    problems = [line.replace(src, "SRC") for line in out.splitlines() if "SRC" in
                line.replace(src, "SRC")]
    assert problems == [
        "SRC:5:30: warning: column 'Notes' is not imported; known columns: id, name, "
        "definition, abbreviation, aliases, examples, context, category, owner, status "
        "[import-unknown-column]",
        "SRC:8:3: error: 'Champion' appears on lines 8, 9 with different text; keep one row "
        "and delete the others [import-duplicate]",
        "SRC:9:3: error: 'Champion' appears on lines 8, 9 with different text; keep one row "
        "and delete the others [import-duplicate]",
        "SRC:11:3: error: the term '[Discovery call](https://wiki.example.com/discovery)' is "
        "wrapped in a link; write the plain name and put the link under links: after "
        "importing [import-link]",
        "SRC:12:3: error: 'Ideal client profile' collides with the glossary: name 'Ideal client "
        "profile' is already the alias of term 'ideal-customer-profile' "
        "(glossary/terms/ideal-customer-profile.yml) [import-collision]",
        "SRC:13:3: error: 'Budget' has an empty definition; add one in the source "
        "[import-empty-definition]",
    ]
    assert "nothing imported: 5 rows not taken; fix the errors below and run again (4 other " \
           "terms ready)" in out
    assert before == sorted((project / "glossary/terms").iterdir())  # all or nothing
    glossary, loading = load_glossary(project / "glossary", project)
    plan = plan_import(read_source(FIXTURES / "old-glossary.md", "SRC"), glossary,
                       Defaults("buyers", "ae"), project, loading)
    texts = {item.id: item.text for item in plan.planned}
    assert sorted(texts) == ["mutual-action-plan", "paper-process", "pipe-line",
                             "proof-of-concept"]  # the identical duplicate is taken once
    assert "name: Proof of Concept\nabbreviation: PoC\n" in texts["proof-of-concept"]
    assert "status: draft\n" in texts["proof-of-concept"]  # bold markers dropped
    assert 'name: "Pipe | Line"\n' in texts["pipe-line"]


def test_dry_run_shows_the_plan(project: Path, run: Run) -> None:
    before = sorted((project / "glossary/terms").iterdir())
    code, out, _ = run("import", str(FIXTURES / "semicolons.csv"), "--category", "buyers",
                       "--owner", "ae", "--dry-run")
    assert code == 0
    assert out.splitlines()[:3] == [
        "would write glossary/terms/mutual-action-plan.yml (Mutual Action Plan, line 2)",
        "would write glossary/terms/paper-process.yml (Paper process, line 3)",
        "2 terms to import, 0 rows not taken",
    ]
    assert sorted((project / "glossary/terms").iterdir()) == before


def test_semicolon_csv_with_aliases(project: Path, run: Run) -> None:
    assert run("import", str(FIXTURES / "semicolons.csv"), "--category", "buyers",
               "--owner", "ae")[0] == 0
    text = (project / "glossary/terms/mutual-action-plan.yml").read_text(encoding="utf-8")
    assert "aliases:\n  - close plan\n  - joint plan\n" in text


def test_missing_defaults_are_a_usage_error(project: Path, run: Run) -> None:
    code, _, err = run("import", str(FIXTURES / "semicolons.csv"), "--owner", "ae")
    assert code == 2
    assert "has no 'category' column; give every imported term one with --category " \
           "(one of: qualification, buyers, lead-flow)" in err


def test_collision_with_an_existing_id(project: Path, run: Run, tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("Term,Definition\nStakeholder,Anyone with a say.\n", encoding="utf-8")
    code, out, _ = run("import", str(source), "--category", "buyers", "--owner", "ae")
    assert code == 1
    assert "in.csv:2:1: error: 'Stakeholder' would be term 'stakeholder', which already " \
           "exists (glossary/terms/stakeholder.yml); edit that term instead " \
           "[import-collision]" in out


def test_bad_input_is_a_located_problem(project: Path, run: Run) -> None:
    code, out, err = run("import", str(FIXTURES / "broken.json"), "--format", "text")
    assert code == 1 and err == ""
    assert "broken.json:3:3: error: not valid JSON: Expecting value [import-syntax]" in out
    code, out, _ = run("import", str(FIXTURES / "latin1.csv"), "--category", "buyers",
                       "--owner", "ae")
    assert code == 1
    assert "latin1.csv:2:12: error: not UTF-8 text; save the file as UTF-8" in out


def test_no_name_column(project: Path, run: Run, tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("Foo,Definition\nx,y\n", encoding="utf-8")
    code, out, _ = run("import", str(source), "--category", "buyers", "--owner", "ae")
    assert code == 1
    assert "in.csv:1:1: error: no column names the term; call it 'Term' or 'Name' " \
           "[import-header]" in out


def test_missing_file(project: Path, run: Run) -> None:
    code, _, err = run("import", "nope.csv")
    assert code == 2 and "nope.csv: cannot read" in err
