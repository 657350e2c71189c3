"""``termweave run`` on the shipped project with an MT model installed."""

import polib

from support import run_cli, snapshot


def test_run_drafts_missing_entries_and_withholds_the_build(install, project, capsys):
    path = project / "translations" / "uk.po"
    po = polib.pofile(str(path))
    reviewed = {e.msgctxt: e.msgstr for e in po}
    po.find("abstract.p3.s1", by="msgctxt").msgstr = ""
    po.save(str(path))
    install("en_uk", "en_ko")

    assert run_cli("run") == 1  # the draft is fuzzy: the check reports it and nothing is published
    err = capsys.readouterr().err
    assert "uk.po: 1 machine draft" in err and "[abstract.p3.s1]" in err and "fuzzy" in err
    drafted = {e.msgctxt: e for e in polib.pofile(str(path))}
    assert drafted["abstract.p3.s1"].fuzzy and drafted["abstract.p3.s1"].msgstr
    assert {k: e.msgstr for k, e in drafted.items() if k != "abstract.p3.s1"} == {
        k: v for k, v in reviewed.items() if k != "abstract.p3.s1"}
    assert not (project / "translations" / "abstract.uk.md").exists()
    assert (project / "translations" / "report.html").exists()

    before = snapshot(project)
    assert run_cli("run") == 1  # nothing left to draft: the second run changes no file
    assert snapshot(project) == before
