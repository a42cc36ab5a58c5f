"""Built-in knowledge: classes of capitalised words that are not the company's jargon.

A word in capitals is an acronym to define only when no class below explains it.
Each class is general (it names a kind of word, never a corpus's words) and can be
switched off in ``shoptalk.yml`` under ``knowledge:``. The glossary always wins: a
word it defines is a term whatever class it falls in (the index is asked first).

- ``regions``: territories and market groupings (EMEA, APAC, LATAM, DACH, WW).
- ``time_zones``: ET, PST, UTC, GMT, IST, ...
- ``fiscal_periods``: FY26, FY2026, Q1FY23, FY24Q3, H2, YTD, QoQ.
- ``placeholders``: date, time and digit placeholders made of repeated letters (YYYY,
  YYYYMMDD, DD, HH, XXX, NNN).
- ``numbered_codes``: course, ledger or list codes: letters then two or more digits
  (TT100, GL4300, ISO27001).
- ``company_names``: well-known companies and products (AWS, GCP, IBM, OKTA, JIRA).
- ``english_words``: English words of four letters or more written in capitals for
  emphasis or as UI labels (OPPORTUNITY, STAGING, REQUIRED); shorter words are too
  often real acronyms (SOW, SAM, ROI), so only the curated stop words cover those.
"""

from __future__ import annotations

import pickle
import re
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from functools import cache
from importlib import resources

from ..config import KNOWLEDGE_CLASSES

__all__ = ["KNOWLEDGE_CLASSES", "Knowledge", "english_word", "explains"]

_FISCAL_RE = re.compile(
    r"(?:FY|CY)(?:\d{2}|\d{4})?(?:Q[1-4]|H[12])?"  # FY, FY26, FY2026, FY24Q3, CY25H1
    r"|(?:Q[1-4]|H[12])(?:FY|CY)?(?:\d{2}|\d{4})?"  # Q1, H2, Q1FY23, Q3CY24, Q12024
)
# Date, time and digit placeholders: YYYY, YYYYMMDD, DD, HH, MM, SS, XXX, NNN.
_PLACEHOLDER_RE = re.compile(r"(?:([YMDHSXN])\1+)+")
_CODE_RE = re.compile(r"[A-Z]{1,6}\d{2,}[A-Z]?")  # TT100, GL4300, ISO27001
_MIN_ENGLISH = 4


@cache
def _listed(name: str) -> frozenset[str]:
    """A word list shipped in shoptalk/data: one word a line, '#' comments."""
    text = resources.files("shoptalk").joinpath("data", f"{name}.txt").read_text("utf-8")
    return frozenset(line.split("#")[0].strip() for line in text.splitlines()) - {""}


@cache
def _english() -> AbstractSet[str]:
    # GCIDE's headwords, lower-cased letters only, from the english-words package.
    # Loaded on first need: a page with no shouted word never pays for it.
    data = resources.files("english_words").joinpath("data", "gcide_alpha_lower.pickle")
    words: AbstractSet[str] = pickle.loads(data.read_bytes())  # package data, trusted as code
    return words


def english_word(base: str) -> bool:
    """True when ``base`` (capitals) is an English word of four letters or more, or an
    inflection of one (LEADS, CLOSED, STAGING)."""
    if len(base) < _MIN_ENGLISH or not base.isalpha():
        return False
    word = base.lower()
    words = _english()
    if word in words:
        return True
    stems = []
    if word.endswith("s"):
        stems += [word[:-1], word[:-2] if word.endswith("es") else ""]
        stems += [word[:-3] + "y"] if word.endswith("ies") else []
    if word.endswith("ed"):
        stems += [word[:-2], word[:-1]]
    if word.endswith("ing"):
        stems += [word[:-3], word[:-3] + "e"]
    return any(len(s) >= _MIN_ENGLISH - 1 and s in words for s in stems if s)


_TESTS: dict[str, Callable[[str], bool]] = {
    "regions": lambda w: w in _listed("regions"),
    "time_zones": lambda w: w in _listed("time_zones"),
    "fiscal_periods": lambda w: (_FISCAL_RE.fullmatch(w) is not None
                                 or w.upper() in _listed("fiscal_periods")),
    "placeholders": lambda w: _PLACEHOLDER_RE.fullmatch(w) is not None,
    "numbered_codes": lambda w: _CODE_RE.fullmatch(w) is not None,
    "company_names": lambda w: w in _listed("company_names"),
    "english_words": english_word,
}
assert set(_TESTS) == set(KNOWLEDGE_CLASSES)


class Knowledge:
    """The enabled classes, asked in order; answers are remembered per word."""

    def __init__(self, enabled: Iterable[str] = KNOWLEDGE_CLASSES) -> None:
        self.classes = tuple(c for c in KNOWLEDGE_CLASSES if c in set(enabled))
        self._seen: dict[str, str | None] = {}

    def explains(self, base: str) -> str | None:
        """The class that explains the capitalised word ``base``, or None."""
        if base in self._seen:
            return self._seen[base]
        found = next((c for c in self.classes if _TESTS[c](base)), None)
        self._seen[base] = found
        return found


def explains(base: str, enabled: Iterable[str] = KNOWLEDGE_CLASSES) -> str | None:
    """The built-in class that explains ``base`` (see the module docstring), or None."""
    return Knowledge(enabled).explains(base)
