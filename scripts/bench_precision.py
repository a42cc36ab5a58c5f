"""Precision and recall of ``shoptalk check`` on the hand-labelled handbook corpus.

    python scripts/bench_precision.py [--corpus tests/check/corpus] [--verbose]

The corpus (tests/check/corpus) is a 40-term glossary and pages written in the style of
public sales handbooks: regions, quarters, product names, shouted UI labels, shortcodes,
HTML lists, inline definitions and homonyms. ``truth.tsv`` lists, page by page, every
undefined or ambiguous acronym a careful editor would flag. A finding counts once per
(page, rule, acronym), which is also what the checker reports by default.

Prints precision (reported findings that are in the truth) and recall (truth that is
reported), then the misses and the false reports, and the number of findings with and
without ``--all-occurrences``.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import replace
from pathlib import Path

from shoptalk.check import check_docs
from shoptalk.config import load_config
from shoptalk.load import load_glossary

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "tests" / "check" / "corpus"
RULES = ("undefined-acronym", "ambiguous-abbreviation")
_SUBJECT = re.compile(r"'([^']+)'")

Finding = tuple[str, str, str]  # page, rule, acronym


def truth(corpus: Path) -> set[Finding]:
    """The labelled findings of ``truth.tsv``."""
    found = set()
    for line in (corpus / "truth.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            page, rule, word = line.split("\t")
            found.add((page, rule, word))
    return found


def reported(corpus: Path, *, all_occurrences: bool = False,
             knowledge: bool = True) -> tuple[set[Finding], int]:
    """What the checker reports on the corpus (as findings) and how many problems."""
    config = load_config(root=corpus)
    if not knowledge:
        config = replace(config, knowledge=frozenset())
    glossary, _ = load_glossary(config.glossary, config.root)
    scans = check_docs(config, glossary, all_occurrences=all_occurrences)
    found: set[Finding] = set()
    count = 0
    for scan in scans:
        for p in scan.problems:
            count += 1
            subject = _SUBJECT.search(p.message)
            if p.rule in RULES and subject:
                found.add((p.path, p.rule, subject.group(1)))
    return found, count


def main(argv: list[str] | None = None) -> int:
    """Print precision and recall; exit 0."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--verbose", action="store_true", help="list misses and false reports")
    args = parser.parse_args(argv)
    expected = truth(args.corpus)
    got, quiet = reported(args.corpus)
    _, every = reported(args.corpus, all_occurrences=True)
    hits = got & expected
    precision = len(hits) / len(got) if got else 1.0
    recall = len(hits) / len(expected) if expected else 1.0
    pages = len(list((args.corpus / "pages").rglob("*.md")))
    print(f"corpus: {pages} pages, {len(expected)} labelled findings")
    print(f"reported: {len(got)} findings ({quiet} problems; {every} with --all-occurrences)")
    print(f"precision: {precision:.2f} ({len(hits)}/{len(got)})")
    print(f"recall:    {recall:.2f} ({len(hits)}/{len(expected)})")
    bare, _ = reported(args.corpus, knowledge=False)
    print(f"without the built-in knowledge classes: precision "
          f"{len(bare & expected) / len(bare):.2f} ({len(bare & expected)}/{len(bare)}), "
          f"recall {len(bare & expected) / len(expected):.2f}")
    if args.verbose:
        for page, rule, word in sorted(expected - got):
            print(f"missed: {page}: {word} [{rule}]")
        for page, rule, word in sorted(got - expected):
            print(f"false report: {page}: {word} [{rule}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
