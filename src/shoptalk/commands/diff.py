"""``shoptalk diff BASE [HEAD]``: what a change does to the selling language."""

from __future__ import annotations

import argparse
import sys

from ..config import load_config
from ..diff import WORKING_TREE, compare, format_markdown, load_revision, to_json
from ..output import emit
from ..problems import exit_code

NAME = "diff"
HELP = ("compare the glossary at two git revisions (HEAD defaults to the working tree): terms "
        "added, removed, renamed, definitions, aliases, stages; changes to reporting first")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``shoptalk diff``'s options to ``parser``."""
    parser.add_argument("base", help="the revision to compare from, e.g. origin/main")
    parser.add_argument("head", nargs="?", default=None,
                        help="the revision to compare to (default: the working tree)")
    parser.add_argument("--format", choices=("markdown", "json"), default="markdown",
                        help="markdown for a pull-request comment or job summary (default), "
                        "json for tools")


def run(args: argparse.Namespace) -> int:
    """Run ``shoptalk diff``; the exit code."""
    config = load_config(path=args.config)
    old, refused = load_revision(config, args.base)
    new, refused_head = load_revision(config, args.head)
    head = args.head or WORKING_TREE
    diff = compare(old, new)
    if args.format == "json":
        sys.stdout.write(to_json(diff, args.base, head) + "\n")
    else:
        sys.stdout.write(format_markdown(diff, args.base, head))
    # The comparison covers what could be read; what could not is a problem on stderr,
    # so stdout stays a clean comment body.
    problems = sorted({*refused, *refused_head})
    if problems:
        emit(problems, "text", stream=sys.stderr)
    return exit_code(problems)


__all__ = ["HELP", "NAME", "add_arguments", "run"]
