"""Benchmark ``shoptalk check`` against markdown-it parsing alone and against textlint.

    python scripts/bench_check.py --files 1000 --words 1000 --terms 500 2000

For each glossary size it generates a corpus (scripts/gen_corpus.py), then runs
each measurement ``--repeat`` times in a fresh process and prints the median
wall time and the peak memory (ru_maxrss) of:

- ``parse``: read every page and parse it with markdown-it-py (the floor);
- ``scan``: the checker with the glossary already compiled (check_docs);
- ``check``: the whole ``shoptalk check`` command (loads and validates-free the YAML too);
- ``textlint``: textlint + textlint-rule-terminology on the first ``--textlint-files``
  pages, beside ``shoptalk check`` on the same pages — only when npm is on PATH
  (installed into a throwaway folder with ``npm install --prefix``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _child(kind: str, corpus: Path, extra: list[str]) -> None:
    """Run one measurement in this (fresh) process; print seconds and peak KB as JSON."""
    import resource

    os.chdir(corpus)
    start = time.perf_counter()
    if kind == "parse":
        from markdown_it import MarkdownIt

        md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
        for page in sorted(Path("docs").rglob("*.md")):
            md.parse(page.read_text(encoding="utf-8"))
    elif kind == "scan":
        from shoptalk.check import TermIndex, check_docs
        from shoptalk.config import load_config
        from shoptalk.load import load_glossary

        config = load_config()
        glossary, _ = load_glossary(config.glossary, config.root)
        index = TermIndex.from_glossary(glossary, config)
        start = time.perf_counter()  # the scan alone: the glossary is compiled once per build
        check_docs(config, glossary, index=index)
    elif kind == "check":
        from shoptalk.cli import main

        with open(os.devnull, "w") as sink:
            stdout, sys.stdout = sys.stdout, sink
            try:
                main(["check", "--format", "json", *extra])
            finally:
                sys.stdout = stdout
    elif kind == "textlint":
        subprocess.run(extra, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    seconds = time.perf_counter() - start
    who = resource.RUSAGE_CHILDREN if kind == "textlint" else resource.RUSAGE_SELF
    print(json.dumps({"seconds": seconds, "kb": resource.getrusage(who).ru_maxrss}))


def measure(kind: str, corpus: Path, repeat: int, extra: list[str] | None = None,
            timeout: float = 3600) -> tuple[float, float]:
    """Median seconds and max peak MB over ``repeat`` fresh-process runs."""
    times, peaks = [], []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, __file__, "--child", kind, str(corpus),
                              *(extra or [])], capture_output=True, text=True, check=True,
                             timeout=timeout)
        data = json.loads(out.stdout.strip().splitlines()[-1])
        times.append(data["seconds"])
        peaks.append(data["kb"] / 1024)
    return statistics.median(times), max(peaks)


def count_words(corpus: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in (corpus / "docs").glob("*.md"))


def setup_textlint(folder: Path) -> Path | None:
    """Install textlint + the terminology rule into ``folder``; the textlint binary or None."""
    npm = shutil.which("npm")
    if npm is None:
        print("npm not found: skipping the textlint comparison")
        return None
    result = subprocess.run([npm, "install", "--prefix", str(folder), "--no-audit", "--no-fund",
                             "--loglevel=error", "textlint", "textlint-rule-terminology"],
                            capture_output=True, text=True, check=False)
    binary = folder / "node_modules" / ".bin" / "textlint"
    if result.returncode != 0 or not binary.exists():
        print(f"npm install failed: skipping textlint\n{result.stderr[-2000:]}")
        return None
    return binary


def textlint_config(corpus: Path) -> Path:
    """A .textlintrc.json with the glossary as terminology: names, and avoid → name pairs."""
    import yaml

    terms: list[object] = []
    for path in sorted((corpus / "glossary" / "terms").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        terms.append(data["name"])
        terms.extend([avoid, data["name"]] for avoid in data.get("avoid", []))
    rc = corpus / ".textlintrc.json"
    rc.write_text(json.dumps({"rules": {"terminology": {"defaultTerms": False, "terms": terms}}}),
                  encoding="utf-8")
    return rc


def row(label: str, seconds: float, mb: float, note: str = "") -> str:
    return f"| {label} | {seconds:.2f} | {mb:.0f} | {note} |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--terms", type=int, nargs="+", default=[500, 2000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--textlint-files", type=int, default=50,
                        help="pages for the textlint comparison (0 to skip)")
    parser.add_argument("--work", type=Path, default=None, help="keep corpora here")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="shoptalk-bench-"))
    lines = ["| measurement | median s | peak MB | note |", "|---|---|---|---|"]
    scans: dict[int, float] = {}
    for terms in args.terms:
        corpus = work / f"corpus-{terms}-{args.files}x{args.words}"
        if not corpus.exists():
            subprocess.run([sys.executable, str(HERE / "gen_corpus.py"), str(corpus),
                            "--terms", str(terms), "--files", str(args.files),
                            "--words", str(args.words)], check=True)
        words = count_words(corpus)
        label = f"{terms} terms × {args.files} pages ({words / 1e6:.2f} M words)"
        parse = measure("parse", corpus, args.repeat)
        scan = measure("scan", corpus, args.repeat)
        check = measure("check", corpus, args.repeat)
        scans[terms] = scan[0]
        lines.append(row(f"markdown-it parse, {label}", *parse))
        lines.append(row(f"shoptalk scan, {label}", *scan,
                         f"{scan[0] / parse[0]:.2f}× parse; {words / scan[0] / 1e3:.0f} k words/s"))
        lines.append(row(f"shoptalk check (CLI), {label}", *check,
                         f"{check[0] / parse[0]:.2f}× parse (includes loading the YAML)"))
        print("\n".join(lines[-3:]), flush=True)
    if len(scans) > 1:
        low, high = min(scans), max(scans)
        lines.append(f"| scan time {high} vs {low} terms | {scans[high] / scans[low]:.2f}× | | "
                     "near-flat is the goal |")
    if args.textlint_files:
        folder = Path(tempfile.mkdtemp(prefix="shoptalk-textlint-"))
        binary = setup_textlint(folder)
        if binary is not None:
            corpus = work / f"corpus-{max(args.terms)}-{args.files}x{args.words}"
            rc = textlint_config(corpus)
            pages = sorted(str(p.relative_to(corpus)) for p in (corpus / "docs").glob("*.md"))
            pages = pages[:args.textlint_files]
            tl = measure("textlint", corpus, 1, [str(binary), "--config", str(rc),
                                                  "--format", "json", *pages])
            st = measure("check", corpus, args.repeat, pages)
            lines.append(row(f"textlint + terminology, {len(pages)} pages, {max(args.terms)} "
                             "terms", *tl))
            lines.append(row(f"shoptalk check, same {len(pages)} pages", *st,
                             f"{tl[0] / st[0]:.1f}× faster than textlint"))
        shutil.rmtree(folder, ignore_errors=True)
    print("\n" + "\n".join(lines))
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[1] == "--child":
        _child(sys.argv[2], Path(sys.argv[3]), sys.argv[4:])
        raise SystemExit(0)
    raise SystemExit(main())
