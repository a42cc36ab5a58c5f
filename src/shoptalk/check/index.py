"""TermIndex: the whole glossary compiled once into lookups and one phrase matcher.

Every wording the checker knows (names, aliases, abbreviations, avoided
wording, deprecated terms) becomes an Entry keyed by its folded words, so a page
is matched with a few dict lookups per phrase-starting word, whatever the number
of terms. Plural and possessive forms are undone on the page's side
(``words.bases``), which keeps the index small. Hyphen, space and closed
spellings of a compound are one wording (``shoptalk.language.closed``): each
spelling the glossary writes is reachable by the others, and the one written
exactly as in the page wins ("enterprise-notice" avoided in favour of
"enterprise notice").
"""

from __future__ import annotations

from collections import defaultdict
from functools import partial
from pathlib import Path
from typing import Any, Literal, NamedTuple

from ..config import Config
from ..language import Language, closed, forms_of
from ..model import Framework, Glossary, Role, Stage, Term
from ..problems import PathDisplay
from .words import WORD_RE, case_inflections, fold, inflections, normalize, words

Kind = Literal["name", "abbreviation", "avoid", "known"]
Spelling = tuple[str, ...]  # what joins each pair of words: "-" (a hyphen) or " "

__all__ = ["CompiledIndex", "Entry", "Kind", "Spelling", "TermIndex", "spelling"]

_HYPHENS = frozenset("-\u2010\u2011")
_RANK = {"abbreviation": 0, "name": 1, "avoid": 2, "known": 3}


class Entry(NamedTuple):
    """One wording to find in prose, and what it means.

    ``folded`` are the phrase's folded words; its last word may also appear plural or
    possessive (``words.inflections``). Abbreviations also compare case-kept:
    ``exact`` holds the case-kept words, ``exact_last`` the case-kept last-word forms.
    ``spelling`` is how the glossary joins ``folded``'s words; None when the wording is
    written with another number of words (reached here as a spelling variant).
    ``kind`` "known" is the name of a stage, role or framework: it means no term
    (``term_ids`` is empty) and only keeps a term from matching inside it.
    A tuple, so tens of thousands of them come back from the cache at C speed.
    """

    folded: tuple[str, ...]
    kind: Kind
    term_ids: tuple[str, ...]  # more than one: a homonym abbreviation (PQL)
    wording: str  # as written in the glossary
    exact: tuple[str, ...] = ()
    exact_last: frozenset[str] = frozenset()
    spelling: Spelling | None = ()


class TermIndex:
    """The glossary compiled for fast lookups; build once per glossary with ``from_glossary``.

    Names in references resolve through ``language`` (``shoptalk.language.Language``),
    the resolver the site's macros use, so the checker and the build agree on every name.
    """

    def __init__(self, glossary: Glossary, config: Config) -> None:
        self.glossary = glossary
        self.config = config
        self.language = Language(glossary)
        self.phrases: dict[tuple[str, ...], list[Entry]] = {}  # by folded words
        # A word that may start a phrase (for one-word phrases, in any inflected form) and
        # the most words a phrase starting with it has.
        self.starts: dict[str, int] = {}
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
        # The names of stages, roles and frameworks are known phrases too: no term is
        # mentioned inside one ("discovery questions framework" does not mention Discovery).
        named: list[Stage | Role | Framework] = [*self.glossary.stages.values(),
                                                 *self.glossary.roles.values(),
                                                 *self.glossary.frameworks.values()]
        for record in named:
            entry = _entry(record.name, "known", ())
            if entry is not None and len(entry.folded) > 1:
                entries.append(entry)
        for abbreviation, ids in by_abbreviation.items():
            if len(ids) > 1:
                self.homonyms[abbreviation] = tuple(ids)
            entry = _entry(abbreviation, "abbreviation", tuple(ids))
            if entry is not None:
                self._insert(entry)
        for entry in _with_variants(entries):
            self._insert(entry)
        for found in self.phrases.values():
            found.sort(key=lambda e: _RANK[e.kind])  # stable: glossary order within a kind
        others = [r.abbreviation for r in self.glossary.roles.values()]
        others += [f.abbreviation for f in self.glossary.frameworks.values()]
        acronyms.update(normalize(a) for a in others if a)
        self.known_acronyms = frozenset(acronyms)

    def dump(self) -> Any:
        """The compiled lookups as plain data (``marshal``-able), for the glossary cache."""
        phrases = {key: [tuple(e) for e in found] for key, found in self.phrases.items()}
        return phrases, self.starts, self.known_acronyms, self.homonyms

    @classmethod
    def from_dump(cls, glossary: Glossary, config: Config, data: Any) -> TermIndex:
        """The index ``dump`` wrote, for ``glossary`` (the one it was compiled from)."""
        index = cls(glossary, config)
        phrases, index.starts, index.known_acronyms, index.homonyms = data
        entry = partial(tuple.__new__, Entry)
        index.phrases = {key: list(map(entry, found)) for key, found in phrases.items()}
        return index

    def _insert(self, entry: Entry) -> None:
        self.phrases.setdefault(entry.folded, []).append(entry)
        size = len(entry.folded)
        firsts = inflections(entry.folded[0]) if size == 1 else (entry.folded[0],)
        for word in firsts:
            self.starts[word] = max(self.starts.get(word, 0), size)

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


class CompiledIndex:
    """The index as ``shoptalk.cache.load_cached_with`` keeps it beside the glossary."""

    name = "check-index"

    def __init__(self, config: Config) -> None:
        self.config = config
        # The only setting the compiled lookups read.
        self.salt = "\0".join(sorted(config.allow_acronyms))

    def build(self, glossary: Glossary) -> TermIndex:
        """Compile ``glossary``."""
        return TermIndex.from_glossary(glossary, self.config)

    def dump(self, value: TermIndex) -> Any:
        """``TermIndex.dump``."""
        return value.dump()

    def load(self, glossary: Glossary, data: Any) -> TermIndex:
        """``TermIndex.from_dump``."""
        return TermIndex.from_dump(glossary, self.config, data)


def _entry(wording: str, kind: Kind, term_ids: tuple[str, ...]) -> Entry | None:
    """``wording`` as an Entry; None when it has no words."""
    exact = tuple(normalize(w) for w in words(wording))
    folded = tuple(fold(w) for w in exact)
    if not folded:
        return None
    # Abbreviations, and any wording that is one all-caps word, keep their case: "AM" is not "am".
    case_kept = kind == "abbreviation" or (len(exact) == 1 and exact[0].isupper())
    return Entry(
        folded=folded,
        kind=kind,
        term_ids=term_ids,
        wording=wording,
        exact=exact if case_kept else (),
        exact_last=frozenset(case_inflections(exact[-1])) if case_kept else frozenset(),
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
                    out.append(entry._replace(folded=path, spelling=None))
    return out
