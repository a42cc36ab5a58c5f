"""``shoptalk new term|stage|role NAME``: write a new record's file, ready to fill in."""

from __future__ import annotations

import argparse
import sys

from ..config import load_config
from ..load import load_glossary
from ..problems import ShoptalkError, display_path
from ..scaffold import TEAMS, new_role, new_stage, new_term

NAME = "new"
HELP = "start a new term, stage or role: writes its YAML file with a comment on every field"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``shoptalk new``'s options to ``parser``."""
    parser.add_argument("kind", choices=("term", "stage", "role"), help="what to create")
    parser.add_argument("name", help='the name as people write it, e.g. "Ideal Customer Profile"')
    parser.add_argument("--id", dest="record_id", help="the file name / id (default: made from "
                        "the name, e.g. ideal-customer-profile)")
    parser.add_argument("--abbreviation", help="short form, e.g. ICP (terms and roles)")
    parser.add_argument("--category", help="category id from categories.yml (terms)")
    parser.add_argument("--owner", help="role id or team handle that owns it (terms and stages)")
    parser.add_argument("--definition", help="the definition, if you have it already (terms)")
    parser.add_argument("--team", choices=TEAMS, help="primary, support or extended (roles)")
    parser.add_argument("--dry-run", action="store_true", help="print the file instead of "
                        "writing it")


def _refuse(args: argparse.Namespace, allowed: set[str]) -> None:
    for option in ("abbreviation", "category", "owner", "definition", "team"):
        if getattr(args, option) is not None and option not in allowed:
            raise ShoptalkError(f"--{option} does not apply to a new {args.kind}")


def run(args: argparse.Namespace) -> int:
    """Run ``shoptalk new``; the exit code."""
    config = load_config(path=args.config)
    glossary, _ = load_glossary(config.glossary, config.root)
    if args.kind == "term":
        _refuse(args, {"abbreviation", "category", "owner", "definition"})
        owners = sorted({*glossary.roles, *config.teams})
        draft = new_term(glossary, owners, args.name, abbreviation=args.abbreviation,
                         category=args.category, owner=args.owner, definition=args.definition,
                         record_id=args.record_id, today=config.today)
    elif args.kind == "stage":
        _refuse(args, {"owner"})
        draft = new_stage(glossary, args.name, owner=args.owner, record_id=args.record_id,
                          today=config.today)
    else:
        _refuse(args, {"abbreviation", "team"})
        draft = new_role(glossary, args.name, abbreviation=args.abbreviation, team=args.team,
                         record_id=args.record_id, today=config.today)
    if args.dry_run:
        sys.stdout.write(draft.text)
        return 0
    draft.path.parent.mkdir(parents=True, exist_ok=True)
    with draft.path.open("x", encoding="utf-8") as handle:  # "x": never overwrite a record
        handle.write(draft.text)
    shown = display_path(draft.path, config.root)
    print(f"wrote {shown}: fill in the commented fields, then run `shoptalk validate`")
    return 0


__all__ = ["HELP", "NAME", "add_arguments", "run"]
