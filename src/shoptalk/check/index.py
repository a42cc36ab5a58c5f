"""TermIndex: the whole glossary compiled once into lookups and one phrase matcher.

Every wording the checker knows (names, aliases, abbreviations, avoided
wording, deprecated terms) becomes an Entry keyed by its first folded word, so
a page is matched word by word with one dict lookup each, whatever the number
of terms.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..config import Config
from ..language import Language, forms_of
from ..model import Glossary, Term
from ..problems import PathDisplay
from .words import case_inflections, fold, inflections, normalize, words

Kind = Literal["name", "abbreviation", "avoid"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One wording to find in prose, and what it means.

    ``folded`` are the phrase's folded words; its last word may also appear in any
    of ``last_forms`` (plural, possessive). Abbreviations also compare case-kept:
    ``exact`` holds the case-kept words, ``exact_last`` the case-kept last-word forms.
    """

    folded: tuple[str, ...]
    last_forms: frozenset[str]
    kind: Kind
    term_ids: tuple[str, ...]  # more than one: a homonym abbreviation (PQL)
    wording: str  # as written in the glossary
    exact: tuple[str, ...] = ()
    exact_last: frozenset[str] = frozenset()


class TermIndex:
    """The glossary compiled for fast lookups; build once per glossary with ``from_glossary``.

    Names in references resolve through ``language`` (``shoptalk.language.Language``),
    the resolver the site's macros use, so the checker and the build agree on every name.
    """

    def __init__(self, glossary: Glossary, config: Config) -> None:
        self.glossary = glossary
        self.config = config
        self.language = Language(glossary)
        self.entries: dict[str, list[Entry]] = {}
        self.known_acronyms: frozenset[str] = frozenset()
        self.homonyms: dict[str, tuple[str, ...]] = {}
        self._shown: dict[Path, str] = {}
        self.paths = PathDisplay(config.root)

    @classmethod
    def from_glossary(cls, glossary: Glossary, config: Config) -> TermIndex:
        """Compile ``glossary``: lookups for references, one matcher for prose."""
        index = cls(glossary, config)
        index._build()
        return index

    def _build(self) -> None:
        entries: dict[str, list[Entry]] = defaultdict(list)
        acronyms: set[str] = set(self.config.allow_acronyms)
        by_abbreviation: dict[str, list[str]] = defaultdict(list)
        for term in self.glossary.terms.values():
            for form in forms_of(term):
                if form.role == "abbreviation":
                    by_abbreviation[normalize(form.text)].append(term.id)
                    acronyms.add(normalize(form.text))
                    continue
                if form.role == "alias":
                    acronyms.add(normalize(form.text))
                _add(entries, form.text, "avoid" if form.role == "avoid" else "name", (term.id,))
        for abbreviation, ids in by_abbreviation.items():
            if len(ids) > 1:
                self.homonyms[abbreviation] = tuple(ids)
            _add(entries, abbreviation, "abbreviation", tuple(ids))
        others = [r.abbreviation for r in self.glossary.roles.values()]
        others += [f.abbreviation for f in self.glossary.frameworks.values()]
        acronyms.update(normalize(a) for a in others if a)
        # Longest first, so a nested term is never matched inside a longer one.
        rank = {"abbreviation": 0, "name": 1, "avoid": 2}
        self.entries = {k: sorted(v, key=lambda e: (-len(e.folded), rank[e.kind]))
                        for k, v in entries.items()}
        self.known_acronyms = frozenset(acronyms)

    def lookup(self, text: str) -> Term | None:
        """The one term ``text`` names (see ``shoptalk.language.names``), or None."""
        return self.language.terms.resolve(text).record

    def shown(self, path: Path) -> str:
        """``path`` as problems show it (relative to the project root); cached."""
        found = self._shown.get(path)
        if found is None:
            found = self._shown[path] = self.paths.show(path)
        return found

    def term(self, term_id: str) -> Term:
        return self.glossary.terms[term_id]


def _add(entries: dict[str, list[Entry]], wording: str, kind: Kind,
         term_ids: tuple[str, ...]) -> None:
    exact = tuple(normalize(w) for w in words(wording))
    folded = tuple(fold(w) for w in exact)
    if not folded:
        return
    entry = Entry(
        folded=folded,
        last_forms=frozenset(inflections(folded[-1])),
        kind=kind,
        term_ids=term_ids,
        wording=wording,
        exact=exact if kind == "abbreviation" else (),
        exact_last=frozenset(case_inflections(exact[-1])) if kind == "abbreviation" else
        frozenset(),
    )
    if len(folded) == 1:
        # A one-word entry is reached through any of its inflected forms.
        for form in entry.last_forms:
            entries[form].append(entry)
    else:
        entries[folded[0]].append(entry)


__all__ = ["Entry", "Kind", "TermIndex"]
