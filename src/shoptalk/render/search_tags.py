"""The search tags of a term page: the wordings that should find the page first.

Material's search weighs tags far above titles and text, and splits a tag into words. A
wording that lists other terms ("Metrics, economic buyer, …, champion, competition", the
name behind MEDDPICC) would make its page outrank each listed term's page for that term's
own name; so such a tag keeps only the words that are not another term's name, alias or
abbreviation. Each term's page is then the best hit for its own wording.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..language import fold, forms_of
from ..model import Glossary, Term
from .page import page_title

__all__ = ["LISTS", "WordingIndex", "search_tags", "wording_index"]

_WORD = re.compile(r"\w+(?:'\w+)*")
_OWN_ROLES = frozenset({"name", "alias", "abbreviation"})  # avoided wording is not a term's own

# A wording that holds this many other terms' wordings lists them (MEDDPICC's letters):
# one that holds a single other wording ("Request for proposal") names a thing of its own,
# and keeps every word, or a third page would outrank it for its own name.
LISTS = 2

WordingIndex = Mapping[tuple[str, ...], frozenset[str]]


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def wording_index(glossary: Glossary) -> WordingIndex:
    """Each term's own wordings (name, aliases, abbreviation) as folded words -> term ids."""
    found: dict[tuple[str, ...], set[str]] = {}
    for term in glossary.terms.values():
        for form in forms_of(term):
            if form.role in _OWN_ROLES and (words := tuple(fold(w) for w in _words(form.text))):
                found.setdefault(words, set()).add(term.id)
    return {words: frozenset(ids) for words, ids in found.items()}


def _less_other_wordings(text: str, term_id: str, index: WordingIndex) -> str:
    """``text`` without the runs of words that are another term's wording (longest first)
    when it lists ``LISTS`` or more of them; a wording as a whole is never removed
    (homonyms share an abbreviation)."""
    words = _words(text)
    folded = [fold(w) for w in words]
    gone = [False] * len(words)
    runs = 0
    for size in range(len(words) - 1, 0, -1):
        for start in range(len(words) - size + 1):
            owners = index.get(tuple(folded[start:start + size]), frozenset())
            if owners - {term_id} and not any(gone[start:start + size]):
                gone[start:start + size] = [True] * size
                runs += 1
    if runs < LISTS:
        return text
    return " ".join(w for w, dropped in zip(words, gone, strict=True) if not dropped)


def search_tags(term: Term, index: WordingIndex) -> list[str]:
    """The page's tags: its name, abbreviation, aliases and avoided wording; one that lists
    other terms keeps only its own words, and one left with nothing is no tag."""
    forms = [term.name, term.abbreviation or "", *term.aliases, *(a.text for a in term.avoid)]
    kept = (_less_other_wordings(f, term.id, index) for f in forms if f.strip())
    return list(dict.fromkeys(page_title(f) for f in kept if f.strip()))
