"""``termweave translate``: fuzzy, commented drafts; reviewed entries, spans and pivots intact."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from mt_helpers import SEGMENTS, write_catalog

from termweave.cli import main
from termweave.config import load_config
from termweave.console import Console
from termweave.errors import UsageError
from termweave.translate.catalogs import translate_catalogs
from termweave.translate.draft import COMMENT_PREFIX, kept_translations

PROSE = [ctx for ctx, _ in SEGMENTS if ctx not in ("doi", "copyright")]


def entries(path: Path) -> dict[str, polib.POEntry]:
    return {e.msgctxt: e for e in polib.pofile(str(path)) if not e.obsolete}


def block(path: Path, ctx: str) -> str:
    """The exact text of one entry in the file (entries are separated by blank lines)."""
    for chunk in path.read_text(encoding="utf-8").split("\n\n"):
        if f'msgctxt "{ctx}"' in chunk:
            return chunk
    raise AssertionError(f"no entry {ctx} in {path}")


def ours(entry: polib.POEntry) -> list[str]:
    return [line for line in entry.tcomment.splitlines() if line.startswith(COMMENT_PREFIX)]


def test_drafts_are_fuzzy_and_commented_and_reviewed_entries_untouched(install, mt_project, capsys):
    uk = write_catalog(
        mt_project / "translations" / "uk.po",
        "uk",
        translated={"licence": "Опубліковано за ліцензією."},
        fuzzy={"abstract.p2.s1": "Росія постачає набої."},
        obsolete=[("abstract.p9.s9", "Old sentence.", "Старе речення.")],
    )
    before = uk.read_text(encoding="utf-8")
    install("en_uk", "en_ko")
    assert main(["translate"]) == 0
    out = capsys.readouterr().out
    assert "uk.po: 5 machine drafts, fuzzy (2 copied)" in out and "ko.po: 7 machine drafts" in out

    drafted = entries(uk)
    for ctx, text in SEGMENTS:
        entry = drafted[ctx]
        if ctx in ("licence", "abstract.p2.s1"):
            continue
        assert entry.msgstr == text and entry.flags == ["fuzzy"], ctx  # the copy model's exact output
        if ctx in ("doi", "copyright"):
            assert ours(entry) == [f"{COMMENT_PREFIX} copied unchanged (not prose: never sent to the model)"]
        else:
            assert re.fullmatch(
                rf"{COMMENT_PREFIX} draft: Argos translate-en_uk 1\.0, CTranslate2 [\d.]+, beam 4", ours(entry)[0]
            ), entry.tcomment
    # reviewed and fuzzy (not asked for) entries, the obsolete entry and the header stay byte for byte
    for ctx in ("licence", "abstract.p2.s1"):
        assert block(uk, ctx) == next(c for c in before.split("\n\n") if f'msgctxt "{ctx}"' in c)
    assert before[before.index("#~") :] == uk.read_text(encoding="utf-8")[uk.read_text(encoding="utf-8").index("#~") :]
    po = polib.pofile(str(uk))
    assert po.metadata["Language"] == "uk" and po.metadata["X-Source-Language"] == "en"

    # a second run finds nothing to draft and leaves the files as they are
    after = {lang: (mt_project / "translations" / f"{lang}.po").read_bytes() for lang in ("uk", "ko")}
    assert main(["translate"]) == 0
    assert "nothing to draft" in capsys.readouterr().out
    assert after == {lang: (mt_project / "translations" / f"{lang}.po").read_bytes() for lang in ("uk", "ko")}


def test_include_fuzzy_redrafts_and_keeps_the_old_translation_in_a_comment(install, mt_project):
    uk = write_catalog(mt_project / "translations" / "uk.po", "uk", fuzzy={"abstract.p2.s1": "Росія постачає набої."})
    install("en_uk", "en_ko")
    assert main(["translate", "--to", "uk"]) == 0
    assert entries(uk)["abstract.p2.s1"].msgstr == "Росія постачає набої."
    assert main(["translate", "--to", "uk", "--include-fuzzy", "--beam", "2"]) == 0
    entry = entries(uk)["abstract.p2.s1"]
    assert entry.msgstr == "Russia supplies ammunition." and "fuzzy" in entry.flags
    assert kept_translations(entry.tcomment) == ["Росія постачає набої."]
    assert "beam 2" in ours(entry)[0]
    # our own drafts are redrafted without piling up comments; the person's text stays, once
    assert main(["translate", "--to", "uk", "--include-fuzzy"]) == 0
    entry = entries(uk)["title"]
    assert len(ours(entry)) == 1 and "beam 4" in ours(entry)[0]
    assert kept_translations(entries(uk)["abstract.p2.s1"].tcomment) == ["Росія постачає набої."]


def test_include_fuzzy_twice_never_deletes_a_human_translation(install, mt_project):
    long_text = 'Росія «постачає» набої,\nа КНДР — "людей"; ' * 6  # longer than a comment line
    uk = write_catalog(mt_project / "translations" / "uk.po", "uk", fuzzy={"abstract.p2.s1": long_text})
    install("en_uk", "en_ko")
    for _ in range(3):
        assert main(["translate", "--to", "uk", "--include-fuzzy"]) == 0
        assert kept_translations(entries(uk)["abstract.p2.s1"].tcomment) == [long_text]
    # a person edits our draft but leaves it fuzzy: their text is kept too on the next run
    po = polib.pofile(str(uk))
    entry = next(e for e in po if e.msgctxt == "abstract.p2.s1")
    entry.msgstr = "Правка перекладачки."
    po.save(str(uk))
    assert main(["translate", "--to", "uk", "--include-fuzzy"]) == 0
    assert kept_translations(entries(uk)["abstract.p2.s1"].tcomment) == [long_text, "Правка перекладачки."]
    assert all(len(line) <= 76 for line in uk.read_text(encoding="utf-8").splitlines() if line.startswith("#"))
    assert entries(mt_project / "translations" / "ko.po")["title"].msgstr == ""  # --to uk only


@pytest.mark.parametrize("package, method", [("en_uk_digits", "masked"), ("en_uk_broken", "pieces")])
def test_protected_spans_survive_a_model_that_alters_them(install, mt_project, package, method):
    """Numbers come out wrong: masking restores them; if placeholders break too, only prose is sent."""
    install(package, "en_ko")
    assert main(["translate", "--to", "uk"]) == 0
    drafted = entries(mt_project / "translations" / "uk.po")
    for ctx in ("abstract.p1.s1", "abstract.p1.s2"):
        source = dict(SEGMENTS)[ctx]
        assert drafted[ctx].msgstr == source, ctx
        assert any("translated around" in line for line in ours(drafted[ctx])) == (method == "pieces")
    assert drafted["copyright"].msgstr == "Copyright (c) 2026 Павло Гай-Нижник"


def test_pivot_through_english(install, tmp_path, monkeypatch):
    """uk -> ko with copy packages uk->en and en->ko composed."""
    (tmp_path / "termweave.toml").write_text(
        '[termweave]\nseeds = ["s.txt"]\nsource_lang = "uk"\ntarget_langs = ["ko"]\n', encoding="utf-8"
    )
    segments = [
        ("title", "Союз лиходіїв проти України"),
        ("abstract.p1.s1", "Договір 2024 року, див. https://doi.org/10.1/x."),
    ]
    ko = write_catalog(tmp_path / "translations" / "ko.po", "ko", segments=segments)
    monkeypatch.chdir(tmp_path)
    install("uk_en", "en_ko")
    assert main(["translate"]) == 0
    drafted = entries(ko)
    assert [drafted[c].msgstr for c, _ in segments] == [t for _, t in segments]
    described = " ".join(line.removeprefix(COMMENT_PREFIX).strip() for line in ours(drafted["title"]))
    assert described.startswith("draft: Argos translate-uk_en 1.0 + translate-en_ko 1.0 via en, CTranslate2")


def test_glossary_decides_between_hypotheses_and_lists_unmet_terms(install, mt_project):
    segments = [("abstract.p1.s1", "The enemy state is here.")]
    for lang in ("uk", "ko"):
        write_catalog(mt_project / "translations" / f"{lang}.po", lang, segments=segments)
    install("en_uk_enemy", "en_ko")
    assert main(["translate"]) == 0
    uk = entries(mt_project / "translations" / "uk.po")["abstract.p1.s1"]
    # the model prefers ворог; the glossary's супротивник is in its 2nd hypothesis, which wins
    assert uk.msgstr == "The супротивник state is here."
    assert ours(uk)[1:] == [f"{COMMENT_PREFIX} glossary terms not in the draft: state (держава)"]
    ko = entries(mt_project / "translations" / "ko.po")["abstract.p1.s1"]
    assert ours(ko)[1:] == [f"{COMMENT_PREFIX} glossary terms not in the draft: enemy (적국), state (국가)"]


def test_forbidden_variant_is_never_chosen(install, mt_project):
    (mt_project / "glossary" / "terms.csv").write_text(
        "id,en,uk,ko,uk_forbidden,ko_forbidden,note\nenemy,enemy,недруг,적국,ворог,,\n", encoding="utf-8"
    )
    write_catalog(mt_project / "translations" / "uk.po", "uk", segments=[("title", "The enemy state.")])
    install("en_uk_enemy", "en_ko")
    assert main(["translate", "--to", "uk"]) == 0
    entry = entries(mt_project / "translations" / "uk.po")["title"]
    assert entry.msgstr == "The супротивник state."
    assert ours(entry)[1:] == [f"{COMMENT_PREFIX} glossary terms not in the draft: enemy (недруг)"]


def test_scoring_uses_the_shared_term_matcher(install, mt_project, monkeypatch):
    """Hypotheses are scored through termweave.glossary.match.matcher_for (the checks' matcher)."""
    import termweave.glossary.match as match

    asked = []
    real = match.matcher_for

    def spy(lang):
        asked.append(lang)
        return real(lang)

    monkeypatch.setattr(match, "matcher_for", spy)
    install("en_uk", "en_ko")
    summary = translate_catalogs(load_config(mt_project / "termweave.toml"), Console(quiet=True))
    assert sorted(set(asked)) == ["en", "ko", "uk"]
    assert [c.drafted for c in summary.catalogs] == [len(PROSE), len(PROSE)]


def test_no_model_for_a_pair_is_one_line_and_exit_2(install, mt_project, capsys):
    install("en_uk")
    before = {p: p.read_bytes() for p in (mt_project / "translations").iterdir()}
    assert main(["translate"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no translation model installed for en->ko" in err
    assert "termweave models install" in err
    assert before == {p: p.read_bytes() for p in (mt_project / "translations").iterdir()}
    assert main(["translate", "--to", "de"]) == 2
    assert "de: not a target language of this project (uk, ko)" in capsys.readouterr().err
    with pytest.raises(UsageError):
        translate_catalogs(load_config(mt_project / "termweave.toml"), Console(quiet=True), langs=["ko"])


def test_a_broken_model_is_one_line_and_exit_2(install, mt_project, capsys):
    for package in install("en_uk", "en_ko"):
        (package.path / "model" / "model.bin").write_bytes(b"garbage")
    before = {p: p.read_bytes() for p in (mt_project / "translations").iterdir()}
    assert main(["translate"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot load package translate-en_" in err
    assert before == {p: p.read_bytes() for p in (mt_project / "translations").iterdir()}


def test_empty_model_output_leaves_the_entry_untranslated(tmp_path, sp_model, mt_project, capsys):
    import argos_testkit as kit

    from termweave.translate.archive import install_archive

    install_archive(kit.build_copy_package(tmp_path / "mute.argosmodel", "en", "uk", sp_model, eos_bias=100.0))
    assert main(["translate", "--to", "uk"]) == 0
    assert "uk.po: 0 machine drafts, fuzzy (2 copied; 7 left untranslated (the model produced nothing))" in (
        capsys.readouterr().out
    )
    drafted = entries(mt_project / "translations" / "uk.po")
    assert drafted["title"].msgstr == "" and not drafted["title"].fuzzy
    assert drafted["copyright"].msgstr == "Copyright (c) 2026 Павло Гай-Нижник"  # copied, not decoded


def test_progress_bar_on_a_terminal(install, mt_project):
    import io

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    install("en_uk", "en_ko")
    err = Terminal()
    translate_catalogs(load_config(mt_project / "termweave.toml"), Console(err=err))
    assert "en->uk" in err.getvalue() and "en->ko" in err.getvalue()
