"""One rule registry: every tool's rule table, level and SARIF metadata come from it."""

from __future__ import annotations

import json
import re
from pathlib import Path

from shoptalk.check import RULE_IDS as CHECK_RULE_IDS
from shoptalk.check.scan import DEFAULT_LEVELS
from shoptalk.exchange import IMPORT_RULE_IDS
from shoptalk.output import format_sarif
from shoptalk.problems import Problem
from shoptalk.rule_registry import RULES, TOPICS, closest, default_levels, rules, summaries
from shoptalk.rules import RULE_IDS, content, freshness, lifecycle, references, stages, surface
from shoptalk.site_build import SITE_RULE_IDS

ROOT = Path(__file__).resolve().parents[2]


def test_each_rule_is_declared_once_with_a_level_a_topic_and_a_tool() -> None:
    assert len(RULES) == len(rules())
    for rule in rules():
        assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", rule.id), rule.id
        assert rule.level in ("error", "warning", "notice"), rule.id
        assert rule.topic in TOPICS and rule.tools, rule.id
        assert rule.summary == rule.summary.strip() and "\n" not in rule.summary, rule.id
    assert RULES["dangling-ref"].anchor == "docs/reference/rules.md#dangling-ref"


def test_the_old_tables_are_views_of_the_registry() -> None:
    assert summaries("validator") == RULE_IDS
    assert summaries("checker") == CHECK_RULE_IDS
    assert default_levels("checker") == DEFAULT_LEVELS
    assert summaries("importer") == IMPORT_RULE_IDS
    assert SITE_RULE_IDS == summaries("site") == {
        "generated-path": "a hand-written page at the path of a generated page",
        "page-macro": "a macro call on a page that cannot be rendered",
        "page-order": "a page's order: is not a whole number, or is another page's in the "
                      "same folder",
    }
    assert {m.__name__.rpartition(".")[2]: list(m.IDS) for m in (
        references, surface, lifecycle, stages, content, freshness)} == {
        "references": ["dangling-ref", "self-ref"],
        "surface": ["duplicate-form", "shared-abbreviation", "avoid-conflict",
                    "confusable-form", "mixed-script"],
        "lifecycle": ["missing-replacement", "replacement-not-deprecated",
                      "replacement-cycle", "replacement-deprecated"],
        "stages": ["stage-order", "no-exit-criteria", "nobody-needs", "bad-probability",
                   "outcome-mismatch"],
        "content": ["definition-length", "circular-definition", "definition-starts-with-term",
                    "missing-example", "placeholder-text", "abbreviation-without-expansion",
                    "few-exit-criteria", "miss-without-consequence"],
        "freshness": ["review-overdue"],
    }


def test_a_rule_read_by_two_tools_is_in_both_views() -> None:
    assert RULES["encoding"].tools == ("loader", "importer")
    assert "encoding" in IMPORT_RULE_IDS and "encoding" not in RULE_IDS


def test_golden_outputs_report_each_rule_at_its_registered_level() -> None:
    outputs = [*ROOT.glob("tests/fixtures/broken/*/expected.txt"),
               *ROOT.glob("tests/check/fixtures/*.expected")]
    levels = {(rule, level) for p in outputs for level, rule in re.findall(
        r": (error|warning|notice): .* \[([a-z0-9-]+)\]$", p.read_text(encoding="utf-8"), re.M)}
    assert len(levels) > 40
    assert sorted((r, lv) for r, lv in levels if RULES[r].level != lv) == []


def test_closest_rule_id() -> None:
    assert closest("dangling-refs") == "dangling-ref"
    assert closest("revew-overdue") == "review-overdue"
    assert closest("spelling") is None


def test_sarif_takes_rule_metadata_from_the_registry() -> None:
    problem = Problem("glossary/terms/icp.yml", 7, 3, "notice", "review due", "review-overdue")
    driver = json.loads(format_sarif([problem]))["runs"][0]["tool"]["driver"]
    assert driver["rules"] == [{
        "id": "review-overdue",
        "shortDescription": {"text": "a record whose last review is older than its review "
                                     "interval"},
        "helpUri": "docs/reference/rules.md#review-overdue",
        "defaultConfiguration": {"level": "note"},
    }]
