"""Check work spread over forked worker processes: :func:`forked_map`.

The checks are pure Python and hold the GIL, so threads would not help; forked children share
the parent's loaded catalogs, glossary and compiled patterns for free (copy-on-write) and send
back only their findings (pickled). Elsewhere than on Linux (no ``fork`` on Windows; macOS
forks unsafely with its system libraries), and in a process that has started threads, the
work runs in the calling process.
"""

from __future__ import annotations

import gc
import os
import pickle
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

MAX_JOBS = 8


def available_cpus() -> int:
    """CPUs this process may run on (its affinity mask, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def default_jobs() -> int:
    return max(1, min(MAX_JOBS, available_cpus()))


def can_fork() -> bool:
    """Only a process without other threads forks: a child could otherwise wait forever on a
    lock that another thread (a library's native worker pool) held at the fork. Linux lists
    every thread, native ones too, in /proc; elsewhere the work stays in one process."""
    if not hasattr(os, "fork") or sys.platform != "linux":
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def forked_map(
    work: Callable[[T], R],
    items: Sequence[T],
    jobs: int,
    watch: Callable[[Sequence[T]], Iterable[T]] | None = None,
    weights: Sequence[float] | None = None,
) -> list[R]:
    """``[work(item) for item in items]`` spread over ``jobs`` processes (this one included),
    results in item order. An exception in a child is raised here. ``watch`` wraps this
    process's own share (a progress bar).

    One item is worked here before forking: the analysers, models and word caches it loads
    (pymorphy3's dictionary, Kiwi, the matchers' caches) are then shared by every child instead
    of being loaded in each. Without ``weights`` that is the first item and the rest are dealt
    round-robin (items of equal cost); with them (each item's expected cost, e.g. its size) it
    is the lightest, so the part no other process shares is short, and the rest go largest
    first to the least loaded process (the LPT rule), so the processes finish together."""
    jobs = min(jobs, len(items))
    if jobs <= 1 or not can_fork():
        return [work(item) for item in (watch(items) if watch else items)]
    first = 0 if weights is None else min(range(len(items)), key=weights.__getitem__)
    results: list[R] = [None] * len(items)  # type: ignore[list-item]  # every slot is filled below
    results[first] = work(items[first])
    rest = [i for i in range(len(items)) if i != first]
    if len(rest) < 2 or not can_fork():  # the first item started threads
        own = [items[i] for i in rest]
        for i, result in zip(rest, [work(item) for item in (watch(own) if watch else own)], strict=True):
            results[i] = result
        return results
    shares = _shares(rest, min(jobs, len(rest)), weights)
    for i, result in _dealt(work, items, shares, watch):
        results[i] = result
    return results


def _shares(indexes: list[int], jobs: int, weights: Sequence[float] | None) -> list[list[int]]:
    """``indexes`` split into ``jobs`` shares: round-robin, or by the LPT rule over ``weights``
    (each share in item order, the lightest first)."""
    if weights is None:
        return [indexes[share::jobs] for share in range(jobs)]
    shares: list[list[int]] = [[] for _ in range(jobs)]
    loads = [0.0] * jobs
    for i in sorted(indexes, key=lambda i: -weights[i]):
        lightest = loads.index(min(loads))
        shares[lightest].append(i)
        loads[lightest] += weights[i]
    # The lightest share is this process's: it also gathers the children's results.
    return [sorted(shares[j]) for j in sorted(range(jobs), key=loads.__getitem__)]


def _dealt(
    work: Callable[[T], R],
    items: Sequence[T],
    shares: list[list[int]],
    watch: Callable[[Sequence[T]], Iterable[T]] | None,
) -> list[tuple[int, R]]:
    """(index, result) of every item of ``shares``: the first share worked here, each other in a
    forked child."""
    gc.freeze()  # the collector would touch every inherited object and so copy its page
    children: list[tuple[list[int], int, int]] = []  # (share, pid, read end)
    for share in shares[1:]:
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # child: compute its share, send it, leave without the parent's exit handlers
            os.close(read_end)
            _child(work, [items[i] for i in share], write_end)
        os.close(write_end)
        children.append((share, pid, read_end))
    try:
        own = [items[i] for i in shares[0]]
        done = list(zip(shares[0], [work(item) for item in (watch(own) if watch else own)], strict=True))
        for share, _, read_end in children:
            with os.fdopen(read_end, "rb", closefd=False) as pipe:
                payload = pipe.read()
            if not payload:
                raise RuntimeError("a check process ended without sending its findings")
            ok, value = pickle.loads(payload)
            if not ok:
                raise value
            done += zip(share, value, strict=True)
    finally:  # also when this process failed: the children see a closed pipe and exit
        for _, pid, read_end in children:
            os.close(read_end)
            os.waitpid(pid, 0)
        gc.unfreeze()
    return done


def _child(work: Callable[[T], R], share: Sequence[T], write_end: int) -> None:
    code = 0
    try:
        try:
            outcome: tuple[bool, object] = (True, [work(item) for item in share])
        except BaseException as exc:  # sent to the parent, which raises it
            outcome = (False, exc)
        data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(data)
    except BaseException:
        code = 1
    finally:
        os._exit(code)
