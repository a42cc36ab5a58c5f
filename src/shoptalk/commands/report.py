"""``shoptalk report``: where each term is used, unused terms, and per-page counts."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..check import check_docs, coverage
from ..check.coverage import format_text, to_json
from ..config import load_config
from ..load import load_glossary

NAME = "report"
HELP = "report term coverage: where each term is used, unused terms, undefined/avoided per page"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``shoptalk report``'s options to ``parser``."""
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="files or folders to scan (default: 'docs' from shoptalk.yml)")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="output format (default: text)")


def run(args: argparse.Namespace) -> int:
    """Run ``shoptalk report``; the exit code."""
    config = load_config(path=args.config)
    glossary, _ = load_glossary(config.glossary, config.root)
    scans = check_docs(config, glossary, args.paths or None)
    report = coverage(glossary, scans)
    print(to_json(report) if args.format == "json" else format_text(report, glossary))
    return 0


__all__ = ["HELP", "NAME", "add_arguments", "run"]
