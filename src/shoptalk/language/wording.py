"""What counts as the same wording: one fold for the validator, the checker and the resolver."""

from __future__ import annotations

import unicodedata

from ..lookalikes import skeleton

__all__ = ["COMPOUND_JOINERS", "closed", "fold", "looks", "normalize"]

# Typographic apostrophes editors and word processors put in place of the straight one.
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})

_cache: dict[str, str] = {}

# What may stand between the words of one compound: "enterprise notice", "enterprise-notice"
# (hyphen, or the Unicode hyphen and non-breaking hyphen) and "enterprisenotice" are one wording.
COMPOUND_JOINERS = " \t\n-\u2010\u2011"
_DROP_JOINERS = str.maketrans("", "", COMPOUND_JOINERS)


def fold(text: str) -> str:
    """Compare-form of wording: NFKC, case-folded, apostrophes straight, whitespace collapsed."""
    found = _cache.get(text)
    if found is None:
        if text.isascii():  # the checker folds every word of every page: skip Unicode work
            found = text.lower()
            if not found.isalnum():
                found = " ".join(found.split())
        else:
            found = " ".join(unicodedata.normalize("NFKC", text).casefold()
                             .translate(_APOSTROPHES).split())
        if len(_cache) < 200_000:  # bounded: a page of random words must not grow it forever
            _cache[text] = found
    return found


def normalize(text: str) -> str:
    """Wording with its case kept (abbreviations compare as written): NFKC, apostrophes straight."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)


def closed(text: str) -> str:
    """The compare-form that makes hyphen, space and closed spellings of a compound one:
    ``closed("Enterprise-Notice") == closed("enterprise notice") == "enterprisenotice"``."""
    return fold(text).translate(_DROP_JOINERS)


def looks(text: str) -> str:
    """Compare wording the way eyes do: the confusable skeleton of its fold (UTS #39)."""
    return skeleton(fold(text))
