"""The strict YAML reader: values and positions, and every refusal with its place."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from shoptalk.model import Pos
from shoptalk.yaml_reader import read_yaml


def read(raw: bytes | str) -> tuple[object, list[tuple[int, int, str]]]:
    data = raw.encode() if isinstance(raw, str) else raw
    doc = read_yaml(Path("t.yml"), "t.yml", data)
    return doc.data, [(p.line, p.col, p.rule) for p in doc.problems]


def test_plain_scalars_follow_yaml_1_2_not_1_1() -> None:
    data, problems = read(
        "name: No\nalias: yes\nflag: Off\nup: ON\nversion: 1.10\n"
        "on: true\nn: 12\nnone: null\nday: 2026-01-31\n"
    )
    assert problems == []
    assert data == {
        "name": "No",
        "alias": "yes",
        "flag": "Off",
        "up": "ON",
        "version": "1.10",
        "on": True,
        "n": 12,
        "none": None,
        "day": "2026-01-31",
    }


def test_quoted_numbers_and_booleans_stay_text() -> None:
    data, _ = read("a: '12'\nb: \"true\"\nc: |\n  7\n")
    assert data == {"a": "12", "b": "true", "c": "7\n"}


def test_positions_of_values_and_keys() -> None:
    doc = read_yaml(
        Path("t.yml"), "t.yml", b"name: ICP\nrelated:\n  - a\n  - b\navoid:\n  - text: x\n"
    )
    assert doc.values["name"] == Pos(1, 7)
    assert doc.values["related[1]"] == Pos(4, 5)
    assert doc.values["avoid[0].text"] == Pos(6, 11)
    assert doc.keys["related"] == Pos(2, 1)


def test_duplicate_key_is_an_error_and_keeps_the_first() -> None:
    data, problems = read("name: First\ndefinition: d\nname: Second\n")
    assert data == {"name": "First", "definition": "d"}
    assert problems == [(3, 1, "duplicate-key")]


def test_duplicate_key_in_nested_mapping() -> None:
    _, problems = read("avoid:\n  - text: a\n    text: b\n")
    assert problems == [(3, 5, "duplicate-key")]


def test_alias_is_refused_at_its_place() -> None:
    _, problems = read("a: &x hello\nb: *x\n")
    assert problems == [(2, 4, "yaml-alias")]


def test_merge_key_is_refused() -> None:
    _, problems = read("<<: {a: 1}\nb: 2\n")
    assert problems == [(1, 1, "yaml-syntax")]


def billion_laughs(levels: int = 9, width: int = 10) -> bytes:
    lines = ['lol0: &lol0 "lol"']
    for i in range(1, levels + 1):
        refs = ", ".join([f"*lol{i - 1}"] * width)
        lines.append(f"lol{i}: &lol{i} [{refs}]")
    return ("\n".join(lines) + "\n").encode()


def test_billion_laughs_is_rejected_without_expanding() -> None:
    raw = billion_laughs()
    raw += b"# padding\n" * ((100_000 - len(raw)) // 10)
    assert len(raw) >= 90_000
    tracemalloc.start()
    _, problems = read(raw)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert problems == [(2, 14, "yaml-alias")]
    # Expanded, this document would hold 10**9 strings; refused, it costs a few MB.
    # (Time is measured by scripts/bench_loader.py, not here.)
    assert peak < 100 * 1024 * 1024


def test_bom_and_crlf_are_fine() -> None:
    data, problems = read(b"\xef\xbb\xbfname: ICP\r\nrelated:\r\n  - a\r\n")
    assert problems == []
    assert data == {"name": "ICP", "related": ["a"]}


def test_tab_indentation_is_a_clear_error() -> None:
    _, problems = read("related:\n\t- a\n")
    doc = read_yaml(Path("t.yml"), "t.yml", b"related:\n\t- a\n")
    assert problems == [(2, 1, "yaml-syntax")]
    assert "tab" in doc.problems[0].message


def test_tab_inside_a_value_is_kept() -> None:
    data, problems = read("name: 'a\tb'\n")
    assert (data, problems) == ({"name": "a\tb"}, [])


def test_not_utf8_names_the_place_and_the_fix() -> None:
    doc = read_yaml(Path("t.yml"), "terms/x.yml", b"name: caf\xe9\n")
    assert [p.format() for p in doc.problems] == [
        "terms/x.yml:1:10: error: not UTF-8 text (byte 0xe9); save the file as UTF-8 [encoding]"
    ]


@pytest.mark.parametrize(
    ("raw", "rule"),
    [
        ("", "empty-file"),
        ("# only a comment\n", "empty-file"),
        ("a: [1, 2\n", "yaml-syntax"),
        ("a: 1\n---\nb: 2\n", "yaml-syntax"),
        ("a: \x07\n", "yaml-syntax"),
    ],
)
def test_bad_files_are_problems_not_exceptions(raw: str, rule: str) -> None:
    data, problems = read(raw)
    assert data is None
    assert [r for _, _, r in problems] == [rule]


def test_runaway_nesting_is_refused() -> None:
    _, problems = read("[" * 500)
    assert [r for _, _, r in problems] == ["yaml-syntax"]


def test_unreadable_path_is_a_problem(tmp_path: Path) -> None:
    doc = read_yaml(tmp_path / "missing.yml", "missing.yml")
    assert [p.rule for p in doc.problems] == ["unreadable"]


@pytest.mark.parametrize(("raw", "hint"), [
    ("definition: Note: read this\n", "must be in quotes"),
    ("name: '@me\n", "never closed"),
    ("name: @me\n", "cannot start with @"),
])
def test_syntax_errors_say_what_an_editor_should_do(raw: str, hint: str) -> None:
    doc = read_yaml(Path("t.yml"), "t.yml", raw.encode())
    assert [p.rule for p in doc.problems] == ["yaml-syntax"]
    assert hint in doc.problems[0].message
