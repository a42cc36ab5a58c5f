"""``shoptalk check`` beside textlint + textlint-rule-terminology, same pages, same rules.

    python scripts/bench_textlint.py --terms 2000 --pages 100 --repeat 3

Generates a corpus (scripts/gen_corpus.py) unless ``--corpus`` names one, installs
textlint and textlint-rule-terminology from the npm registry into ``bench/textlint``
(git-ignored; skipped with a message when npm is absent), writes the terminology
rule's JSON from the corpus glossary (each name as a term, each avoided wording as
a [pattern, name] pair), then times both tools interleaved (textlint, shoptalk,
textlint, shoptalk, ...) in fresh processes and prints the medians, the peak memory
and what each reported as avoided wording.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PACKAGES = ("textlint@14", "textlint-rule-terminology@5")


def setup_textlint(folder: Path) -> Path | None:
    """textlint with the terminology rule installed under ``folder``; None (and why) if not."""
    binary = folder / "node_modules" / ".bin" / "textlint"
    if binary.exists():
        return binary
    npm = shutil.which("npm")
    if npm is None or shutil.which("node") is None:
        print("npm or node not found: skipping the textlint comparison "
              "(install Node.js and npm to run it)")
        return None
    folder.mkdir(parents=True, exist_ok=True)
    result = subprocess.run([npm, "install", "--prefix", str(folder), "--no-audit", "--no-fund",
                             "--loglevel=error", *PACKAGES], capture_output=True, text=True,
                            check=False)
    if result.returncode != 0 or not binary.exists():
        print(f"npm install failed: skipping the textlint comparison\n{result.stderr[-2000:]}")
        return None
    return binary


def terminology_rc(corpus: Path, out: Path) -> Path:
    """A .textlintrc.json whose terminology terms are the corpus glossary's rules."""
    import yaml

    terms: list[object] = []
    for path in sorted((corpus / "glossary" / "terms").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        terms.append(data["name"])
        for avoid in data.get("avoid", []):
            text = avoid["text"] if isinstance(avoid, dict) else avoid
            terms.append([re.escape(text), data["name"]])
    out.write_text(json.dumps({"rules": {"terminology": {"defaultTerms": False,
                                                           "terms": terms}}}), encoding="utf-8")
    return out


# Runs one command and reports its peak memory and CPU time: the only child of a fresh process.
_WRAP = ("import resource, subprocess, sys; "
         "subprocess.run(sys.argv[1:], stdout=sys.stdout, stderr=subprocess.DEVNULL); "
         "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
         "print(u.ru_maxrss, u.ru_utime + u.ru_stime, file=sys.stderr)")


def timed(command: list[str], cwd: Path) -> tuple[float, float, float, str]:
    """Wall seconds, CPU seconds, peak MB and stdout of ``command``."""
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _WRAP, *command], cwd=cwd, capture_output=True,
                         text=True, check=False)
    seconds = time.perf_counter() - start
    kb, cpu = out.stderr.split()[-2:]
    return seconds, float(cpu), int(kb) / 1024, out.stdout


def load_average() -> str:
    """The 1, 5 and 15 minute load averages, as ``uptime`` shows them."""
    return ", ".join(f"{n:.2f}" for n in os.getloadavg())


def textlint_avoided(stdout: str) -> int:
    """Reports of an avoided wording in textlint's JSON (not a case-only difference)."""
    count = 0
    for result in json.loads(stdout or "[]"):
        for message in result["messages"]:
            wrong = re.search(r'Incorrect term: “(.*?)”, use “(.*?)”', message["message"])
            if wrong and wrong.group(1).lower() != wrong.group(2).lower():
                count += 1
    return count


def shoptalk_avoided(stdout: str) -> int:
    return sum(p["rule"] == "avoided-wording" for p in json.loads(stdout)["problems"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="an existing corpus (gen_corpus.py OUT)")
    parser.add_argument("--terms", type=int, default=2000)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--pages", type=int, default=100, help="pages both tools check")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    binary = setup_textlint(ROOT / "bench" / "textlint")
    if binary is None:
        return 0
    corpus = args.corpus or ROOT / "bench" / f"corpus-{args.terms}-{args.files}x{args.words}"
    if not corpus.exists():
        subprocess.run([sys.executable, str(HERE / "gen_corpus.py"), str(corpus), "--terms",
                        str(args.terms), "--files", str(args.files), "--words",
                        str(args.words)], check=True)
    rc = terminology_rc(corpus, corpus / ".textlintrc.json")
    pages = sorted(str(p.relative_to(corpus)) for p in (corpus / "docs").glob("*.md"))
    pages = pages[:args.pages]
    shoptalk = [sys.executable, "-m", "shoptalk", "check", "--format", "json", *pages]
    textlint = [str(binary), "--config", str(rc), "--format", "json", *pages]
    # The package's bytecode, as an installed package has it; then the glossary cache.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src" / "shoptalk")],
                   capture_output=True, check=False)
    subprocess.run(shoptalk, cwd=corpus, capture_output=True, check=False)  # warm the cache
    times: dict[str, list[float]] = {"textlint": [], "shoptalk": []}
    cpus: dict[str, list[float]] = {"textlint": [], "shoptalk": []}
    peaks: dict[str, float] = {}
    found: dict[str, int] = {}
    print(f"load average before: {load_average()} ({os.cpu_count()} cores)", flush=True)
    for _ in range(args.repeat):  # interleaved: both see the same load on a shared machine
        for name, command, count in (("textlint", textlint, textlint_avoided),
                                     ("shoptalk", shoptalk, shoptalk_avoided)):
            seconds, cpu, peak, out = timed(command, corpus)
            times[name].append(seconds)
            cpus[name].append(cpu)
            peaks[name] = max(peaks.get(name, 0.0), peak)
            found[name] = count(out)
    print(f"load average after: {load_average()}")
    tl, st = statistics.median(times["textlint"]), statistics.median(times["shoptalk"])
    tl_cpu, st_cpu = statistics.median(cpus["textlint"]), statistics.median(cpus["shoptalk"])
    print(f"{len(pages)} pages, {args.terms} terms, median of {args.repeat} interleaved runs")
    print("| tool | median s | CPU s | peak MB | avoided wording reported |")
    print("|---|---|---|---|---|")
    print(f"| textlint + textlint-rule-terminology | {tl:.2f} | {tl_cpu:.2f} | "
          f"{peaks['textlint']:.0f} | {found['textlint']} |")
    print(f"| shoptalk check | {st:.2f} ({tl / st:.1f}× faster) | {st_cpu:.2f} "
          f"({tl_cpu / st_cpu:.1f}× less) | {peaks['shoptalk']:.0f} | {found['shoptalk']} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
