"""``--fix`` writes grammatical prose: case, articles, plurals and possessives."""

from __future__ import annotations

from dataclasses import replace

import pytest

from shoptalk.check import TermIndex
from shoptalk.check.fix import apply_edits
from shoptalk.check.grammar import article_for, cased, keeps_case, starts_sentence
from shoptalk.check.scan import scan_page, scan_text
from shoptalk.model import Avoid, Term

from .conftest import CONFIG, GLOSSARY, VALID, Source


def _term(term_id: str, name: str, *avoid: str, **fields: object) -> Term:
    return Term(id=term_id, name=name, definition="A test term.", category="buyers", owner="ae",
                source=Source(VALID / "terms" / f"{term_id}.yml"),
                avoid=tuple(Avoid(a) for a in avoid), **fields)  # type: ignore[arg-type]


# Names as a real handbook writes them: sentence case for common nouns.
TERMS = [
    _term("economic-buyer", "Economic buyer", "decision maker", "the budget signer"),
    _term("proof-of-concept", "Proof of concept", "pilot", "trial run"),
    _term("account-executive", "Account executive", "sales rep"),
    _term("ideal-customer-profile", "Ideal Customer Profile", "target profile"),
    _term("salesforce", "Salesforce", "crm tool", proper_name=True),
    _term("meddpicc", "MEDDPICC", "qualification checklist"),
    _term("sdr", "SDR", "cold caller"),
    _term("upsell", "upsell", "add-on deal"),
    _term("champion", "Champion", "inside coach", proper_name=False),
    _term("old-plan", "close plan", status="deprecated", replaced_by="mutual-action-plan"),
    _term("mutual-action-plan", "Mutual action plan"),
]
INDEX = TermIndex.from_glossary(replace(GLOSSARY, terms={t.id: t for t in TERMS}), CONFIG)


def fix(text: str) -> str:
    _, edits = scan_page(text, "page.md", INDEX, CONFIG)
    return apply_edits(text, edits)


@pytest.mark.parametrize(("before", "after"), [
    # A common noun follows the sentence: lower case inside it, a capital at its start.
    ("We met the decision maker.", "We met the economic buyer."),
    ("Decision makers sign. Then decision makers sign.",
     "Economic buyers sign. Then economic buyers sign."),
    ("Is it the Decision Maker? Decision maker: yes.",
     "Is it the economic buyer? Economic buyer: yes."),
    ("“Ask.” Sales reps ask.", "“Ask.” Account executives ask."),
    # The replaced wording's own article is kept ("met Economic buyer" dropped it).
    ("We met the budget signer.", "We met the economic buyer."),
    ("The budget signer's call.", "The economic buyer's call."),
    # "a"/"an" follows the new wording's first sound, in the case it was written.
    ("Run a pilot first.", "Run a proof of concept first."),
    ("Run a trial run first.", "Run a proof of concept first."),
    ("It was a sales rep.", "It was an account executive."),
    ("A sales rep calls.", "An account executive calls."),
    ("An add-on deal.", "An upsell."),
    ("Hire a cold caller.", "Hire an SDR."),
    ("an inside coach", "a champion"),
    # Deep into a long paragraph too.
    ("Call. " * 30 + "It was a sales rep.", "Call. " * 30 + "It was an account executive."),
    # An article the writer chose against the old wording is theirs: left alone.
    ("It was an sales rep.", "It was an account executive."),
    # Proper names, Title Case, acronyms and inner capitals keep their case everywhere.
    ("Log it in the crm tool.", "Log it in the Salesforce."),
    ("Use the target profile.", "Use the Ideal Customer Profile."),
    ("Fill in the qualification checklist.", "Fill in the MEDDPICC."),
    ("Close plans first. The close plan's owner.",
     "Mutual action plans first. The mutual action plan's owner."),
])
def test_fix_writes_grammatical_prose(before: str, after: str) -> None:
    assert fix(before) == after


def test_the_message_says_the_same_words_the_fix_writes() -> None:
    scan = scan_text("It was a sales rep.\n", "page.md", INDEX, CONFIG)
    assert [(p.line, p.col, p.message, p.replacement) for p in scan.problems] == [
        (1, 8, "say 'an account executive', not 'a sales rep' "
         "(see valid/terms/account-executive.yml)", "an account executive")]


@pytest.mark.parametrize(("name", "proper_name", "keeps"), [
    ("Economic buyer", None, False),
    ("economic buyer", None, False),
    ("Economic Buyer", None, True),
    ("Sales-Qualified Lead", None, True),
    ("Salesforce", None, False),
    ("Salesforce", True, True),
    ("Economic Buyer", False, False),
])
def test_case_policy(name: str, proper_name: bool | None, keeps: bool) -> None:
    assert keeps_case(name, proper_name) is keeps


def test_cased_lowers_only_plain_capitals() -> None:
    assert cased("Economic Buyer", proper=False, sentence_start=False) == "economic buyer"
    assert cased("HubSpot CRM owner", proper=False, sentence_start=False) == "HubSpot CRM owner"
    assert cased("win plan", proper=False, sentence_start=True) == "Win plan"
    assert cased("iPhone", proper=True, sentence_start=True) == "iPhone"


@pytest.mark.parametrize(("wording", "article"), [
    ("account executive", "an"), ("proof of concept", "a"), ("SDR", "an"), ("QBR", "a"),
    ("MQL", "an"), ("hour", "an"), ("user", "a"), ("unique buyer", "a"), ("upsell", "an"),
    ("one-pager", "a"), ("European deal", "a"),
])
def test_article_for(wording: str, article: str) -> None:
    assert article_for(wording) == article


@pytest.mark.parametrize(("before", "start"), [
    ("", True), ("Done. ", True), ("Done!\n", True), ('He said "no." ', True),
    ("We met the ", False), ("Note: ", False), ("(see ", False),
])
def test_starts_sentence(before: str, start: bool) -> None:
    assert starts_sentence(before) is start
