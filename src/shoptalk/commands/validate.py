"""``shoptalk validate``: check the glossary's files and their references."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from ..config import load_config
from ..output import emit
from ..problems import exit_code
from ..rules import RULE_IDS
from ..validate import validate

NAME = "validate"
HELP = "check the glossary YAML: schema, references, duplicates, stages, content rules"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        help="the glossary folder (default: 'glossary' from shoptalk.yml)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="output format (default: text)",
    )
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")


def run(args: argparse.Namespace) -> int:
    config = load_config(path=args.config)
    if args.path is not None:
        config = replace(config, glossary=args.path.resolve())
    _, problems = validate(config)
    emit(problems, args.format, rules=RULE_IDS)
    return exit_code(problems, strict=args.strict)
