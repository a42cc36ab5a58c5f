"""Fixtures for the checker: the small valid glossary plus a few inline terms."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from shoptalk.check import FileScan, TermIndex, scan_text
from shoptalk.config import Config
from shoptalk.load import load_glossary
from shoptalk.model import Avoid, Glossary, Source, Term

FIXTURES = Path(__file__).parents[1] / "fixtures"
VALID = FIXTURES / "valid"


def _term(term_id: str, name: str, **fields: object) -> Term:
    source = Source(VALID / "terms" / f"{term_id}.yml")
    return Term(id=term_id, name=name, definition="A test term.", category="buyers",
                owner="ae", source=source, **fields)  # type: ignore[arg-type]


def build_glossary() -> Glossary:
    """tests/fixtures/valid plus terms that exercise nesting, casing and homonyms."""
    glossary, problems = load_glossary(VALID, FIXTURES)
    assert not [p for p in problems if p.severity == "error"], problems
    extra = [
        _term("customer", "Customer"),
        _term("rest-api", "REST API", abbreviation="REST"),
        _term("world-health-org", "World Health Organization", abbreviation="WHO"),
        _term("mutual-action-plan", "mutual action plan", avoid=(Avoid("close plan"),)),
        _term("sales-qualified-lead", "Sales-Qualified Lead", abbreviation="SQL"),
        _term("sales-development-rep", "Sales Development Rep", abbreviation="SDR"),
    ]
    return replace(glossary, terms={**glossary.terms, **{t.id: t for t in extra}})


GLOSSARY = build_glossary()
CONFIG = Config(root=FIXTURES, glossary=VALID, docs=FIXTURES / "docs")
INDEX = TermIndex.from_glossary(GLOSSARY, CONFIG)

Scan = Callable[..., FileScan]


@pytest.fixture
def scan() -> Scan:
    """Scan dedented Markdown as 'page.md' with the test glossary."""

    def _scan(markdown: str, *, strict: bool = False, config: Config = CONFIG,
              all_occurrences: bool = False) -> FileScan:
        text = textwrap.dedent(markdown).lstrip("\n")
        index = INDEX if config is CONFIG else TermIndex.from_glossary(GLOSSARY, config)
        return scan_text(text, "page.md", index, config, strict=strict,
                         all_occurrences=all_occurrences)

    return _scan
