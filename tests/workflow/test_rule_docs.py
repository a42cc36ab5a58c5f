"""Every rule id the code can emit has a section in docs/reference/rules.md."""

from __future__ import annotations

import re
from pathlib import Path

from shoptalk.crm import CRM_RULE_IDS
from shoptalk.exchange import IMPORT_RULE_IDS
from shoptalk.rules import RULE_IDS
from shoptalk.site_build import SITE_RULE_IDS

ROOT = Path(__file__).parent.parent.parent
RULES_PAGE = ROOT / "docs/reference/rules.md"
LOADER_IDS = ("yaml-syntax", "yaml-alias", "duplicate-key", "encoding", "empty-file",
              "unreadable", "file-shape", "missing-field", "wrong-type", "unknown-key",
              "bad-enum", "bad-id", "bad-date", "bad-value", "empty-value", "stray-file",
              "duplicate-id", "missing-file", "schema", "plain-text", "control-character",
              "outside-link")
CHECKER_IDS = ("unknown-reference", "undefined-acronym", "inline-defined-acronym",
               "avoided-wording", "deprecated-term", "ambiguous-abbreviation")


def _checker_ids() -> set[str]:
    try:
        from shoptalk.check import RULE_IDS as CHECK_IDS
    except ImportError:  # the checker is built in parallel; its listed ids are pinned above
        return set(CHECKER_IDS)
    return set(CHECKER_IDS) | set(CHECK_IDS)


def _sections() -> list[str]:
    return re.findall(r"^#{2,3} ([a-z0-9-]+)$", RULES_PAGE.read_text(encoding="utf-8"), re.M)


def test_every_rule_id_has_a_section() -> None:
    wanted = {*RULE_IDS, *LOADER_IDS, *_checker_ids(), *IMPORT_RULE_IDS, *SITE_RULE_IDS,
              *CRM_RULE_IDS}
    assert sorted(wanted - set(_sections())) == []


def test_sections_are_unique_and_show_wrong_and_right() -> None:
    sections = _sections()
    assert len(sections) == len(set(sections))
    text = RULES_PAGE.read_text(encoding="utf-8")
    for rule_id, body in zip(sections, re.split(r"^### [a-z0-9-]+$", text, flags=re.M)[1:],
                             strict=True):
        assert "Wrong" in body and "Right" in body, rule_id


def test_import_ids_are_listed() -> None:
    source = "\n".join(p.read_text(encoding="utf-8")
                       for p in (ROOT / "src/shoptalk/exchange").glob("*.py"))
    emitted = set(re.findall(r'"(import-[a-z-]+)"', source))
    assert emitted <= set(IMPORT_RULE_IDS)


def test_contributing_links_every_rule() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    linked = set(re.findall(r"docs/reference/rules\.md#([a-z0-9-]+)", text))
    assert sorted(set(_sections()) - linked) == []
    assert sorted(linked - set(_sections())) == []


def test_crm_ids_are_listed() -> None:
    source = "\n".join(p.read_text(encoding="utf-8")
                       for p in (ROOT / "src/shoptalk/crm").glob("*.py"))
    emitted = set(re.findall(r'"(crm-[a-z-]+)"', source))
    assert emitted == set(CRM_RULE_IDS)
