"""TermIndex: the whole glossary compiled once into lookups and one phrase matcher.

Every wording the checker knows (names, aliases, abbreviations, avoided
wording, deprecated terms) becomes an Entry in a trie of folded words, so a page
is matched word by word with one dict lookup per word, whatever the number of
terms. Hyphen, space and closed spellings of a compound are one wording
(``shoptalk.language.closed``): each spelling the glossary writes is reachable by
the others, and the one written exactly as in the page wins ("enterprise-notice"
avoided in favour of "enterprise notice").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from ..config import Config
from ..language import Language, closed, forms_of
from ..model import Glossary, Term
from ..problems import PathDisplay
from .words import WORD_RE, case_inflections, fold, inflections, normalize, words

Kind = Literal["name", "abbreviation", "avoid"]
Spelling = tuple[str, ...]  # what joins each pair of words: "-" (a hyphen) or " "

__all__ = ["Entry", "Kind", "Node", "Spelling", "TermIndex", "spelling"]

_HYPHENS = frozenset("-\u2010\u2011")
_RANK = {"abbreviation": 0, "name": 1, "avoid": 2}


@dataclass(frozen=True, slots=True)
class Entry:
    """One wording to find in prose, and what it means.

    ``folded`` are the phrase's folded words; its last word may also appear in any
    of ``last_forms`` (plural, possessive). Abbreviations also compare case-kept:
    ``exact`` holds the case-kept words, ``exact_last`` the case-kept last-word forms.
    ``spelling`` is how the glossary joins ``folded``'s words; None when the wording is
    written with another number of words (reached here as a spelling variant).
    """

    folded: tuple[str, ...]
    last_forms: frozenset[str]
    kind: Kind
    term_ids: tuple[str, ...]  # more than one: a homonym abbreviation (PQL)
    wording: str  # as written in the glossary
    exact: tuple[str, ...] = ()
    exact_last: frozenset[str] = frozenset()
    spelling: Spelling | None = ()


class Node:
    """A trie node: the entries a phrase ends with here, and the words that may follow."""

    __slots__ = ("ends", "next")

    def __init__(self) -> None:
        self.next: dict[str, Node] = {}
        self.ends: list[Entry] = []


class TermIndex:
    """The glossary compiled for fast lookups; build once per glossary with ``from_glossary``.

    Names in references resolve through ``language`` (``shoptalk.language.Language``),
    the resolver the site's macros use, so the checker and the build agree on every name.
    """

    def __init__(self, glossary: Glossary, config: Config) -> None:
        self.glossary = glossary
        self.config = config
        self.language = Language(glossary)
        self.phrases: dict[str, Node] = {}  # by a phrase's first folded word
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
        entries: list[Entry] = []
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
                entry = _entry(form.text, "avoid" if form.role == "avoid" else "name", (term.id,))
                if entry is not None:
                    entries.append(entry)
        for abbreviation, ids in by_abbreviation.items():
            if len(ids) > 1:
                self.homonyms[abbreviation] = tuple(ids)
            entry = _entry(abbreviation, "abbreviation", tuple(ids))
            if entry is not None:
                _insert(self.phrases, entry)
        for entry in _with_variants(entries):
            _insert(self.phrases, entry)
        for node in _nodes(self.phrases):
            node.ends.sort(key=lambda e: _RANK[e.kind])  # stable: glossary order within a kind
        others = [r.abbreviation for r in self.glossary.roles.values()]
        others += [f.abbreviation for f in self.glossary.frameworks.values()]
        acronyms.update(normalize(a) for a in others if a)
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


def _entry(wording: str, kind: Kind, term_ids: tuple[str, ...]) -> Entry | None:
    """``wording`` as an Entry; None when it has no words."""
    exact = tuple(normalize(w) for w in words(wording))
    folded = tuple(fold(w) for w in exact)
    abbreviation = kind == "abbreviation"
    return Entry(
        folded=folded,
        last_forms=frozenset(inflections(folded[-1])),
        kind=kind,
        term_ids=term_ids,
        wording=wording,
        exact=exact if abbreviation else (),
        exact_last=frozenset(case_inflections(exact[-1])) if abbreviation else frozenset(),
        spelling=spelling(WORD_RE.split(wording)[1:-1]),  # the gaps between words
    )


def spelling(gaps: list[str]) -> Spelling:
    """How ``gaps`` join a phrase's words: "-" where a gap holds a hyphen, else " "."""
    return tuple("-" if _HYPHENS.intersection(gap) else " " for gap in gaps)


def _with_variants(entries: list[Entry]) -> list[Entry]:
    """Each entry under every spelling of its wording: the glossary's and the closed one."""
    groups: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        groups[closed(" ".join(entry.folded))].append(entry)
    out: list[Entry] = []
    for key, group in groups.items():
        paths = dict.fromkeys([e.folded for e in group] + [(key,)])
        for entry in group:
            for path in paths:
                if path == entry.folded:
                    out.append(entry)
                else:
                    out.append(replace(entry, folded=path, spelling=None,
                                       last_forms=frozenset(inflections(path[-1]))))
    return out


def _insert(phrases: dict[str, Node], entry: Entry) -> None:
    # A phrase's last word is reached through any of its inflected forms.
    *head, _ = entry.folded
    for form in entry.last_forms:
        words = [*head, form]
        node = phrases.setdefault(words[0], Node())
        for word in words[1:]:
            node = node.next.setdefault(word, Node())
        node.ends.append(entry)


def _nodes(phrases: dict[str, Node]) -> list[Node]:
    found: list[Node] = []
    todo = list(phrases.values())
    while todo:
        node = todo.pop()
        found.append(node)
        todo.extend(node.next.values())
    return found
