"""The A–Z glossary: every wording that leads to a term, filed by its first letter.

A record with an abbreviation is filed under the abbreviation (people say "MEDDPICC", not
its eight words), and its name gets a "see" entry so the long form is found too. Past
``a_to_z_page_size`` entries the index becomes one page per letter, and a letter with more
entries than that is cut into parts: no page grows with the size of the glossary.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from markupsafe import Markup

from ..model import Term
from . import safe
from .context import GLOSSARY_INDEX, SiteData
from .env import link, rel, render
from .page import GeneratedPage, front_matter
from .terms import filtered_a_to_z

LETTER_FOLDER = "glossary/letter"


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of the A–Z: the wording it is filed under and the Markdown shown."""

    key: str
    category: str
    line: Markup
    # The abbreviation whose definition the line prints ("" for a "see" line).
    defines: str = ""

    @property
    def letter(self) -> str:
        """The letter the entry is filed under, ``#`` for digits and signs."""
        return first_letter(self.key)


@dataclass(frozen=True, slots=True)
class LetterPage:
    """A page of the split A–Z: a letter, or one part of a crowded letter."""

    letter: str
    part: int
    parts: int
    entries: tuple[Entry, ...]

    @property
    def uri(self) -> str:
        """Where the page goes: ``glossary/letter/a.md``, ``glossary/letter/a-2.md``."""
        return f"{LETTER_FOLDER}/{letter_slug(self.letter)}" \
            f"{'' if self.part == 1 else f'-{self.part}'}.md"

    @property
    def label(self) -> str:
        """The letter, with the part when the letter has several (``S 2/3``)."""
        return self.letter if self.parts == 1 else f"{self.letter} {self.part}/{self.parts}"


def first_letter(name: str) -> str:
    """The upper-case ASCII letter ``name`` is filed under; ``#`` for anything else."""
    first = unicodedata.normalize("NFKD", name.strip()[:1]).encode("ascii", "ignore").decode()
    return first.upper() if first.isalpha() else "#"


def letter_slug(letter: str) -> str:
    """The anchor and file name of a letter: ``a``, or ``other`` for ``#``."""
    return "other" if letter == "#" else letter.lower()


def entries(site: SiteData, page: str) -> list[Entry]:
    """Every A–Z entry, sorted: terms (by abbreviation when they have one), then the
    names behind abbreviations and the aliases, each pointing at its term."""
    found: list[Entry] = []
    for term in site.glossary.terms.values():
        found.append(Entry(term.abbreviation or term.name, term.category,
                           _term_line(site, term, page), term.abbreviation or ""))
        see = [term.name] if term.abbreviation and term.abbreviation != term.name else []
        for form in [*see, *term.aliases]:
            found.append(Entry(form, term.category, _marker(term.category) + safe.md_inline(form)
                               + Markup(" → see ") + _link(site, term, page)))
    return sorted(found, key=lambda e: (e.key.casefold(), e.key))


def entry_count(site: SiteData) -> int:
    """How many entries ``entries`` makes, without making them."""
    return sum(1 + len(t.aliases) + bool(t.abbreviation and t.abbreviation != t.name)
               for t in site.glossary.terms.values())


def _marker(category: str) -> Markup:
    # What the in-page filter reads; an empty span shows nothing without the script.
    return Markup(f'<span class="st-az__cat" data-category="{safe.attr_text(category)}"></span>')


def _link(site: SiteData, term: Term, page: str) -> Markup:
    # No hover text: the definition is printed beside it (and it would double the page).
    return link(term.abbreviation or term.name, page, site.uri("term", term.id))


def _term_line(site: SiteData, term: Term, page: str) -> Markup:
    expansion = f" ({safe.md_inline(term.name)})" if term.abbreviation \
        and term.abbreviation != term.name else ""
    note = Markup(" *deprecated*") if term.deprecated else Markup("")
    return _marker(term.category) + Markup("**") + _link(site, term, page) \
        + Markup(f"**{expansion}{note} — ") + safe.md_inline(safe.plain(term.definition))


