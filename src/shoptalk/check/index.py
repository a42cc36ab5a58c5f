"""TermIndex: the whole glossary compiled once into lookups and one phrase matcher.

Every wording the checker knows (names, aliases, abbreviations, avoided
wording, deprecated terms) becomes an Entry keyed by its first folded word, so
a page is matched word by word with one dict lookup each, whatever the number
of terms.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypeVar

from ..config import Config
from ..model import Glossary, Role, Stage, Term
from ..problems import PathDisplay
from .words import case_inflections, fold, inflections, nfkc, words

_R = TypeVar("_R", Stage, Role)
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
    """The glossary compiled for fast lookups; build once per glossary with ``from_glossary``."""

    def __init__(self, glossary: Glossary, config: Config) -> None:
        self.glossary = glossary
        self.config = config
        self.entries: dict[str, list[Entry]] = {}
        # Lookup keys for term("..."): folded id/name/alias → ids; abbreviation (case kept) → ids.
        self._by_label: dict[str, list[str]] = defaultdict(list)
        self._by_abbreviation: dict[str, list[str]] = defaultdict(list)
        self._labels: dict[str, str] = {}  # folded label → label as written (did-you-mean)
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
        for term in self.glossary.terms.values():
            for label in (term.id, term.name, *term.aliases):
                self._label(label, term.id)
            if term.abbreviation:
                self._by_abbreviation[nfkc(term.abbreviation)].append(term.id)
                self._labels.setdefault(fold(term.abbreviation), term.abbreviation)
                acronyms.add(nfkc(term.abbreviation))
            acronyms.update(nfkc(a) for a in term.aliases)
            for label in (term.name, *term.aliases):
                _add(entries, label, "name", (term.id,))
            for avoid in term.avoid:
                _add(entries, avoid.text, "avoid", (term.id,))
        for abbreviation, ids in self._by_abbreviation.items():
            if len(ids) > 1:
                self.homonyms[abbreviation] = tuple(ids)
            _add(entries, abbreviation, "abbreviation", tuple(ids))
        others = [r.abbreviation for r in self.glossary.roles.values()]
        others += [f.abbreviation for f in self.glossary.frameworks.values()]
        acronyms.update(nfkc(a) for a in others if a)
        # Longest first, so a nested term is never matched inside a longer one.
        rank = {"abbreviation": 0, "name": 1, "avoid": 2}
        self.entries = {k: sorted(v, key=lambda e: (-len(e.folded), rank[e.kind]))
                        for k, v in entries.items()}
        self.known_acronyms = frozenset(acronyms)

    def _label(self, label: str, term_id: str) -> None:
        key = fold(label)
        if term_id not in self._by_label[key]:
            self._by_label[key].append(term_id)
        self._labels.setdefault(key, label)

    def lookup(self, text: str) -> Term | None:
        """The term named by ``text``: its id, name or alias (any case), or abbreviation (exact).

        None when nothing matches, or when ``text`` is an abbreviation two terms share.
        """
        found = self.candidates(text)
        return found[0] if len(found) == 1 else None

    def candidates(self, text: str) -> tuple[Term, ...]:
        """Every term ``text`` could name (more than one for a shared abbreviation)."""
        ids = self._by_label.get(fold(text.strip())) or self._by_abbreviation.get(
            nfkc(text.strip())) or []
        return tuple(self.glossary.terms[i] for i in ids if i in self.glossary.terms)

    def suggest(self, text: str) -> str | None:
        """The closest known label to ``text``, as written in the glossary."""
        close = difflib.get_close_matches(fold(text), list(self._labels), n=1, cutoff=0.6)
        return self._labels[close[0]] if close else None

    def shown(self, path: Path) -> str:
        """``path`` as problems show it (relative to the project root); cached."""
        found = self._shown.get(path)
        if found is None:
            found = self._shown[path] = self.paths.show(path)
        return found

    def term(self, term_id: str) -> Term:
        return self.glossary.terms[term_id]

    def lookup_stage(self, text: str) -> Stage | None:
        """A stage by id or name (any case)."""
        return _find_record(self.glossary.stages.values(), text)

    def lookup_role(self, text: str) -> Role | None:
        """A role by id, name (any case) or abbreviation (exact)."""
        role = _find_record(self.glossary.roles.values(), text)
        return role or next((r for r in self.glossary.roles.values()
                             if r.abbreviation and r.abbreviation == text.strip()), None)


def _find_record(records: Iterable[_R], text: str) -> _R | None:
    key = fold(text.strip())
    return next((r for r in records if key in (r.id, fold(r.name))), None)


def _add(entries: dict[str, list[Entry]], wording: str, kind: Kind,
         term_ids: tuple[str, ...]) -> None:
    exact = tuple(nfkc(w) for w in words(wording))
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
