"""``shoptalk import FILE``: bring an existing glossary in, reporting what is not safe."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..config import load_config
from ..exchange import FORMATS, Defaults, Plan, plan_import, read_source, required_defaults
from ..exchange.writing import write_new_files
from ..load import load_glossary
from ..output import emit
from ..problems import display_path, exit_code

NAME = "import"
HELP = ("turn a CSV file, a Markdown table, or a JSON/SKOS export into term files under "
        "glossary/terms/; every row that is not safe to take is reported, and nothing is written "
        "until every row can be taken")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``shoptalk import``'s options to ``parser``."""
    parser.add_argument("file", type=Path, help="the glossary to import (.csv, .md, .json)")
    parser.add_argument("--from", dest="source_format", choices=FORMATS,
                        help="the file's format (default: from its extension)")
    parser.add_argument("--category", help="category for terms the source gives none")
    parser.add_argument("--owner", help="owner (role id or team) for terms the source gives none")
    parser.add_argument("--dry-run", action="store_true", help="show what would be written, "
                        "write nothing")
    parser.add_argument("--format", choices=("text", "json", "github"), default="text",
                        help="how to print the problems (default: text)")


def run(args: argparse.Namespace) -> int:
    """Run ``shoptalk import``; the exit code."""
    config = load_config(path=args.config)
    glossary, loading = load_glossary(config.glossary, config.root)
    source = read_source(args.file, display_path(args.file, config.root), args.source_format)
    owners = sorted({*glossary.roles, *config.teams})
    if not source.problems or source.rows:
        required_defaults(source, Defaults(args.category, args.owner), glossary, owners)
    plan = plan_import(source, glossary, Defaults(args.category, args.owner), config.root,
                       loading)
    # All or nothing, and a dry run decides exactly as a real run does: only the verbs differ.
    if plan.writable and not args.dry_run:
        write_new_files([(item.path, item.text) for item in plan.planned])
    if args.format == "text":
        _report(plan, source.display, config.root, dry_run=args.dry_run)
    emit(sorted(plan.problems), args.format)
    return exit_code(plan.problems)


def _report(plan: Plan, source: str, root: Path, *, dry_run: bool) -> None:
    terms = len(plan.planned)
    refused = len({p.line for p in plan.problems if p.severity == "error" and p.path == source})
    rows = f"{refused} row{'s' * (refused != 1)} not taken"
    if not plan.writable:
        print(f"nothing {'would be ' if dry_run else ''}imported: {rows}; fix the errors below "
              f"and run again ({terms} other term{'s' * (terms != 1)} ready)")
        return
    verb = "would write" if dry_run else "wrote"
    for item in plan.planned:
        print(f"{verb} {display_path(item.path, root)} ({item.name}, line {item.line})")
    print(f"{terms} term{'s' * (terms != 1)} {'to import' if dry_run else 'imported'}, {rows}")


__all__ = ["HELP", "NAME", "add_arguments", "run"]
