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
from collections.abc import Callable, Iterable, Iterator, Sequence
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
    process's own share (a progress bar; items without ``weights`` only).

    One item is worked here before forking: the analysers, models and word caches it loads
    (pymorphy3's dictionary, Kiwi, the matchers' caches) are then shared by every child instead
    of being loaded in each. Without ``weights`` that is the first item and the rest are dealt
    round-robin (items of equal cost). With them (each item's expected cost, e.g. its size) it
    is the lightest, so the part no other process shares is short, and the rest wait in a queue,
    heaviest first, each taken by whichever process is free: the processes finish together
    however well the weights foretell the work."""
    jobs = min(jobs, len(items))
    if jobs <= 1 or not can_fork():
        return [work(item) for item in (watch(items) if watch else items)]
    first = 0 if weights is None else min(range(len(items)), key=weights.__getitem__)
    results: list[R] = [None] * len(items)  # type: ignore[list-item]  # every slot is filled below
    results[first] = work(items[first])
    rest = [i for i in range(len(items)) if i != first]
    done: list[tuple[int, R]]
    if len(rest) < 2 or not can_fork():  # the first item started threads
        own = [items[i] for i in rest]
        done = list(zip(rest, [work(item) for item in (watch(own) if watch else own)], strict=True))
    elif weights is None or len(rest) > QUEUE_CAPACITY:
        jobs = min(jobs, len(rest))
        done = _dealt(work, items, [rest[share::jobs] for share in range(jobs)], watch)
    else:
        queue = _queue(sorted(rest, key=lambda i: -weights[i]))
        try:
            done = _dealt(work, items, [_taken(queue) for _ in range(min(jobs, len(rest)))], None)
        finally:
            os.close(queue)
    for i, result in done:
        results[i] = result
    return results


QUEUE_ITEM = 4  # bytes of an index in the queue
QUEUE_CAPACITY = 16_384  # indexes a pipe holds (64 KiB, Linux's default) before a write would wait


def _queue(indexes: list[int]) -> int:
    """A pipe holding ``indexes`` in order: the read end (the write end is closed, so a read of
    an empty queue returns nothing)."""
    read_end, write_end = os.pipe()
    try:
        os.write(write_end, b"".join(i.to_bytes(QUEUE_ITEM, "little") for i in indexes))
    finally:
        os.close(write_end)
    return read_end


def _taken(queue: int) -> Iterator[int]:
    """Indexes taken from the queue until it is empty. Processes sharing it never get the same
    one: a pipe gives each read of up to 4,096 bytes whole."""
    while data := os.read(queue, QUEUE_ITEM):
        yield int.from_bytes(data, "little")


def _dealt(
    work: Callable[[T], R],
    items: Sequence[T],
    shares: list[Iterable[int]],
    watch: Callable[[Sequence[T]], Iterable[T]] | None,
) -> list[tuple[int, R]]:
    """(index, result) of every item of ``shares``: the first share worked here, each other in a
    forked child."""
    gc.freeze()  # the collector would touch every inherited object and so copy its page
    children: list[tuple[int, int]] = []  # (pid, read end)
    for share in shares[1:]:
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # child: compute its share, send it, leave without the parent's exit handlers
            os.close(read_end)
            _child(work, items, share, write_end)
        os.close(write_end)
        children.append((pid, read_end))
    try:
        own = shares[0]
        if watch is not None and isinstance(own, list):
            done = list(zip(own, [work(item) for item in watch([items[i] for i in own])], strict=True))
        else:
            done = [(i, work(items[i])) for i in own]
        for _, read_end in children:
            with os.fdopen(read_end, "rb", closefd=False) as pipe:
                payload = pipe.read()
            if not payload:
                raise RuntimeError("a check process ended without sending its findings")
            ok, value = pickle.loads(payload)
            if not ok:
                raise value
            done += value
    finally:  # also when this process failed: the children see a closed pipe and exit
        for pid, read_end in children:
            os.close(read_end)
            os.waitpid(pid, 0)
        gc.unfreeze()
    return done


def _child(work: Callable[[T], R], items: Sequence[T], share: Iterable[int], write_end: int) -> None:
    code = 0
    try:
        try:
            outcome: tuple[bool, object] = (True, [(i, work(items[i])) for i in share])
        except BaseException as exc:  # sent to the parent, which raises it
            outcome = (False, exc)
        data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(data)
    except BaseException:
        code = 1
    finally:
        os._exit(code)
