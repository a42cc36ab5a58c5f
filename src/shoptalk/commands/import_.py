"""``shoptalk import FILE``: bring an existing glossary in, reporting what is not safe."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..config import load_config
from ..exchange import FORMATS, Defaults, plan_import, read_source, required_defaults
from ..load import load_glossary
from ..output import emit
from ..problems import display_path, exit_code

NAME = "import"
HELP = ("turn a CSV file, a Markdown table, or a JSON/SKOS export into term files under "
        "glossary/terms/; rows that are not safe to take are reported, never merged")


def add_arguments(parser: argparse.ArgumentParser) -> None:
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
    config = load_config(path=args.config)
    glossary, _ = load_glossary(config.glossary, config.root)
    source = read_source(args.file, display_path(args.file, config.root), args.source_format)
    owners = sorted({*glossary.roles, *config.teams})
    if not source.problems or source.rows:
        required_defaults(source, Defaults(args.category, args.owner), glossary, owners)
    plan = plan_import(source, glossary, Defaults(args.category, args.owner), config.root)
    verb = "would write" if args.dry_run else "wrote"
    for item in plan.planned:
        if not args.dry_run:
            item.path.parent.mkdir(parents=True, exist_ok=True)
            with item.path.open("x", encoding="utf-8") as handle:  # never overwrite a record
                handle.write(item.text)
        if args.format == "text":
            print(f"{verb} {display_path(item.path, config.root)} ({item.name}, line {item.line})")
    if args.format == "text":
        refused = len({(p.line) for p in plan.problems if p.severity == "error"})
        print(f"{len(plan.planned)} term{'s' * (len(plan.planned) != 1)} "
              f"{'to import' if args.dry_run else 'imported'}, {refused} row"
              f"{'s' * (refused != 1)} not taken")
    emit(sorted(plan.problems), args.format)
    return exit_code(plan.problems)
