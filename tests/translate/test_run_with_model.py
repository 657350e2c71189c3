"""``termweave run`` on the shipped project with an MT model installed."""

import polib
from support import SEED, run_cli, snapshot

from termweave.segment import parse_seed


def test_run_drafts_missing_entries_and_withholds_the_build(install, project, capsys):
    path = project / "translations" / "uk.po"
    po = polib.pofile(str(path))
    reviewed = {e.msgid: e.msgstr for e in po}
    sentence = parse_seed(SEED).get("abstract.p3.s1").text
    po.find(sentence).msgstr = ""
    po.save(str(path))
    install("en_uk", "en_ko")

    assert run_cli("run") == 1  # the draft is fuzzy: the check reports it and the uk edition is held back
    err = capsys.readouterr().err
    assert "uk.po: 1 machine draft" in err and sentence[:30] in err and "fuzzy" in err
    assert "held back translations/abstract.uk.md (1 fuzzy)" in err
    drafted = {e.msgid: e for e in polib.pofile(str(path))}
    assert drafted[sentence].fuzzy and drafted[sentence].msgstr
    assert {k: e.msgstr for k, e in drafted.items() if k != sentence} == {
        k: v for k, v in reviewed.items() if k != sentence
    }
    assert not (project / "translations" / "abstract.uk.md").exists()
    assert (project / "translations" / "abstract.ko.md").exists()  # ready editions are published
    assert (project / "translations" / "report.html").exists()

    before = snapshot(project)
    assert run_cli("run") == 1  # nothing left to draft: the second run changes no file
    assert snapshot(project) == before
