"""Words of prose: how text is cut into tokens and folded for comparison.

One tokenizer serves the glossary and the pages, so a term and its use in a
page always split the same way.
"""

from __future__ import annotations

import re
import unicodedata

# A word: letters/digits joined by '&' (P&L) or an apostrophe (SDR's, SDR’s, don't).
WORD_RE = re.compile(r"\w+(?:[&'’]\w+)*")
APOSTROPHES = ("'", "’")
POSSESSIVES = ("'s", "’s")
# Characters allowed between the words of a phrase: spaces, line breaks, hyphens.
JOINERS = frozenset(" \t\n-‐‑")

_cache: dict[str, str] = {}


def fold(text: str) -> str:
    """Compare-form of text: NFKC-normalised and case-folded; curly apostrophes made straight."""
    found = _cache.get(text)
    if found is None:
        if text.isascii():
            found = text.lower()
        else:
            found = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
        if len(_cache) < 200_000:  # bounded: a page of random words must not grow it forever
            _cache[text] = found
    return found


def nfkc(text: str) -> str:
    """Unicode-normalised text with case kept (abbreviations compare case-sensitively)."""
    return text if text.isascii() else unicodedata.normalize("NFKC", text).replace("’", "'")


def words(text: str) -> list[str]:
    """The words of ``text`` in order."""
    return WORD_RE.findall(text)


def split_suffix(word: str) -> tuple[str, str]:
    """``("holder", "'s")`` for ``holder's``: the possessive ending, if any, split off."""
    for ending in POSSESSIVES:
        if word.endswith(ending) and len(word) > 2:
            return word[:-2], word[-2:]
    return word, ""


def inflections(word: str) -> set[str]:
    """Plural and possessive forms of a (folded) word, including the word itself.

    Plurals: +s, +es, y→ies; each may carry a possessive 's (straight apostrophe,
    since ``fold`` straightens curly ones).
    """
    forms = {word, word + "s", word + "es"}
    if word.endswith("y") and len(word) > 1:
        forms.add(word[:-1] + "ies")
    return forms | {f + "'s" for f in forms}


def case_inflections(word: str) -> set[str]:
    """Case-kept plural/possessive forms of an abbreviation: ICP, ICPs, ICP's, ICP’s."""
    forms = {word, word + "s"}
    return forms | {f + a for f in forms for a in POSSESSIVES}


def joined(gap: str) -> bool:
    """True when two words separated by ``gap`` can belong to one phrase."""
    return all(ch in JOINERS for ch in gap)
