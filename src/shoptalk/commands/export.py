"""``shoptalk export``: the glossary's terms as JSON, CSV or SKOS JSON-LD."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..config import load_config
from ..exchange import DEFAULT_BASE, glossary_csv, glossary_json, glossary_skos
from ..exchange.writing import write_file
from ..load import load_glossary

NAME = "export"
HELP = "write the terms as json (every field), csv (one row per term) or skos (JSON-LD)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``shoptalk export``'s options to ``parser``."""
    parser.add_argument("--format", choices=("json", "csv", "skos"), default="json",
                        help="output format (default: json)")
    parser.add_argument("--output", "-o", type=Path, help="write to this file (default: stdout)")
    parser.add_argument("--base-url", default=DEFAULT_BASE,
                        help=f"prefix of each concept's IRI in skos (default: {DEFAULT_BASE})")
    parser.add_argument("--title", default="Glossary", help="the concept scheme's name (skos)")


def run(args: argparse.Namespace) -> int:
    """Run ``shoptalk export``; the exit code."""
    config = load_config(path=args.config)
    glossary, _ = load_glossary(config.glossary, config.root)
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


__all__ = ["HELP", "NAME", "add_arguments", "run"]
