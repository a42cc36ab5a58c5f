"""``shoptalk check``: keep pages in the selling language (undefined, avoided, ambiguous)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..check import RULE_IDS, TermIndex
from ..check.docs import page_files, scan_files
from ..check.fix import fix_file
from ..config import load_config
from ..load import load_glossary
from ..output import FORMATS, emit
from ..problems import Problem, exit_code

NAME = "check"
HELP = "check Markdown pages for undefined acronyms, avoided wording and broken term references"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``shoptalk check``'s options to ``parser``."""
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="files or folders to check (default: 'docs' from shoptalk.yml)")
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="output format (default: text)")
    parser.add_argument("--strict", action="store_true",
                        help="fail on warnings too, and report acronyms defined only in a page")
    parser.add_argument("--fix", action="store_true",
                        help="replace avoided and deprecated wording with the preferred term")


def run(args: argparse.Namespace) -> int:
    """Run ``shoptalk check``; the exit code."""
    config = load_config(path=args.config)
    glossary, _ = load_glossary(config.glossary, config.root)  # `validate` reports its problems
    index = TermIndex.from_glossary(glossary, config)
    files = page_files(args.paths or [config.docs])
    problems: list[Problem] = []
    for path, text, scan, edits in scan_files(config, index, files, strict=args.strict):
        if args.fix and text is not None and edits:
            fixed, skipped = fix_file(path, scan.path, text, edits, root=config.root)
            problems.extend(skipped)
            if fixed:
                print(f"{scan.path}: fixed {fixed} wording{'s' * (fixed != 1)}", file=sys.stderr)
                scan = next(scan_files(config, index, [path], strict=args.strict))[2]
        problems.extend(scan.problems)
    emit(problems, args.format, grouped=True, rules=RULE_IDS)
    return exit_code(problems, strict=args.strict)


__all__ = ["HELP", "NAME", "add_arguments", "run"]
