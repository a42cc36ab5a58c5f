"""Checking files: finding the pages, reading them safely, scanning each.

Pages are independent, so a long run scans them in worker processes, one per core
(``jobs``): each worker is forked with the compiled glossary already in memory and
gets pages in small batches; results come back in the order the pages were named,
so the output is byte for byte the serial one.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..config import Config
from ..model import Glossary
from ..problems import PathDisplay, Problem, ShoptalkError
from .index import TermIndex
from .scan import Edit, FileScan, scan_page

SUFFIX = ".md"
# Below this many pages a worker's start-up costs more than it saves.
PARALLEL_FROM = 32
LOADAVG = Path("/proc/loadavg")
_BATCH = 8
Scanned = tuple[Path, str | None, FileScan, list[Edit]]

__all__ = ["LOADAVG", "PARALLEL_FROM", "SUFFIX", "busy_cores", "check_docs", "default_jobs",
           "page_files", "read_text", "scan_files"]


def page_files(paths: Sequence[Path]) -> list[Path]:
    """The files named, and every ``*.md`` under the folders named, each once, in order."""
    found: dict[Path, None] = {}
    for path in paths:
        if path.is_dir():
            found.update(dict.fromkeys(sorted(p for p in path.rglob(f"*{SUFFIX}") if p.is_file())))
        elif path.is_file():
            found[path] = None
        else:
            raise ShoptalkError(f"{path}: no such file or folder")
    return list(found)


def read_text(path: Path, display: str) -> tuple[str | None, Problem | None]:
    """The file's text (UTF-8, a leading BOM dropped), or a problem saying why not."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, Problem(display, 1, 1, "error", f"cannot read the file: {exc.strerror}",
                             "unreadable-file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        return None, Problem(display, line, 1, "error", f"not UTF-8 text (byte 0x"
                             f"{data[exc.start]:02x} at offset {exc.start}); save it as UTF-8",
                             "unreadable-file")
    return text.removeprefix("\ufeff"), None


def default_jobs(pages: int) -> int:
    """Worker processes worth starting for ``pages`` pages: one per idle core, or 1.

    Workers only pay on cores nobody else uses: on 2 cores already kept busy by other
    work, two workers scanned 1,000 pages 10% slower than one process, so only idle
    cores count (see ``busy_cores``). ``SHOPTALK_JOBS`` overrides it (``1``: scan in
    this process). Workers are forked: only where that is safe and cheap (Linux).
    """
    wanted = os.environ.get("SHOPTALK_JOBS", "")
    if wanted.isdigit() and int(wanted) > 0:
        jobs = int(wanted)
    elif pages < PARALLEL_FROM or not hasattr(os, "sched_getaffinity"):
        return 1
    else:
        cores = len(os.sched_getaffinity(0))
        jobs = round(cores - busy_cores())
    if sys.platform != "linux" or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(jobs, pages))


def busy_cores() -> float:
    """How many cores other work keeps busy now: the tasks ready to run (the kernel's count
    in ``/proc/loadavg``), less this one, the median of three looks 5 ms apart.

    Not the load average: it remembers the last minute, so the check run just before
    (or any finished job) would keep an idle machine's cores from being used.
    """
    try:
        looks = []
        for look in range(3):
            if look:
                time.sleep(0.005)
            runnable = LOADAVG.read_text(encoding="ascii").split()[3].split("/")[0]
            looks.append(max(0, int(runnable) - 1))
        return float(sorted(looks)[1])
    except (OSError, IndexError, ValueError):
        return os.getloadavg()[0]  # no /proc: the 1-minute average is all there is


def scan_files(config: Config, index: TermIndex, files: Sequence[Path], *,
               strict: bool = False, jobs: int = 1, all_occurrences: bool = False
               ) -> Iterator[Scanned]:
    """Scan each file: (path, text or None when unreadable, scan, safe edits), in order.

    ``jobs`` > 1 scans in that many forked workers (see ``default_jobs``).
    """
    if jobs <= 1 or len(files) < 2:
        yield from _scan_batch(config, index, files, strict, all_occurrences)
        return
    global _WORK
    _WORK = (config, index, strict, all_occurrences)  # inherited by the workers, never pickled
    batches = [files[i:i + _BATCH] for i in range(0, len(files), _BATCH)]
    try:
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            for batch in pool.map(_worker, batches):
                yield from batch
    finally:
        _WORK = None


_WORK: tuple[Config, TermIndex, bool, bool] | None = None


def _worker(files: Sequence[Path]) -> list[Scanned]:
    assert _WORK is not None, "scan_files sets the work before forking"
    config, index, strict, all_occurrences = _WORK
    return list(_scan_batch(config, index, files, strict, all_occurrences))


def _scan_batch(config: Config, index: TermIndex, files: Sequence[Path],
                strict: bool, all_occurrences: bool) -> Iterator[Scanned]:
    paths = PathDisplay(config.root)
    for path in files:
        display = paths.show(path)
        text, problem = read_text(path, display)
        if text is None:
            yield path, None, FileScan(display, [problem] if problem else [], []), []
            continue
        scan, edits = _scan_quietly(text, display, index, config, strict, all_occurrences)
        yield path, text, scan, edits


def _scan_quietly(text: str, display: str, index: TermIndex, config: Config,
                  strict: bool, all_occurrences: bool = False) -> tuple[FileScan, list[Edit]]:
    """``scan_page`` with the cycle collector paused for the page (a few % of the scan time).

    Parsing a page makes thousands of container objects (tokens, lists) that all live
    until the page is done and are then freed by reference counting; collecting in the
    middle only walks them to find nothing. The collector runs again between pages, so
    any cyclic garbage a page leaves is still collected and memory stays flat (45 MB peak
    over 1,000 pages either way).
    """
    if not gc.isenabled():
        return scan_page(text, display, index, config, strict=strict,
                         all_occurrences=all_occurrences)
    gc.disable()
    try:
        return scan_page(text, display, index, config, strict=strict,
                         all_occurrences=all_occurrences)
    finally:
        gc.enable()


def check_docs(config: Config, glossary: Glossary, paths: Sequence[Path] | None = None, *,
               strict: bool = False, index: TermIndex | None = None,
               jobs: int = 1, all_occurrences: bool = False) -> list[FileScan]:
    """Scan every ``*.md`` under ``config.docs`` (or the ``paths`` given), one FileScan each.

    Pass a prebuilt ``index`` to reuse it across calls (the site build does), and
    ``jobs`` to scan in worker processes (never inside a server: it forks).
    """
    index = index or TermIndex.from_glossary(glossary, config)
    files = page_files(list(paths) if paths is not None else [config.docs])
    return [scan for _, _, scan, _ in scan_files(config, index, files, strict=strict,
                                                  jobs=jobs, all_occurrences=all_occurrences)]
