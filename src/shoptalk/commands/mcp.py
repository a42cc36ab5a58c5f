"""``shoptalk mcp``: serve the language to an assistant over stdio (Model Context Protocol)."""

from __future__ import annotations

import argparse

NAME = "mcp"
HELP = ("serve the selling language to an assistant over stdio (Model Context Protocol): "
        "define, search, stage, who_needs and check_text; read-only")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """No options: the project is the one ``--config`` names, or the current folder's."""


def run(args: argparse.Namespace) -> int:
    """Run ``shoptalk mcp`` until the client hangs up; the exit code."""
    # Imported here: the SDK takes a second to import, and no other command needs it.
    from ..assistant.library import Library
    from ..assistant.server import serve

    library = Library(config_file=args.config)
    library.current()  # read the glossary now, not at the first question (a broken
    serve(library)     # shoptalk.yml or a missing glossary folder stops here, exit 2)
    return 0


__all__ = ["HELP", "NAME", "add_arguments", "run"]
