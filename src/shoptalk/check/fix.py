"""``--fix``: apply safe replacements and leave every other byte as it was."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .prose import line_starts, normalise
from .scan import Edit

_BREAK_RE = re.compile(r"\r\n|\r|\n")


def apply_edits(original: str, edits: Sequence[Edit]) -> str:
    """``original`` with each edit applied; edits are in normalised offsets.

    Offsets are turned into (line, column), which hold for the original text too,
    then back into offsets of the original, so CRLF line endings survive.
    """
    if not edits:
        return original
    norm_starts = line_starts(normalise(original))
    orig_starts = [0] + [m.end() for m in _BREAK_RE.finditer(original)]

    def to_original(offset: int) -> int:
        line = _line_of(norm_starts, offset)
        return orig_starts[line] + offset - norm_starts[line]

    out: list[str] = []
    last = 0
    for edit in sorted(edits, key=lambda e: e.start):
        start, end = to_original(edit.start), to_original(edit.end)
        if start < last:  # overlapping edits cannot both be right: keep the first
            continue
        out.append(original[last:start])
        out.append(edit.text)
        last = end
    out.append(original[last:])
    return "".join(out)


def _line_of(starts: list[int], offset: int) -> int:
    from bisect import bisect_right

    return bisect_right(starts, offset) - 1
