"""The clash rule reads hyphen, space and closed spellings of a compound as one wording,
as the checker does: two terms whose wordings differ only so would tie, and are refused."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from shoptalk.config import Config
from shoptalk.language import closed, new_forms
from shoptalk.load import load_glossary
from shoptalk.scaffold import term_clash
from shoptalk.validate import run_rules

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CATEGORIES = "- id: buyers\n  name: Buyers\n  description: People.\n"


def clashes(tmp_path: Path, terms: dict[str, str]) -> list[str]:
    """``path:line:col: message [rule]`` of the clash rules for the terms given as YAML."""
    root = tmp_path / "glossary"
    (root / "terms").mkdir(parents=True)
    (root / "categories.yml").write_text(CATEGORIES, encoding="utf-8")
    for term_id, yaml in terms.items():
        body = textwrap.dedent(yaml) + "definition: A word.\ncategory: buyers\nowner: ae\n"
        (root / "terms" / f"{term_id}.yml").write_text(body, encoding="utf-8")
    glossary, _ = load_glossary(root, tmp_path)
    config = Config(root=tmp_path, glossary=root, docs=tmp_path / "docs")
    return [f"{p.path}:{p.line}:{p.col}: {p.message} [{p.rule}]"
            for p in run_rules(glossary, config)
            if p.rule in ("duplicate-form", "avoid-conflict")]


def test_closed_form() -> None:
    assert closed("Enterprise-Notice") == closed("enterprise  notice") == "enterprisenotice"
    assert closed("Enterprise‑Notice") == closed("ENTERPRISENOTICE") == "enterprisenotice"
    assert closed("Sales & Marketing") == "sales&marketing"


def test_a_deprecated_spelling_of_a_live_name_is_refused(tmp_path: Path) -> None:
    assert clashes(tmp_path, {
        "platform-champion": "name: Platform Champion\n",
        "old-champion": """\
            name: platform-champion
            status: deprecated
            replaced_by: platform-champion
            """,
    }) == [
        "glossary/terms/platform-champion.yml:1:7: name 'Platform Champion' is already the "
        "name of term 'old-champion' (glossary/terms/old-champion.yml:1) (they differ only by "
        "hyphens or spaces, which the checker reads as one wording); list 'platform-champion' "
        "under avoid of term 'platform-champion' instead of keeping a deprecated term for it "
        "[duplicate-form]",
        # Reported on both files (no base branch known), each naming the other.
        "glossary/terms/old-champion.yml:1:7: name 'platform-champion' is already the name of "
        "term 'platform-champion' (glossary/terms/platform-champion.yml:1) (they differ only by "
        "hyphens or spaces, which the checker reads as one wording); list 'platform-champion' "
        "under avoid of term 'platform-champion' instead of keeping a deprecated term for it "
        "[duplicate-form]"]


def test_two_live_spellings_are_refused(tmp_path: Path) -> None:
    assert clashes(tmp_path, {
        "deal-desk": "name: Deal Desk\n",
        "dealdesk": "name: DealDesk\n",
    }) == [
        "glossary/terms/dealdesk.yml:1:7: name 'DealDesk' is already the name of term "
        "'deal-desk' (glossary/terms/deal-desk.yml:1) (they differ only by hyphens or spaces, "
        "which the checker reads as one wording); keep one spelling and list the other under "
        "avoid of its term [duplicate-form]",
        "glossary/terms/deal-desk.yml:1:7: name 'Deal Desk' is already the name of term "
        "'dealdesk' (glossary/terms/dealdesk.yml:1) (they differ only by hyphens or spaces, "
        "which the checker reads as one wording); keep one spelling and list the other under "
        "avoid of its term [duplicate-form]"]


def test_an_avoided_spelling_of_another_terms_name_is_refused(tmp_path: Path) -> None:
    assert clashes(tmp_path, {
        "enterprise-notice": "name: Enterprise Notice\n",
        "notice": "name: Notice\navoid: [enterprise-notice]\n",
    }) == [
        "glossary/terms/notice.yml:2:9: avoided wording 'enterprise-notice' is the name of "
        "term 'enterprise-notice' (glossary/terms/enterprise-notice.yml:1) (they differ only "
        "by hyphens or spaces, which the checker reads as one wording) [avoid-conflict]",
        "glossary/terms/enterprise-notice.yml:1:7: name 'Enterprise Notice' is wording that "
        "term 'notice' avoids (glossary/terms/notice.yml:2); choose another wording, or take it "
        "out of that term's avoid list (they differ only by hyphens or spaces, which the "
        "checker reads as one wording) [avoid-conflict]"]


def test_a_term_may_avoid_spellings_of_its_own_name(tmp_path: Path) -> None:
    assert clashes(tmp_path, {
        "enterprise-notice": "name: Enterprise Notice\n"
                             "avoid: [enterprise-notice, enterprisenotice]\n",
    }) == []


@pytest.mark.parametrize("name", ["Ideal-Customer Profile", "idealcustomerprofile"])
def test_new_and_import_refuse_a_spelling_variant(name: str) -> None:
    glossary, _ = load_glossary(FIXTURES / "valid", FIXTURES)
    assert term_clash(glossary, new_forms("icp-2", name)) == (
        f"name '{name}' is already the name of term 'ideal-customer-profile' "
        "(valid/terms/ideal-customer-profile.yml)")
