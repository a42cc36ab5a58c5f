"""The ``shoptalk`` command line: ``main(argv) -> int``; ShoptalkError → exit 2."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .commands import COMMANDS
from .problems import ShoptalkError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        raise ShoptalkError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    """The ``shoptalk`` argument parser, one subcommand per module in COMMANDS."""
    parser = _Parser(
        prog="shoptalk",
        description="Keep a company's selling language in one "
        "place: validate the glossary, check pages, build the site.",
    )
    parser.add_argument("--version", action="version", version=f"shoptalk {__version__}")
    parser.add_argument(
        "--config", type=Path, default=None, help="path to shoptalk.yml (default: ./shoptalk.yml)"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for command in COMMANDS:
        sub = subparsers.add_parser(command.NAME, help=command.HELP, description=command.HELP)
        command.add_arguments(sub)
        sub.set_defaults(run=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``shoptalk`` with ``argv``; the exit code (0 clean, 1 problems, 2 usage or error)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return 2
        return int(args.run(args))
    except ShoptalkError as exc:
        print(f"shoptalk: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1
    except Exception as exc:
        print(
            f"shoptalk: internal error: {type(exc).__name__}: {exc}\n"
            "please report this with the command you ran",
            file=sys.stderr,
        )
        return 2


__all__ = ["build_parser", "main"]
