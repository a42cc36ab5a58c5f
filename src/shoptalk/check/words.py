"""Words of prose: how text is cut into tokens and the forms a word takes.

One tokenizer serves the glossary and the pages, so a term and its use in a
page always split the same way; tokens are compared with the language's ``fold``
(case-folded) or ``normalize`` (case kept, for abbreviations).
"""

from __future__ import annotations

import re

from ..language import COMPOUND_JOINERS, fold, normalize

# A word: letters/digits joined by '&' (P&L) or an apostrophe (SDR's, SDR’s, don't).
WORD_RE = re.compile(r"\w+(?:[&'’]\w+)*")
APOSTROPHES = ("'", "’")
POSSESSIVES = ("'s", "’s")
# Characters allowed between the words of a phrase: spaces, line breaks, hyphens (the
# language's compound joiners, so "enterprise-notice" is a spelling of "enterprise notice").
JOINERS = frozenset(COMPOUND_JOINERS)

__all__ = ["APOSTROPHES", "JOINERS", "POSSESSIVES", "WORD_RE", "bases", "case_inflections", "fold",
           "inflections", "joined", "normalize", "split_suffix", "words"]


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


_bases: dict[str, tuple[str, ...]] = {}


def bases(word: str) -> tuple[str, ...]:
    """The (folded) words ``word`` may be an inflection of, itself first: the inverse of
    ``inflections`` (``parties's`` → ``parties's``, ``parties``, ``partie``, ``party``, …)."""
    found = _bases.get(word)
    if found is None:
        out = [word]
        for stem in (word, word[:-2]) if word.endswith("'s") else (word,):
            out.append(stem)
            if stem.endswith("ies"):
                out.append(stem[:-3] + "y")
            if stem.endswith("es"):
                out.append(stem[:-2])
            if stem.endswith("s"):
                out.append(stem[:-1])
        found = tuple(dict.fromkeys(b for b in out if b))
        if len(_bases) < 200_000:  # bounded, like ``fold``'s cache
            _bases[word] = found
    return found


def case_inflections(word: str) -> set[str]:
    """Case-kept plural/possessive forms of an abbreviation: ICP, ICPs, ICP's, ICP’s."""
    forms = {word, word + "s"}
    return forms | {f + a for f in forms for a in POSSESSIVES}


def joined(gap: str) -> bool:
    """True when two words separated by ``gap`` can belong to one phrase."""
    return all(ch in JOINERS for ch in gap)
