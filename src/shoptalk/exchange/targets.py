"""Where an imported term is written, and why that place may not be free.

The glossary as loaded lists only the files that load; a term file that is
broken, a second ``.yaml`` spelling, or a link still takes the place on disk.
So every target is looked at on disk before anything is written, and the
path is checked to stay inside the glossary folder whatever the id holds.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from ..load import SUFFIXES
from ..problems import Problem, display_path
from ..schema import ID_PATTERN

TERMS_FOLDER = "terms"


def term_path(root: Path, term_id: str) -> Path:
    """The file a new term ``term_id`` is written to: ``<root>/terms/<id>.yml``."""
    if not ID_PATTERN.fullmatch(term_id):  # fullmatch: '$' alone lets a trailing newline in
        raise ValueError(f"not a term id: {term_id!r}")
    return root / TERMS_FOLDER / f"{term_id}{SUFFIXES[0]}"


def target_problem(root: Path, term_id: str, name: str, base: Path | None,
                   loading: Sequence[Problem]) -> tuple[str, list[Problem]] | None:
    """Why term ``term_id`` cannot be written (with the problems of the file in the way)."""
    folder = (root / TERMS_FOLDER).resolve()
    if not folder.is_relative_to(root.resolve()):
        return (f"'{name}' would be written to {display_path(root, base)}/{TERMS_FOLDER}, which "
                "leads outside the glossary folder (a link); make it an ordinary folder", [])
    for suffix in SUFFIXES:
        path = root / TERMS_FOLDER / f"{term_id}{suffix}"
        if not os.path.lexists(path):
            continue
        shown = f"{display_path(path.parent, base)}/{path.name}"  # the name, not a link's end
        loaded_as = {shown, display_path(path, base)}
        broken = [p for p in loading if p.path in loaded_as and p.severity == "error"]
        if broken:
            return (f"'{name}' would be term '{term_id}', but {shown} is already there and does "
                    "not load (its problems are listed); fix or remove that file, then import "
                    "again", broken)
        return (f"'{name}' would be term '{term_id}', but {shown} is already there; edit that "
                "file instead, or remove it and import again", [])
    return None


__all__ = ["TERMS_FOLDER", "target_problem", "term_path"]
