"""The gap finder: what a handbook uses most that the glossary does not define yet.

Two kinds of gap, ranked by pages × uses so that wording spread across the
handbook comes before wording one page repeats:

- undefined acronyms, exactly those the checker reports (so its built-in
  knowledge and ``allow_acronyms`` apply), counted at every use;
- capitalised phrases no record names ("Deal Desk", "Order Form"), used at
  least twice: the company's own words that a new hire meets undefined.

Each gap keeps an example: the first sentence that uses it, with its path:line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from ..language import Kind, fold
from .acronyms import acronym_base
from .grammar import starts_sentence
from .index import TermIndex
from .matcher import match
from .prose import Page, read_page
from .scan import FileScan
from .stopwords import STOPWORDS

__all__ = ["MIN_PHRASE_USES", "Example", "Gap", "find_gaps", "gaps_json", "gaps_text", "to_json"]

GapKind = Literal["acronym", "phrase"]
MIN_PHRASE_USES = 2
_KINDS: tuple[Kind, ...] = ("term", "stage", "role", "framework")
_CAP = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ]+)*"
# Two or more capitalised words, maybe joined by a small word: "Statement of Work".
_PHRASE = re.compile(rf"(?<![\w'’-]){_CAP}(?: (?:(?:of|and|for|to|the|on|in) )?{_CAP})+"
                     r"(?![\w'’-])")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
_LONGEST_EXAMPLE = 160


@dataclass(frozen=True, slots=True)
class Example:
    """Where a gap is first used, and the sentence that uses it."""

    path: str
    line: int
    col: int
    sentence: str


@dataclass
class Gap:
    """Wording the pages use and the glossary does not define."""

    wording: str
    kind: GapKind
    example: Example
    uses: int = 0
    pages: set[str] = field(default_factory=set)

    @property
    def score(self) -> int:
        """Pages × uses: wording spread over the handbook ranks first."""
        return len(self.pages) * self.uses


def find_gaps(index: TermIndex, pages: Iterable[tuple[str, FileScan]]) -> list[Gap]:
    """The gaps in ``pages`` (text and the checker's scan of each), best first."""
    gaps: dict[tuple[GapKind, str], Gap] = {}
    named: dict[str, bool] = {}
    for text, scan in pages:
        page = read_page(text)
        undefined = _undefined_acronyms(page, scan)
        for kind, wording, offset, sentence in _uses(page, index, undefined, named):
            key = (kind, wording if kind == "acronym" else fold(wording))
            gap = gaps.get(key)
            if gap is None:
                line, col = page.position(offset)
                gap = gaps[key] = Gap(wording, kind, Example(scan.path, line, col, sentence))
            gap.uses += 1
            gap.pages.add(scan.path)
    found = [g for g in gaps.values() if g.kind == "acronym" or g.uses >= MIN_PHRASE_USES]
    return sorted(found, key=lambda g: (-g.score, -len(g.pages), g.wording))


def _undefined_acronyms(page: Page, scan: FileScan) -> set[str]:
    """The acronyms the checker reported undefined on this page."""
    found = set()
    for problem in scan.problems:
        if problem.rule != "undefined-acronym" or problem.end_col is None:
            continue
        start = page.line_starts[problem.line - 1] + problem.col - 1
        base = acronym_base(page.source[start:start + problem.end_col - problem.col])
        if base is not None:
            found.add(base)
    return found


def _uses(page: Page, index: TermIndex, undefined: set[str],
          named: dict[str, bool]) -> Iterable[tuple[GapKind, str, int, str]]:
    """(kind, wording, source offset, sentence) for every use of a gap on the page.

    ``named`` remembers which phrases name a record, across the pages of one run.
    """
    for block in page.blocks:
        hits, caps, words = match(block.text, index)
        if undefined:
            for i in caps:
                start, end, word = words[i]
                base = acronym_base(word)
                if base in undefined:
                    yield ("acronym", base, block.source_offset(start),
                           _sentence(block.text, start, end))
        covered = [(h.start, h.end) for h in hits]
        for m in _PHRASE.finditer(block.text):
            start, phrase = m.start(), m.group()
            first, _, rest = phrase.partition(" ")
            if first.upper() in STOPWORDS and starts_sentence(block.text[:start]):
                start, phrase = start + len(first) + 1, rest  # "Then Deal Desk…": not a name
            if " " not in phrase or any(s < m.end() and start < e for s, e in covered):
                continue
            if phrase not in named:
                named[phrase] = _names_a_record(index, phrase)
            if named[phrase]:
                continue
            yield "phrase", phrase, block.source_offset(start), _sentence(
                block.text, start, m.end())


def _names_a_record(index: TermIndex, phrase: str) -> bool:
    """True when ``phrase`` is the name of a term, stage, role or framework ("Deal Desk")."""
    return any(index.language.resolve(kind, phrase).record for kind in _KINDS)


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` around ``[start, end)``, on one line, trimmed if long."""
    begin = 0
    for m in _SENTENCE_BREAK.finditer(text, 0, start):
        begin = m.end()
    after = _SENTENCE_BREAK.search(text, end)
    sentence = " ".join(text[begin:after.start() if after else len(text)].split())
    if len(sentence) > _LONGEST_EXAMPLE:
        sentence = sentence[:_LONGEST_EXAMPLE - 1].rstrip() + "…"
    return sentence


def gaps_text(gaps: list[Gap]) -> str:
    """The ranking for people: score, wording, counts and an example."""
    acronyms = sum(g.kind == "acronym" for g in gaps)
    lines = [f"Gaps ({acronyms} undefined acronym{'s' * (acronyms != 1)}, "
             f"{len(gaps) - acronyms} capitalised phrase{'s' * (len(gaps) - acronyms != 1)}; "
             "score = pages × uses)"]
    for gap in gaps:
        pages, uses = len(gap.pages), gap.uses
        lines.append(f"  {gap.score:>4}  {gap.wording} ({gap.kind}): {uses} use"
                     f"{'s' * (uses != 1)} on {pages} page{'s' * (pages != 1)}; e.g. "
                     f"{gap.example.path}:{gap.example.line}: {gap.example.sentence}")
    return "\n".join(lines)


def gaps_json(gaps: list[Gap]) -> dict[str, Any]:
    """The ranking for tools (the ``gaps`` part of the report's JSON)."""
    return {"gaps": [{"wording": g.wording, "kind": g.kind, "score": g.score,
                      "pages": len(g.pages), "uses": g.uses,
                      "example": {"path": g.example.path, "line": g.example.line,
                                  "col": g.example.col, "sentence": g.example.sentence}}
                     for g in gaps]}


def to_json(gaps: list[Gap]) -> str:
    """``gaps_json`` as text (schema version 1)."""
    return json.dumps({"version": 1, **gaps_json(gaps)}, indent=2, ensure_ascii=False)
