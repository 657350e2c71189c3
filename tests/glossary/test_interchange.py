"""Glossary interchange with the ecosystem: translate-toolkit reads what termweave exports, termweave
merges what translate-toolkit writes, and the CSV never carries a formula or an id its loader rejects."""

import csv
import io
import subprocess
import sys

import polib
import pytest
from support import ROOT, run_cli, snapshot
from translate.storage import tbx as tt_tbx

from termweave.glossary import load_glossary
from termweave.glossary.lint import lint

SHIPPED = ROOT / "glossary" / "terms.csv"


def tt_store(path, target):
    with open(path, "rb") as handle:
        return tt_tbx.tbxfile(handle, sourcelanguage="en", targetlanguage=target)


@pytest.mark.parametrize("target", ["uk", "ko"])
def test_translate_toolkit_reads_every_term_of_the_export(tmp_path, monkeypatch, target):
    monkeypatch.chdir(tmp_path)
    assert run_cli("glossary", "export", str(SHIPPED), "-o", "terms.tbx") == 0
    glossary = load_glossary(SHIPPED, ("en", "uk", "ko"))
    store = tt_store(tmp_path / "terms.tbx", target)
    assert [unit.getid() for unit in store.units] == [term.id for term in glossary.terms]
    for unit, term in zip(store.units, glossary.terms):
        assert unit.source == term.variants["en"][0]
        expected = [(v, False) for v in term.allowed(target)] + [(v, True) for v in term.banned(target)]
        assert [(t.text, t.deprecated) for t in unit.get_target_terms()] == expected, term.id
        assert unit.target == (term.allowed(target)[0] if term.allowed(target) else (expected or [("", 0)])[0][0])
        if term.note:
            assert term.note in unit.getnotes()


def test_tbx2po_converts_the_export(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run_cli("glossary", "export", str(SHIPPED), "-o", "terms.tbx") == 0
    subprocess.run(
        [
            sys.executable,
            "-m",
            "translate.convert.tbx2po",
            "-i",
            "terms.tbx",
            "-o",
            "terms.po",
            "-l",
            "uk",
            "--source-language",
            "en",
        ],
        check=True,
        capture_output=True,
    )
    po = polib.pofile(str(tmp_path / "terms.po"))
    glossary = load_glossary(SHIPPED, ("en", "uk", "ko"))
    pairs = {(e.msgid, e.msgstr) for e in po}
    assert pairs == {(t.variants["en"][0], t.variants["uk"][0]) for t in glossary.terms}
    assert len(po) == len(glossary)


def write_tt_tbx(path, terms):
    """A TBX written by translate-toolkit, as Weblate exports a glossary: (id, en, uk, note)."""
    store = tt_tbx.tbxfile(sourcelanguage="en", targetlanguage="uk")
    for term_id, source, target, note in terms:
        unit = store.addsourceunit(source)
        unit.target = target
        unit.setid(term_id)
        if note:
            unit.addnote(note)
    path.write_bytes(bytes(store))


def test_three_term_tbx_from_translate_toolkit_merges_by_id(project, capsys):
    old_text = (project / "glossary" / "terms.csv").read_text(encoding="utf-8")
    old = load_glossary(project / "glossary" / "terms.csv", ("en", "uk", "ko"))
    write_tt_tbx(
        project / "three.tbx",
        [
            ("geopolitics", "geopolitics", "геополітика", ""),  # unchanged
            ("conspiracy", "conspiracy", "таємна змова", ""),  # a new uk rendering
            ("hybrid-war", "hybrid war", "гібридна війна", "Military and non-military means combined."),  # new id
        ],
    )
    assert run_cli("glossary", "import", "three.tbx") == 0
    err = capsys.readouterr().err
    new = load_glossary(project / "glossary" / "terms.csv", ("en", "uk", "ko"))
    assert [t.id for t in new.terms] == [t.id for t in old.terms] + ["hybrid-war"]
    assert new.get("conspiracy").variants["uk"] == ("таємна змова",)
    assert new.get("conspiracy").variants["ko"] == old.get("conspiracy").variants["ko"] == ("음모",)  # kept
    assert new.get("hybrid-war").note == "Military and non-military means combined."
    for term in old.terms:
        if term.id != "conspiracy":
            assert new.get(term.id) == term, term.id
    assert "conspiracy: uk: 'змова' -> 'таємна змова'" in err
    assert "1 added, 1 cell(s) changed, 69 not in the TBX kept" in err
    changed_lines = set(old_text.splitlines()) ^ set((project / "glossary" / "terms.csv").read_text().splitlines())
    assert len(changed_lines) == 3  # the conspiracy row before and after, the new row


def test_replace_drops_what_the_tbx_lacks_and_says_so(project, capsys):
    write_tt_tbx(project / "one.tbx", [("geopolitics", "geopolitics", "геополітика", "")])
    assert run_cli("glossary", "import", "one.tbx", "--replace") == 0
    err = capsys.readouterr().err
    assert [t.id for t in load_glossary(project / "glossary" / "terms.csv").terms] == ["geopolitics"]
    assert "70 term(s) of the old terms.csv are not in one.tbx and were dropped" in err


def test_merging_our_own_export_changes_nothing(project, capsys):
    before = snapshot(project)
    assert run_cli("glossary", "export", "-o", "out.tbx") == 0
    assert run_cli("glossary", "import", "out.tbx") == 0
    assert "unchanged" in capsys.readouterr().err
    assert {k: v for k, v in snapshot(project).items() if k != "out.tbx"} == before


FORMULAS = ['=HYPERLINK("http://x","y")', "+1+2", "-2+3", "@SUM(A1)", "'=already", "'plain"]


def test_formula_prefixes_are_neutralised_and_read_back(project):
    body = "".join(
        f'<termEntry id="f{i}"><langSet xml:lang="en"><tig><term>{value.replace(chr(34), "&quot;")}</term></tig>'
        f"</langSet><note>{value.replace(chr(34), '&quot;')}</note></termEntry>\n"
        for i, value in enumerate(FORMULAS)
    )
    (project / "f.tbx").write_text(
        f'<martif type="TBX"><text><body>\n{body}</body></text></martif>\n', encoding="utf-8"
    )
    assert run_cli("glossary", "import", "f.tbx") == 0
    text = (project / "glossary" / "terms.csv").read_text(encoding="utf-8")
    for row in list(csv.reader(io.StringIO(text, newline="")))[1:]:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), row
    glossary = load_glossary(project / "glossary" / "terms.csv", ("en", "uk", "ko"))
    for i, value in enumerate(FORMULAS):
        assert glossary.get(f"f{i}").variants["en"] == (value,) and glossary.get(f"f{i}").note == value
    before = snapshot(project)
    assert run_cli("glossary", "import", "f.tbx") == 0  # read back exactly: a second import changes nothing
    assert snapshot(project) == before


