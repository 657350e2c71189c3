"""SIGKILL at random moments of ``run``, ``update``, ``build``, ``translate`` and ``glossary import``.

After every kill: each file termweave writes still loads (catalogs parse and pass
``msgfmt -c``), no reviewed translation is gone, and the next command removes the temp files
and finishes a half-done step. 5 kills by default (one per command), 200 with ``TERMWEAVE_STRESS=1``.
"""

from __future__ import annotations

import os
import random
import time

from killing import context, leftovers, problems, reviewed, run_in_child
from support import DATA, run_cli, toggle_seed_sentence

KILLS = 200 if os.environ.get("TERMWEAVE_STRESS") else 5
COMMANDS = (
    ["-q", "run", "--allow-incomplete"],
    ["-q", "update"],
    ["-q", "build", "--allow-incomplete"],
    ["-q", "translate"],
    ["-q", "glossary", "import", str(DATA / "tbx" / "basic-v3.tbx")],
)


def test_random_kills_leave_whole_files_and_every_review(project, install):
    install("en_uk", "en_ko")
    env = {k: os.environ[k] for k in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "ARGOS_PACKAGES_DIR")}
    ctx = context()
    assert run_cli("-q", "run", "--allow-incomplete") in (0, 1)
    kept_reviews = reviewed(project)
    assert kept_reviews
    durations = {}
    for argv in COMMANDS:  # how long each command takes here, run to its end in a child
        started = time.perf_counter()
        child = ctx.Process(target=run_in_child, args=(argv, str(project), env))
        child.start()
        child.join(120)
        durations[tuple(argv)] = time.perf_counter() - started
    rng = random.Random(7)
    killed = with_leftovers = 0
    for trial in range(KILLS):
        argv = COMMANDS[trial % len(COMMANDS)]
        toggle_seed_sentence(project, on=trial % 2 == 0)
        child = ctx.Process(target=run_in_child, args=(argv, str(project), env))
        child.start()
        time.sleep(rng.uniform(0, durations[tuple(argv)]))
        killed += child.is_alive()
        child.kill()
        child.join()
        found = problems(project)
        assert not found, (argv, found)
        assert kept_reviews <= reviewed(project), (argv, kept_reviews - reviewed(project))
        with_leftovers += bool(leftovers(project))
    assert run_cli("-q", "extract") == 0  # the next command cleans up and finishes a half-done step
    assert leftovers(project) == [] and not (project / ".termweave.lock").exists()
    assert not problems(project) and kept_reviews <= reviewed(project)
    assert killed >= KILLS // 3  # most kills landed while the command was still working
    print(f"{KILLS} kills, {killed} mid-command, {with_leftovers} left temp files; 0 torn files, 0 reviews lost")
