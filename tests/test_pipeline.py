"""End to end on the real seed, glossary and catalogs, through the CLI."""

import subprocess

import pytest
from support import DATA, SEED, run_cli, snapshot

from termweave.formats.po import load_po, save_po
from termweave.segment import parse_seed

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


def test_run_keeps_every_review_of_the_shipped_catalogs_and_then_changes_nothing(project):
    """Catalogs written with positional contexts (abstract.p3.s2) are migrated by the first run
    without losing a review; the run after that changes no catalog byte."""
    before = {
        lang: {
            e.msgid: e.msgstr
            for e in load_po(project / "translations" / f"{lang}.po")
            if not e.obsolete and e.msgstr and not e.fuzzy
        }
        for lang in ("uk", "ko")
    }
    assert run_cli("run") == 0
    after_first = snapshot(project / "translations")
    for lang in ("uk", "ko"):
        po = load_po(project / "translations" / f"{lang}.po")
        reviewed = {e.msgid: e.msgstr for e in po if not e.obsolete and e.msgstr and not e.fuzzy}
        assert reviewed == before[lang]
        assert not any(e.msgctxt and e.msgctxt.startswith("abstract.") for e in po)
    assert run_cli("run") == 0
    assert snapshot(project / "translations") == after_first


@pytest.mark.parametrize("lang", ["uk", "ko"])
def test_shipped_catalogs_are_complete_and_reviewed(lang):
    from support import ROOT

    from termweave.catalog.identity import key_of
    from termweave.project import Project

    project = Project.load(ROOT)  # migrates old positional contexts in memory
    (article,) = project.articles
    po = project.catalog(article, lang)
    active = {(e.msgctxt, e.msgid): e for e in po if not e.obsolete}
    assert set(active) == {key_of(s) for s in article.document.translatable()}
    for entry in active.values():
        assert entry.msgstr and not entry.fuzzy, entry.msgid
    subprocess.run(
        ["msgfmt", "--check-format", "-c", "-o", "/dev/null", str(ROOT / "translations" / f"{lang}.po")], check=True
    )


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
    sentence = parse_seed(SEED).get("abstract.p2.s1").text
    next(m for m in po.messages if m.msgid == sentence and not m.obsolete).flags.append("fuzzy")
    entry(po, "title").msgstr = ""
    save_po(po, path)
    assert run_cli("build") == 1
    err = capsys.readouterr().err
    assert f"{sentence[:20]}" in err and ": fuzzy" in err and "title: untranslated" in err
    assert not (project / "translations" / "abstract.uk.md").exists()
    assert (project / "translations" / "abstract.en.md").exists()  # the source edition is always built
    assert (project / "translations" / "abstract.ko.md").exists()  # and every edition that is ready
    assert run_cli("build", "--allow-incomplete") == 0
    uk = (project / "translations" / "abstract.uk.md").read_text(encoding="utf-8")
    assert uk.startswith("# [untranslated] Alliance of villains")


def test_changed_seed_sentence_keeps_translation_as_fuzzy(project):
    seed = project / "seeds" / "alliance-of-villains.txt"
    seed.write_bytes(seed.read_bytes().replace(b"war of attrition.", b"long war of attrition."))
    sentence = parse_seed(SEED).get("abstract.p3.s2").text
    old = next(m for m in load_po(project / "translations" / "uk.po").messages if m.msgid == sentence).msgstr
    assert run_cli("update") == 0
    changed = load_po(project / "translations" / "uk.po").find(sentence.replace("war of", "long war of"))
    assert changed.fuzzy and changed.msgstr == old and changed.previous_msgid == sentence
    assert run_cli("build") == 1


def test_ukrainian_source_project(tmp_path, monkeypatch):
    """Nothing is wired to en->uk/ko: a Ukrainian abstract gives en and ko editions."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "stattia.txt").write_bytes((DATA / "seeds" / "uk-sample.txt").read_bytes())
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "terms.csv").write_text(
        "id,uk,en,ko,en_forbidden,ko_forbidden,note\n"
        "dprk,КНДР,DPRK|North Korea,북한,,,\n"
        "russian-federation,Російська Федерація,Russian Federation,러시아 연방,,,\n",
        encoding="utf-8",
    )
    (tmp_path / "termweave.toml").write_text(
        '[termweave]\nseeds = ["seeds/stattia.txt"]\nsource_lang = "uk"\ntarget_langs = ["en", "ko"]\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    assert run_cli("update") == 0
    pot = load_po(tmp_path / "translations" / "termweave.pot")
    assert pot.header_value("X-Source-Language") == "uk"
    assert "glossary dprk: КНДР = en: DPRK | North Korea; ko: 북한" in entry(pot, "keywords").extracted_comments
    # Each catalog lists the source and its own language only (adding a language touches no other).
    en_notes = entry(load_po(tmp_path / "translations" / "en.po"), "keywords").extracted_comments
    ko_notes = entry(load_po(tmp_path / "translations" / "ko.po"), "keywords").extracted_comments
    assert "glossary dprk: КНДР = en: DPRK | North Korea" in en_notes and not any("북한" in n for n in en_notes)
    assert "glossary dprk: КНДР = ko: 북한" in ko_notes and not any("North Korea" in n for n in ko_notes)
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
    # brackets in a translation are escaped: text, never a link
    assert en.startswith("# \\[en\\] Нова геополітика") and "Copyright (c) 2025 Олена Коваль" in en
    assert (tmp_path / "translations" / "abstract.ko.md").exists()


@pytest.mark.parametrize(
    "breakage, fragment",
    [
        (
            lambda p: (p / "seeds" / "alliance-of-villains.txt").unlink(),
            "termweave.toml:3: seed seeds/alliance-of-villains.txt not found",
        ),
        (
            lambda p: (p / "seeds" / "alliance-of-villains.txt").write_bytes(b"Title\nAbstract\n\xff\xfe bad\n"),
            "alliance-of-villains.txt:3: not valid UTF-8",
        ),
        (
            lambda p: (p / "glossary" / "terms.csv").write_text('id,en,uk,ko\na,"open,b,c\n', encoding="utf-8"),
            "terms.csv:2: malformed CSV",
        ),
        (
            lambda p: (p / "glossary" / "terms.csv").write_text("id,en,uk,ko\na,x,y,z\na,q,w,e\n", encoding="utf-8"),
            "terms.csv:3: duplicate id 'a'",
        ),
        (
            lambda p: (p / "glossary" / "terms.csv").write_text("identifier,english\na,b\n", encoding="utf-8"),
            "terms.csv:1: header lacks",
        ),
        (
            lambda p: (p / "translations" / "uk.po").write_text('msgid ""\nmsgstr "x\n', encoding="utf-8"),
            "uk.po:2: PO syntax error",
        ),
        (
            lambda p: (p / "termweave.toml").write_text('[termweave]\ntarget_langs = ["uk", "xx"]\n', encoding="utf-8"),
            "termweave.toml:2: unknown language code 'xx'",
        ),
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
