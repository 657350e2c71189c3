"""End to end on the real seed, glossary and catalogs, through the CLI."""

import subprocess

import pytest

from termweave.formats.po import load_po, save_po
from termweave.segment import parse_seed

from support import DATA, SEED, run_cli, snapshot

LANGS = ("en", "uk", "ko")



def entry(po, context):
    return next(m for m in po.messages if m.msgctxt == context and not m.obsolete)

def test_run_builds_three_editions_with_identical_copyright(project, capsys):
    assert run_cli("run") == 0
    copyright_line = SEED.read_bytes().split(b"\n")[16]
    for lang in LANGS:
        edition = (project / "translations" / f"abstract.{lang}.md").read_bytes()
        assert copyright_line + b"\n" in edition
        assert b"[CC BY 4.0](https://creativecommons.org/licenses/by/4.0/" in edition
        assert b"https://doi.org/10.5281/zenodo.20391772" in edition
    uk = (project / "translations" / "abstract.uk.md").read_text(encoding="utf-8")
    assert "«" in uk and "[untranslated]" not in uk
    assert "no MT model installed" in capsys.readouterr().err


def test_second_run_changes_no_file(project):
    assert run_cli("run") == 0
    before = snapshot(project)
    assert run_cli("run") == 0
    assert snapshot(project) == before


def test_shipped_run_leaves_shipped_catalogs_untouched(project):
    before = {p: (project / "translations" / p).read_bytes() for p in ("termweave.pot", "uk.po", "ko.po")}
    assert run_cli("run") == 0
    after = {p: (project / "translations" / p).read_bytes() for p in before}
    assert after == before


@pytest.mark.parametrize("lang", ["uk", "ko"])
def test_shipped_catalogs_are_complete_and_reviewed(lang):
    from support import ROOT

    po = load_po(ROOT / "translations" / f"{lang}.po")
    doc = parse_seed(SEED)
    active = {e.msgctxt: e for e in po if not e.obsolete}
    assert set(active) == {s.id for s in doc.translatable()}
    for entry in active.values():
        assert entry.msgstr and not entry.fuzzy, entry.msgctxt
        assert entry.msgid == doc.get(entry.msgctxt).text
    subprocess.run(["msgfmt", "--check-format", "-c", "-o", "/dev/null", str(ROOT / "translations" / f"{lang}.po")],
                   check=True)


def test_ukrainian_typography_in_shipped_catalog():
    from support import ROOT

    po = load_po(ROOT / "translations" / "uk.po")
    text = "\n".join(e.msgstr for e in po if not e.obsolete)
    assert "«" in text and "»" in text and "‘" not in text and '"' not in text
    assert "'" not in text and "’" not in text  # the apostrophe is ʼ (U+02BC)
    assert "2024–2025" in text


def test_build_refuses_fuzzy_and_lists_it(project, capsys):
    path = project / "translations" / "uk.po"
    po = load_po(path)
    entry(po, "abstract.p2.s1").flags.append("fuzzy")
    entry(po, "title").msgstr = ""
    save_po(po, path)
    assert run_cli("build") == 1
    err = capsys.readouterr().err
    assert "abstract.p2.s1: fuzzy" in err and "title: untranslated" in err
    assert not (project / "translations" / "abstract.uk.md").exists()
    assert run_cli("build", "--allow-incomplete") == 0
    uk = (project / "translations" / "abstract.uk.md").read_text(encoding="utf-8")
    assert uk.startswith("# [untranslated] Alliance of villains")


def test_changed_seed_sentence_keeps_translation_as_fuzzy(project):
    seed = project / "seeds" / "alliance-of-villains.txt"
    seed.write_bytes(seed.read_bytes().replace(b"war of attrition.", b"long war of attrition."))
    old = entry(load_po(project / "translations" / "uk.po"), "abstract.p3.s2").msgstr
    assert run_cli("update") == 0
    changed = entry(load_po(project / "translations" / "uk.po"), "abstract.p3.s2")
    assert changed.fuzzy and changed.msgstr == old and changed.previous_msgid.endswith(" war of attrition.")
    assert run_cli("build") == 1


