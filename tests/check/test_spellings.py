"""Hyphen, space and closed spellings of a compound are one wording to the checker:
the spelling written exactly as in the glossary wins, so an avoided spelling is found."""

from __future__ import annotations

from dataclasses import replace

import pytest

from shoptalk.check import TermIndex, scan_text
from shoptalk.model import Avoid

from .conftest import CONFIG, GLOSSARY, _term

TERMS = [
    _term("enterprise-notice", "Enterprise Notice", avoid=(Avoid("enterprise-notice"),)),
    _term("deal-desk", "Deal Desk", avoid=(Avoid("dealdesk"),)),
    _term("go-to-market-plan", "Go-to-Market Plan"),
    _term("platform-champion", "Platform Champion"),
    # Refused by the validator (duplicate-form); the checker must still never tie.
    _term("old-champion", "platform-champion", status="deprecated",
          replaced_by="platform-champion"),
]
INDEX = TermIndex.from_glossary(
    replace(GLOSSARY, terms={**GLOSSARY.terms, **{t.id: t for t in TERMS}}), CONFIG)


def check(markdown: str) -> list[tuple[str, int, int, int | None, str | None]]:
    scan = scan_text(markdown, "page.md", INDEX, CONFIG)
    return [(p.rule, p.line, p.col, p.end_col, p.replacement) for p in scan.problems]


def mentioned(markdown: str) -> list[tuple[str, int, int, str]]:
    scan = scan_text(markdown, "page.md", INDEX, CONFIG)
    return [(m.term_id, m.line, m.col, m.text) for m in scan.mentions]


AVOIDED = "avoided-wording"


@pytest.mark.parametrize(("markdown", "expected"), [
    # The name as written, and its spellings nobody avoided: a mention, no finding.
    ("Send the enterprise notice.", []),
    ("Send the Enterprise\nNotice.", []),
    ("Send the enterprisenotice.", []),
    # The avoided spelling: hyphen (ASCII, U+2010, U+2011, spaced), plural, possessive.
    ("Send the enterprise-notice.", [(AVOIDED, 1, 10, 27, "Enterprise Notice")]),
    ("Send the Enterprise‐Notices.", [(AVOIDED, 1, 10, 28, "Enterprise Notices")]),
    ("Send the enterprise‑notice's.", [(AVOIDED, 1, 10, 29, "Enterprise Notice's")]),
    ("Send the enterprise - notice.", [(AVOIDED, 1, 10, 29, "Enterprise Notice")]),
    ("Send the enterprise-\nnotice.", [(AVOIDED, 1, 10, None, "Enterprise Notice")]),
    # A closed avoided spelling, and the hyphenated one nobody avoided.
    ("Ask the dealdesk, the Dealdesks.", [(AVOIDED, 1, 9, 17, "Deal Desk"),
                                          (AVOIDED, 1, 23, 32, "Deal Desks")]),
    ("Ask the deal-desk and the deal desk.", []),
    # A hyphenated name written with spaces or closed is still the name.
    ("Write the go to market plan and the go-to-market plans.", []),
    ("Write the gotomarketplan.", []),
    # Deprecated and live spellings of one compound: each wins where it is written exactly.
    ("Ask the platform champion.", []),
    ("Ask the platform-champion.", [("deprecated-term", 1, 9, 26, "Platform Champion")]),
])
def test_spellings(markdown: str,
                   expected: list[tuple[str, int, int, int | None, str | None]]) -> None:
    assert check(markdown) == expected


def test_every_spelling_is_a_mention_of_its_term() -> None:
    assert mentioned("The enterprise notice, the\nEnterprisenotice, the go to market plan "
                     "and the Platform Champions.\n") == [
        ("enterprise-notice", 1, 5, "enterprise notice"),
        ("enterprise-notice", 2, 1, "Enterprisenotice"),
        ("go-to-market-plan", 2, 23, "go to market plan"),
        ("platform-champion", 2, 49, "Platform Champions"),
    ]


def test_the_deprecated_spelling_never_ties_with_its_replacement() -> None:
    scan = scan_text("The platform-champion and the platform champion.\n", "page.md", INDEX,
                     CONFIG)
    assert [p.message for p in scan.problems] == [
        "'platform-champion' is deprecated; say 'Platform Champion' "
        "(see valid/terms/platform-champion.yml)"]
