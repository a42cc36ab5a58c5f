"""Generate a synthetic glossary and playbook corpus for benchmarking ``shoptalk check``.

    python scripts/gen_corpus.py OUT --terms 2000 --files 1000 --words 1000

Writes OUT/shoptalk.yml, OUT/glossary/ (N terms: acronyms, multi-word names,
avoided forms) and OUT/docs/ (M Markdown pages of about W words with headings,
lists, code blocks, inline code and links, using the terms, their avoided forms
and some undefined acronyms). Half the multi-word terms avoid their own name
spelled with hyphens ("kalo-mine" for "Kalo Mine"), the wrong form a spell
checker misses. OUT/planted.json counts the avoided forms planted, so a
benchmark can tell that every one is reported. Deterministic for a given --seed.
"""

from __future__ import annotations

import argparse
import json
import random
import string
from pathlib import Path

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "be", "da", "fi", "go", "hu", "ja",
             "pe", "qui", "ro", "su", "ta", "ul", "ve", "wo", "xi", "ya", "zo", "an", "el", "or"]
COMMON = ["the", "a", "and", "to", "of", "in", "for", "with", "on", "that", "this", "we", "our",
          "customer", "deal", "team", "call", "buyer", "plan", "next", "step", "value", "price",
          "budget", "meeting", "review", "account", "pipeline", "stage", "close", "owner",
          "notes", "email", "product", "demo", "trial"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))


def _acronym(rng: random.Random, used: set[str]) -> str:
    while True:
        acronym = "".join(rng.choice(string.ascii_uppercase) for _ in range(rng.randint(3, 5)))
        if acronym not in used:
            used.add(acronym)
            return acronym


def write_glossary(root: Path, terms: int, rng: random.Random) -> list[dict[str, str]]:
    """Write ``terms`` term files (plus one role and category); return what pages can use."""
    (root / "terms").mkdir(parents=True, exist_ok=True)
    (root / "roles").mkdir(exist_ok=True)
    (root / "categories.yml").write_text("- id: general\n  name: General\n", encoding="utf-8")
    (root / "roles" / "ae.yml").write_text(
        "name: Account Executive\nabbreviation: AE\nteam: primary\n"
        "description: Owns the deal.\n", encoding="utf-8")
    used: set[str] = set()
    names: set[str] = set()
    made = []
    for i in range(terms):
        words = [_word(rng) for _ in range(rng.randint(1, 3))]
        name = " ".join(w.capitalize() for w in words) + f" {i}" if len(words) == 1 else \
            " ".join(w.capitalize() for w in words)
        while name.lower() in names:
            name += " " + _word(rng).capitalize()
        names.add(name.lower())
        avoid = f"{_word(rng)} {_word(rng)}"
        if len(words) > 1 and i % 2 == 0:
            avoid = "-".join(words)
        abbreviation = _acronym(rng, used) if i % 3 == 0 else ""
        term_id = f"term-{i:05d}"
        lines = [f"name: {name}"]
        if abbreviation:
            lines.append(f"abbreviation: {abbreviation}")
        lines += [f"avoid: [{avoid}]", f"definition: Synthetic term number {i}.",
                  "category: general", "owner: ae"]
        (root / "terms" / f"{term_id}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        made.append({"name": name, "abbreviation": abbreviation, "avoid": avoid})
    return made


def _sentence(rng: random.Random, terms: list[dict[str, str]], unknown: list[str],
              planted: list[int]) -> str:
    words = [rng.choice(COMMON) for _ in range(rng.randint(8, 16))]
    roll = rng.random()
    term = rng.choice(terms)
    at = rng.randrange(len(words))
    if roll < 0.25:
        words[at] = term["name"]
    elif roll < 0.35 and term["abbreviation"]:
        words[at] = term["abbreviation"] + rng.choice(["", "s", "'s"])
    elif roll < 0.42:
        words[at] = term["avoid"]
        planted[0] += 1
    elif roll < 0.45:
        words[at] = rng.choice(unknown)
    elif roll < 0.55:
        words[at] = f"`{rng.choice(COMMON)}_{rng.choice(COMMON)}()`"
    elif roll < 0.62:
        words[at] = f"[{rng.choice(COMMON)}](https://example.com/{rng.choice(unknown)})"
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def write_page(path: Path, words: int, rng: random.Random, terms: list[dict[str, str]],
               unknown: list[str], planted: list[int]) -> None:
    out = [f"# Playbook {path.stem}", ""]
    count = 0
    while count < words:
        kind = rng.random()
        if kind < 0.1:
            out += [f"## {rng.choice(COMMON).capitalize()} {rng.choice(COMMON)}", ""]
        elif kind < 0.25:
            items = [f"- {_sentence(rng, terms, unknown, planted)}"
                     for _ in range(rng.randint(2, 5))]
            out += [*items, ""]
            count += sum(len(i.split()) for i in items)
        elif kind < 0.32:
            out += ["```python", f"def {_word(rng)}():", f"    return '{rng.choice(unknown)}'",
                    "```", ""]
        else:
            para = " ".join(_sentence(rng, terms, unknown, planted)
                            for _ in range(rng.randint(3, 6)))
            # Wrap like an editor would, so phrases also break across lines.
            lines, line = [], ""
            for word in para.split(" "):
                if len(line) + len(word) > 90:
                    lines.append(line)
                    line = word
                else:
                    line = f"{line} {word}" if line else word
            out += [*lines, line, ""]
            count += len(para.split())
    path.write_text("\n".join(out), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--terms", type=int, default=2000)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "shoptalk.yml").write_text("glossary: glossary\ndocs: docs\n", encoding="utf-8")
    terms = write_glossary(args.out / "glossary", args.terms, rng)
    unknown = [_acronym(rng, {t["abbreviation"] for t in terms}) for _ in range(50)]
    docs = args.out / "docs"
    docs.mkdir(exist_ok=True)
    planted = [0]
    for i in range(args.files):
        write_page(docs / f"page-{i:05d}.md", args.words, rng, terms, unknown, planted)
    (args.out / "planted.json").write_text(json.dumps({"avoided-wording": planted[0]}) + "\n",
                                           encoding="utf-8")
    print(f"{args.out}: {args.terms} terms, {args.files} pages of ~{args.words} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
