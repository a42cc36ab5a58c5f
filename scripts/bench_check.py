"""Benchmark ``shoptalk check`` against markdown-it parsing alone, at two glossary sizes.

    python scripts/bench_check.py --files 1000 --words 1000 --terms 2000 10000

For each glossary size it generates a corpus (scripts/gen_corpus.py), then runs
every measurement ``--repeat`` times, each in a fresh process and interleaved
(A B C A B C ...: on a shared machine each sees the same load), and prints the
median wall time, the median CPU time and the peak memory (ru_maxrss) of:

- ``parse``: read every page and parse it with markdown-it-py (the floor);
- ``scan``: the checker with the glossary already compiled (check_docs, serial);
- ``check``: the whole ``shoptalk check`` command, glossary cache warm (the usual run);
- ``load``: loading the glossary from its YAML files (cache cold) and from the cache;
  ``load-workers`` as ``validate`` loads it cold: with a worker reading ahead when a
  core is idle (``SHOPTALK_JOBS=2`` forces one);

and how many of the planted avoided forms (gen_corpus.py's planted.json) were
reported. CPU time and peak memory include worker processes, if ``check`` started
any (it does only on idle cores). The package's bytecode is compiled first, as an
installed package's is, so a fresh process never pays for compiling it.
The load average is printed before and after: on a shared machine wall
times grow with it, CPU times much less, and ratios of interleaved runs hold best.
The comparison with textlint is scripts/bench_textlint.py.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _child(kind: str, corpus: Path, extra: list[str]) -> None:
    """Run one measurement in this (fresh) process; print seconds, peak KB and a count."""
    import resource

    os.chdir(corpus)
    found = 0
    start, cpu = time.perf_counter(), _cpu()
    if kind == "parse":
        from markdown_it import MarkdownIt

        md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
        for page in sorted(Path("docs").rglob("*.md")):
            md.parse(page.read_text(encoding="utf-8"))
    elif kind == "scan":
        from shoptalk.cache import load_cached
        from shoptalk.check import TermIndex, check_docs
        from shoptalk.config import load_config

        config = load_config()
        glossary, _ = load_cached(config.glossary, config.root)
        index = TermIndex.from_glossary(glossary, config)
        # The scan alone: the glossary is compiled once per build.
        start, cpu = time.perf_counter(), _cpu()
        check_docs(config, glossary, index=index)
    elif kind in ("load-yaml", "load-cache"):
        from shoptalk.cache import load_cached
        from shoptalk.config import load_config
        from shoptalk.load import load_glossary

        config = load_config()
        start, cpu = time.perf_counter(), _cpu()
        load = load_glossary if kind == "load-yaml" else load_cached
        found = len(load(config.glossary, config.root)[0].terms)
    elif kind == "load-workers":
        from shoptalk.check.docs import default_jobs
        from shoptalk.config import load_config
        from shoptalk.load import load_glossary

        config = load_config()
        chosen = [1]

        def jobs(records: int) -> int:
            chosen[0] = default_jobs(records)
            return chosen[0]

        start, cpu = time.perf_counter(), _cpu()
        load_glossary(config.glossary, config.root, jobs=jobs)
        found = chosen[0] > 1  # whether a worker read ahead
    elif kind == "check":
        from io import StringIO

        from shoptalk.cli import main

        stdout, sys.stdout = sys.stdout, StringIO()
        try:
            main(["check", "--format", "json", *extra])
        finally:
            out, sys.stdout = sys.stdout.getvalue(), stdout
        found = sum(p["rule"] == "avoided-wording" for p in json.loads(out)["problems"])
    seconds, cpu = time.perf_counter() - start, _cpu() - cpu
    kb = max(resource.getrusage(who).ru_maxrss
             for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    print(json.dumps({"seconds": seconds, "cpu": cpu, "kb": kb, "found": found}))


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (``check``'s workers)."""
    import resource

    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def run_once(kind: str, corpus: Path, extra: list[str] | None = None) -> dict[str, float]:
    """One measurement in a fresh process: seconds, peak KB, count."""
    out = subprocess.run([sys.executable, __file__, "--child", kind, str(corpus), *(extra or [])],
                         capture_output=True, text=True, check=True, timeout=3600)
    data: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return data


def count_words(corpus: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in (corpus / "docs").glob("*.md"))


