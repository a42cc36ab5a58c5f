"""One definition per concept: a role and a term for the same thing share the term's."""

from __future__ import annotations

import textwrap
from pathlib import Path

from shoptalk.config import Config
from shoptalk.language import Language
from shoptalk.load import load_glossary
from shoptalk.model import Glossary
from shoptalk.render.context import SiteData
from shoptalk.render.process import role_page
from shoptalk.scaffold import new_role
from shoptalk.validate import run_rules

ROOT = Path("/nonexistent/project")
CONFIG = Config(root=ROOT, glossary=ROOT / "glossary", docs=ROOT / "docs")

TERM = textwrap.dedent("""
    name: Sales engineer
    abbreviation: SE
    definition: The technical seller.
    category: roles
    owner: se
    """).lstrip()
ROLE = textwrap.dedent("""
    name: Sales engineer
    abbreviation: SE
    team: primary
    """).lstrip()


def _load(files: dict[str, str]) -> tuple[Glossary, list[str]]:
    data = {path: text.encode() for path, text in files.items()}
    data["categories.yml"] = b"- id: roles\n  name: Roles\n"
    glossary, problems = load_glossary(ROOT / "glossary", ROOT, data)
    found = problems + run_rules(glossary, CONFIG)
    return glossary, [p.format() for p in sorted(found) if p.severity == "error"]


def test_a_role_and_a_term_with_one_name_that_do_not_point_to_each_other_is_an_error() -> None:
    _, problems = _load({"terms/sales-engineer.yml": TERM,
                         "roles/se.yml": ROLE + "description: Builds demos.\n"})
    assert problems == [
        "glossary/roles/se.yml:1:7: error: role 'se' and term 'sales-engineer' are both "
        "'Sales engineer' but define it twice; add 'term: sales-engineer' to this role and "
        "remove its description (the role page then shows the term's definition) [role-term]"]


def test_an_abbreviation_alone_is_the_same_concept() -> None:
    _, problems = _load({"terms/product-marketing-manager.yml": TERM.replace(
        "Sales engineer", "Product marketing manager").replace("SE", "PMM"),
        "roles/se.yml": ROLE + "description: Builds demos.\n",
        "roles/pmm.yml": "name: Product marketing\nabbreviation: PMM\nteam: support\n"
                         "description: Positioning.\n"})
    assert problems == [
        "glossary/roles/pmm.yml:2:15: error: role 'pmm' and term 'product-marketing-manager' "
        "are both 'PMM' but define it twice; add 'term: product-marketing-manager' to this role "
        "and remove its description (the role page then shows the term's definition) "
        "[role-term]"]


def test_a_role_that_names_its_term_is_defined_by_it() -> None:
    glossary, problems = _load({"terms/sales-engineer.yml": TERM,
                                "roles/se.yml": ROLE + "term: sales-engineer\n"})
    assert problems == []
    role = glossary.roles["se"]
    assert glossary.role_description(role) == "The technical seller."
    assert glossary.role_of_term("sales-engineer") is role
    page = role_page(SiteData(glossary, CONFIG), "se").markdown
    assert "The technical seller." in page
    assert ("Defined once, as the term [Sales engineer](../glossary/sales-engineer.md "
            '"The technical seller.")') in page


def test_a_role_that_names_its_term_keeps_no_description_of_its_own() -> None:
    _, problems = _load({"terms/sales-engineer.yml": TERM,
                         "roles/se.yml": ROLE + "term: sales-engineer\ndescription: Demos.\n"})
    assert problems == [
        "glossary/roles/se.yml:5:14: error: role 'se' is defined by term 'sales-engineer', so "
        "this description is never shown; remove it and edit the definition in "
        "terms/sales-engineer.yml [role-term]"]


def test_a_role_needs_a_description_or_a_term_and_the_term_must_exist() -> None:
    _, problems = _load({"terms/sales-engineer.yml": TERM, "roles/se.yml": ROLE,
                         "roles/ae.yml": "name: Account executive\nteam: primary\n"
                                         "term: sales-engineerr\n"})
    assert problems == [
        "glossary/roles/ae.yml:3:7: error: term 'sales-engineerr' is not a term; did you mean "
        "'sales-engineer'? [dangling-ref]",
        "glossary/roles/se.yml:1:1: error: missing required field 'description' "
        "[missing-field]",
        "glossary/roles/se.yml:1:7: error: role 'se' and term 'sales-engineer' are both "
        "'Sales engineer' but define it twice; add 'term: sales-engineer' to this role and "
        "remove its description (the role page then shows the term's definition) [role-term]"]


def test_one_term_defines_one_role() -> None:
    _, problems = _load({"terms/sales-engineer.yml": TERM,
                         "roles/se.yml": ROLE + "term: sales-engineer\n",
                         "roles/se2.yml": "name: Solutions engineer\nteam: primary\n"
                                          "term: sales-engineer\n"})
    assert problems == [
        "glossary/roles/se2.yml:3:7: error: term 'sales-engineer' is already the term of role "
        "'se'; one term defines one role [role-term]"]


def test_a_role_is_named_by_its_term_s_wordings_too() -> None:
    glossary, _ = _load({"terms/sales-engineer.yml": TERM + "aliases: [solutions engineer]\n",
                         "roles/se.yml": ROLE + "term: sales-engineer\n"})
    language = Language(glossary)
    assert language.resolve("role", "Solutions Engineer").record is glossary.roles["se"]
    assert language.resolve("term", "SE").record is glossary.terms["sales-engineer"]
    assert language.resolve("role", "SE").record is glossary.roles["se"]


def test_a_new_role_for_a_term_names_the_term_instead_of_a_second_description() -> None:
    glossary, _ = _load({"terms/sales-engineer.yml": TERM})
    draft = new_role(glossary, "Solutions engineer", abbreviation="SE", team="primary")
    assert "term: sales-engineer\n" in draft.text
    assert "description:" not in draft.text
    assert "description:" in new_role(glossary, "Site lead").text
