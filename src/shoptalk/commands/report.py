"""``shoptalk report``: where each term is used, unused terms, per-page counts; and the gaps.

``--gaps`` ranks what the pages use and the glossary does not define;
``--stubs N`` writes a draft term for each of the top N, never over an existing file.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..check import TermIndex, coverage
from ..check.coverage import format_text, to_json
from ..check.docs import page_files, scan_files
from ..check.gaps import Gap, find_gaps, gaps_text
from ..check.gaps import to_json as gaps_to_json
from ..config import Config, load_config
from ..files import WriteRefused, write_text_atomic
from ..load import load_glossary
from ..model import Glossary
from ..problems import ShoptalkError, display_path
from ..scaffold import new_term, term_defaults

NAME = "report"
HELP = ("report term coverage: where each term is used, unused terms, undefined/avoided per page; "
        "with --gaps, what to define first")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``shoptalk report``'s options to ``parser``."""
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="files or folders to scan (default: 'docs' from shoptalk.yml)")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="output format (default: text)")
    parser.add_argument("--gaps", action="store_true",
                        help="rank undefined acronyms and frequent undefined capitalised phrases "
                        "by pages × uses, each with an example sentence")
    parser.add_argument("--stubs", type=int, metavar="N",
                        help="with --gaps: write a draft term for each of the top N gaps "
                        "(existing terms are never overwritten)")
    parser.add_argument("--dry-run", action="store_true",
                        help="with --stubs: say which files would be written, write nothing")
    parser.add_argument("--category", help="with --stubs: the category of the draft terms")
    parser.add_argument("--owner", help="with --stubs: the owner (role id or team) of the drafts")


def run(args: argparse.Namespace) -> int:
    """Run ``shoptalk report``; the exit code."""
    if args.stubs is not None and (not args.gaps or args.stubs < 1):
        raise ShoptalkError("--stubs N needs --gaps and a number of at least 1")
    if (args.dry_run or args.category or args.owner) and args.stubs is None:
        raise ShoptalkError("--dry-run, --category and --owner only make sense with --stubs")
    config = load_config(path=args.config)
    glossary, _ = load_glossary(config.glossary, config.root)
    index = TermIndex.from_glossary(glossary, config)
    files = page_files(args.paths or [config.docs])
    pages = [(text, scan) for _, text, scan, _ in scan_files(config, index, files)
             if text is not None]
    if not args.gaps:
        report = coverage(glossary, [scan for _, scan in pages])
        print(to_json(report) if args.format == "json" else format_text(report, glossary))
        return 0
    gaps = find_gaps(index, pages)
    if args.stubs is None:
        print(gaps_to_json(gaps) if args.format == "json" else gaps_text(gaps))
        return 0
    written = _stubs(config, glossary, gaps[:args.stubs], args)
    if args.format == "text" and not args.dry_run and any("path" in w for w in written):
        print("write each draft's definition in your own words, then run `shoptalk validate`")
    if args.format == "json":
        print(json.dumps({"version": 1, "stubs": written}, indent=2, ensure_ascii=False))
    return 0


def _stubs(config: Config, glossary: Glossary, gaps: list[Gap],
           args: argparse.Namespace) -> list[dict[str, str]]:
    """Write (or, dry, plan) a draft term per gap; print each line in text format."""
    owners = sorted({*glossary.roles, *config.teams})
    category, owner = term_defaults(glossary, owners, args.category, args.owner)
    verb = "would write" if args.dry_run else "wrote"
    done: list[dict[str, str]] = []
    for gap in gaps:
        try:
            draft = new_term(glossary, owners, gap.wording, category=category,
                             owner=owner, today=config.today,
                             examples=[gap.example.sentence])
            if not args.dry_run:
                write_text_atomic(draft.path, draft.text, root=config.root)
        except (ShoptalkError, WriteRefused) as exc:  # it exists, or its wording is taken
            line = {"wording": gap.wording, "skipped": str(exc)}
            message = f"skipped {gap.wording}: {exc}"
        else:
            shown = display_path(draft.path, config.root)
            line = {"wording": gap.wording, "path": shown}
            message = f"{verb} {shown} ({gap.wording}, status: draft)"
        done.append(line)
        if args.format == "text":
            print(message)
    return done


__all__ = ["HELP", "NAME", "add_arguments", "run"]