def test_ukrainian_source_project(tmp_path, monkeypatch):
    """Nothing is wired to en->uk/ko: a Ukrainian abstract gives en and ko editions."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "stattia.txt").write_bytes((DATA / "seeds" / "uk-sample.txt").read_bytes())
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "terms.csv").write_text(
        "id,uk,en,ko,en_forbidden,ko_forbidden,note\n"
        "dprk,КНДР,DPRK|North Korea,북한,,,\n"
        "russian-federation,Російська Федерація,Russian Federation,러시아 연방,,,\n", encoding="utf-8")
    (tmp_path / "termweave.toml").write_text(
        '[termweave]\nseeds = ["seeds/stattia.txt"]\nsource_lang = "uk"\ntarget_langs = ["en", "ko"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run_cli("update") == 0
    pot = load_po(tmp_path / "translations" / "termweave.pot")
    assert pot.header_value("X-Source-Language") == "uk"
    keywords = entry(pot, "keywords")
    assert "glossary dprk: КНДР = en: DPRK | North Korea; ko: 북한" in keywords.extracted_comments
    for lang in ("en", "ko"):
        path = tmp_path / "translations" / f"{lang}.po"
        po = load_po(path)
        assert po.header_value("Language") == lang
        for message in po:
            message.msgstr = f"[{lang}] {message.msgid}"
        save_po(po, path)
    assert run_cli("build") == 0
    uk = (tmp_path / "translations" / "abstract.uk.md").read_text(encoding="utf-8")
    en = (tmp_path / "translations" / "abstract.en.md").read_text(encoding="utf-8")
    assert "**Ключові слова:** геополітика" in uk and "## Анотація" in uk
    assert en.startswith("# [en] Нова геополітика") and "Copyright (c) 2025 Олена Коваль" in en
    assert (tmp_path / "translations" / "abstract.ko.md").exists()


@pytest.mark.parametrize(
    "breakage, fragment",
    [
        (lambda p: (p / "seeds" / "alliance-of-villains.txt").unlink(), "alliance-of-villains.txt: file not found"),
        (lambda p: (p / "seeds" / "alliance-of-villains.txt").write_bytes(b"Title\nAbstract\n\xff\xfe bad\n"),
         "alliance-of-villains.txt:3: not valid UTF-8"),
        (lambda p: (p / "glossary" / "terms.csv").write_text("id,en,uk,ko\na,\"open,b,c\n", encoding="utf-8"),
         "terms.csv:2: malformed CSV"),
        (lambda p: (p / "glossary" / "terms.csv").write_text("id,en,uk,ko\na,x,y,z\na,q,w,e\n", encoding="utf-8"),
         "terms.csv:3: duplicate id 'a'"),
        (lambda p: (p / "glossary" / "terms.csv").write_text("identifier,english\na,b\n", encoding="utf-8"),
         "terms.csv:1: header lacks"),
        (lambda p: (p / "translations" / "uk.po").write_text('msgid ""\nmsgstr "x\n', encoding="utf-8"),
         "uk.po:2: PO syntax error"),
        (lambda p: (p / "termweave.toml").write_text('[termweave]\ntarget_langs = ["uk", "xx"]\n', encoding="utf-8"),
         "termweave.toml:2: unknown language code 'xx'"),
    ],
)
def test_bad_input_exit_2_names_file_and_line_changes_nothing(project, capsys, breakage, fragment):
    breakage(project)
    before = snapshot(project)
    assert run_cli("run") == 2
    err = capsys.readouterr().err
    assert fragment in err
    assert len(err.strip().splitlines()) == 1
    assert snapshot(project) == before


def test_gettext_escapes_reach_the_edition_decoded(project):
    """One reader for every command: check, build and MO all see \\320\\232 as К."""
    path = project / "translations" / "uk.po"
    text = path.read_text(encoding="utf-8")
    assert 'msgstr "Ключові слова"' in text
    path.write_text(text.replace('msgstr "Ключові слова"', 'msgstr "\\320\\232лючові слова"'), encoding="utf-8")
    assert run_cli("check") == 0
    assert run_cli("build") == 0
    assert "**Ключові слова:**" in (project / "translations" / "abstract.uk.md").read_text(encoding="utf-8")
