"""Matching the compiled glossary against one block of prose.

Greedy, leftmost and longest first: at each word the entries starting with that
word are tried longest first, and a match consumes its words, so a nested term
("Customer" inside "Ideal Customer Profile") is never reported twice.

Speed matters here (every word of every page passes through): words are cut and
folded by the regex engine in one go, a set-membership test picks the few words
that start an entry or look like an acronym, and positions are computed only
for blocks that have such a word.
"""

from __future__ import annotations

from dataclasses import dataclass

from .index import Entry, TermIndex
from .words import WORD_RE, fold, joined, nfkc

Word = tuple[int, int, str]  # (start, end, text) in the block's prose


@dataclass(frozen=True, slots=True)
class Hit:
    """A glossary wording found in prose: prose offsets [start, end) and the words it covers."""

    entry: Entry
    start: int
    end: int
    words: tuple[str, ...]


class Words:
    """The words of a block as (start, end, text), built on access (most are never looked at)."""

    __slots__ = ("raw", "spans")

    def __init__(self, spans: list[tuple[int, int]], raw: list[str]) -> None:
        self.spans = spans
        self.raw = raw

    def __len__(self) -> int:
        return len(self.raw)

    def __getitem__(self, i: int) -> Word:
        start, end = self.spans[i]
        return start, end, self.raw[i]


def match(text: str, index: TermIndex) -> tuple[list[Hit], list[int], Words]:
    """Hits in ``text``; indices of uncovered words that may be acronyms; every word."""
    entries = index.entries
    raw: list[str] = WORD_RE.findall(text)
    # ASCII lower() keeps length and word boundaries, so one findall folds every word.
    folded: list[str] = WORD_RE.findall(text.lower()) if text.isascii() else [
        fold(w) for w in raw]
    starts = [i for i, f in enumerate(folded) if f in entries]
    caps = [i for i, w in enumerate(raw) if w[:2].isupper()]
    if not starts and not caps:
        return [], [], Words([], [])
    spans = [m.span() for m in WORD_RE.finditer(text)]
    words = Words(spans, raw)
    hits: list[Hit] = []
    covered: set[int] = set()
    until = 0
    n = len(words)
    for i in starts:
        if i < until:
            continue
        for entry in entries[folded[i]]:
            size = len(entry.folded)
            if i + size <= n and _matches(entry, words, folded, i, text):
                hits.append(Hit(entry, spans[i][0], spans[i + size - 1][1],
                                tuple(raw[i:i + size])))
                covered.update(range(i, i + size))
                until = i + size
                break
    return hits, [i for i in caps if i not in covered], words


def _matches(entry: Entry, words: Words, folded: list[str], i: int, text: str) -> bool:
    last = len(entry.folded) - 1
    for j in range(last + 1):
        start, _, word = words[i + j]
        if j and not joined(text[words[i + j - 1][1]:start]):
            return False
        if j < last:
            if folded[i + j] != entry.folded[j] or (entry.exact and nfkc(word) != entry.exact[j]):
                return False
        elif folded[i + j] not in entry.last_forms or (
                entry.exact and nfkc(word) not in entry.exact_last):
            return False
    return True
