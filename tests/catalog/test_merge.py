import subprocess

import polib
import pytest

from termweave.catalog.merge import merge, update
from termweave.catalog.po import load_po, render_po
from termweave.errors import InputError


def template(*entries):
    pot = polib.POFile()
    pot.metadata = {"POT-Creation-Date": "2026-01-01 00:00+0000", "X-Source-Language": "en",
                    "Project-Id-Version": "demo"}
    for ctx, msgid in entries:
        pot.append(polib.POEntry(msgctxt=ctx, msgid=msgid, msgstr=""))
    return pot


def catalog(*entries):
    po = polib.POFile()
    po.metadata = {"Language": "uk"}
    for ctx, msgid, msgstr, flags in entries:
        po.append(polib.POEntry(msgctxt=ctx, msgid=msgid, msgstr=msgstr, flags=list(flags)))
    return po


def by_ctx(po):
    return {(e.msgctxt, e.obsolete): e for e in po}


def test_unchanged_entry_keeps_reviewed_translation():
    old = catalog(("title", "A title", "Назва", []))
    new = merge(template(("title", "A title")), old, "uk")
    entry = by_ctx(new)[("title", False)]
    assert entry.msgstr == "Назва" and not entry.fuzzy and entry.previous_msgid is None


def test_changed_source_keeps_translation_fuzzy_with_previous_msgid():
    old = catalog(("abstract.p1.s1", "The war began in 2022.", "Війна почалася 2022 року.", []))
    new = merge(template(("abstract.p1.s1", "The full-scale war began in 2022.")), old, "uk")
    entry = by_ctx(new)[("abstract.p1.s1", False)]
    assert entry.msgstr == "Війна почалася 2022 року."
    assert entry.fuzzy
    assert entry.previous_msgid == "The war began in 2022."
    assert '#| msgid "The war began in 2022."' in render_po(new)


def test_new_segment_is_untranslated_and_removed_one_becomes_obsolete():
    old = catalog(("abstract.p1.s1", "Gone sentence.", "Зникле речення.", []),
                  ("title", "T", "Н", []))
    new = merge(template(("title", "T"), ("abstract.p2.s1", "Completely different content here.")), old, "uk")
    entries = by_ctx(new)
    assert entries[("abstract.p2.s1", False)].msgstr == ""
    assert not entries[("abstract.p2.s1", False)].fuzzy
    obsolete = entries[("abstract.p1.s1", True)]
    assert obsolete.msgstr == "Зникле речення."
    assert "#~ msgid \"Gone sentence.\"" in render_po(new)


def test_obsolete_entry_comes_back_when_its_segment_returns():
    old = catalog(("title", "T", "Н", []))
    gone = merge(template(("abstract.p1.s1", "Other text entirely, nothing alike.")), old, "uk")
    back = merge(template(("title", "T")), gone, "uk")
    entry = by_ctx(back)[("title", False)]
    assert entry.msgstr == "Н" and not entry.fuzzy


def test_moved_sentence_keeps_translation_fuzzy_with_previous_context():
    old = catalog(("abstract.p3.s2", "Their relationship is built on barter.", "Їхні відносини збудовано на бартері.", []))
    new = merge(template(("abstract.p4.s1", "Their relationship is built on barter.")), old, "uk")
    entry = by_ctx(new)[("abstract.p4.s1", False)]
    assert entry.msgstr == "Їхні відносини збудовано на бартері." and entry.fuzzy
    assert entry.previous_msgctxt == "abstract.p3.s2"


def test_similar_source_in_new_context_is_a_fuzzy_match():
    old = catalog(("abstract.p1.s1", "China plays a distinct role in the triad.", "Китай відіграє особливу роль у тріаді.", []))
    new = merge(template(("abstract.p1.s2", "China plays a distinct role in the new triad.")), old, "uk")
    entry = by_ctx(new)[("abstract.p1.s2", False)]
    assert entry.fuzzy and entry.msgstr.startswith("Китай")
    assert entry.previous_msgid == "China plays a distinct role in the triad."


