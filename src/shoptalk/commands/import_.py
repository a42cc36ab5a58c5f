"""``shoptalk import FILE``: bring an existing glossary in, reporting what is not safe.

A Salesforce source tree or a HubSpot pipeline JSON seeds the stages instead.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..config import Config, load_config
from ..crm import SYSTEMS, System, read_crm
from ..crm.seed import SeededStage, seed_stages
from ..exchange import FORMATS, Defaults, Plan, plan_import, read_source, required_defaults
from ..exchange.writing import write_new_files
from ..load import load_glossary
from ..model import Glossary
from ..output import emit
from ..problems import ShoptalkError, display_path, exit_code

NAME = "import"
HELP = ("turn a CSV file, a Markdown table, or a JSON/SKOS export into term files under "
        "glossary/terms/, or a Salesforce source tree or HubSpot pipeline JSON into stage files; "
        "everything that is not safe to take is reported, and nothing is written until "
        "everything can be taken")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``shoptalk import``'s options to ``parser``."""
    parser.add_argument("file", type=Path, help="the glossary to import (.csv, .md, .json), or "
                        "a CRM's pipeline (a Salesforce source folder, a HubSpot .json)")
    parser.add_argument("--from", dest="source_format", choices=(*FORMATS, *SYSTEMS),
                        help="the file's format (default: from its extension; a folder is "
                        "Salesforce, a .json with 'stages' HubSpot)")
    parser.add_argument("--category", help="category for terms the source gives none")
    parser.add_argument("--owner", help="owner (role id or team) for terms the source gives "
                        "none, and for every stage imported from a CRM")
    parser.add_argument("--dry-run", action="store_true", help="show what would be written, "
                        "write nothing")
    parser.add_argument("--format", choices=("text", "json", "github"), default="text",
                        help="how to print the problems (default: text)")


def run(args: argparse.Namespace) -> int:
    """Run ``shoptalk import``; the exit code."""
    config = load_config(path=args.config)
    glossary, loading = load_glossary(config.glossary, config.root)
    crm = _crm_source(args.file, args.source_format)
    if crm is not None:
        return _seed(args, config, glossary, crm)
    source = read_source(args.file, display_path(args.file, config.root), args.source_format)
    owners = sorted({*glossary.roles, *config.teams})
    if not source.problems or source.rows:
        required_defaults(source, Defaults(args.category, args.owner), glossary, owners)
    plan = plan_import(source, glossary, Defaults(args.category, args.owner), config.root,
                       loading)
    # All or nothing, and a dry run decides exactly as a real run does: only the verbs differ.
    if plan.writable and not args.dry_run:
        write_new_files([(item.path, item.text) for item in plan.planned])
    if args.format == "text":
        _report(plan, source.display, config.root, dry_run=args.dry_run)
    emit(sorted(plan.problems), args.format)
    return exit_code(plan.problems)


def _report(plan: Plan, source: str, root: Path, *, dry_run: bool) -> None:
    terms = len(plan.planned)
    refused = len({p.line for p in plan.problems if p.severity == "error" and p.path == source})
    rows = f"{refused} row{'s' * (refused != 1)} not taken"
    if not plan.writable:
        print(f"nothing {'would be ' if dry_run else ''}imported: {rows}; fix the errors below "
              f"and run again ({terms} other term{'s' * (terms != 1)} ready)")
        return
    verb = "would write" if dry_run else "wrote"
    for item in plan.planned:
        print(f"{verb} {display_path(item.path, root)} ({item.name}, line {item.line})")
    print(f"{terms} term{'s' * (terms != 1)} {'to import' if dry_run else 'imported'}, {rows}")


def _crm_source(path: Path, given: str | None) -> System | None:
    """Which CRM ``path`` comes from, or None for a glossary source."""
    if given in SYSTEMS:
        return given  # type: ignore[return-value]
    if given is not None:
        return None
    if path.is_dir():
        return "salesforce"
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, ValueError, RecursionError):
            return None  # the glossary reader reports it, at its place
        if isinstance(data, dict) and ("stages" in data or "results" in data):
            return "hubspot"
    return None


def _seed(args: argparse.Namespace, config: Config, glossary: Glossary, crm: System) -> int:
    """Stage files from a CRM's pipeline: all of them, or none."""
    owners = sorted({*glossary.roles, *config.teams})
    if not args.owner or args.owner not in owners:
        wrong = f"'{args.owner}' is not a role or team; " if args.owner else ""
        raise ShoptalkError(f"{wrong}importing stages needs --owner, the role that owns them "
                            f"(one of: {', '.join(owners) or 'none yet; add a role first'})")
    pipeline, problems = read_crm(args.file, config.root, crm)
    seeded: list[SeededStage] = []
    if pipeline is not None:
        seeded, trouble = seed_stages(glossary, pipeline, args.owner)
        problems += trouble
    writable = bool(seeded) and not any(p.severity == "error" for p in problems)
    if writable and not args.dry_run:
        write_new_files([(s.path, s.text) for s in seeded])
    if args.format == "text":
        verb = "would write" if args.dry_run else "wrote"
        if writable:
            for stage in seeded:
                print(f"{verb} {display_path(stage.path, config.root)} ({stage.name}, line "
                      f"{stage.line})")
            print(f"{len(seeded)} stage{'s' * (len(seeded) != 1)} "
                  f"{'to import' if args.dry_run else 'imported'}; write each one's purpose "
                  "and exit criteria where the CRM had none")
        else:
            print("nothing imported; fix the errors below and run again")
    emit(sorted(problems), args.format)
    return exit_code(problems)


__all__ = ["HELP", "NAME", "add_arguments", "run"]
