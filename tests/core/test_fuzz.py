"""Arbitrary bytes and arbitrary YAML documents never make the loader or the
validator raise: every outcome is the project's own reported problems."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shoptalk import load_config, validate
from shoptalk.output import format_github, format_json, format_text
from shoptalk.problems import visible
from shoptalk.yaml_reader import read_yaml

VALID = Path(__file__).resolve().parents[1] / "fixtures" / "valid"

# What an attacker would type: numbers past int()'s limit, floats that overflow,
# terminal escapes and bidi overrides, and Latin words with look-alike letters.


class Digits(str):
    """A whole number too long for int(): dumped as a plain YAML integer, never converted."""


yaml.SafeDumper.add_representer(
    Digits, lambda dumper, data: dumper.represent_scalar("tag:yaml.org,2002:int", str(data))
)
huge_numbers = st.integers(min_value=16, max_value=6000).map(lambda n: Digits("9" * n))
hostile_text = st.one_of(
    st.sampled_from(["1e999999", ".inf", "-.inf", ".nan", "1" * 5000 + ".5"]),
    st.text(alphabet=st.sampled_from("ab \x1b\x07\x85\x9b\u202a\u202e\u2066\u2069\t\n"),
            max_size=12),
    st.sampled_from(["Champion", "Chаmpion", "Chаmpiоn", "Cham\u200bpion", "РQL", "PQL",
                     "Dеal desk", "Deal desk", "ＰＱＬ"]),
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    huge_numbers,
    hostile_text,
    st.text(max_size=20),
    st.sampled_from(["No", "yes", "1.10", "2026-02-30", "ae", "icp", "qualify"]),
)
keys = st.one_of(
    st.sampled_from(
        [
            "name",
            "definition",
            "category",
            "owner",
            "related",
            "avoid",
            "abbreviation",
            "status",
            "order",
            "exit_criteria",
            "required_information",
            "needed_by",
            "text",
            "reviewed",
            "aliases",
            "probability",
            "review_every",
        ]
    ),
    st.text(min_size=1, max_size=8),
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=6)),
    max_leaves=20,
)


@given(st.binary(max_size=300))
def test_reader_never_raises_on_bytes(raw: bytes) -> None:
    doc = read_yaml(Path("x.yml"), "x.yml", raw)
    for problem in doc.problems:
        assert problem.line >= 1 and problem.col >= 1


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(
        [
            "terms/stakeholder.yml",
            "stages/qualify.yml",
            "roles/ae.yml",
            "frameworks/meddpicc.yml",
            "categories.yml",
        ]
    ),
    documents,
)
def test_validator_reports_anything_as_problems(target: str, data: object) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "glossary"
        shutil.copytree(VALID, root)
        (root / target).write_text(text, encoding="utf-8")
        _, problems = validate(load_config(Path(tmp)))
    assert all(p.line >= 1 and p.col >= 1 for p in problems)
    assert all(p.rule and p.message for p in problems)
    for text in (format_text(problems), format_github(problems)):
        assert visible(text.replace("\n", "")) == text.replace("\n", "")
    assert json.loads(format_json(problems))["summary"]["errors"] >= 0


def _strings(data: object) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, list):
        return [s for item in data for s in _strings(item)]
    if isinstance(data, dict):
        return [s for k, v in data.items() for s in (*_strings(k), *_strings(v))]
    return []


@settings(deadline=None)
@given(documents)
def test_reader_keeps_no_control_character_and_no_overlong_number(data: object) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    doc = read_yaml(Path("x.yml"), "x.yml", text.encode())
    for value in _strings(doc.data):
        assert not any(c in value for c in "\x1b\x07\x85\x9b\u202a\u202e\u2066\u2069")
    flat = json.dumps(doc.data, default=str)
    assert "9" * 16 not in flat
