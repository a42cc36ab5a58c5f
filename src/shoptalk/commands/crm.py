"""``shoptalk crm diff PATH``: where a CRM's pipeline has drifted from the YAML."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..config import load_config
from ..crm import CRM_RULE_IDS, SYSTEMS, drift, read_crm
from ..load import load_glossary
from ..output import emit
from ..problems import exit_code

NAME = "crm"
HELP = ("compare a CRM's pipeline with the stages: a retrieved Salesforce source tree or a "
        "HubSpot pipeline JSON (crm diff PATH); exit 0 in sync, 1 drifted")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``shoptalk crm``'s options to ``parser``."""
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True,
                                    parser_class=type(parser))
    diff = actions.add_parser("diff", help="report every difference, per stage, at its place "
                              "in the CRM's files", description=HELP)
    diff.add_argument("path", type=Path,
                      help="a Salesforce source folder (holding standardValueSets/) or a "
                      "HubSpot pipeline .json")
    diff.add_argument("--crm", choices=SYSTEMS, help="which CRM (default: a folder is "
                      "Salesforce, a .json file HubSpot)")
    diff.add_argument("--pipeline", help="hubspot: the pipeline (label or id) when the file "
                      "lists several")
    diff.add_argument("--format", choices=("text", "json", "github"), default="text",
                      help="how to print the findings (default: text)")


def run(args: argparse.Namespace) -> int:
    """Run ``shoptalk crm``; the exit code."""
    config = load_config(path=args.config)
    glossary, _ = load_glossary(config.glossary, config.root)
    pipeline, problems = read_crm(args.path, config.root, args.crm, args.pipeline)
    if pipeline is not None:
        problems += drift(glossary, pipeline)
    problems = sorted(set(problems))
    emit(problems, args.format, rules=CRM_RULE_IDS)
    return exit_code(problems)


__all__ = ["HELP", "NAME", "add_arguments", "run"]
