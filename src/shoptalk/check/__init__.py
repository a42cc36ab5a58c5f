"""The playbook checker: keep every page in the selling language.

Public API (the CLI, the report and the mkdocs adapter use only these)::

    index = TermIndex.from_glossary(glossary, config)     # once per glossary
    scan = scan_text(markdown, "docs/page.md", index, config)
    scans = check_docs(config, glossary)                   # every *.md under config.docs
    used = where_used(scans)                               # term id -> [Mention]
    spans = mentions(markdown, index)                      # the same mentions, as offsets
"""

from __future__ import annotations

from .coverage import Coverage, coverage, where_used
from .docs import check_docs
from .index import TermIndex
from .mentions import PageSenses, TermSpan, mentions, normalise, senses_of
from .scan import FileScan, Mention, scan_text

# Rule ids the checker emits, with what each is about (SARIF rule descriptions, docs).
RULE_IDS: dict[str, str] = {
    "unknown-reference": "a macro's name that matches no record, or more than one",
    "undefined-acronym": "an acronym that is no term's abbreviation and not allowed",
    "inline-defined-acronym": "an acronym defined only on one page (reported with --strict)",
    "avoided-wording": "wording the glossary replaces with a term",
    "deprecated-term": "a deprecated term; use its replacement",
    "ambiguous-abbreviation": "an abbreviation two terms share, used without a context",
    "front-matter": "a page's front matter is not valid YAML",
    "unreadable-file": "a page that cannot be read as UTF-8 text",
    "fix-skipped": "a --fix left undone: unsafe wording, or a file it may not or should not write",
    "template-code": "template code other than Shoptalk's macros with literal arguments",
    "unsafe-html": "raw HTML or a link the site removes: script, frames, forms, on* handlers",
}

__all__ = [
    "RULE_IDS", "Coverage", "FileScan", "Mention", "PageSenses", "TermIndex", "TermSpan",
    "check_docs", "coverage", "mentions", "normalise", "scan_text", "senses_of", "where_used",
]
