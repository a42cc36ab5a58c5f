"""What counts as an acronym in prose, and what excuses one.

An acronym is an all-caps word of two or more letters, maybe with digits or
'&' (B2B, P&L), maybe plural or possessive (SQLs, SDR's, SDR’s). Shouting is
not an acronym: common English words in capitals (data in stopwords.py), and
any run of three or more all-caps words.
"""

from __future__ import annotations

import re

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


def defines(words: Words, i: int, text: str) -> bool:
    """True when words[i] is defined in place: "Annual Recurring Revenue (ARR)" or
    "ARR (Annual Recurring Revenue)" — the letters follow the spelled-out words."""
    start, end, word = words[i]
    base = acronym_base(word)
    if base is None:
        return False
    letters = [c for c in base if c.isalpha()]
    if text[:start].rstrip().endswith("(") and text[end:].lstrip().startswith(")"):
        before = [words[k][2] for k in range(max(0, i - len(letters) - 2), i)]
        return any(_spells(letters, before[k:]) for k in range(len(before)))
    if text[end:].lstrip().startswith("("):
        close = text.find(")", end)
        after = [words[k][2] for k in range(i + 1, min(len(words), i + len(letters) + 3))
                 if close < 0 or words[k][1] <= close]
        return bool(after) and _spells(letters, after)
    return False


def _spells(letters: list[str], spelled: list[str]) -> bool:
    """The acronym's letters appear in order in the words, the first as an initial."""
    if not spelled or spelled[0][:1].upper() != letters[0]:
        return False
    pool = "".join(spelled).upper()
    pos = 0
    for letter in letters:
        pos = pool.find(letter, pos)
        if pos < 0:
            return False
        pos += 1
    return True


__all__ = ["ACRONYM_RE", "SHOUT_RUN", "acronym_base", "defines", "is_stopword", "shouted"]
