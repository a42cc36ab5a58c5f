"""Hostile content in the glossary: overlong numbers, control characters, links out
of the repository and look-alike letters are reported, never obeyed or followed."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from shoptalk import load_config, validate
from shoptalk.output import format_github, format_json, format_sarif, format_text
from shoptalk.problems import Problem
from shoptalk.yaml_reader import read_yaml

BASE = Path(__file__).parent.parent / "fixtures" / "broken" / "_base"
TODAY = dt.date(2026, 11, 27)


def read(text: str) -> tuple[object, list[str]]:
    doc = read_yaml(Path("t.yml"), "t.yml", text.encode())
    return doc.data, [p.format() for p in doc.problems]


def repo(tmp_path: Path, files: dict[str, str] | None = None) -> Path:
    """A repository (shoptalk.yml beside glossary/) holding the base glossary plus ``files``."""
    root = tmp_path / "repo"
    shutil.copytree(BASE, root / "glossary")
    (root / "shoptalk.yml").write_text("glossary: glossary\n", encoding="utf-8")
    for rel, text in (files or {}).items():
        (root / "glossary" / rel).write_text(text, encoding="utf-8")
    return root


def lines(root: Path) -> list[str]:
    _, problems = validate(replace(load_config(root), today=TODAY))
    return [p.format() for p in problems]


TERM = "definition: A word.\ncategory: general\nowner: ae\nexamples: [A sentence.]\n"


# Numbers


def test_an_overlong_number_is_one_problem_before_int_is_called() -> None:
    data, problems = read("name: Qualify\norder: " + "9" * 5000 + "\n")
    assert problems == [
        "t.yml:2:8: error: order: a number with 5000 digits is too long (at most 15); write a "
        "smaller number, or put it in quotes if it is text [bad-value]"
    ]
    assert data == {"name": "Qualify", "order": None}


def test_fifteen_digits_and_a_signed_sixteen() -> None:
    data, problems = read("a: 999999999999999\nb: -0000000000000001\n")
    assert data == {"a": 999999999999999, "b": None}
    assert problems == [
        "t.yml:2:4: error: b: a number with 16 digits is too long (at most 15); write a "
        "smaller number, or put it in quotes if it is text [bad-value]"
    ]


def test_a_quoted_long_number_is_text() -> None:
    assert read("a: '" + "1" * 40 + "'\n") == ({"a": "1" * 40}, [])


def test_validate_reports_an_overlong_order_and_goes_on_with_other_files(tmp_path: Path) -> None:
    root = repo(tmp_path, {"terms/broken.yml": "name: [unclosed\n"})
    stage = root / "glossary/stages/qualify.yml"
    stage.write_text(stage.read_text().replace("order: 1", "order: " + "9" * 5000))
    assert lines(root) == [
        "glossary/stages/qualify.yml:2:8: error: order: a number with 5000 digits is too long "
        "(at most 15); write a smaller number, or put it in quotes if it is text [bad-value]",
        "glossary/terms/broken.yml:2:1: error: while parsing a flow sequence: did not find "
        "expected ',' or ']' — a [list] is not closed, or one of its items holds a comma, colon "
        "or '?'; put that item in quotes [yaml-syntax]",
    ]


@pytest.mark.parametrize("value", ["1e999999", ".inf", "-.Inf", ".nan", "1.5"])
def test_floats_where_a_whole_number_is_expected_stay_text(tmp_path: Path, value: str) -> None:
    root = repo(tmp_path)
    stage = root / "glossary/stages/qualify.yml"
    stage.write_text(stage.read_text() + f"probability: {value}\n")
    assert lines(root) == [
        f"glossary/stages/qualify.yml:12:14: error: probability: expected a whole number, "
        f"got '{value}' [wrong-type]"
    ]


# Control characters in values


def test_escaped_terminal_controls_in_a_value_are_refused_and_removed() -> None:
    data, problems = read('definition: "Buyer \\e]0;title\\a who \\x1b[2J signs."\n')
    assert problems == [
        "t.yml:1:13: error: definition: contains invisible control characters U+001B, U+0007; "
        "delete them [control-character]"
    ]
    assert data == {"definition": "Buyer ]0;title who [2J signs."}


def test_a_raw_bidi_override_in_a_list_item_is_refused() -> None:
    _, problems = read("examples:\n  - Pay \u202eus now\n  - fine\n")
    assert problems == [
        "t.yml:2:5: error: examples[0]: contains an invisible control character U+202E; "
        "delete it [control-character]"
    ]


@pytest.mark.parametrize("char", ["\\x85", "\\x9b", "\\u2066", "\\u2069", "\\u202a", "\\0"])
def test_c1_controls_and_bidi_isolates_are_refused(char: str) -> None:
    _, problems = read(f'name: "a{char}b"\n')
    assert [p.split(" [")[-1] for p in problems] == ["control-character]"]


def test_a_control_character_in_a_key_is_refused() -> None:
    data, problems = read('"na\\x1bme": Lead\n')
    assert problems == [
        "t.yml:1:1: error: this key contains an invisible control character U+001B; "
        "delete it [control-character]"
    ]
    assert data == {"name": "Lead"}


def test_tabs_and_newlines_in_text_are_fine() -> None:
    assert read('details: "one\\ttwo\\nthree"\n') == ({"details": "one\ttwo\nthree"}, [])


# Output


HOSTILE = Problem(
    "glossary/terms/x\x1b[2J.yml", 3, 5, "error",
    "related[0] '\x1b]0;title\x07\u202eevil\x9b31m' is not a term\nfake: error", "dangling-ref",
)


def test_text_output_shows_control_characters_as_escapes() -> None:
    assert format_text([HOSTILE]).splitlines() == [
        "glossary/terms/x\\x1b[2J.yml:3:5: error: related[0] '\\x1b]0;title\\x07\\u202eevil"
        "\\x9b31m' is not a term\\x0afake: error [dangling-ref]",
        "1 error, 0 warnings in 1 file",
    ]


def test_the_summary_shows_control_characters_of_a_cause_as_escapes() -> None:
    cause = "1 file failed to load: glossary/terms/x\x1b[2J.yml"
    assert format_text([HOSTILE], cause=cause).splitlines()[-1] == \
        "1 file failed to load: glossary/terms/x\\x1b[2J.yml. 1 error, 0 warnings in 1 file"


def test_coloured_and_grouped_text_escape_too() -> None:
    text = format_text([HOSTILE], colour=True, grouped=True)
    assert "\x1b[2J" not in text and "\x07" not in text and "\u202e" not in text
    assert "\x9b" not in text
    assert text.splitlines()[0] == "\x1b[1mglossary/terms/x\\x1b[2J.yml\x1b[0m"


def test_github_annotations_escape_control_characters() -> None:
    assert format_github([HOSTILE]).splitlines()[0] == (
        "::error file=glossary/terms/x\\x1b[2J.yml,line=3,col=5,title=dangling-ref::"
        "related[0] '\\x1b]0;title\\x07\\u202eevil\\x9b31m' is not a term%0Afake: error"
    )


@pytest.mark.parametrize("formatter", [format_json, format_sarif])
def test_json_output_is_valid_and_holds_no_raw_control_character(formatter: object) -> None:
    text = formatter([HOSTILE])  # type: ignore[operator]
    assert not any(c in text for c in "\x1b\x07\u202e\x9b")
    assert "\\u202e" in text and "\\u009b" in text
    data = json.loads(text)
    messages = [p["message"] for p in data["problems"]] if "problems" in data else [
        r["message"]["text"] for r in data["runs"][0]["results"]
    ]
    assert messages == [HOSTILE.message]


# Symbolic links


def test_links_out_of_the_repository_are_refused_and_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    (outside / "terms").mkdir(parents=True)
    (outside / "terms/secret.yml").write_text("name: Secret\n" + TERM, encoding="utf-8")
    root = repo(tmp_path)
    (root / "glossary/terms/secret.yml").symlink_to(outside / "terms/secret.yml")
    (root / "glossary/roles/more").symlink_to(outside / "terms", target_is_directory=True)
    (root / "glossary/frameworks").symlink_to(outside, target_is_directory=True)
    refused = (
        "error: a symbolic link to a place outside the repository, so it is not read; copy "
        "what it points at into the glossary instead [outside-link]"
    )
    assert lines(root) == [
        f"glossary/frameworks:1:1: {refused}",
        f"glossary/roles/more:1:1: {refused}",
        f"glossary/terms/secret.yml:1:1: {refused}",
    ]
    glossary, _ = validate(load_config(root))
    assert "secret" not in glossary.terms


def test_a_categories_link_out_of_the_repository_is_refused(tmp_path: Path) -> None:
    root = repo(tmp_path)
    outside = tmp_path / "categories.yml"
    (root / "glossary/categories.yml").replace(outside)
    (root / "glossary/categories.yml").symlink_to(outside)
    assert lines(root) == [
        "glossary/categories.yml:1:1: error: a symbolic link to a place outside the "
        "repository, so it is not read; copy what it points at into the glossary instead "
        "[outside-link]"
    ]  # not also "missing categories.yml", nor every category reference dangling


def test_links_inside_the_repository_are_followed(tmp_path: Path) -> None:
    root = repo(tmp_path)
    (root / "shared").mkdir()
    (root / "shared/champion.yml").write_text("name: Champion\n" + TERM, encoding="utf-8")
    (root / "glossary/terms/champion.yml").symlink_to("../../shared/champion.yml")
    (root / "glossary/terms/loop").symlink_to("..", target_is_directory=True)
    (root / "glossary/schema").symlink_to(tmp_path, target_is_directory=True)  # never read
    assert lines(root) == []
    glossary, _ = validate(load_config(root))
    assert glossary.terms["champion"].name == "Champion"


# Look-alike wording


def test_a_cyrillic_letter_in_a_name_is_caught_as_a_lookalike(tmp_path: Path) -> None:
    root = repo(tmp_path, {
        "terms/champion.yml": "name: Champion\n" + TERM,
        "terms/sponsor.yml": "name: Sponsor\naliases: [Chаmpion]\n" + TERM,
    })
    assert lines(root) == [
        "glossary/terms/sponsor.yml:2:11: error: alias 'Chаmpion' looks like 'Champion' (name "
        "of term 'champion', glossary/terms/champion.yml:1) but its 'а' is Cyrillic; retype it "
        "[confusable-form]"
    ]


def test_the_lookalike_is_reported_where_it_is_even_when_it_comes_first(tmp_path: Path) -> None:
    root = repo(tmp_path, {
        "terms/a-deal-desk.yml": "name: Dеаl dеsk\n" + TERM,  # Cyrillic е and а
        "terms/deal-desk.yml": "name: Deal desk\nabbreviation: DD\n" + TERM,
        "terms/double-d.yml": "name: Double D\nabbreviation: DΟ\n" + TERM,  # Greek Ο
    })
    assert lines(root) == [
        "glossary/terms/a-deal-desk.yml:1:7: error: name 'Dеаl dеsk' looks like 'Deal desk' "
        "(name of term 'deal-desk', glossary/terms/deal-desk.yml:1) but its 'е', 'а' are "
        "Cyrillic; retype it [confusable-form]",
        "glossary/terms/double-d.yml:2:15: warning: abbreviation 'DΟ' mixes Greek and Latin "
        "letters in one word; its 'Ο' is Greek; retype it in one script [mixed-script]",
    ]


def test_an_invisible_character_makes_a_lookalike(tmp_path: Path) -> None:
    root = repo(tmp_path, {
        "terms/champion.yml": "name: Champion\n" + TERM,
        "terms/coach.yml": "name: Coach\navoid: [\"Cham\\u200bpion\"]\n" + TERM,
    })
    assert lines(root) == [
        "glossary/terms/coach.yml:2:9: error: avoid 'Cham\\u200bpion' looks like 'Champion' "
        "(name of term 'champion', glossary/terms/champion.yml:1) but it holds the invisible "
        "character U+200B; retype it [confusable-form]"
    ]


def test_a_mixed_script_word_warns_without_a_collision(tmp_path: Path) -> None:
    root = repo(tmp_path, {"terms/big-deal.yml": "name: Big dеal\n" + TERM})
    assert lines(root) == [
        "glossary/terms/big-deal.yml:1:7: warning: name 'Big dеal' mixes Cyrillic and Latin "
        "letters in one word ('dеal'); its 'е' is Cyrillic; retype it in one script "
        "[mixed-script]"
    ]


def test_plain_latin_lookalikes_and_whole_words_in_other_scripts_are_fine(
    tmp_path: Path,
) -> None:
    root = repo(tmp_path, {
        "terms/modern.yml": "name: Modern\n" + TERM,
        "terms/modem.yml": "name: Modem\naliases: [Модем, 見積もり]\n" + TERM,
    })
    assert lines(root) == []
