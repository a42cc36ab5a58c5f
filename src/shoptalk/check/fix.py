"""``--fix``: apply safe replacements and leave every other byte as it was.

A replacement is wording from the glossary and the page is later read by Jinja and
Markdown, so only plain text is ever inserted, whatever the glossary holds (it may
have been loaded without validation). Files are written with ``files.write_bytes_atomic``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from ..files import WriteRefused, write_bytes_atomic
from ..plain_text import markup_in, quoted
from ..problems import Problem
from .prose import line_starts, normalise
from .scan import DEFAULT_LEVELS, Edit

_BREAK_RE = re.compile(r"\r\n|\r|\n")
_BOM = b"\xef\xbb\xbf"
RULE = "fix-skipped"


def refused_edits(edits: Sequence[Edit]) -> list[Edit]:
    """The edits that would insert markup (``<``, ``{{``…): never applied."""
    return [edit for edit in edits if markup_in(edit.text)]


def apply_edits(original: str, edits: Sequence[Edit]) -> str:
    """``original`` with each plain-text edit applied; edits are in normalised offsets.

    Offsets are turned into (line, column), which hold for the original text too,
    then back into offsets of the original, so CRLF line endings survive.
    """
    refused = refused_edits(edits)
    edits = [edit for edit in edits if edit not in refused]
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


def fix_file(path: Path, display: str, text: str, edits: Sequence[Edit], *,
             root: Path) -> tuple[int, list[Problem]]:
    """Apply ``edits`` (found in ``text``, read from ``path``) to the file; (applied, problems).

    Nothing is written when the file changed since ``text`` was read, is read-only, or
    links out of ``root``: that is a problem, and the page is left as it was.
    """
    problems = [_refused(display, text, edit) for edit in refused_edits(edits)]
    applied = len(edits) - len(problems)
    if not applied:
        return 0, problems
    try:
        current = path.read_bytes()
        bom = _BOM if current.startswith(_BOM) else b""
        if current[len(bom):] != text.encode("utf-8"):
            raise WriteRefused("changed while fixing, so nothing was written; run again")
        fixed = bom + apply_edits(text, edits).encode("utf-8")
        write_bytes_atomic(path, fixed, root=root, expected=current)
    except (OSError, WriteRefused) as exc:
        reason = f"cannot read: {exc.strerror}" if isinstance(exc, OSError) else str(exc)
        return 0, [*problems, Problem(display, 1, 1, DEFAULT_LEVELS[RULE], reason, RULE)]
    return applied, problems


def _refused(display: str, text: str, edit: Edit) -> Problem:
    starts = line_starts(normalise(text))
    line = _line_of(starts, edit.start)
    return Problem(display, line + 1, edit.start - starts[line] + 1, DEFAULT_LEVELS[RULE],
                   f"not fixed: the glossary's wording '{edit.text}' is not plain text "
                   f"(it holds {quoted(markup_in(edit.text))}); correct the term, then run "
                   "`shoptalk validate`", RULE)


__all__ = ["RULE", "apply_edits", "fix_file", "refused_edits"]
