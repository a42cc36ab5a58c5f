"""A term page's search tags: its own wordings, and a wording that lists other terms less
their words, so that searching a term's name finds that term's page first."""

from __future__ import annotations

from pathlib import Path

from shoptalk.render.search_tags import search_tags

from .test_quiz import site_of

CATEGORIES = "- id: qualification\n  name: Qualification\n"
ROLE = "name: Account executive\nabbreviation: AE\nteam: primary\ndescription: Sells.\n"


def term(name: str, extra: str = "") -> str:
    return (f"name: {name}\ndefinition: {name} defined.\ncategory: qualification\n"
            f"owner: ae\n{extra}")


def tags(tmp_path: Path, terms: dict[str, str]) -> dict[str, list[str]]:
    site = site_of(tmp_path, {"categories.yml": CATEGORIES, "roles/ae.yml": ROLE,
                              **{f"terms/{i}.yml": text for i, text in terms.items()}})
    return {t.id: search_tags(t, site.wordings) for t in site.glossary.terms.values()}


def test_a_name_that_lists_other_terms_keeps_only_its_own_words(tmp_path: Path) -> None:
    found = tags(tmp_path, {
        "meddpicc": term("Metrics, economic buyer, identify pain, champion, competition",
                         "abbreviation: MEDDPICC\n"),
        "champion": term("Champion", "avoid: [our fan]\n"),
        "economic-buyer": term("Economic buyer", "abbreviation: EB\n"),
        "identified-pain": term("Identified pain", "aliases: [pain]\n"),
    })
    assert found == {
        "meddpicc": ["Metrics identify competition", "MEDDPICC"],
        "champion": ["Champion", "our fan"],
        "economic-buyer": ["Economic buyer", "EB"],
        "identified-pain": ["Identified pain", "pain"],
    }


def test_a_wording_that_names_one_other_term_keeps_every_word(tmp_path: Path) -> None:
    """"Product-qualified lead" holds "Lead" but names a thing of its own; homonyms share
    an abbreviation, and a wording to avoid may be another term's name: all stay whole."""
    found = tags(tmp_path, {
        "product-qualified-lead": term("Product-qualified lead",
                                       "abbreviation: PQL\ncontext: product-led sign-ups\n"),
        "partner-qualified-lead": term("Partner-qualified lead",
                                       "abbreviation: PQL\ncontext: partner referrals\n"),
        "lead": term("Lead", "avoid: [Prospect]\n"),
        "prospect": term("Prospect"),
    })
    assert found["product-qualified-lead"] == ["Product-qualified lead", "PQL"]
    assert found["partner-qualified-lead"] == ["Partner-qualified lead", "PQL"]
    assert found["lead"] == ["Lead", "Prospect"]
    assert found["prospect"] == ["Prospect"]


def test_a_wording_that_is_only_other_terms_is_no_tag(tmp_path: Path) -> None:
    found = tags(tmp_path, {
        "economic-buyer": term("Economic buyer", "aliases: ['buyer, champion']\n"),
        "buyer": term("Buyer"),
        "champion": term("Champion"),
    })
    assert found["economic-buyer"] == ["Economic buyer"]
