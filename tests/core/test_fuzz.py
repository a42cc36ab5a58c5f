"""Arbitrary bytes and arbitrary YAML documents never make the loader or the
validator raise: every outcome is the project's own reported problems."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shoptalk import load_config, validate
from shoptalk.yaml_reader import read_yaml

VALID = Path(__file__).resolve().parents[1] / "fixtures" / "valid"

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
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
