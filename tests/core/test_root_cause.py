"""One broken value, one problem: the cause first, nothing that only follows from it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from shoptalk import load_config, validate
from shoptalk.load import load_glossary

VALID = Path(__file__).resolve().parents[1] / "fixtures" / "valid"


@pytest.fixture
def glossary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "glossary"
    shutil.copytree(VALID, root)
    monkeypatch.chdir(tmp_path)
    return root


def _lines(root: Path) -> list[str]:
    _, problems = validate(replace(load_config(root.parent), glossary=root))
    return [p.format() for p in problems if p.severity != "notice"]


def test_a_record_that_fails_to_load_is_known_as_broken(glossary: Path) -> None:
    (glossary / "terms/stakeholder.yml").write_text("name: [Stakeholder\n", encoding="utf-8")
    (glossary / "roles/csm.yml").write_text("- just a list\n", encoding="utf-8")
    loaded, _ = load_glossary(glossary, glossary.parent)
    assert "stakeholder" not in loaded.terms
    assert loaded.broken == {
        "term": {"stakeholder": "glossary/terms/stakeholder.yml"},
        "role": {"csm": "glossary/roles/csm.yml"},
    }
    assert loaded.is_broken("term", "stakeholder")
    assert not loaded.is_broken("stage", "stakeholder")


def test_references_to_a_broken_record_fold_into_its_error(glossary: Path) -> None:
    # economic-buyer names stakeholder as broader; nothing else refers to it.
    (glossary / "terms/stakeholder.yml").write_text(
        "name: Stakeholder\ndefinition: 'Anyone touched\n", encoding="utf-8")
    assert _lines(glossary) == [
        "glossary/terms/stakeholder.yml:2:13: error: the quote ' opened here is never closed; "
        "end the text with ' too (1 reference to 'stakeholder' is not checked until "
        "stakeholder.yml loads: glossary/terms/economic-buyer.yml:9) [yaml-syntax]"
    ]


def test_a_truly_unknown_reference_is_still_reported(glossary: Path) -> None:
    (glossary / "terms/stakeholder.yml").write_text("name: [\n", encoding="utf-8")
    path = glossary / "terms/economic-buyer.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "stages: [qualify]", "stages: [qualify, negotiate]"), encoding="utf-8")
    lines = _lines(glossary)
    assert [line.rpartition("[")[2] for line in lines] == ["dangling-ref]", "yaml-syntax]"]
    assert "stages[1] 'negotiate' is not a stage" in lines[0]


def test_a_sentence_with_a_colon_is_one_problem_with_the_quoting_fix(
    write: Callable[[str, str], Path], glossary: Path
) -> None:
    write("glossary/terms/demo.yml", """
        name: Demo
        definition: A meeting where we show the product solving the buyer's problem.
        examples:
          - Note: this breaks
        category: buyers
        owner: ae
    """)
    assert _lines(glossary) == [
        "glossary/terms/demo.yml:4:5: error: examples[0]: this line holds ': ' so YAML read it "
        "as a key and value; put the whole sentence in quotes: - \"Note: this breaks\" "
        "[wrong-type]"
    ]


def test_a_field_with_a_colon_gets_the_fix_for_its_own_key(
    write: Callable[[str, str], Path], glossary: Path
) -> None:
    write("glossary/terms/demo.yml", """
        name: Demo
        definition:
          Demo: a meeting
        examples: [We booked the demo.]
        category: buyers
        owner: ae
    """)
    assert _lines(glossary) == [
        "glossary/terms/demo.yml:3:3: error: definition: this line holds ': ' so YAML read it "
        "as a key and value; put the whole sentence in quotes: definition: \"Demo: a meeting\" "
        "[wrong-type]"
    ]


def test_no_examples_at_all_still_asks_for_one(
    write: Callable[[str, str], Path], glossary: Path
) -> None:
    write("glossary/terms/demo.yml", """
        name: Demo
        definition: A meeting where we show the product solving the buyer's problem.
        examples: []
        category: buyers
        owner: ae
    """)
    assert _lines(glossary) == [
        "glossary/terms/demo.yml:1:7: warning: no example sentence; add one under examples "
        "[missing-example]"
    ]


def test_placeholder_is_an_error_even_without_strict(
    write: Callable[[str, str], Path], glossary: Path
) -> None:
    write("glossary/roles/se.yml", """
        name: Sales Engineer
        team: support
        description: "  say in a sentence what this role does for the customer. "
    """)
    assert _lines(glossary) == [
        "glossary/roles/se.yml:3:14: error: description is still the placeholder 'shoptalk new' "
        "wrote ('say in a sentence what this role does for the customer.'); do what it says, "
        "in your own words [placeholder-text]"
    ]


def test_unknown_enum_lists_choices_and_suggests(
    write: Callable[[str, str], Path], glossary: Path
) -> None:
    write("glossary/roles/se.yml", """
        name: Sales Engineer
        team: suport
        description: Shows the product working in the buyer's setup.
    """)
    assert _lines(glossary) == [
        "glossary/roles/se.yml:2:7: error: team: 'suport' is not one of: primary, support, "
        "extended; did you mean 'support'? [bad-enum]"
    ]


def test_a_broken_stage_does_not_make_a_gap_in_the_order(glossary: Path) -> None:
    # qualify is 1 and closed-won 2: with qualify unreadable, closed-won's 2 is no gap.
    (glossary / "stages/qualify.yml").write_text("name: Qualify\norder: 1\n\tpurpose: x\n",
                                                 encoding="utf-8")
    assert [line.rpartition(" [")[2] for line in _lines(glossary)] == ["yaml-syntax]"]
