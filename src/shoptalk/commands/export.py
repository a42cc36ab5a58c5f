"""``shoptalk export``: the terms as JSON, CSV or SKOS, or the pipeline for a CRM."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..config import load_config
from ..crm import SYSTEMS, export_crm
from ..crm.salesforce import DEVELOPER_NAME
from ..exchange import DEFAULT_BASE, glossary_csv, glossary_json, glossary_skos
from ..exchange.writing import write_file
from ..load import load_glossary
from ..model import Glossary
from ..output import emit
from ..problems import ShoptalkError, exit_code

NAME = "export"
HELP = ("write the terms as json (every field), csv (one row per term) or skos (JSON-LD), or "
        "the pipeline as a Salesforce source tree or a HubSpot pipeline")
TERM_FORMATS = ("json", "csv", "skos")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``shoptalk export``'s options to ``parser``."""
    parser.add_argument("--format", choices=(*TERM_FORMATS, *SYSTEMS), default="json",
                        help="output format (default: json)")
    parser.add_argument("--output", "-o", type=Path, help="write to this file (default: stdout)")
    parser.add_argument("--out", type=Path, metavar="DIR",
                        help="salesforce, hubspot: write the files into this folder")
    parser.add_argument("--base-url", default=DEFAULT_BASE,
                        help=f"prefix of each concept's IRI in skos (default: {DEFAULT_BASE})")
    parser.add_argument("--title", default="Glossary", help="the concept scheme's name (skos)")
    parser.add_argument("--path-name", default="Sales_Path",
                        help="salesforce: the Path's API name (default: Sales_Path)")
    parser.add_argument("--label", help="salesforce: the Path's label (default: Sales Path); "
                        "hubspot: the pipeline's label (default: Sales pipeline)")
    parser.add_argument("--strict", action="store_true",
                        help="salesforce, hubspot: fail (exit 1) on warnings too")


def run(args: argparse.Namespace) -> int:
    """Run ``shoptalk export``; the exit code."""
    config = load_config(path=args.config)
    glossary, _ = load_glossary(config.glossary, config.root)
    if args.format in SYSTEMS:
        return _export_crm(args, glossary)
    if args.format == "csv":
        text = glossary_csv(glossary)
    elif args.format == "skos":
        text = glossary_skos(glossary, args.base_url, args.title)
    else:
        text = glossary_json(glossary)
    if args.output is None:
        sys.stdout.write(text)
    else:
        write_file(args.output, text)
    return 0


def _export_crm(args: argparse.Namespace, glossary: Glossary) -> int:
    if args.format == "salesforce":
        if args.out is None:
            raise ShoptalkError("--format salesforce writes a folder: give it with --out DIR")
        if not DEVELOPER_NAME.fullmatch(args.path_name):
            raise ShoptalkError(f"--path-name '{args.path_name}' is not an API name: a letter, "
                                "then letters, digits and single underscores")
    export = export_crm(glossary, args.format, label=args.label, path_name=args.path_name)
    problems = sorted(export.problems)
    failed = exit_code(problems, strict=args.strict)
    if not any(p.severity == "error" for p in problems):
        _write(args, export.files)
    if problems:
        emit(problems, "text", stream=sys.stderr)
    return failed


def _write(args: argparse.Namespace, files: dict[str, str]) -> None:
    if args.out is None and args.output is None:
        for text in files.values():
            sys.stdout.write(text)
        return
    if args.out is None:
        (text,) = files.values()
        write_file(args.output, text)
        return
    for relative, text in files.items():
        target = args.out / relative
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ShoptalkError(f"cannot make {target.parent}: {exc.strerror or exc}") from exc
        write_file(target, text)


__all__ = ["HELP", "NAME", "add_arguments", "run"]
