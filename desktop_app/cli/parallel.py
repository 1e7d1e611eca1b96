"""Sort a long run of replies on every core (the command line's `replies`).

Sorting is pure Python and holds the GIL, so threads would not help. On a machine that can
fork, the replies are sorted in batches by worker processes forked from this one: they
inherit the loaded policy and the automata the first batch built (no second load), and the
results come back in input order. With one core, no fork (Windows, and macOS, where forking
a process that has loaded system libraries is unsafe), a short run, or workers that cannot
start or die, the replies are sorted here, one at a time, as before: the output is the same.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain, islice

BATCH = 250  # replies a worker sorts at a time: large enough that passing them costs little
MAX_WORKERS = 8

_triager = None  # the parent's triager: a forked worker sorts with its copy


def _sort_batch(replies: list) -> list:
    return list(map(_triager.triage, replies))


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def can_fork() -> bool:
    import multiprocessing

    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def triage_in_parallel(triager, replies: Iterable, workers: int | None = None) -> Iterator:
    """triager.triage(reply) for each reply, in order, sorted by `workers` forked processes
    (default: one per usable core) once there is more than one batch."""
    global _triager
    workers = min(usable_cores() if workers is None else workers, MAX_WORKERS)
    batches = _batches(replies, BATCH)
    first = next(batches, [])
    # The first batch is sorted here: a short run needs no workers, and the automata it builds
    # are inherited by every worker rather than built again in each.
    yield from map(triager.triage, first)
    second = next(batches, None)
    if second is None:
        return
    rest = chain([second], batches)
    pool = _pool(workers) if workers > 1 and can_fork() else None
    if pool is None:
        yield from map(triager.triage, chain.from_iterable(rest))
        return
    _triager = triager
    pending: deque = deque()
    try:
        for batch in rest:
            pending.append((batch, _submit(pool, batch)))
            if len(pending) > 2 * workers:  # a bounded window: a long stdin is not read all at once
                yield from _results(*pending.popleft(), triager)
        while pending:
            yield from _results(*pending.popleft(), triager)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _triager = None


def _pool(workers: int):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    try:
        return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    except (OSError, ValueError):
        return None


def _submit(pool, batch: list):
    try:
        return pool.submit(_sort_batch, batch)
    except RuntimeError:  # the pool broke (BrokenProcessPool is one): this batch is sorted here
        return None


def _results(batch: list, future, triager) -> list:
    if future is not None:
        try:
            return future.result()
        except Exception:  # a worker died or failed: sort its batch here, nothing is lost
            pass
    return list(map(triager.triage, batch))