def row(label: str, seconds: float, cpu: float, mb: float, note: str = "") -> str:
    return f"| {label} | {seconds:.2f} | {cpu:.2f} | {mb:.0f} | {note} |"


def _times(a: tuple[float, float, float], b: tuple[float, float, float]) -> str:
    """``a`` over ``b`` in wall and in CPU time: "2.24× (CPU 2.21×)"."""
    return f"{a[0] / b[0]:.2f}× (CPU {a[1] / b[1]:.2f}×)"


def load_average() -> str:
    """The 1, 5 and 15 minute load averages, as ``uptime`` shows them."""
    return ", ".join(f"{n:.2f}" for n in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--terms", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", type=Path, default=None, help="keep corpora here")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="shoptalk-bench-"))
    # Not imported here: a big parent would count in every child's peak memory.
    spec = importlib.util.find_spec("shoptalk")
    assert spec is not None and spec.submodule_search_locations
    compileall.compile_dir(spec.submodule_search_locations[0], quiet=1)
    corpora = {}
    for terms in args.terms:
        corpus = corpora[terms] = work / f"corpus-{terms}-{args.files}x{args.words}"
        if not corpus.exists():
            subprocess.run([sys.executable, str(HERE / "gen_corpus.py"), str(corpus),
                            "--terms", str(terms), "--files", str(args.files),
                            "--words", str(args.words)], check=True)
        run_once("load-cache", corpus)  # writes the cache the usual run finds
        first = min((corpus / "docs").glob("*.md"))
        run_once("check", corpus, [str(first.relative_to(corpus))])  # and the compiled index
    kinds = ("parse", "scan", "check", "load-yaml", "load-workers", "load-cache")
    print(f"load average before: {load_average()} ({os.cpu_count()} cores)", flush=True)
    runs: dict[tuple[int, str], list[dict[str, float]]] = {}
    for _ in range(args.repeat):  # interleaved: every measurement sees the same load
        for terms, corpus in corpora.items():
            for kind in kinds:
                runs.setdefault((terms, kind), []).append(run_once(kind, corpus))

    print(f"load average after: {load_average()}")

    def median(terms: int, kind: str) -> tuple[float, float, float]:
        got = runs[(terms, kind)]
        return (statistics.median(r["seconds"] for r in got),
                statistics.median(r["cpu"] for r in got), max(r["kb"] for r in got) / 1024)

    lines = [f"median of {args.repeat} interleaved runs",
             "| measurement | median s | CPU s | peak MB | note |", "|---|---|---|---|---|"]
    for terms, corpus in corpora.items():
        words = count_words(corpus)
        label = f"{terms} terms × {args.files} pages ({words / 1e6:.2f} M words)"
        parse, scan, check = (median(terms, k) for k in ("parse", "scan", "check"))
        planted = json.loads((corpus / "planted.json").read_text(encoding="utf-8"))
        found = runs[(terms, "check")][-1]["found"]
        workers = median(terms, "load-workers")
        lines += [
            row(f"markdown-it parse, {label}", *parse),
            row(f"shoptalk scan, {label}", *scan, f"{_times(scan, parse)} parse"),
            row(f"shoptalk check (CLI, cache warm), {label}", *check,
                f"{_times(check, parse)} parse; avoided forms reported {found:.0f} of "
                f"{planted['avoided-wording']} planted"),
            row(f"load {terms} term files from YAML", *median(terms, "load-yaml")),
            row(f"load {terms} term files from YAML, as validate does", *workers,
                f"{_times(workers, median(terms, 'load-yaml'))} one process; a worker read "
                f"ahead in {sum(r['found'] for r in runs[(terms, 'load-workers')]):.0f} of "
                f"{args.repeat} runs"),
            row(f"load {terms} terms from the cache", *median(terms, "load-cache")),
        ]
    if len(corpora) > 1:
        low, high = min(corpora), max(corpora)
        for kind in ("scan", "check"):
            ratio = median(high, kind)[0] / median(low, kind)[0]
            cpu = median(high, kind)[1] / median(low, kind)[1]
            lines.append(f"| {kind} time, {high} vs {low} terms | {ratio:.2f}× | {cpu:.2f}× | | |")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[1] == "--child":
        _child(sys.argv[2], Path(sys.argv[3]), sys.argv[4:])
        raise SystemExit(0)
    raise SystemExit(main())
