"""Reading ahead: forked workers read and parse the last record files of a big glossary
while the loading process loads the first ones, then it builds every record in order.

A worker does only what needs no positions: the bytes, libyaml's fast path and the
compiled schema. A file it finds not clean goes back to the loading process's careful
reader, so every problem keeps its exact place. Never used inside a server: it forks.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .schema import Kind, is_clean
from .yaml_fast import plain_data

__all__ = ["PARALLEL_FROM", "Fetched", "fast_read", "read_ahead", "read_bytes", "worker_result"]

PARALLEL_FROM = 2000
"""Records from which ``jobs`` > 1 reads ahead in workers: below it the fork costs more."""
WORKER_SHARE = 0.6  # of the records, read by workers: the loading process builds them all
Fetched = tuple[bytes | None, dict[str, Any] | None]  # the bytes, and their data when clean


@contextmanager
def read_ahead(
    records: Sequence[tuple[int, Path, Kind]], jobs: int | Callable[[int], int]
) -> Iterator[list[tuple[list[int], Future[list[Fetched]]]]]:
    """Start ``jobs - 1`` forked workers on the last of ``records`` (index, path, kind).

    ``jobs`` may be a function of the number of records (``check.docs.default_jobs``: one
    per idle core), asked only when there are enough records to be worth a worker.
    Gives each worker's indexes and its results to come, in the same order; no worker
    for fewer than PARALLEL_FROM records, for one job, or where forking is unsafe. On
    leaving, the workers are gone: a later fork (the page scan's) copies no pool thread.
    """
    if len(records) < PARALLEL_FROM or sys.platform != "linux" \
            or "fork" not in multiprocessing.get_all_start_methods():
        yield []
        return
    if callable(jobs):
        jobs = jobs(len(records))
    if jobs <= 1:
        yield []
        return
    ahead = records[len(records) - int(len(records) * WORKER_SHARE):]
    size = -(-len(ahead) // (jobs - 1))
    batches = [ahead[i:i + size] for i in range(0, len(ahead), size)]
    try:
        pool = ProcessPoolExecutor(len(batches), mp_context=multiprocessing.get_context("fork"))
        futures = [pool.submit(fast_read, [(str(path), kind) for _, path, kind in batch])
                   for batch in batches]
    except (OSError, RuntimeError):
        yield []  # no worker: the loading process reads every file itself
        return
    try:
        yield [([index for index, _, _ in batch], future)
               for batch, future in zip(batches, futures, strict=True)]
    finally:
        pool.shutdown(cancel_futures=True)


def worker_result(future: Future[list[Fetched]]) -> list[Fetched]:
    """A worker's results, or none when it failed (this process then reads the files)."""
    try:
        return future.result()
    except (OSError, RuntimeError):  # a worker killed (BrokenProcessPool) or not started
        return []


def fast_read(batch: Sequence[tuple[str, Kind]]) -> list[Fetched]:
    """Each file's bytes and, when it is clean, its data: the part of loading a worker does."""
    fetched: list[Fetched] = []
    for path, kind in batch:
        raw = read_bytes(path)
        data = plain_data(raw) if raw is not None else None
        clean = isinstance(data, dict) and is_clean(data, kind)
        fetched.append((raw, data if clean else None))
    return fetched


def read_bytes(path: Path | str) -> bytes | None:
    """The file's bytes, or None when it cannot be read (``read_yaml`` then says why).

    Plain ``os`` calls: a buffered file object per record costs more than its YAML. One
    read asks for a byte more than the file's size: a regular file reads short only at
    its end, so a second read (only to see the end) is needed just when it grew.
    """
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        size = os.fstat(fd).st_size
        first = os.read(fd, size + 1)
        if len(first) <= size:
            return first  # short: the end (a pipe reports size 0, so it reads on below)
        chunks = [first]
        while chunk := os.read(fd, 1 << 16):
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)