def test_translator_comments_and_flags_survive():
    old = catalog(("title", "T", "Н", ["no-wrap"]))
    old[0].tcomment = "checked by the editor"
    entry = by_ctx(merge(template(("title", "T")), old, "uk"))[("title", False)]
    assert entry.tcomment == "checked by the editor" and entry.flags == ["no-wrap"]


def test_reviewed_translations_survive_a_sequence_of_updates():
    old = catalog(("a", "One.", "Один.", []), ("b", "Two.", "Два.", []), ("c", "Three.", "Три.", []))
    states = [
        template(("a", "One."), ("b", "Two!"), ("c", "Three.")),
        template(("a", "One."), ("c", "Three.")),
        template(("c", "Three."), ("d", "Four.")),
        template(("a", "One."), ("b", "Two."), ("c", "Three.")),
    ]
    po = old
    for pot in states:
        po = merge(pot, po, "uk")
        translations = {e.msgstr for e in po if e.msgstr}
        assert {"Один.", "Два.", "Три."} <= translations  # nothing is ever lost
    assert by_ctx(po)[("a", False)].msgstr == "Один." and not by_ctx(po)[("a", False)].fuzzy


def test_headers_come_from_cldr():
    po = merge(template(("t", "T")), None, "uk")
    assert po.metadata["Language"] == "uk"
    assert po.metadata["Language-Team"] == "Ukrainian"
    assert po.metadata["Plural-Forms"].startswith("nplurals=3;")
    assert "charset=UTF-8" in po.metadata["Content-Type"]
    assert merge(template(("t", "T")), None, "ko").metadata["Plural-Forms"] == "nplurals=1; plural=0;"


def test_update_writes_msgfmt_clean_file_and_is_idempotent(tmp_path):
    path = tmp_path / "uk.po"
    pot = template(("title", "A title"), ("abstract.p1.s1", "A sentence with “quotes” and 2024–2025."))
    assert update(pot, path, "uk") is True
    first = path.read_bytes()
    assert update(pot, path, "uk") is False
    assert path.read_bytes() == first
    subprocess.run(["msgfmt", "--check-format", "-c", "-o", "/dev/null", str(path)], check=True)


def test_malformed_po_names_file_and_line(tmp_path):
    path = tmp_path / "uk.po"
    path.write_text('msgid ""\nmsgstr ""\n"Language: uk\\n"\n\nmsgid "a"\nmsgstr "b\nmsgid "c"\n', encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(InputError) as err:
        update(template(("t", "T")), path, "uk")
    assert err.value.path == str(path) and err.value.line
    assert path.read_bytes() == before


def test_non_utf8_po_is_refused(tmp_path):
    path = tmp_path / "uk.po"
    path.write_bytes('msgid "caf\xe9"\nmsgstr ""\n'.encode("latin-1"))
    with pytest.raises(InputError, match="UTF-8"):
        load_po(path)


def test_each_catalog_lists_only_its_language_and_adding_one_changes_no_other(project):
    """The template lists every target's renderings; uk.po only the source and Ukrainian ones."""
    from support import run_cli, snapshot

    translations = project / "translations"
    for lang, other in (("uk", "ko"), ("ko", "uk")):
        notes = [e.comment for e in load_po(translations / f"{lang}.po") if e.comment]
        assert notes and all(f"; {other}: " not in n and f"= {other}: " not in n for n in notes), lang
        assert any(f"= {lang}: " in n for n in notes)
    assert "; ko: " in load_po(translations / "termweave.pot").find("title", by="msgctxt").comment
    before = snapshot(translations)
    glossary = project / "glossary" / "terms.csv"
    rows = glossary.read_bytes().decode("utf-8").split("\r\n")
    glossary.write_bytes("\r\n".join([rows[0] + ",de"] + [r + "," if r else r for r in rows[1:]]).encode("utf-8"))
    config = project / "termweave.toml"
    config.write_text(config.read_text().replace('["uk", "ko"]', '["uk", "ko", "de"]'), encoding="utf-8")
    assert run_cli("update", "-q") == 0
    after = snapshot(translations)
    assert {name: after[name] for name in ("uk.po", "ko.po")} == {name: before[name] for name in ("uk.po", "ko.po")}
    assert "de.po" in after and after["termweave.pot"] != before["termweave.pot"]
