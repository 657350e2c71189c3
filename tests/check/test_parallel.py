"""Checks spread over forked processes give exactly the findings of one process."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from termweave.check import parallel
from termweave.check import run as runner
from termweave.check.parallel import forked_map
from termweave.cli import main
from termweave.console import Console
from termweave.errors import InputError
from termweave.glossary import load_glossary

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "tests" / "data" / "real-catalogs"
CATALOGS = [REAL / "django-5.2" / "uk.po", REAL / "django-5.2" / "ko.po", REAL / "sphinx-9.0.4" / "uk_UA.po"]


@pytest.fixture
def forking(monkeypatch):
    """Forking allowed although this test process may have threads (rapidfuzz's, from earlier
    tests): none of them holds a lock the work here needs. can_fork itself is tested in a
    fresh interpreter below."""
    monkeypatch.setattr(parallel, "can_fork", lambda: True)
    monkeypatch.setattr(runner, "can_fork", lambda: True)


def square_with_pid(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def test_forked_map_keeps_item_order_and_uses_other_processes(forking):
    found = forked_map(square_with_pid, list(range(23)), jobs=3)
    assert [value for value, _ in found] == [n * n for n in range(23)]
    pids = {pid for _, pid in found}
    assert os.getpid() in pids and len(pids) == 3
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # every child was reaped


def test_weighted_items_start_with_the_lightest_and_the_rest_are_taken_by_free_processes(forking):
    weights = [5.0, 1.0, 9.0, 4.0, 7.0, 3.0, 8.0, 2.0, 6.0]
    found = forked_map(square_with_pid, list(range(len(weights))), jobs=2, weights=weights)
    assert [value for value, _ in found] == [n * n for n in range(len(weights))]
    assert found[1][1] == os.getpid()  # the lightest (item 1) was worked here, before forking
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


def slow_on_item_zero(n: int) -> tuple[int, int]:
    if n == 0:
        time.sleep(0.5)  # while one process works the heavy item, the other takes the rest
    return n, os.getpid()


def test_a_free_process_takes_the_next_item_from_the_queue(forking):
    weights = [100.0, 0.5, *[1.0] * 10]  # item 0 first from the queue; item 1 worked before forking
    found = forked_map(slow_on_item_zero, list(range(len(weights))), jobs=2, weights=weights)
    assert [n for n, _ in found] == list(range(len(weights)))
    heavy = found[0][1]
    assert all(pid != heavy for _, pid in found[2:])  # the other process took every light item


def test_the_queue_gives_each_index_to_one_reader_only():
    queue = parallel._queue(list(range(5000)))
    try:
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # child: take half of what it can, send what it took
            taken = list(parallel._taken(queue))
            os.write(write_end, json.dumps(taken).encode())
            os._exit(0)
        os.close(write_end)
        mine = list(parallel._taken(queue))
        with os.fdopen(read_end, "rb") as pipe:
            theirs = json.loads(pipe.read())
        os.waitpid(pid, 0)
    finally:
        os.close(queue)
    assert sorted(mine + theirs) == list(range(5000))
    assert mine == sorted(mine) and theirs == sorted(theirs)  # each took them in queue order


def fail_on_seven(n: int) -> int:
    if n == 7:
        raise ValueError(f"bad item {n}")
    return n


@pytest.mark.parametrize("jobs", [4, 5])
def test_an_exception_in_a_child_is_raised_in_the_parent(jobs, forking):
    assert (7 - 1) % jobs != 0  # item 0 first, then 1, 1 + jobs, ... here: item 7 goes to a child
    with pytest.raises(ValueError, match="bad item 7"):
        forked_map(fail_on_seven, list(range(12)), jobs=jobs)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


def test_a_failure_in_the_parent_still_reaps_the_children(forking):
    with pytest.raises(ValueError, match="bad item 7"):
        forked_map(fail_on_seven, list(range(12)), jobs=6)  # items 0, then 1, 7 are the parent's
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


def spy_on_fork(monkeypatch) -> list[int]:
    forks: list[int] = []
    real_fork = os.fork

    def fork() -> int:
        pid = real_fork()
        if pid:
            forks.append(pid)
        return pid

    monkeypatch.setattr(parallel.os, "fork", fork)
    return forks


def test_real_catalogs_checked_in_two_processes_give_the_same_report(monkeypatch, forking):
    glossary = load_glossary(ROOT / "glossary" / "terms.csv")
    one = runner.run_checks(CATALOGS, glossary, jobs=1)
    forks = spy_on_fork(monkeypatch)
    monkeypatch.setattr(runner, "PARALLEL_MIN", 0)
    two = runner.run_checks(CATALOGS, glossary, jobs=2)
    assert len(forks) == 1
    assert one.findings and two.findings == one.findings
    assert two.to_json() == one.to_json()


DJANGO = [REAL / version / f"{lang}.po" for version in ("django-4.2", "django-5.2") for lang in ("uk", "ko")]


def test_many_catalogs_are_read_and_checked_whole_in_each_process(monkeypatch, forking):
    glossary = load_glossary(ROOT / "glossary" / "terms.csv")
    one = runner.run_checks(DJANGO, glossary, jobs=1)
    forks = spy_on_fork(monkeypatch)
    monkeypatch.setattr(runner, "PARALLEL_MIN", 0)
    loads: list[Path] = []
    real_load = runner.load_catalog
    monkeypatch.setattr(runner, "load_catalog", lambda path, *a: loads.append(path) or real_load(path, *a))
    two = runner.run_checks(DJANGO, glossary, jobs=2)
    smallest = min(DJANGO, key=lambda path: path.stat().st_size)
    assert len(forks) == 1 and loads[0] == smallest  # the smallest file is read here before forking
    assert set(loads) < set(DJANGO)  # and at least one by the child alone
    assert one.findings and two.to_json() == one.to_json()


def bad_copies(tmp_path: Path) -> list[Path]:
    """Four catalogs: a malformed suppression flag in the second (a warning), an unknown check id
    in the third (bad input), a missing Language header in the fourth (bad input, found first)."""
    texts = [path.read_text(encoding="utf-8") for path in DJANGO]
    texts[1] = texts[1].replace("#, python-format\n", "#, python-format, ignore term-missing\n", 1)
    texts[2] = texts[2].replace("#, python-format\n", "#, python-format, ignore-nonsense\n", 1)
    paths = []
    for n, text in enumerate(texts):
        paths.append(tmp_path / f"{n}.po")
        paths[-1].write_text(text, encoding="utf-8")
    return paths


@pytest.mark.parametrize("broken", ["flag", "header"])
def test_bad_input_and_warnings_are_reported_as_one_process_reports_them(tmp_path, monkeypatch, forking, broken):
    paths = bad_copies(tmp_path)
    if broken == "header":
        paths[3].write_text(paths[3].read_text(encoding="utf-8").replace("Language: ko", "X-Nothing: ko"), "utf-8")
    glossary = load_glossary(ROOT / "glossary" / "terms.csv")
    monkeypatch.setattr(runner, "PARALLEL_MIN", 0)
    said = []
    for jobs in (1, 2):
        err = io.StringIO()
        with pytest.raises(InputError) as failure:
            runner.run_checks(paths, glossary, console=Console(err=err), jobs=jobs)
        said.append((str(failure.value), failure.value.path, failure.value.line, err.getvalue()))
    assert said[0] == said[1]
    message, path, line, warnings = said[0]
    if broken == "flag":
        assert path == str(paths[2]) and line and "nonsense" in message
        assert "malformed suppression flag" in warnings and str(paths[1]) in warnings
    else:
        assert path == str(paths[3]) and "Language" in message and warnings == ""


CAN_FORK_PROBE = """
import subprocess
import sys
import threading
import time
from termweave.check.parallel import can_fork
from termweave.lang.analysers import korean_kiwi
fresh = can_fork()
korean_kiwi().tokenize("북한과 러시아의 군사 동맹")  # Kiwi without worker threads
with_kiwi = can_fork()
stop = threading.Event()
worker = threading.Thread(target=stop.wait)
worker.start()
with_thread = can_fork()
stop.set()
worker.join()
print(fresh, with_kiwi, with_thread)
"""


def test_only_a_process_without_threads_forks_and_kiwi_starts_none():
    result = subprocess.run([sys.executable, "-c", CAN_FORK_PROBE], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["True", "True", "False"]


def test_a_process_with_other_threads_checks_in_one_process(monkeypatch):
    forks = spy_on_fork(monkeypatch)
    monkeypatch.setattr(runner, "PARALLEL_MIN", 0)
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    try:
        report = runner.run_checks(CATALOGS[:2], None, jobs=2)
    finally:
        stop.set()
        worker.join()
    assert forks == [] and report.findings


def test_small_runs_stay_in_one_process(monkeypatch, forking):
    forks = spy_on_fork(monkeypatch)
    report = runner.run_checks([CATALOGS[0]], None, jobs=2)  # fewer than PARALLEL_MIN entries
    assert report.entries < runner.PARALLEL_MIN
    assert forks == []


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_jobs_option_wants_a_positive_whole_number(value, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--jobs", value, str(CATALOGS[0])])
    assert exit_info.value.code == 2
    assert "--jobs" in capsys.readouterr().err


def test_jobs_option_gives_the_same_json(tmp_path, monkeypatch, capsys, forking):
    monkeypatch.chdir(tmp_path)  # outside any project: no glossary
    monkeypatch.setattr(runner, "PARALLEL_MIN", 0)
    outputs = []
    for jobs in ("1", "2"):
        main(["check", "--format", "json", "--jobs", jobs, *map(str, CATALOGS)])
        outputs.append(json.loads(capsys.readouterr().out))
    assert outputs[0]["findings"] and outputs[0] == outputs[1]
