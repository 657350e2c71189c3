"""``termweave merge DEF.po REF.pot``: msgmerge's command line, on a real catalog."""

import shutil
import subprocess
from pathlib import Path

from support import run_cli

from termweave.formats.po import dump_po, load_po

REAL = Path(__file__).parent.parent / "data" / "real-catalogs"


def prepare(tmp_path):
    old = tmp_path / "uk.po"
    shutil.copy(REAL / "django-4.2" / "uk.po", old)
    pot = tmp_path / "django.pot"
    shutil.copy(REAL / "django-5.2" / "en.po", pot)  # Django's English catalog is its template
    return old, pot


def test_output_file_matches_msgmerge_entry_for_entry(tmp_path):
    old, pot = prepare(tmp_path)
    out = tmp_path / "out.po"
    assert run_cli("merge", str(old), str(pot), "-o", str(out)) == 0
    expected = subprocess.run(
        ["msgmerge", "--previous", "-q", "-o", "-", str(old), str(pot)], capture_output=True, text=True, check=True
    ).stdout
    assert out.read_text(encoding="utf-8").split("\n\n", 1)[1] == expected.split("\n\n", 1)[1]
    assert old.read_bytes() == (REAL / "django-4.2" / "uk.po").read_bytes()


def test_stdout_by_default_and_update_in_place_without_churn(tmp_path, capsys):
    old, pot = prepare(tmp_path)
    assert run_cli("merge", str(old), str(pot), "-o", "-") == 0
    printed = capsys.readouterr().out
    assert run_cli("merge", "--update", str(old), str(pot)) == 0
    assert old.read_text(encoding="utf-8") == printed
    written = old.stat().st_mtime_ns
    assert run_cli("merge", "-U", str(old), str(pot)) == 0
    assert old.stat().st_mtime_ns == written and dump_po(load_po(old)) == printed


def test_broken_input_exits_2_and_writes_nothing(tmp_path, capsys):
    old, pot = prepare(tmp_path)
    pot.write_text(pot.read_text(encoding="utf-8") + '\nmsgid "dangling"\n', encoding="utf-8")
    before = old.read_bytes()
    assert run_cli("merge", "-U", str(old), str(pot)) == 2
    assert f"{pot}:" in capsys.readouterr().err
    assert old.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["django.pot", "uk.po"]
