"""``shoptalk codeowners``: keep .github/CODEOWNERS in step with the records' owners."""

from __future__ import annotations

import argparse
import difflib
import os
import sys
import tempfile
from pathlib import Path

from ..codeowners import CODEOWNERS, build_section, splice
from ..config import load_config
from ..load import load_glossary
from ..problems import ShoptalkError

NAME = "codeowners"
HELP = ("write the generated section of .github/CODEOWNERS from each term's and stage's owner "
        "(config teams: maps an owner to a handle; admins: approve settings, schemas and "
        "workflows); --check fails when it is out of date")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``shoptalk codeowners``'s options to ``parser``."""
    parser.add_argument("--file", type=Path, default=None,
                        help="the CODEOWNERS file (default: .github/CODEOWNERS)")
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 when the file is out of date")


def run(args: argparse.Namespace) -> int:
    """Run ``shoptalk codeowners``; the exit code."""
    config = load_config(path=args.config)
    glossary, _ = load_glossary(config.glossary, config.root)
    path: Path = args.file or config.root / CODEOWNERS
    try:
        existing = path.read_text(encoding="utf-8") if path.exists() else ""
    except (OSError, UnicodeDecodeError) as exc:
        raise ShoptalkError(f"{path}: cannot read: {exc}") from exc
    section = build_section(glossary, config)
    if section.problems:
        for problem in section.problems:
            print(problem.format())
        print(f"{path.name} not changed: fix the owners above first", file=sys.stderr)
        return 1
    for owner in section.unmapped:
        print(f"note: owner '{owner}' has no handle; add it under teams: in shoptalk.yml, e.g. "
              f"{owner}: '@your-org/{owner}'", file=sys.stderr)
    wanted = splice(existing, section)
    if args.check:
        if wanted == existing:
            print(f"{path.name} is up to date")
            return 0
        sys.stdout.writelines(difflib.unified_diff(
            existing.splitlines(keepends=True), wanted.splitlines(keepends=True),
            f"{CODEOWNERS.as_posix()} (now)", f"{CODEOWNERS.as_posix()} (generated)"))
        print(f"{path.name} is out of date; run `shoptalk codeowners` and commit the result",
              file=sys.stderr)
        return 1
    if wanted != existing:
        _write_atomic(path, wanted)
        print(f"updated {path.name} ({section.records} owned files)")
    else:
        print(f"{path.name} is up to date")
    return 0


def _write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file beside it, so no reader sees half."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
                out.write(text)
            os.chmod(temp, mode)  # mkstemp makes it private; keep the file as readable as before
            os.replace(temp, path)
        except BaseException:
            os.unlink(temp)
            raise
    except OSError as exc:
        raise ShoptalkError(f"{path}: cannot write: {exc.strerror or exc}") from exc


__all__ = ["HELP", "NAME", "add_arguments", "run"]
