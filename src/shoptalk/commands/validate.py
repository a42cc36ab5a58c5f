"""``shoptalk validate``: check the glossary's files and their references."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from ..changed import base_from_env, changed_or_none
from ..check.docs import default_jobs
from ..config import load_config
from ..output import emit
from ..problems import exit_code
from ..rules import RULE_IDS
from ..validate import load_cause, validate

NAME = "validate"
HELP = "check the glossary YAML: schema, references, duplicates, stages, content rules"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``shoptalk validate``'s options to ``parser``."""
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
    parser.add_argument(
        "--base",
        metavar="REV",
        help="the branch this work will merge into, e.g. origin/main: a name two terms "
        "share is reported on the file new or changed since then (default: "
        "origin/$GITHUB_BASE_REF in a GitHub pull request; otherwise on both files)",
    )


def run(args: argparse.Namespace) -> int:
    """Run ``shoptalk validate``; the exit code."""
    config = load_config(path=args.config)
    if args.path is not None:
        config = replace(config, glossary=args.path.resolve())
    base = args.base if args.base is not None else base_from_env()
    config = replace(config, changed=changed_or_none(
        config.glossary, base, explicit=args.base is not None))
    glossary, problems = validate(config, jobs=default_jobs)  # forks only for a big glossary
    emit(problems, args.format, rules=RULE_IDS, cause=load_cause(glossary, config))
    return exit_code(problems, strict=args.strict)


__all__ = ["HELP", "NAME", "add_arguments", "run"]
