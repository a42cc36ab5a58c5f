"""Write a synthetic glossary of N terms (default 2,000) for scale tests and benchmarks.

    python scripts/gen_glossary.py OUT_DIR [--terms 2000]

It copies nothing from glossary/: stages, roles and a framework are made up too,
so the output is a complete, valid glossary folder.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

WORDS = ("account", "renewal", "pipeline", "buyer", "contract", "forecast", "quota", "signal",
         "pilot", "tier", "seat", "margin", "review", "handoff", "ramp", "usage", "partner",
         "trial", "budget", "churn", "value", "scope", "order", "lead", "deal", "stage")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--terms", type=int, default=2000)
    args = parser.parse_args(argv)
    rng = random.Random(7)
    out: Path = args.out
    for folder in ("terms", "stages", "roles", "frameworks"):
        (out / folder).mkdir(parents=True, exist_ok=True)
    (out / "categories.yml").write_text("".join(
        f"- id: cat-{i}\n  name: Category {i}\n  description: Synthetic category {i}.\n"
        for i in range(12)), encoding="utf-8")
    for role in ("ae", "se", "csm"):
        (out / "roles" / f"{role}.yml").write_text(
            f"name: Role {role}\nabbreviation: {role.upper()}\nteam: primary\n"
            f"description: The synthetic {role} role.\n", encoding="utf-8")
    for i in range(1, 7):
        (out / "stages" / f"stage-{i}.yml").write_text(
            f"name: Stage {i}\norder: {i}\npurpose: Step {i} of the synthetic pipeline.\n"
            "owner: ae\nexit_criteria: [One is done., Two is done., Three is done.]\n"
            f"probability: {i * 15}\nforecast_category: pipeline\ntypical_days: {i * 3}\n"
            "required_information:\n  - item: A fact\n    why: Someone needs it.\n"
            "    needed_by: [csm]\nhandoffs:\n  - {to: se, what: Notes}\n", encoding="utf-8")
    (out / "frameworks" / "fw.yml").write_text(
        "name: Synthetic framework\nabbreviation: SYN\npurpose: A made-up framework.\n"
        "elements:\n  - {id: one, name: One, definition: The first element., known_by: stage-1}\n",
        encoding="utf-8")
    for i in range(args.terms):
        a, b = rng.sample(WORDS, 2)
        related = f"related: [term-{(i * 7 + 1) % args.terms:05d}]\n" if i % 3 == 0 else ""
        (out / "terms" / f"term-{i:05d}.yml").write_text(
            f"name: {a.capitalize()} {b} {i}\nabbreviation: X{i:04d}\n"
            f"definition: The synthetic {a} {b} number {i}, for benchmarks.\n"
            f"examples: [The {a} {b} {i} came up in the review.]\n"
            f"category: cat-{i % 12}\nowner: ae\nstages: [stage-{i % 6 + 1}]\n{related}",
            encoding="utf-8")
    print(f"wrote {args.terms} terms to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
