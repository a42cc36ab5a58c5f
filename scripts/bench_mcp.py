"""Benchmark ``shoptalk mcp``: start time and a ``define`` round trip on a large glossary.

    python scripts/bench_mcp.py [--terms 2000] [--repeat 5] [--calls 20]

Writes a synthetic glossary (``scripts/gen_glossary.py``) into a scratch project, then
``--repeat`` times: starts the server as a subprocess with the MCP SDK's stdio client and
times spawn → ``initialize`` answered (the glossary is read before the server answers), the
first ``define`` and the median of ``--calls`` more. Prints each run, the medians and the
machine's load average.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import anyio
from mcp.client.session import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client

REPO = Path(__file__).resolve().parent.parent


async def one_run(project: Path, calls: int) -> tuple[float, float, float]:
    """(start, first define, median define) in seconds, for one server process."""
    params = StdioServerParameters(command=sys.executable, args=["-m", "shoptalk", "mcp"],
                                   cwd=str(project))
    with open(os.devnull, "w") as quiet:  # the server logs each call on standard error
        started = time.perf_counter()
        async with stdio_client(params, errlog=quiet) as (read, write), \
                ClientSession(read, write) as session:
            await session.initialize()
            start = time.perf_counter() - started
            times = []
            for i in range(calls + 1):
                began = time.perf_counter()
                result = await session.call_tool("define", {"term": f"X{i * 97 % 2000:04d}"})
                times.append(time.perf_counter() - began)
                assert not result.is_error, result
    return start, times[0], statistics.median(times[1:])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--terms", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--calls", type=int, default=20)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-mcp-") as scratch:
        project = Path(scratch)
        subprocess.run([sys.executable, str(REPO / "scripts" / "gen_glossary.py"),
                        str(project / "glossary"), "--terms", str(args.terms)],
                       check=True, stdout=subprocess.DEVNULL)
        (project / "shoptalk.yml").write_text("glossary: glossary\n", encoding="utf-8")
        runs = []
        for n in range(args.repeat):
            runs.append(anyio.run(one_run, project, args.calls))
            start, first, median = runs[-1]
            print(f"run {n + 1}: start {start:.2f} s, first define {first * 1000:.0f} ms, "
                  f"define median {median * 1000:.1f} ms")
    starts, firsts, medians = zip(*runs, strict=True)
    print(f"{args.terms} terms, median of {args.repeat}: start {statistics.median(starts):.2f} s"
          f", first define {statistics.median(firsts) * 1000:.0f} ms, define round trip "
          f"{statistics.median(medians) * 1000:.1f} ms")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
