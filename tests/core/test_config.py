"""``shoptalk.yml``: a broken setting stops the run with its place and the way to fix it."""

from __future__ import annotations

from pathlib import Path

import pytest

from shoptalk.config import load_config
from shoptalk.problems import ShoptalkError


def _error(tmp_path: Path, text: str) -> str:
    (tmp_path / "shoptalk.yml").write_text(text, encoding="utf-8")
    with pytest.raises(ShoptalkError) as raised:
        load_config(tmp_path)
    return str(raised.value)


def test_a_misspelt_rule_id_is_named_with_the_nearest_rule(tmp_path: Path) -> None:
    assert _error(tmp_path, "review_every: 90\nrules:\n  missing-examples: off\n") == (
        "shoptalk.yml:3:3: error: rules: unknown rule 'missing-examples'; "
        "did you mean 'missing-example'? [bad-value]"
    )


def test_a_rule_id_like_no_other_points_at_the_rules_page(tmp_path: Path) -> None:
    assert _error(tmp_path, "rules: {spelling: warning}\n") == (
        "shoptalk.yml:1:9: error: rules: unknown rule 'spelling'; "
        "see docs/reference/rules.md [bad-value]"
    )


def test_an_unknown_level_is_shown_at_its_value(tmp_path: Path) -> None:
    assert _error(tmp_path, "rules:\n  missing-example: loud\n  self-ref: off\n") == (
        "shoptalk.yml:2:20: error: rules maps a rule id to one of error, warning, notice, off; "
        "missing-example is 'loud' [bad-value]"
    )


def test_every_problem_in_rules_is_reported_at_once(tmp_path: Path) -> None:
    assert _error(tmp_path, "rules:\n  dangling-refs: off\n  page-macro: quiet\n") == (
        "shoptalk.yml:2:3: error: rules: unknown rule 'dangling-refs'; "
        "did you mean 'dangling-ref'? [bad-value]\n"
        "shoptalk.yml:3:15: error: rules maps a rule id to one of error, warning, notice, off; "
        "page-macro is 'quiet' [bad-value]"
    )


def test_rules_of_every_tool_can_be_tuned(tmp_path: Path) -> None:
    (tmp_path / "shoptalk.yml").write_text(
        "rules: {review-overdue: off, avoided-wording: error, import-formula: error,"
        " generated-path: off, unsafe-entry: warning, unknown-key: error}\n", encoding="utf-8")
    config = load_config(tmp_path)
    assert config.level("review-overdue", "notice") is None
    assert config.level("avoided-wording", "warning") == "error"
    assert config.level("unsafe-entry", "error") == "warning"
