"""Problems found in content, and the error that stops a command."""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

# Controls (C0, DEL, C1), format characters (bidi overrides, zero-width, tags), line
# separators and lone surrogates: a terminal or a CI log would obey them, hide them or
# fail on them instead of showing them.
_UNSHOWN = frozenset(("Cc", "Cf", "Zl", "Zp", "Cs"))


def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def visible(text: str) -> str:
    """``text`` with every invisible or terminal-controlling character written as an escape."""
    if text.isprintable():  # the common case: nothing to escape
        return text
    return "".join(
        _escape(c) if unicodedata.category(c) in _UNSHOWN else c for c in text
    )


# A notice is a reminder (e.g. a review falling due): shown, annotated, never failing.
Severity = Literal["error", "warning", "notice"]


class ShoptalkError(Exception):
    """A usage, configuration or internal error: reported once at the top, exit 2."""


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong with the content, at ``path:line:col``.

    ``end_col`` is the column just past the reported text, when it is known;
    ``replacement`` is the suggested fix for that span, when there is a safe one;
    ``also`` the line of each further use a page-level finding stands for (one finding
    per acronym per page).
    """

    path: str
    line: int
    col: int
    severity: Severity
    message: str
    rule: str
    end_col: int | None = None
    replacement: str | None = None
    also: tuple[int, ...] = ()

    def format(self) -> str:
        """The problem as one line of text, safe to print to a terminal or a CI log."""
        return visible(
            f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message} [{self.rule}]"
        )

    def with_severity(self, severity: Severity) -> Problem:
        return Problem(
            self.path,
            self.line,
            self.col,
            severity,
            self.message,
            self.rule,
            self.end_col,
            self.replacement,
            self.also,
        )


def display_path(path: Path, base: Path | None = None) -> str:
    """A path as users should see it: relative to ``base`` (or the working dir), with '/'."""
    for anchor in (base, Path.cwd()):
        if anchor is None:
            continue
        try:
            return path.resolve().relative_to(anchor.resolve()).as_posix()
        except ValueError:
            continue
    return path.as_posix()


class PathDisplay:
    """``display_path(path, root)`` for many files, resolving each folder once.

    Resolving a path stats every folder on the way; the files of a glossary or of the
    pages share a few folders. Only the file's own name is checked for a symlink. Make
    one per batch: what a folder resolves to is remembered.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self._root: Path | None = None
        self._folders: dict[str, Path] = {}

    def show(self, path: Path) -> str:
        name = path.name
        if name in ("", ".", "..") or ".." in path.parts or path.is_symlink():
            return display_path(path, self.root)
        parent = os.path.abspath(path.parent)  # no "..": the same folder realpath walks
        folder = self._folders.get(parent)
        if folder is None:
            folder = self._folders[parent] = Path(parent).resolve()
        resolved = folder / name  # == path.resolve(): the name itself is no symlink
        if self._root is None:
            self._root = self.root.resolve()
        if resolved.is_relative_to(self._root):
            return resolved.relative_to(self._root).as_posix()
        cwd = Path.cwd().resolve()
        if resolved.is_relative_to(cwd):
            return resolved.relative_to(cwd).as_posix()
        return path.as_posix()

    def show_link(self, path: Path) -> str:
        """Where a symbolic link itself stands (not what it points at), shown like ``show``."""
        folder = self.show(path.parent)
        return path.name if folder in ("", ".") else f"{folder}/{path.name}"


def exit_code(problems: list[Problem], *, strict: bool = False) -> int:
    """0 when clean, 1 when any error (or any warning under ``strict``); notices never fail."""
    if any(p.severity == "error" or (strict and p.severity == "warning") for p in problems):
        return 1
    return 0


__all__ = [
    "PathDisplay", "Problem", "Severity", "ShoptalkError", "display_path", "exit_code", "visible"
]
