"""Merging with msgmerge's semantics, proven against ``msgmerge --previous`` on real catalogs."""

import subprocess
from pathlib import Path

import pytest

from termweave.catalog.merge import merge, merge_catalogs, update
from termweave.errors import InputError
from termweave.formats.po import Catalog, Message, dump_po, load_po, parse_po

REAL = Path(__file__).parent.parent / "data" / "real-catalogs"
POT_HEADER = "Project-Id-Version: demo\nPOT-Creation-Date: 2026-01-01 00:00+0000\nX-Source-Language: en\n"


def template_from(catalog: Catalog) -> Catalog:
    """A template with the catalog's live messages, as xgettext would have written it."""
    pot = Catalog(
        header=Message(
            msgid="",
            msgstr="Project-Id-Version: t\nPOT-Creation-Date: 2026-01-01 00:00+0000\n"
            "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n",
        )
    )
    for m in catalog.live:
        pot.messages.append(
            Message(
                msgid=m.msgid,
                msgctxt=m.msgctxt,
                msgid_plural=m.msgid_plural,
                msgstr_plural=["", ""] if m.msgid_plural else [],
                flags=[f for f in m.flags if f != "fuzzy"],
                extracted_comments=m.extracted_comments,
                references=m.references,
            )
        )
    return pot


def body(text: str) -> str:
    """Everything after the header entry."""
    return text.split("\n\n", 1)[1]


def msgmerge(old: Path, pot: Path) -> str:
    return subprocess.run(
        ["msgmerge", "--previous", "-q", "-o", "-", str(old), str(pot)], capture_output=True, text=True, check=True
    ).stdout


PAIRS = [
    (REAL / "sphinx-7.4.7" / f"{lang}.po", REAL / "sphinx-9.0.4" / "ar.po") for lang in ("uk_UA", "ko", "ar", "cak")
]
PAIRS += [(REAL / "django-4.2" / f"{lang}.po", REAL / "django-5.2" / "en.po") for lang in ("uk", "ko", "ar")]


@pytest.mark.parametrize("old, new", PAIRS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_real_merges_equal_msgmerge_previous(old, new, tmp_path):
    pot_path = tmp_path / "t.pot"
    pot_path.write_text(dump_po(template_from(load_po(new))), encoding="utf-8")
    merged = merge_catalogs(load_po(old), load_po(pot_path))
    assert body(dump_po(merged)) == body(msgmerge(old, pot_path))
    assert dump_po(merged).split("\n\n", 1)[0] == dump_po(load_po(old)).split("\n\n", 1)[0].replace(
        load_po(old).header_value("POT-Creation-Date"), "2026-01-01 00:00+0000"
    )  # header kept, only the POT date follows


def catalog(*entries, header="Language: uk\nPlural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : 1);\n"):
    return Catalog(header=Message(msgid="", msgstr=header), messages=list(entries))


def template(*entries):
    return Catalog(header=Message(msgid="", msgstr=POT_HEADER), messages=list(entries))


def test_plural_entries_keep_every_form_and_new_ones_get_nplurals():
    old = catalog(Message(msgid="%d file", msgid_plural="%d files", msgstr_plural=["%d файл", "%d файли", "%d файлів"]))
    new = merge(
        template(
            Message(msgid="%d file", msgid_plural="%d files", msgstr_plural=["", ""]),
            Message(msgid="%d dir", msgid_plural="%d dirs", msgstr_plural=["", ""]),
        ),
        old,
        "uk",
    )
    kept, fresh = new.live
    assert kept.msgstr_plural == ["%d файл", "%d файли", "%d файлів"] and not kept.fuzzy
    assert fresh.msgstr_plural == ["", "", ""]


def test_flags_come_from_the_template_and_fuzzy_from_the_merge():
    old = catalog(
        Message(msgid="Hello %(name)s", msgstr="Привіт %(name)s", flags=["no-c-format"]),
        Message(msgid="Bye {name}", msgstr="Бувай", flags=[]),
    )
    new = merge(
        template(
            Message(msgid="Hello %(name)s", flags=["python-format"]),
            Message(msgid="Bye {name}", flags=["python-brace-format"]),
        ),
        old,
        "uk",
    )
    hello, bye = new.live
    assert hello.flags == ["python-format"]
    assert bye.fuzzy and "python-brace-format" in bye.flags  # {name} lost in the translation: needs review


def test_a_translators_suppression_flag_survives_the_merge_where_msgmerge_drops_it(tmp_path):
    """``#, ignore-quotes`` (Weblate's per-entry suppression) is the reviewer's decision: it stays
    on the same message through an update, but a fuzzy match does not lend it to another one."""
    old = catalog(
        Message(
            msgid="Say 'hi' to %(name)s", msgstr="Скажіть 'привіт' %(name)s", flags=["python-format", "ignore-quotes"]
        ),
        Message(msgid="The alliance of villains", msgstr="Альянс лиходіїв", flags=["ignore-term-missing"]),
    )
    pot = template(
        Message(msgid="Say 'hi' to %(name)s", flags=["python-format"]),
        Message(msgid="The alliance of the villains", flags=[]),
    )
    say, alliance = merge(pot, old, "uk").live
    assert say.flags == ["python-format", "ignore-quotes"] and not say.fuzzy
    assert alliance.fuzzy and alliance.msgstr == "Альянс лиходіїв" and "ignore-term-missing" not in alliance.flags
    # GNU msgmerge drops the flag it does not know; termweave's file keeps it and stays valid.
    (tmp_path / "old.po").write_text(dump_po(old), encoding="utf-8")
    (tmp_path / "new.pot").write_text(dump_po(pot), encoding="utf-8")
    assert "ignore-quotes" not in msgmerge(tmp_path / "old.po", tmp_path / "new.pot")
    merged = tmp_path / "merged.po"
    merged.write_text(dump_po(merge(pot, old, "uk")), encoding="utf-8")
    assert "#, python-format, ignore-quotes\n" in merged.read_text(encoding="utf-8")
    subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(merged)], check=True)


