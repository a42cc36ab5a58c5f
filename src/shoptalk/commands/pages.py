"""``shoptalk pages --out DIR``: the whole site as Markdown any static-site engine can build."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..check import RULE_IDS as CHECK_RULE_IDS
from ..config import load_config
from ..output import emit
from ..problems import exit_code
from ..rules import RULE_IDS
from ..site_build import SITE_RULE_IDS, build_site, linked_outside, page_uris, read_docs
from ..site_folder import check_target, folder_config, read_mkdocs_yml, site_pages, write_folder
from ..validate import validate

NAME = "pages"
HELP = ("write the site to a folder: the docs with macros rendered, every generated page, "
        "the assets and a mkdocs.yml that needs no shoptalk plugin")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``shoptalk pages``'s options to ``parser``."""
    parser.add_argument("--out", type=Path, required=True,
                        help="the folder to write (created; replaced only if this command "
                             "wrote it before)")
    parser.add_argument("--mkdocs-yml", type=Path, default=None,
                        help="the settings to start from (default: mkdocs.yml beside "
                             "shoptalk.yml, if there is one)")
    parser.add_argument("--format", choices=("text", "json", "github"), default="text",
                        help="output format of the problems (default: text)")
    parser.add_argument("--strict", action="store_true",
                        help="fail on warnings too (nothing is written)")


def run(args: argparse.Namespace) -> int:
    """Run ``shoptalk pages``; the exit code."""
    settings = load_config(path=args.config)
    target = check_target(args.out, settings.root, settings.docs)
    mkdocs_yml = args.mkdocs_yml or settings.root / "mkdocs.yml"
    mkdocs = read_mkdocs_yml(mkdocs_yml) if args.mkdocs_yml or mkdocs_yml.is_file() \
        else {"site_name": "Glossary"}
    glossary, problems = validate(settings)
    uris = page_uris(settings.docs) if settings.docs.is_dir() else []
    outside = linked_outside(settings.docs, settings.root, uris)
    docs, unreadable = read_docs(settings.docs, [u for u in uris if u not in outside])
    unreadable += outside.values()
    build = build_site(settings, glossary, docs,
                       directory_urls=mkdocs.get("use_directory_urls", True) is not False)
    pages, failed = site_pages(build, mkdocs)
    # The checker reports template code the folder refuses too: each problem once.
    problems = sorted(dict.fromkeys([*problems, *unreadable, *build.findings, *failed]),
                      key=lambda p: (p.path, p.line, p.col))
    emit(problems, args.format, rules={**RULE_IDS, **CHECK_RULE_IDS, **SITE_RULE_IDS})
    if exit_code(problems, strict=args.strict):
        print(f"shoptalk pages: nothing written to {args.out}: fix the problems above",
              file=sys.stderr)
        return 1
    write_folder(target, pages, build, settings.docs, folder_config(build, mkdocs))
    print(f"shoptalk pages: wrote {len(pages)} pages to {args.out}; build it with "
          f"'mkdocs build -f {args.out / 'mkdocs.yml'}'", file=sys.stderr)
    return 0


__all__ = ["HELP", "NAME", "add_arguments", "run"]
