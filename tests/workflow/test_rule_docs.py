"""Every rule is registered once, explained on the rules page and listed in CONTRIBUTING.md."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from shoptalk.rule_registry import RULES, TOPICS, rules

ROOT = Path(__file__).parent.parent.parent
RULES_PAGE = ROOT / "docs/reference/rules.md"
# Hyphenated strings in the code that are not rule ids: encodings, page comments and the
# class of the problem panel serve shows in a page.
NOT_RULES = {"utf-8", "utf-8-sig", "shoptalk-context", "shoptalk-ignore", "shoptalk-error",
             "what-i-need", "what-i-owe"}  # the last two: anchors of a role page's lists
_KEBAB = re.compile(r"[a-z]+(?:-[a-z0-9]+)+")


def _sections() -> list[str]:
    return re.findall(r"^#{2,3} ([a-z0-9-]+)$", RULES_PAGE.read_text(encoding="utf-8"), re.M)


def _under_headings(text: str, heading: str) -> dict[str, str]:
    """Which heading (``## X`` or ``**X**``) each rule id's line sits under."""
    found: dict[str, str] = {}
    current = ""
    for line in text.splitlines():
        if match := re.fullmatch(heading, line):
            current = match[1]
        elif match := re.match(r"^### ([a-z0-9-]+)$|^\| \[`([a-z0-9-]+)`\]", line):
            found[match[1] or match[2]] = current
    return found


def test_the_rules_page_has_a_section_for_exactly_the_registered_rules() -> None:
    sections = _sections()
    assert len(sections) == len(set(sections))
    assert sorted(set(RULES) ^ set(sections)) == []


def test_each_section_sits_under_its_topic_in_registry_order() -> None:
    text = RULES_PAGE.read_text(encoding="utf-8")
    topics = _under_headings(text, r"## (.+)")
    assert {r.id: TOPICS[r.topic] for r in rules()} == {i: topics[i] for i in RULES}
    assert _sections() == [r.id for t in TOPICS for r in rules(topic=t)]


def test_sections_show_wrong_and_right() -> None:
    text = RULES_PAGE.read_text(encoding="utf-8")
    for rule_id, body in zip(_sections(), re.split(r"^### [a-z0-9-]+$", text, flags=re.M)[1:],
                             strict=True):
        assert "Wrong" in body and "Right" in body, rule_id


def test_contributing_has_one_row_per_rule_with_its_summary() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    row = r"^\| \[`([a-z0-9-]+)`\]\(docs/reference/rules\.md#([a-z0-9-]+)\) \| (.+) \|$"
    rows = re.findall(row, text, re.M)
    assert [(i, a) for i, a, _ in rows if i != a] == []
    assert {i: s for i, _, s in rows} == {r.id: r.summary for r in rules()}
    tables = _under_headings(text, r"\*\*(.+)\*\*")
    assert {i: tables[i] for i in RULES} == {r.id: TOPICS[r.topic] for r in rules()}


def test_every_rule_id_in_the_code_is_registered() -> None:
    emitted: set[str] = set()
    for path in (ROOT / "src/shoptalk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            values: list[ast.expr] = []
            if isinstance(node, ast.Call):  # reported as the last of 3+ arguments, or rule=
                values = [*node.args[-1:] * (len(node.args) >= 3),
                          *(k.value for k in node.keywords if k.arg == "rule")]
            elif isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id.isupper() for t in node.targets):
                values = [node.value]  # RULE = "fix-skipped"
            emitted |= {v.value for v in values if isinstance(v, ast.Constant)
                        and isinstance(v.value, str) and _KEBAB.fullmatch(v.value)}
    assert "dangling-ref" in emitted and "fix-skipped" in emitted  # the scan sees rule ids
    assert sorted(emitted - NOT_RULES - set(RULES)) == []


def test_every_rule_id_in_the_golden_outputs_is_registered() -> None:
    outputs = [*ROOT.glob("tests/fixtures/broken/*/expected.txt"),
               *ROOT.glob("tests/check/fixtures/*.expected")]
    seen = {m for p in outputs for m in re.findall(r" \[([a-z0-9-]+)\]$",
                                                     p.read_text(encoding="utf-8"), re.M)}
    assert len(seen) > 40
    assert sorted(seen - set(RULES)) == []


def test_import_ids_are_registered_for_the_importer() -> None:
    source = "\n".join(p.read_text(encoding="utf-8")
                       for p in (ROOT / "src/shoptalk/exchange").glob("*.py"))
    emitted = set(re.findall(r'"(import-[a-z-]+)"', source))
    assert sorted(emitted - {r.id for r in rules("importer")}) == []


def test_crm_ids_are_registered_for_the_crm_tool() -> None:
    source = "\n".join(p.read_text(encoding="utf-8")
                       for p in [*(ROOT / "src/shoptalk/crm").glob("*.py"),
                                 ROOT / "src/shoptalk/rules/crm.py"])
    emitted = set(re.findall(r'"(crm-[a-z-]+)"', source))
    assert emitted == {r.id for r in rules("crm")}
