"""``shoptalk review``: what is due for review, by owner."""

from __future__ import annotations

import argparse
import json
import sys
from itertools import groupby

from ..config import load_config
from ..freshness import Due, due_for_review
from ..load import load_glossary

NAME = "review"
HELP = "list the terms, stages, roles and frameworks due for review, grouped by owner"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``shoptalk review``'s options to ``parser``."""
    parser.add_argument("--owner", help="only what this owner (role id or team) reviews")
    parser.add_argument("--overdue", action="store_true", help="only what is already overdue "
                        "(or was never reviewed)")
    parser.add_argument("--within", type=int, default=30, metavar="DAYS",
                        help="also list what falls due in the next DAYS days (default: 30)")
    parser.add_argument("--format", choices=("text", "markdown", "json"), default="text",
                        help="output format (default: text)")


def _handle(owner: str, teams: dict[str, str]) -> str:
    return f" ({teams[owner]})" if owner in teams else ""


def format_text(items: list[Due], teams: dict[str, str], *, markdown: bool = False) -> str:
    """The list grouped by owner, as plain text or as a Markdown checklist."""
    if not items:
        return "nothing is due for review\n"
    lines: list[str] = []
    for owner, group in groupby(items, key=lambda d: d.owner):
        entries = list(group)
        title = f"{owner}{_handle(owner, teams)}: {len(entries)} to review"
        lines += [f"### {title}" if markdown else title]
        for d in entries:
            last = f"last reviewed {d.reviewed}" if d.reviewed else "no reviewed date"
            if markdown:
                lines.append(f"- [ ] {d.kind} `{d.id}` ({d.name}): {d.when()}, {last}")
            else:
                lines.append(f"  {d.when():<29} {d.kind} {d.id} ({d.name}), {last}  {d.path}")
        lines.append("")
    overdue = sum(d.overdue or d.reviewed is None for d in items)
    lines.append(f"{len(items)} to review, {overdue} overdue or never reviewed")
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    """Run ``shoptalk review``; the exit code."""
    config = load_config(path=args.config)
    glossary, _ = load_glossary(config.glossary, config.root)
    items = due_for_review(glossary, config, owner=args.owner, overdue_only=args.overdue,
                           within=max(args.within, 0))
    teams = dict(config.teams)
    if args.format == "json":
        sys.stdout.write(json.dumps({"version": 1, "today": config.today.isoformat(), "due": [
            {"owner": d.owner, "handle": teams.get(d.owner), "kind": d.kind, "id": d.id,
             "name": d.name, "path": d.path, "reviewed": d.reviewed and d.reviewed.isoformat(),
             "due": d.due.isoformat(), "days_overdue": d.days} for d in items]},
            indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(format_text(items, teams, markdown=args.format == "markdown"))
    return 0


__all__ = ["HELP", "NAME", "add_arguments", "format_text", "run"]