def letter_pages(found: list[Entry], size: int) -> list[LetterPage]:
    """The entries cut into pages: one per letter, crowded letters in parts of ``size``."""
    by_letter: dict[str, list[Entry]] = {}
    for entry in found:
        by_letter.setdefault(entry.letter, []).append(entry)
    pages: list[LetterPage] = []
    for letter in sorted(by_letter, key=lambda k: (k == "#", k)):
        chunk = by_letter[letter]
        parts = -(-len(chunk) // size)
        pages += [LetterPage(letter, n + 1, parts, tuple(chunk[n * size:(n + 1) * size]))
                  for n in range(parts)]
    return pages


def glossary_pages(site: SiteData) -> list[GeneratedPage]:
    """The A–Z: one page when it is small, else a page of letters and a page per letter."""
    size = site.config.a_to_z_page_size
    count = len(site.glossary.terms)
    if entry_count(site) <= size:
        letters = letter_pages(entries(site, GLOSSARY_INDEX), size)
        return [_page(site, GLOSSARY_INDEX, count, letters, letters, split=False)]
    pages = letter_pages(entries(site, f"{LETTER_FOLDER}/x.md"), size)
    out = [_page(site, GLOSSARY_INDEX, count, pages, [], split=True)]
    out += [_page(site, p.uri, count, pages, [p], split=True) for p in pages]
    return out


def _page(site: SiteData, uri: str, count: int, index: list[LetterPage],
          shown: list[LetterPage], *, split: bool) -> GeneratedPage:
    """One A–Z page: the letter bar (anchors on one page, links when split), the entries."""
    title = "Glossary" if uri == GLOSSARY_INDEX else f"Glossary: {shown[0].label}"
    # A letter page repeats what the term pages say, and they are what search should
    # find: only the A–Z's first page is in the search index once it is split.
    search = {"exclude": True} if split and uri != GLOSSARY_INDEX else {"boost": 0.5}
    # One link a letter (to its first part when it has several): the bar does not grow
    # with the glossary; a part links the parts beside it.
    firsts = [p for p in index if p.part == 1]
    bar = [{"label": p.letter, "href": (link(p.letter, uri, p.uri) if split else
                                        Markup(f"[{p.letter}](#letter-{letter_slug(p.letter)})")),
            "current": split and any(p.letter == s.letter for s in shown)} for p in firsts]
    markdown = render(
        "glossary_index.md.j2",
        front=front_matter(title, search=search, hide=["toc"]),
        heading="Glossary A–Z" if uri == GLOSSARY_INDEX else f"Glossary A–Z: {shown[0].label}",
        count=count, split=split, index=uri == GLOSSARY_INDEX,
        all_letters=rel(uri, GLOSSARY_INDEX),
        categories=Markup(" · ").join(link(c.name, uri, site.uri("category", c.id))
                                      for c in site.glossary.categories.values()),
        # Stages and roles are few: links to the A–Z filtered to each (assets/find.js).
        stages=Markup(" · ").join(link(s.name, uri, filtered_a_to_z("stage", s.id))
                                  for s in site.glossary.stages_in_order()),
        roles=Markup(" · ").join(link(r.abbreviation or r.name, uri,
                                      filtered_a_to_z("owner", r.id), r.name)
                                 for r in site.glossary.roles.values()),
        bar=bar, parts=_parts(uri, index, shown[0]) if split and shown else "",
        letters=[{"label": p.letter, "anchor": "letter-" + letter_slug(p.letter),
                  "entries": [e.line for e in p.entries]} for p in shown],
    )
    defines = frozenset(e.defines for p in shown for e in p.entries if e.defines)
    return GeneratedPage(uri, markdown, site.glossary.root / "terms", GLOSSARY_INDEX, defines)


def _parts(uri: str, index: list[LetterPage], page: LetterPage) -> Markup:
    """"Part 2 of 3: ← X 1 · X 3 →" on a letter cut into parts; empty otherwise."""
    if page.parts == 1:
        return Markup("")
    at = index.index(page)
    steps = [Markup("← ") + link(index[at - 1].label, uri, index[at - 1].uri)] \
        if page.part > 1 else []
    steps += [link(index[at + 1].label, uri, index[at + 1].uri) + Markup(" →")] \
        if page.part < page.parts else []
    return Markup(f"Part {page.part} of {page.parts}: ") + Markup(" · ").join(steps)


__all__ = ["LETTER_FOLDER", "Entry", "LetterPage", "entries", "entry_count", "first_letter",
           "glossary_pages", "letter_pages", "letter_slug"]
