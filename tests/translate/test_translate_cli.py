"""The commands as a user runs them: separate processes, Internet sockets blocked."""

from __future__ import annotations

import subprocess
import sys

import polib
from mt_helpers import SEGMENTS, subprocess_env


def termweave(*argv, cwd, **env):
    return subprocess.run(
        [sys.executable, "-m", "termweave", *argv],
        cwd=cwd,
        env=subprocess_env(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_network_guard_really_blocks(tmp_path):
    code = "import socket; socket.create_connection(('127.0.0.1', 9))"
    done = subprocess.run([sys.executable, "-c", code], env=subprocess_env(), capture_output=True, text=True)
    assert done.returncode != 0 and "network access blocked" in done.stderr


def test_install_then_translate_offline_without_argostranslate_torch_or_stanza(argosmodels, mt_project):
    for name in ("en_uk", "en_ko"):
        done = termweave("models", "install", str(argosmodels[name]), cwd=mt_project)
        assert done.returncode == 0, done.stderr
    probe = (
        "import sys, runpy; sys.argv = ['termweave', 'translate'];\n"
        "try:\n    runpy.run_module('termweave', run_name='__main__')\n"
        "except SystemExit as exit:\n    code = exit.code\n"
        "print('heavy:', sorted(m for m in ('argostranslate', 'torch', 'stanza', 'spacy') if m in sys.modules))\n"
        "print('rc:', code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=mt_project, env=subprocess_env(), capture_output=True, text=True, timeout=120
    )
    assert done.stdout.splitlines()[-2:] == ["heavy: []", "rc: 0"], done.stderr
    assert "translations/uk.po: 7 machine drafts, fuzzy (2 copied" in done.stdout
    uk = {e.msgctxt: e for e in polib.pofile(str(mt_project / "translations" / "uk.po"))}
    assert all(uk[ctx].msgstr == text and uk[ctx].fuzzy for ctx, text in SEGMENTS)


def test_translate_without_models_exits_2_with_one_line(mt_project):
    done = termweave("translate", cwd=mt_project)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("termweave: no translation model installed")


def test_models_install_offline_fails_fast(mt_project, argos_home):
    done = termweave("models", "install", "en:uk", cwd=mt_project)
    assert done.returncode == 2 and "cannot fetch the Argos package index" in done.stderr
    assert "network access blocked" in done.stderr
    assert not argos_home.exists()
