"""A word in -s that stands where a verb does is no plural of a term ("the rep leads")."""

from __future__ import annotations

from dataclasses import replace

import pytest

from shoptalk.check import TermIndex, scan_text
from shoptalk.model import Avoid

from .conftest import CONFIG, GLOSSARY, _term

TERMS = [_term("lead", "Lead"), _term("opportunity", "Opportunity", avoid=(Avoid("deal"),)),
         _term("qualified-lead", "Marketing Qualified Lead", abbreviation="MQL")]
INDEX = TermIndex.from_glossary(
    replace(GLOSSARY, terms={**GLOSSARY.terms, **{t.id: t for t in TERMS}}), CONFIG)


def seen(markdown: str) -> list[tuple[str, int, int, int]]:
    """Mentions of the test terms and avoided wordings, as (what, line, col, end_col)."""
    scan = scan_text(markdown, "page.md", INDEX, CONFIG)
    found = [(m.term_id, m.line, m.col, m.end_col) for m in scan.mentions
             if m.term_id in {"lead", "opportunity", "qualified-lead"}]
    found += [(p.rule, p.line, p.col, p.end_col or 0) for p in scan.problems
              if p.rule == "avoided-wording"]
    return found


@pytest.mark.parametrize(("markdown", "expected"), [
    # Verbs: after a subject pronoun, or before an article or possessive.
    ("The rep leads the call.", []),
    ("She leads. It owns nothing.", []),
    ("Who leads their renewal?", []),
    ("She deals with it.", []),
    ("Our partner deals a hand.", []),
    # Plural nouns: anywhere else, and wherever punctuation or markup stands between.
    ("Our leads grew.", [("lead", 1, 5, 10)]),
    ("Score the leads this week.", [("lead", 1, 11, 16)]),
    ("Send leads, the deck.", [("lead", 1, 6, 11)]),
    ("She\n\nleads grew.", [("lead", 3, 1, 6)]),
    ("Our deals slipped.", [("avoided-wording", 1, 5, 10)]),
    # Possessives and the singular are never verbs in -s; abbreviations keep their plurals.
    ("She lead's the call.", [("lead", 1, 5, 11)]),
    ("The lead owns the call.", [("lead", 1, 5, 9)]),
    ("She MQLs the list.", [("qualified-lead", 1, 5, 9)]),
])
def test_plural_credit_stops_where_the_word_reads_as_a_verb(
        markdown: str, expected: list[tuple[str, int, int, int]]) -> None:
    assert seen(markdown) == expected
