"""``--fix``: apply safe replacements and leave every other byte as it was.

A replacement is wording from the glossary and the page is later read by Jinja and
Markdown, so only plain text is ever inserted, whatever the glossary holds (it may
have been loaded without validation). Files are written with ``files.write_bytes_atomic``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..files import WriteRefused, write_bytes_atomic
from ..plain_text import markup_in, quoted
from ..problems import Problem, visible
from .prose import line_starts, normalise
from .scan import DEFAULT_LEVELS, Edit

_BREAK_RE = re.compile(r"\r\n|\r|\n")
_LINE_BREAK_RE = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")
_BOM = b"\xef\xbb\xbf"
RULE = "fix-skipped"

__all__ = ["Change", "apply_edits", "fix_file", "planned_changes", "refused_edits"]


def refused_edits(edits: Sequence[Edit]) -> list[Edit]:
    """The edits that would insert markup (``<``, ``{{``…): never applied."""
    return [edit for edit in edits if markup_in(edit.text)]


@dataclass(frozen=True, slots=True, order=True)
class Change:
    """One wording ``--fix`` replaces: where it starts, the page's text, and the term's."""

    path: str
    line: int
    col: int
    old: str
    new: str

    def format(self) -> str:
        """``path:line:col: old → new`` on one line, safe to print to a terminal or a CI log."""
        old = _LINE_BREAK_RE.sub(" ", self.old)  # wording across a line break reads as one line
        return visible(f"{self.path}:{self.line}:{self.col}: {old} → {self.new}")


@dataclass(frozen=True, slots=True)
class _Placed:
    start: int  # offsets in the original text
    end: int
    line: int  # 0-based, with the column, in the normalised text the edit came from
    col: int
    text: str


def _place(original: str, edits: Sequence[Edit]) -> list[_Placed]:
    """The plain-text edits, in order, as offsets of ``original``; overlaps dropped.

    Offsets are turned into (line, column), which hold for the original text too,
    then back into offsets of the original, so CRLF line endings survive.
    """
    refused = refused_edits(edits)
    edits = [edit for edit in edits if edit not in refused]
    if not edits:
        return []
    norm_starts = line_starts(normalise(original))
    orig_starts = [0] + [m.end() for m in _BREAK_RE.finditer(original)]

    def to_original(offset: int) -> int:
        line = _line_of(norm_starts, offset)
        return orig_starts[line] + offset - norm_starts[line]

    placed: list[_Placed] = []
    for edit in sorted(edits, key=lambda e: e.start):
        start, end = to_original(edit.start), to_original(edit.end)
        if placed and start < placed[-1].end:  # overlapping edits cannot both be right
            continue
        line = _line_of(norm_starts, edit.start)
        placed.append(_Placed(start, end, line, edit.start - norm_starts[line], edit.text))
    return placed


def apply_edits(original: str, edits: Sequence[Edit]) -> str:
    """``original`` with each plain-text edit applied; edits are in normalised offsets."""
    out: list[str] = []
    last = 0
    for edit in _place(original, edits):
        out += [original[last:edit.start], edit.text]
        last = edit.end
    out.append(original[last:])
    return "".join(out)


def planned_changes(display: str, original: str, edits: Sequence[Edit]) -> list[Change]:
    """The changes ``apply_edits`` makes to ``original`` (the page ``display``), in order."""
    return [Change(display, edit.line + 1, edit.col + 1, original[edit.start:edit.end], edit.text)
            for edit in _place(original, edits)]


def _line_of(starts: list[int], offset: int) -> int:
    return bisect_right(starts, offset) - 1


def fix_file(path: Path, display: str, text: str, edits: Sequence[Edit], *, root: Path,
             dry_run: bool = False) -> tuple[list[Change], list[Problem]]:
    """Apply ``edits`` (found in ``text``, read from ``path``) to the file; (changes, problems).

    Nothing is written when the file changed since ``text`` was read, is read-only, or
    links out of ``root``: that is a problem, and the page is left as it was. A dry run
    returns the same changes and writes nothing.
    """
    problems = [_refused(display, text, edit) for edit in refused_edits(edits)]
    changes = planned_changes(display, text, edits)
    if not changes or dry_run:
        return changes, problems
    try:
        current = path.read_bytes()
        bom = _BOM if current.startswith(_BOM) else b""
        if current[len(bom):] != text.encode("utf-8"):
            raise WriteRefused("changed while fixing, so nothing was written; run again")
        fixed = bom + apply_edits(text, edits).encode("utf-8")
        write_bytes_atomic(path, fixed, root=root, expected=current)
    except (OSError, WriteRefused) as exc:
        reason = f"cannot read: {exc.strerror}" if isinstance(exc, OSError) else str(exc)
        return [], [*problems, Problem(display, 1, 1, DEFAULT_LEVELS[RULE], reason, RULE)]
    return changes, problems


def _refused(display: str, text: str, edit: Edit) -> Problem:
    starts = line_starts(normalise(text))
    line = _line_of(starts, edit.start)
    return Problem(display, line + 1, edit.start - starts[line] + 1, DEFAULT_LEVELS[RULE],
                   f"not fixed: the glossary's wording '{edit.text}' is not plain text "
                   f"(it holds {quoted(markup_in(edit.text))}); correct the term, then run "
                   "`shoptalk validate`", RULE)


__all__ = ["RULE", "apply_edits", "fix_file", "refused_edits"]
