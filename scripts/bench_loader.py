"""Benchmark: how fast and how lean both YAML paths (the loader's fast path and the
position-tracking reader) refuse a billion-laughs file, and how long the whole starter
glossary takes to load and validate. Loading 10,000 term files: scripts/bench_check.py.

    .venv/bin/python scripts/bench_loader.py
"""

from __future__ import annotations

import statistics
import time
import tracemalloc
from pathlib import Path

from shoptalk import load_config, validate
from shoptalk.yaml_fast import plain_data
from shoptalk.yaml_reader import read_yaml

ROOT = Path(__file__).resolve().parent.parent


def billion_laughs(size: int = 100_000) -> bytes:
    lines = ['lol0: &lol0 "lol"']
    for i in range(1, 10):
        lines.append(f"lol{i}: &lol{i} [{', '.join([f'*lol{i - 1}'] * 10)}]")
    raw = ("\n".join(lines) + "\n").encode()
    return raw + b"# padding\n" * ((size - len(raw)) // 10)


def measure(label: str, func: object, runs: int = 5) -> None:
    times = []
    peak = 0
    for _ in range(runs):
        tracemalloc.start()
        start = time.perf_counter()
        func()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
        peak = max(peak, tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    print(
        f"{label:<44} median {statistics.median(times) * 1000:8.1f} ms   "
        f"peak {peak / 1024 / 1024:6.1f} MB"
    )


def main() -> None:
    bomb = billion_laughs()
    measure(
        f"billion laughs ({len(bomb) // 1000} KB), refused",
        lambda: read_yaml(Path("bomb.yml"), "bomb.yml", bomb),
    )
    measure(f"billion laughs ({len(bomb) // 1000} KB), fast path", lambda: plain_data(bomb))
    config = load_config(ROOT)
    measure("starter glossary: load + validate", lambda: validate(config))


if __name__ == "__main__":
    main()
