"""Matching the compiled glossary against one block of prose.

Greedy, leftmost and longest first: at each word the entries starting with that
word are tried longest first, and a match consumes its words, so a nested term
("Customer" inside "Ideal Customer Profile") is never reported twice.
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


def match(text: str, index: TermIndex) -> tuple[list[Hit], list[int], list[Word]]:
    """Hits in ``text``; the indices of words no hit covers; every word (for context)."""
    found: list[Word] = [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text)]
    entries = index.entries
    hits: list[Hit] = []
    free: list[int] = []
    i, n = 0, len(found)
    while i < n:
        candidates = entries.get(fold(found[i][2]))
        if candidates:
            for entry in candidates:
                size = len(entry.folded)
                if i + size <= n and _matches(entry, found, i, text):
                    words = tuple(w for _, _, w in found[i:i + size])
                    hits.append(Hit(entry, found[i][0], found[i + size - 1][1], words))
                    i += size
                    break
            else:
                free.append(i)
                i += 1
        else:
            free.append(i)
            i += 1
    return hits, free, found


def _matches(entry: Entry, found: list[Word], i: int, text: str) -> bool:
    last = len(entry.folded) - 1
    for j in range(last + 1):
        start, _, word = found[i + j]
        if j and not joined(text[found[i + j - 1][1]:start]):
            return False
        folded = fold(word)
        if j < last:
            if folded != entry.folded[j] or (entry.exact and nfkc(word) != entry.exact[j]):
                return False
        elif folded not in entry.last_forms or (entry.exact and nfkc(word) not in entry.exact_last):
            return False
    return True
