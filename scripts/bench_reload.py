"""Benchmark the editor's loop: from saving a term file to ``mkdocs serve`` serving the change.

    python scripts/bench_reload.py --repeat 5 [--edit term|page] [--no-reuse]

Copies the project (glossary, docs, mkdocs.yml, shoptalk.yml) into a scratch folder, starts
``mkdocs serve`` there on a free 127.0.0.1 port (live reload on, as ``make serve`` runs it),
waits for the first build, then ``--repeat`` times: rewrites one term's definition (or,
with ``--edit page``, a playbook's first paragraph) with a fresh marker and polls that page
until the marker appears. Prints each time, the server's CPU seconds over it (Linux: what
the reload costs whatever else runs on the machine) and the medians. ``--no-reuse`` turns
the plugin's page reuse off (``reuse_pages: false``) to measure the full rebuild. The
server is always stopped. ``--in-process`` builds as ``mkdocs serve`` does without a server
(one process, the plugin kept between builds) and prints the CPU seconds of each rebuild
(``time.process_time``): what a save costs, whatever else the machine is doing, and how
many pages it converted, themed and indexed again.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# What is saved, where the saved text goes, and the page that shows it.
EDITS = {
    "term": ("glossary/terms/ideal-customer-profile.yml", r"(definition: >-\n\s+)",
             "glossary/ideal-customer-profile/"),
    "page": ("docs/playbooks/demo.md", r"(\n# Tailored demo\n\n)", "playbooks/demo/"),
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return str(answer.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return None


def _cpu_seconds(pid: int) -> float:
    """User and system CPU seconds ``pid`` has used so far (0.0 where /proc is missing)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _until(found: str, url: str, proc: subprocess.Popen[bytes], seconds: float) -> float:
    """Seconds until ``url`` holds ``found``; raises if the server dies or time runs out."""
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        if proc.poll() is not None:
            raise SystemExit("mkdocs serve exited; see serve.log in the scratch folder")
        if found in (_get(url) or ""):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise SystemExit(f"no change at {url} after {seconds:.0f} s")


def _made_again(config: Any) -> str:
    """How many pages the rebuild converted, themed and indexed for search again."""
    memo = getattr(config.plugins.get("shoptalk"), "memo", None)
    if memo is None:
        return ""
    made = Counter(stage for stage, _ in memo.made_again)
    return (f"; pages converted again {made['html']}, themed {made['page']}, "
            f"indexed {made['search']}")


def _in_process(root: Path, edited: str, where: str, repeat: int) -> list[float]:
    """CPU seconds of each rebuild after a save, building as ``mkdocs serve`` does."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.chdir(root)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    serve_url = "http://127.0.0.1:8000/"
    config = load_config("mkdocs.yml", site_dir=str(root / "site"))
    config.plugins.on_startup(command="serve", dirty=False)
    build(config, serve_url=serve_url)
    saved = root / edited
    original = saved.read_text(encoding="utf-8")
    cpu = []
    for i in range(repeat):
        saved.write_text(re.sub(where, rf"\g<1>reloadmarker{i} ", original, count=1),
                         encoding="utf-8")
        used = time.process_time()
        config = load_config("mkdocs.yml", site_dir=str(root / "site"))
        build(config, serve_url=serve_url)
        cpu.append(time.process_time() - used)
        print(f"rebuild {i + 1}: {cpu[-1]:.2f} s CPU{_made_again(config)}")
    return cpu


def main() -> int:
    """Run the benchmark; print each reload time and the median."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--edit", choices=sorted(EDITS), default="term")
    parser.add_argument("--no-reuse", action="store_true",
                        help="turn the plugin's page reuse off: every page rebuilt")
    parser.add_argument("--in-process", action="store_true",
                        help="no server: the CPU seconds of each rebuild, built in-process")
    args = parser.parse_args()
    edited, where, page = EDITS[args.edit]
    with tempfile.TemporaryDirectory(prefix="bench-reload-") as scratch:
        root = Path(scratch)
        for name in ("glossary", "docs"):
            shutil.copytree(ROOT / name, root / name, symlinks=True)
        for name in ("mkdocs.yml", "shoptalk.yml"):
            shutil.copy2(ROOT / name, root / name)
        if args.no_reuse:
            mkdocs_yml = root / "mkdocs.yml"
            text = mkdocs_yml.read_text(encoding="utf-8")
            mkdocs_yml.write_text(re.sub(r"\n  - shoptalk(?:[ \t#][^\n]*)?\n",
                                         "\n  - shoptalk:\n      reuse_pages: false\n", text,
                                         count=1), encoding="utf-8")
        if args.in_process:
            cpu = _in_process(root, edited, where, args.repeat)
            print(f"median of {len(cpu)}: {statistics.median(cpu):.2f} s CPU")
            return 0
        port = _free_port()
        url = f"http://127.0.0.1:{port}/"
        with (root / "serve.log").open("wb") as log:
            proc = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                cwd=root, stdout=log, stderr=subprocess.STDOUT,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
            try:
                first = _until("</html>", url + page, proc, args.timeout)
                print(f"first build served after {first:.2f} s")
                saved = root / edited
                original = saved.read_text(encoding="utf-8")
                times, cpu = [], []
                for i in range(args.repeat):
                    marker = f"reloadmarker{i}x{time.time_ns()}"
                    saved.write_text(re.sub(where, rf"\g<1>{marker} ", original, count=1),
                                     encoding="utf-8")
                    used = _cpu_seconds(proc.pid)
                    took = _until(marker, url + page, proc, args.timeout)
                    times.append(took)
                    cpu.append(_cpu_seconds(proc.pid) - used)
                    print(f"reload {i + 1}: {took:.2f} s, {cpu[-1]:.2f} s CPU")
                    time.sleep(1.0)  # let the server settle before the next save
            finally:
                proc.terminate()
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()
        print(f"median of {len(times)}: {statistics.median(times):.2f} s, "
              f"{statistics.median(cpu):.2f} s CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
