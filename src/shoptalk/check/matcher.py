"""Matching the compiled glossary against one block of prose.

Greedy, leftmost and longest first: from each word that starts a phrase
(``TermIndex.starts``), the longest run of joined words that is a phrase
(``TermIndex.phrases``, the last word in any inflected form) wins, and a match
consumes its words, so a nested term ("Customer" inside "Ideal Customer
Profile") is never reported twice.
Where several wordings end at one place (spellings of one compound), the one
joined with hyphens or spaces exactly as the page joins them wins.

An -s form is credited as a plural only where it can be a noun: a word in -s right
after a subject pronoun ("she owns") or right before an article or possessive ("the
rep leads the call", "owns their renewal") reads as a verb, so it is no plural of a
term (one spelled in lower case; abbreviations keep their plurals everywhere). The
rule sees only the neighbouring words, so a plural noun before an article in a
two-object sentence ("send prospects a recap") is passed over too; that is rarer in
playbooks than the verb.

Speed matters here (every word of every page passes through): words are cut and
folded by the regex engine in one go (``split`` of the lower-cased block), a
set-membership test picks the few words that start a phrase, one regex search
tells whether the block can hold an acronym at all, and word positions are
summed only for blocks where a hit needs them (``Words``). The work per word does
not grow with the number of terms: a few dict lookups per phrase-starting word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate, compress, count

from .index import Entry, TermIndex, spelling
from .words import JOINERS, WORD_RE, bases, fold, normalize

Word = tuple[int, int, str]  # (start, end, text) in the block's prose

# An acronym (acronyms.ACRONYM_RE) starts with a capital followed by a capital, digit or
# '&'; a block with no such pair anywhere has no acronym to look at.
_CAPS_PAIR_RE = re.compile(r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ0-9&]")
# WORD_RE as one group: split() then gives gap, word, gap, …, word, gap.
_PIECES_RE = re.compile(f"({WORD_RE.pattern})")
_JOINERS = "".join(sorted(JOINERS))
# Words that make the next word in -s a verb (``she owns``), or the previous one (``owns the``).
_SUBJECTS = frozenset({"he", "she", "it", "who", "that", "this"})
_OBJECT_STARTS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "your",
                            "my"})


@dataclass(frozen=True, slots=True)
class Hit:
    """A glossary wording found in prose: prose offsets [start, end) and the words it covers."""

    entry: Entry
    start: int
    end: int
    words: tuple[str, ...]


class Words:
    """The words of a block as (start, end, text).

    Built from ``_PIECES_RE.split`` of the block: gaps and words alternate, so word
    ``i`` is piece ``2i + 1``. Positions are summed only when someone asks for one
    (a block with no candidate never does), and then in one C-level pass.
    """

    __slots__ = ("offsets", "pieces", "text")

    def __init__(self, text: str, pieces: list[str]) -> None:
        self.text = text
        self.pieces = pieces  # same lengths as ``text``'s own pieces (maybe lower-cased)
        self.offsets: list[int] = []  # of every piece, and the end; summed on first use

    def __len__(self) -> int:
        return len(self.pieces) // 2

    def span(self, i: int) -> tuple[int, int]:
        if not 0 <= i < len(self.pieces) // 2:
            raise IndexError(i)
        offsets = self.offsets
        if not offsets:
            offsets = self.offsets = list(accumulate(map(len, self.pieces), initial=0))
        return offsets[2 * i + 1], offsets[2 * i + 2]

    def joined(self, i: int) -> bool:
        """True when word ``i`` and word ``i + 1`` can belong to one phrase."""
        return not self.pieces[2 * i + 2].strip(_JOINERS)

    def gaps(self, i: int, size: int) -> list[str]:
        """What lies between the words ``i .. i + size - 1``."""
        return self.pieces[2 * i + 2:2 * (i + size):2]

    def __getitem__(self, i: int) -> Word:
        start, end = self.span(i)
        return start, end, self.text[start:end]


def match(text: str, index: TermIndex) -> tuple[list[Hit], list[int], Words]:
    """Hits in ``text``; indices of uncovered words that may be acronyms; every word."""
    phrases, phrase_starts = index.phrases, index.starts
    raw: list[str] | None = None
    if text.isascii():
        # ASCII lower() keeps length and word boundaries, so one split cuts and folds every
        # word, and its pieces measure the original text too.
        pieces = _PIECES_RE.split(text.lower())
        folded: list[str] = pieces[1::2]
    else:
        pieces = _PIECES_RE.split(text)
        raw = pieces[1::2]
        folded = [fold(w) for w in raw]
    words = Words(text, pieces)
    starts = list(compress(count(), map(phrase_starts.__contains__, folded)))
    caps: list[int] = []
    if _CAPS_PAIR_RE.search(text) is not None:
        if raw is None:
            raw = WORD_RE.findall(text)
        caps = [i for i, w in enumerate(raw) if w[:2].isupper()]
    if not starts:
        return [], caps, words
    hits: list[Hit] = []
    covered: set[int] = set()
    until = 0
    n = len(folded)
    for i in starts:
        if i < until:
            continue
        longest = 1
        most = min(phrase_starts[folded[i]], n - i)
        while longest < most and words.joined(i + longest - 1):
            longest += 1
        for size in range(longest, 0, -1):
            entry = _find(phrases, folded, words, i, size)
            if entry is not None:
                hits.append(_hit(entry, words, i, size))
                if caps:
                    covered.update(range(i, i + size))
                until = i + size
                break
    if covered:
        caps = [i for i in caps if i not in covered]
    return hits, caps, words


def _find(phrases: dict[tuple[str, ...], list[Entry]], folded: list[str], words: Words,
          i: int, size: int) -> Entry | None:
    """The entry the ``size`` words from ``i`` are, their last word in any inflection."""
    head = tuple(folded[i:i + size - 1])
    last = folded[i + size - 1]
    for base in bases(last):
        entries = phrases.get((*head, base))
        if entries:
            entry = _choose(entries, words, i, size)
            if entry is not None and (base == last or entry.exact or last.endswith("'s")
                                      or not _reads_as_verb(folded, words, i + size - 1)):
                return entry
    return None


def _reads_as_verb(folded: list[str], words: Words, j: int) -> bool:
    """True when word ``j`` (a form in -s) stands where a verb does: right after a subject
    pronoun, or right before an article or possessive (only spaces between)."""
    pieces = words.pieces
    if j > 0 and folded[j - 1] in _SUBJECTS and pieces[2 * j].isspace():
        return True
    return j + 1 < len(folded) and folded[j + 1] in _OBJECT_STARTS \
        and pieces[2 * j + 2].isspace()


def _choose(entries: list[Entry], words: Words, i: int, size: int) -> Entry | None:
    """The entry the words ``i .. i+size`` are: spelled as written first, else the first
    in rank (abbreviation, name, avoided wording); abbreviations only in their own case."""
    fallback: Entry | None = None
    written: tuple[str, ...] | None = None
    for entry in entries:
        if entry.exact and not _same_case(entry, words, i, size):
            continue
        if len(entries) == 1:
            return entry
        if written is None:
            written = spelling(words.gaps(i, size))
        if entry.spelling == written:
            return entry
        fallback = fallback or entry
    return fallback


def _same_case(entry: Entry, words: Words, i: int, size: int) -> bool:
    last = size - 1
    if any(normalize(words[i + j][2]) != entry.exact[j] for j in range(last)):
        return False
    return normalize(words[i + last][2]) in entry.exact_last


def _hit(entry: Entry, words: Words, i: int, size: int) -> Hit:
    words.span(i)  # sums the offsets once
    offsets = words.offsets
    text = words.text
    cut = [text[offsets[k]:offsets[k + 1]] for k in range(2 * i + 1, 2 * (i + size), 2)]
    return Hit(entry, offsets[2 * i + 1], offsets[2 * (i + size)], tuple(cut))


__all__ = ["Hit", "Word", "Words", "match"]
