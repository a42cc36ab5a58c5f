"""Where a page mentions a term, as spans of its text: one answer for the checker and the site.

The spans come from the checker's own scan (``prose.read_page`` and ``matcher.match``:
markdown-it's prose, longest match first, plurals, possessives and aliases), and the
sense of a shared abbreviation follows the page as the checker reads it
(``PageSenses``). The checker counts every span; the site links the first span of
each term that sits in plain prose (``TermSpan.linkable``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from .index import Entry, TermIndex
from .matcher import Hit, match
from .prose import Block, Page, normalise, read_page
from .refs import references
from .suppress import PageSettings, read_settings

__all__ = ["PageSenses", "Place", "TermSpan", "context_choices", "inline_senses", "mentions",
           "normalise", "reference_choices", "senses_of"]

# Where a span sits: prose a reader sees, a heading, link text (a Markdown link or an
# inline <a>), the text of an HTML block, a line of Material or abbreviation syntax
# (``!!! note "Title"``, ``*[ABBR]: …``), or a macro's argument (``term("ICP")``).
Place = Literal["prose", "heading", "link", "html", "markup", "macro"]

# Lines whose text Material or the abbreviation extension reads as syntax, not prose.
_SYNTAX_LINE_RE = re.compile(r"[ \t]*(?:!!!|\?\?\?\+?|===)[ \t]|[ \t]*\*\[")


@dataclass(frozen=True, slots=True)
class TermSpan:
    """A mention of a term: ``text[start:end]`` of the (normalised) page.

    ``wording`` is the glossary's wording that matched (name, alias or abbreviation);
    ``plain`` is True when the span's source is the prose itself, with no markup inside
    (``budget **holder**`` is not plain), so it can become link text as written.
    """

    start: int
    end: int
    term_id: str
    wording: str
    place: Place
    plain: bool = True

    @property
    def linkable(self) -> bool:
        """True when the site may make this span a link: plain prose, nothing around it."""
        return self.place == "prose" and self.plain


@dataclass(frozen=True)
class PageSenses:
    """Which term a shared abbreviation (PQL) means on one page.

    ``context`` is the front matter's ``shoptalk-context`` (abbreviation → term);
    ``chosen`` holds the terms the page picked: in front matter, by a ``term()``
    reference or by spelling the abbreviation out ("Product-qualified lead (PQL)").
    """

    context: Mapping[str, str]
    chosen: frozenset[str]

    def of(self, entry: Entry, index: TermIndex) -> str | None:
        """The term ``entry`` means on this page; None when the page leaves it ambiguous."""
        if len(entry.term_ids) == 1:
            return entry.term_ids[0]
        named = self.context.get(entry.wording)
        if named is not None:
            term = index.lookup(named)
            if term is not None and term.id in entry.term_ids:
                return term.id
        picked = [t for t in entry.term_ids if t in self.chosen]
        return picked[0] if len(picked) == 1 else None


def context_choices(settings: PageSettings, index: TermIndex) -> set[str]:
    """Terms the front matter picks (``shoptalk-context``)."""
    chosen = set()
    for value in (*settings.context.values(), *settings.context_terms):
        term = index.lookup(value)
        if term is not None:
            chosen.add(term.id)
    return chosen


def reference_choices(page: Page, index: TermIndex) -> set[str]:
    """Terms the page names in a ``term()`` macro (a reference picks its sense too)."""
    chosen = set()
    for ref in references(page.macros):
        if ref.kind == "term":
            term = index.language.resolve("term", ref.value).record
            if term is not None:
                chosen.add(term.id)
    return chosen


def inline_senses(matched: Iterable[tuple[Block, list[Hit]]]) -> set[str]:
    """Terms a page picks by spelling a shared abbreviation out: "Google Tag Manager (GTM)"
    or "GTM (Google Tag Manager)" selects that sense for the page, as front matter does."""
    chosen: set[str] = set()
    for block, hits in matched:
        text = block.text
        for k, hit in enumerate(hits):
            if hit.entry.kind != "abbreviation" or len(hit.entry.term_ids) < 2:
                continue
            ids = hit.entry.term_ids
            before = hits[k - 1] if k > 0 else None
            after = hits[k + 1] if k + 1 < len(hits) else None
            if (before is not None and before.entry.kind == "name"
                    and before.entry.term_ids[0] in ids
                    and text[before.end:hit.start].strip() == "("
                    and text[hit.end:].lstrip(" ").startswith(")")):
                chosen.add(before.entry.term_ids[0])
            elif (after is not None and after.entry.kind == "name"
                    and after.entry.term_ids[0] in ids
                    and text[hit.end:after.start].strip() == "("
                    and text[after.end:].lstrip(" ").startswith(")")):
                chosen.add(after.entry.term_ids[0])
    return chosen


def _senses(page: Page, index: TermIndex, matched: list[tuple[Block, list[Hit]]]
            ) -> PageSenses:
    settings = read_settings(page.front_matter)
    chosen = context_choices(settings, index) | reference_choices(page, index) \
        | inline_senses(matched)
    return PageSenses(settings.context, frozenset(chosen))


def senses_of(text: str, index: TermIndex) -> PageSenses:
    """The senses a page picks, read from the page as written (front matter and macros)."""
    page = read_page(text)
    return _senses(page, index, [(b, match(b.text, index)[0]) for b in page.blocks])


def mentions(text: str, index: TermIndex, senses: PageSenses | None = None) -> list[TermSpan]:
    """Every mention of a term in a page, in page order; offsets into ``normalise(text)``.

    ``senses`` overrides the page's own choices of a shared abbreviation's meaning: give
    ``senses_of(page as written)`` when ``text`` is the page after its macros ran.
    Avoided wording is not a mention (the checker suggests the term instead); a wording
    inside a longer known phrase is not either ("discovery questions framework").
    """
    page = read_page(text)
    matched = [(block, match(block.text, index)[0]) for block in page.blocks]
    if senses is None:
        senses = _senses(page, index, matched)
    found = [TermSpan(ref.offset, ref.offset + len(ref.value), term.id, ref.value, "macro")
             for ref in references(page.macros) if ref.kind == "term"
             and (term := index.language.resolve("term", ref.value).record) is not None]
    source = page.source
    for block, hits in matched:
        for hit in hits:
            if hit.entry.kind not in ("name", "abbreviation"):
                continue
            term_id = senses.of(hit.entry, index)
            if term_id is None:
                continue
            start = block.source_offset(hit.start)
            end = block.source_offset(hit.end - 1) + 1
            place = _place(block, hit, source, start)
            plain = source[start:end].split() == block.text[hit.start:hit.end].split()
            found.append(TermSpan(start, end, term_id, hit.entry.wording, place, plain))
    return sorted(found, key=lambda s: s.start)


def _place(block: Block, hit: Hit, source: str, start: int) -> Place:
    if block.place != "prose":
        return "heading" if block.place == "heading" else "html"
    if any(s < hit.end and hit.start < e for s, e in block.links):
        return "link"
    line = source.rfind("\n", 0, start) + 1
    if _SYNTAX_LINE_RE.match(source, line):
        return "markup"
    return "prose"
