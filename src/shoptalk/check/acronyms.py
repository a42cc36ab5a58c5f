"""What counts as an acronym in prose, what defines one in place, and what excuses one.

An acronym is an all-caps word of two or more letters, maybe with digits or
'&' (B2B, P&L), maybe plural or possessive (SQLs, SDR's, SDR’s). Shouting is
not an acronym: common English words in capitals (data in stopwords.py), and
any run of three or more all-caps words.
"""

from __future__ import annotations

import re
from collections.abc import Container
from functools import cache

from .matcher import Words
from .stopwords import STOPWORDS

_UPPER = "A-ZÀ-ÖØ-Þ"
ACRONYM_RE = re.compile(rf"(?P<base>[{_UPPER}][{_UPPER}0-9&]*[{_UPPER}0-9])s?(?:['’][sS])?")
SHOUT_RUN = 3


def acronym_base(word: str) -> str | None:
    """``SQL`` for ``SQLs`` / ``SQL's``; None when ``word`` is no acronym."""
    m = ACRONYM_RE.fullmatch(word)
    if m is None:
        return None
    base = m.group("base")
    if base.endswith("&") or sum(c.isalpha() for c in base) < 2:
        return None
    return base


def is_stopword(base: str) -> bool:
    """A common English word written in capitals ("NOT", "ALL")."""
    return base in STOPWORDS


def _caps(word: str) -> bool:
    return word.isupper()


def shouted(words: Words, i: int, text: str) -> bool:
    """True when words[i] sits in a run of 3+ all-caps words separated only by spaces."""
    run = 1
    j = i
    while j > 0 and _caps(words[j - 1][2]) and not text[words[j - 1][1]:words[j][0]].strip(" "):
        run += 1
        j -= 1
    j = i
    while (j + 1 < len(words) and _caps(words[j + 1][2])
           and not text[words[j][1]:words[j + 1][0]].strip(" ")):
        run += 1
        j += 1
    return run >= SHOUT_RUN


# Words an expansion may use for a letter or skip: "Return on Investment (ROI)",
# "Software as a Service (SaaS)", "Profit and Loss (P&L)".
SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of",
                         "on", "or", "per", "the", "to", "via", "vs", "with"})
# Digits that stand for a word: "Business-to-Business (B2B)", "Business for Business (B4B)".
DIGIT_WORDS = {"1": ("one",), "2": ("to", "two"), "3": ("three",), "4": ("for", "four")}
# What may stand between the words of an expansion: spaces, hyphens, '&', commas, slashes.
_EXPANSION_GAP = frozenset(" \t\n-‐‑&,/")
_CAMEL = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")


def definition(words: Words, i: int, text: str) -> tuple[str, ...] | None:
    """The expansion when words[i] is defined in place, else None.

    "Annual Recurring Revenue (ARR)" or "ARR (Annual Recurring Revenue)": the initial
    letters of the expansion's words (hyphenated parts and CamelCase parts are words;
    small words such as "of" may be skipped) spell the acronym, in order, all of them.
    """
    start, end, word = words[i]
    base = acronym_base(word)
    if base is None:
        return None
    before_at = start - 1  # the character before the word, spaces skipped (no slicing:
    while before_at >= 0 and text[before_at] == " ":  # blocks can be long)
        before_at -= 1
    after_at = end
    while after_at < len(text) and text[after_at] == " ":
        after_at += 1
    bracketed = before_at >= 0 and text[before_at] == "(" and text.startswith(")", end)
    if not bracketed and not text.startswith("(", after_at):
        return None  # the common case: no bracket beside the word
    letters = [c.upper() for c in base if c.isalnum()]
    if i > 0 and bracketed:
        if text[words[i - 1][1]:start].strip(" ") != "(":
            return None
        before: list[str] = []
        for k in range(i - 1, max(-1, i - 2 * len(letters) - 3), -1):
            if k < i - 1 and not set(text[words[k][1]:words[k + 1][0]]) <= _EXPANSION_GAP:
                break
            before.insert(0, words[k][2])
            if spells(letters, before):
                return tuple(before)
        return None
    close = text.find(")", end)
    inside = [k for k in range(i + 1, len(words)) if close >= 0 and words[k][1] <= close]
    if not inside or text[end:words[inside[0]][0]].strip(" ") != "(" \
            or text[words[inside[-1]][1]:close].strip(" "):
        return None
    if any(not set(text[words[k][1]:words[k + 1][0]]) <= _EXPANSION_GAP for k in inside[:-1]):
        return None
    after = [words[k][2] for k in inside]
    return tuple(after) if spells(letters, after) else None


def defines(words: Words, i: int, text: str) -> bool:
    """True when words[i] is defined in place (see ``definition``)."""
    return definition(words, i, text) is not None


def spells(letters: list[str], expansion: list[str]) -> bool:
    """True when the expansion's initials spell ``letters``: every letter from one word's
    initial, in order; the first and last words used; small words may be skipped."""
    parts = [p for w in expansion for p in (_CAMEL.findall(w) if w.isascii() else [w]) or [w]]
    if not parts or len(parts) > 3 * len(letters):
        return False

    def initial(letter: str, part: str) -> bool:
        if letter.isdigit():
            return part == letter or part.lower() in DIGIT_WORDS.get(letter, ())
        return part[:1].upper() == letter

    @cache
    def go(li: int, pi: int) -> bool:
        if pi == len(parts):
            return li == len(letters)
        part = parts[pi]
        if li < len(letters) and initial(letters[li], part) and go(li + 1, pi + 1):
            return True
        # Only a small word, and never the first or last, may go unspelled.
        return (0 < pi < len(parts) - 1 and part.lower() in SMALL_WORDS) and go(li, pi + 1)

    return go(0, 0)


_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def near_misses(base: str, known: Container[str]) -> list[str]:
    """The ``known`` acronyms ``base`` is a slip of: a swap of neighbouring letters
    (AVC → ACV), or from four letters up, one letter added, dropped or changed.

    Three letters leave too little to go on for a changed letter (TCO is no slip of
    TCV), so short acronyms are only matched by a swap. The variants of ``base`` are
    looked up, so the cost does not grow with the glossary.
    """
    if len(base) < 3 or not base.isalpha():
        return []
    variants = {base[:k] + base[k + 1] + base[k] + base[k + 2:] for k in range(len(base) - 1)}
    if len(base) > 3:
        variants |= {base[:k] + base[k + 1:] for k in range(len(base))}
        for k in range(len(base) + 1):
            for c in _ALPHABET:
                variants.add(base[:k] + c + base[k:])
                if k < len(base):
                    variants.add(base[:k] + c + base[k + 1:])
    variants.discard(base)
    return sorted(v for v in variants if v in known)


__all__ = ["ACRONYM_RE", "DIGIT_WORDS", "SHOUT_RUN", "SMALL_WORDS", "acronym_base", "defines",
           "definition", "is_stopword", "near_misses", "shouted", "spells"]
