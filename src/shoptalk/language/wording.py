"""What counts as the same wording: one fold for the validator, the checker and the resolver."""

from __future__ import annotations

import unicodedata

from ..lookalikes import skeleton

__all__ = ["fold", "looks", "normalize"]

# Typographic apostrophes editors and word processors put in place of the straight one.
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})

_cache: dict[str, str] = {}


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


def looks(text: str) -> str:
    """Compare wording the way eyes do: the confusable skeleton of its fold (UTS #39)."""
    return skeleton(fold(text))
