"""``shoptalk codeowners``: keep .github/CODEOWNERS in step with the records' owners."""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

from ..codeowners import CODEOWNERS, build_section, splice
from ..config import load_config
from ..load import load_glossary
from ..problems import ShoptalkError

NAME = "codeowners"
HELP = ("write the generated section of .github/CODEOWNERS from each term's and stage's owner "
        "(config teams: maps an owner to a handle); --check fails when it is out of date")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--file", type=Path, default=None,
                        help="the CODEOWNERS file (default: .github/CODEOWNERS)")
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 when the file is out of date")


def run(args: argparse.Namespace) -> int:
    config = load_config(path=args.config)
    glossary, _ = load_glossary(config.glossary, config.root)
    path: Path = args.file or config.root / CODEOWNERS
    try:
        existing = path.read_text(encoding="utf-8") if path.exists() else ""
    except (OSError, UnicodeDecodeError) as exc:
        raise ShoptalkError(f"{path}: cannot read: {exc}") from exc
    section = build_section(glossary, config)
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
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(wanted, encoding="utf-8")
        print(f"updated {path.name} ({len(section.lines) - 2} owned files)")
    else:
        print(f"{path.name} is up to date")
    return 0
