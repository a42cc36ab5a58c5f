"""The compiled schema check answers exactly as jsonschema does, so that skipping
jsonschema for a file it calls valid can never hide a problem."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from shoptalk.schema import KINDS, Kind, load_schema
from shoptalk.schema_compiled import compile_schema
from shoptalk.yaml_reader import read_yaml

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent


def same_answer(kind: Kind, data: Any) -> None:
    schema = load_schema(kind)
    assert compile_schema(schema)(data) is Draft202012Validator(schema).is_valid(data), data


def _property_names(schema: Any) -> set[str]:
    names: set[str] = set()
    if isinstance(schema, dict):
        names |= set(schema.get("properties", {}))
        for value in schema.values():
            names |= _property_names(value)
    elif isinstance(schema, list):
        for value in schema:
            names |= _property_names(value)
    return names


NAMES = sorted(set().union(*(_property_names(load_schema(k)) for k in KINDS)))
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 10**16), st.floats(allow_nan=False),
    st.sampled_from(["", " ", "ae", "@org/team", "Deal Desk", "a<b", "{{ x }}", "{% x %}",
                     "ICP", "two words", "https://example.com", "pipeline", "won", "draft",
                     "2026-01-31", "meddpicc.economic-buyer", "x\n", "approved", "Bad Id"]),
    st.text(max_size=6),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.sampled_from(NAMES), inner, max_size=4)),
    max_leaves=12,
)
records = st.dictionaries(st.one_of(st.sampled_from(NAMES), st.text(max_size=4)), values,
                          max_size=8)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(KINDS), st.one_of(records, st.lists(records, max_size=3), values))
def test_compiled_and_jsonschema_agree_on_anything(kind: Kind, data: Any) -> None:
    same_answer(kind, data)


def test_compiled_and_jsonschema_agree_on_every_shipped_and_fixture_file() -> None:
    paths = [*(ROOT / "glossary").rglob("*.yml"), *(TESTS / "fixtures").rglob("*.yml")]
    assert len(paths) > 100
    for path in sorted(paths):
        data = read_yaml(path, path.name).data
        for kind in KINDS:
            same_answer(kind, data)


def test_a_keyword_it_does_not_know_leaves_every_document_to_jsonschema() -> None:
    check = compile_schema({"type": "string", "maxLength": 3})
    assert check("ab") is False  # "not known to be valid": jsonschema then decides


@pytest.mark.parametrize(("schema", "value", "valid"), [
    ({"type": "integer"}, True, False),  # a boolean is not a number to jsonschema
    ({"type": "integer"}, 3.0, True),
    ({"enum": ["a"]}, "a", True),
    ({"pattern": "b"}, "abc", True),  # searched, not matched
    ({"minLength": 2}, 5, True),  # a keyword ignores values of another kind
    ({"maximum": 1}, True, True),
    ({"required": ["a"], "additionalProperties": False, "properties": {"a": {}}},
     {"a": 1, "b": 2}, False),
])
def test_edge_cases_answer_as_jsonschema(schema: dict[str, Any], value: Any, valid: bool) -> None:
    assert compile_schema(schema)(value) is valid
    assert Draft202012Validator(schema).is_valid(value) is valid
