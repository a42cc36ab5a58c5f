"""``shoptalk check``: keep pages in the selling language (undefined, avoided, ambiguous)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from ..cache import load_cached_with
from ..check import RULE_IDS
from ..check.docs import default_jobs, page_files, scan_files
from ..check.fix import Change, fix_file
from ..check.index import CompiledIndex
from ..config import load_config
from ..output import FORMATS, emit
from ..problems import Problem, ShoptalkError, exit_code

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
    parser.add_argument("--all-occurrences", action="store_true",
                        help="report every use of an undefined or ambiguous acronym, not "
                             "only its first use on each page")
    parser.add_argument("--fix", action="store_true",
                        help="replace avoided and deprecated wording with the preferred term, "
                        "printing each change as 'path:line:col: old → new'")
    parser.add_argument("--dry-run", action="store_true",
                        help="with --fix: print the changes, write nothing, and exit 1 if "
                        "there is anything to fix")


def run(args: argparse.Namespace) -> int:
    """Run ``shoptalk check``; the exit code."""
    if args.dry_run and not args.fix:
        raise ShoptalkError("--dry-run only makes sense with --fix")
    config = load_config(path=args.config)
    # `validate` reports the glossary's problems; a warm run compiles nothing.
    _, _, index = load_cached_with(config.glossary, config.root, CompiledIndex(config),
                                   jobs=default_jobs)
    files = page_files(args.paths or [config.docs])
    problems: list[Problem] = []
    changes: list[Change] = []
    jobs = default_jobs(len(files))
    for path, text, scan, edits in scan_files(config, index, files, strict=args.strict, jobs=jobs,
                                              all_occurrences=args.all_occurrences):
        if args.fix and text is not None and edits:
            made, skipped = fix_file(path, scan.path, text, edits, root=config.root,
                                     dry_run=args.dry_run)
            problems.extend(skipped)
            changes.extend(made)
            if made and not args.dry_run:
                scan = next(scan_files(config, index, [path], strict=args.strict,
                                       all_occurrences=args.all_occurrences))[2]
        problems.extend(scan.problems)
    if args.fix:
        # The report on stdout is in --format; the changes join it only when that is text.
        _print_changes(changes, dry_run=args.dry_run,
                       stream=sys.stdout if args.format == "text" else sys.stderr)
    emit(problems, args.format, grouped=True, rules=RULE_IDS)
    code = exit_code(problems, strict=args.strict)
    return max(code, 1) if args.dry_run and changes else code


def _print_changes(changes: list[Change], *, dry_run: bool, stream: TextIO) -> None:
    for change in sorted(changes):
        print(change.format(), file=stream)
    if changes:
        count, pages = len(changes), len({change.path for change in changes})
        done = "would fix" if dry_run else "fixed"
        print(f"{done} {count} wording{'s' * (count != 1)} in {pages} "
              f"page{'s' * (pages != 1)}{'; nothing written (--dry-run)' * dry_run}", file=stream)


__all__ = ["HELP", "NAME", "add_arguments", "run"]
