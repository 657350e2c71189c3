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
) -> list[R]:
    """``[work(item) for item in items]``, the items dealt round-robin to ``jobs`` processes
    (this one included), results in item order. An exception in a child is raised here.
    ``watch`` wraps this process's own share (a progress bar).

    The first item is worked here before forking: the analysers, models and word caches it
    loads (pymorphy3's dictionary, Kiwi, the matchers' caches) are then shared by every child
    instead of being loaded in each."""
    jobs = min(jobs, len(items))
    if jobs <= 1 or not can_fork():
        return [work(item) for item in (watch(items) if watch else items)]
    first = work(items[0])
    rest = items[1:]
    if len(rest) < 2 or not can_fork():  # the first item started threads
        return [first, *(work(item) for item in (watch(rest) if watch else rest))]
    return [first, *_dealt(work, rest, min(jobs, len(rest)), watch)]


def _dealt(
    work: Callable[[T], R], items: Sequence[T], jobs: int, watch: Callable[[Sequence[T]], Iterable[T]] | None
) -> list[R]:
    gc.freeze()  # the collector would touch every inherited object and so copy its page
    children: list[tuple[int, int, int]] = []  # (share, pid, read end)
    for share in range(1, jobs):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # child: compute its share, send it, leave without the parent's exit handlers
            os.close(read_end)
            _child(work, items[share::jobs], write_end)
        os.close(write_end)
        children.append((share, pid, read_end))
    results: list[R] = [None] * len(items)  # type: ignore[list-item]  # every slot is filled below
    try:
        own = items[0::jobs]
        results[0::jobs] = [work(item) for item in (watch(own) if watch else own)]
        for share, _, read_end in children:
            with os.fdopen(read_end, "rb", closefd=False) as pipe:
                payload = pipe.read()
            if not payload:
                raise RuntimeError("a check process ended without sending its findings")
            ok, value = pickle.loads(payload)
            if not ok:
                raise value
            results[share::jobs] = value
    finally:  # also when this process failed: the children see a closed pipe and exit
        for _, pid, read_end in children:
            os.close(read_end)
            os.waitpid(pid, 0)
        gc.unfreeze()
    return results


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
