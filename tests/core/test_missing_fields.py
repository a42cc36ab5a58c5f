"""A record missing several required fields hears about each field once."""

from __future__ import annotations

from pathlib import Path

from shoptalk.load import load_glossary


def test_a_stage_missing_three_fields_gets_three_errors(tmp_path: Path) -> None:
    (tmp_path / "glossary" / "stages").mkdir(parents=True)
    (tmp_path / "glossary" / "stages" / "qualify.yml").write_text(
        "name: Qualify\norder: 1\n", encoding="utf-8")
    _, problems = load_glossary(tmp_path / "glossary", tmp_path)
    assert [p.format() for p in problems if p.rule == "missing-field"] == [
        f"glossary/stages/qualify.yml:1:1: error: missing required field '{field}' "
        "[missing-field]" for field in ("purpose", "owner", "exit_criteria")]