@pytest.mark.parametrize("raw, decoded", [("_x0020_lead", " lead"), ("trail_x0009_", "trail\t"), ("a_x000A_b", "a\nb")])
def test_ids_the_csv_cannot_hold_are_refused(project, capsys, raw, decoded):
    (project / "bad.tbx").write_text(
        f'<martif type="TBX"><text><body>\n<termEntry id="{raw}"><langSet xml:lang="en"><tig><term>x</term></tig>'
        "</langSet></termEntry></body></text></martif>\n",
        encoding="utf-8",
    )
    before = snapshot(project)
    assert run_cli("glossary", "import", "bad.tbx") == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "bad.tbx:2: " in err[0] and repr(decoded) in err[0]
    assert snapshot(project) == before


def test_escaped_ids_round_trip_through_the_loader(project):
    (project / "ok.tbx").write_text(
        '<martif type="TBX"><text><body>\n<termEntry id="a_x0020_b_x002F_c"><langSet xml:lang="en"><tig><term>x y'
        "</term></tig></langSet></termEntry></body></text></martif>\n",
        encoding="utf-8",
    )
    assert run_cli("glossary", "import", "ok.tbx") == 0
    assert load_glossary(project / "glossary" / "terms.csv").get("a b/c").variants["en"] == ("x y",)


def test_lint_reports_a_variant_repeated_in_one_cell(tmp_path):
    path = tmp_path / "terms.csv"
    path.write_text("id,en,uk,uk_forbidden\nx,DPRK|North Korea|dprk,КНДР,Путин|путин\n", encoding="utf-8")
    issues = [
        i for i in lint(load_glossary(path, ("en",), strict=False), "en", ("uk",)) if i.rule == "repeated-variant"
    ]
    assert [(i.line, i.severity) for i in issues] == [(2, "error"), (2, "error")]
    assert "'en' lists 'dprk'" in issues[0].message and "'uk_forbidden' lists 'путин'" in issues[1].message
    assert not [i for i in lint(load_glossary(SHIPPED), "en", ("uk", "ko")) if i.rule == "repeated-variant"]