def test_without_msgctxt_unrelated_translations_are_not_handed_out():
    old = catalog(
        Message(msgid="Delete %s?", msgstr="Видалити %s?"),
        Message(msgid="The build finished.", msgstr="Збірку завершено."),
    )
    new = merge(template(Message(msgid="Invalid CVE number %s"), Message(msgid="The build has finished.")), old, "uk")
    cve, build = new.live
    assert cve.msgstr == "" and not cve.fuzzy
    assert build.msgstr == "Збірку завершено." and build.fuzzy and build.previous_msgid == "The build finished."
    assert [m.msgid for m in new.messages if m.obsolete] == ["Delete %s?"]


def test_removed_messages_become_obsolete_and_come_back():
    old = catalog(Message(msgid="Gone sentence.", msgstr="Зникле речення."), Message(msgid="T", msgstr="Н"))
    gone = merge(template(Message(msgid="T")), old, "uk")
    assert '#~ msgid "Gone sentence."' in dump_po(gone)
    back = merge(template(Message(msgid="T"), Message(msgid="Gone sentence.")), parse_po(dump_po(gone)), "uk")
    revived = back.find("Gone sentence.")
    assert revived.msgstr == "Зникле речення." and not revived.fuzzy and not any(m.obsolete for m in back.messages)


def test_header_is_kept_and_only_missing_fields_filled():
    old = catalog(
        Message(msgid="T", msgstr="Н"),
        header="Language-Team: Ukrainian (https://www.transifex.com/)\n"
        "Language: uk\nPlural-Forms: nplurals=4; plural=(n % 1 == 0 && n % 10 == 1 ? 0 : 3);\n",
    )
    new = merge(template(Message(msgid="T")), old, "uk")
    assert new.header_value("Plural-Forms").startswith("nplurals=4;")
    assert new.header_value("Language-Team") == "Ukrainian (https://www.transifex.com/)"
    assert new.header_value("X-Source-Language") == "en"
    assert new.header_value("POT-Creation-Date") == "2026-01-01 00:00+0000"


def test_new_catalogs_get_cldr_headers_and_unknown_languages_work():
    uk = merge(template(Message(msgid="T")), None, "uk")
    assert uk.header_value("Language") == "uk" and uk.header_value("Plural-Forms").startswith("nplurals=3;")
    assert merge(template(Message(msgid="T")), None, "ko").header_value("Plural-Forms") == "nplurals=1; plural=0;"
    cak = merge(template(Message(msgid="T")), None, "cak")
    assert cak.header_value("Language") == "cak" and cak.header_value("Plural-Forms") is None


def test_history_of_edits_never_loses_a_translation():
    old = catalog(
        Message(msgctxt="a", msgid="One.", msgstr="Один."),
        Message(msgctxt="b", msgid="Two.", msgstr="Два."),
        Message(msgctxt="c", msgid="Three.", msgstr="Три."),
    )
    states = [
        template(
            Message(msgctxt="a", msgid="One."), Message(msgctxt="b", msgid="Two!"), Message(msgctxt="c", msgid="Three.")
        ),
        template(Message(msgctxt="a", msgid="One."), Message(msgctxt="c", msgid="Three.")),
        template(Message(msgctxt="c", msgid="Three."), Message(msgctxt="d", msgid="Four.")),
        template(
            Message(msgctxt="a", msgid="One."), Message(msgctxt="b", msgid="Two."), Message(msgctxt="c", msgid="Three.")
        ),
    ]
    po = old
    for pot in states:
        po = parse_po(dump_po(merge(pot, po, "uk")))
        assert {"Один.", "Два.", "Три."} <= {m.msgstr for m in po.messages}  # nothing is ever lost
    assert po.find("One.", "a").msgstr == "Один." and not po.find("One.", "a").fuzzy


def test_update_writes_msgfmt_clean_file_and_is_idempotent(tmp_path):
    path = tmp_path / "uk.po"
    pot = template(
        Message(msgctxt="title", msgid="A title"),
        Message(msgctxt="abstract.p1.s1", msgid="A sentence with “quotes” and 2024–2025."),
    )
    assert update(pot, path, "uk") is True
    first = path.read_bytes()
    assert update(pot, path, "uk") is False
    assert path.read_bytes() == first
    subprocess.run(["msgfmt", "--check-format", "-c", "-o", "/dev/null", str(path)], check=True)


def test_malformed_po_names_file_and_line_and_is_left_alone(tmp_path):
    path = tmp_path / "uk.po"
    path.write_text('msgid ""\nmsgstr ""\n"Language: uk\\n"\n\nmsgid "a"\nmsgstr "b\nmsgid "c"\n', encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(InputError) as err:
        update(template(Message(msgid="T")), path, "uk")
    assert err.value.path == str(path) and err.value.line == 6
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
        notes = ["\n".join(e.extracted_comments) for e in load_po(translations / f"{lang}.po") if e.extracted_comments]
        assert notes and all(f"; {other}: " not in n and f"= {other}: " not in n for n in notes), lang
        assert any(f"= {lang}: " in n for n in notes)
    title = next(e for e in load_po(translations / "termweave.pot") if e.msgctxt == "title")
    assert "; ko: " in "\n".join(title.extracted_comments)
    assert run_cli("update", "-q") == 0  # old positional contexts migrated first
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
