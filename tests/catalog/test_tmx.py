"""TMX 1.4 export of the reviewed translations."""

from pathlib import Path

from lxml import etree
from support import run_cli, snapshot

from termweave.formats.po import Catalog, Message, load_po, save_po
from termweave.formats.tmx import collect_units, render_tmx

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def catalog(lang, entries):
    po = Catalog(
        header=Message(msgid="", msgstr=f"Language: {lang}\nContent-Type: text/plain; charset=UTF-8\n"),
        path=Path(f"{lang}.po"),
    )
    for context, msgid, msgstr, flags, obsolete in entries:
        po.messages.append(Message(msgctxt=context, msgid=msgid, msgstr=msgstr, flags=list(flags), obsolete=obsolete))
    return po


def entry(po, context):
    return next(m for m in po.messages if m.msgctxt == context and not m.obsolete)


def units_of(data: bytes):
    root = etree.fromstring(data)
    # Sentences carry no tuid (their text is their identity): key them by their English text.
    return root, {
        tu.get("tuid") or tu.find("tuv").findtext("seg"): {
            tuv.get(XML_LANG): tuv.findtext("seg") for tuv in tu.findall("tuv")
        }
        for tu in root.find("body").findall("tu")
    }


def test_only_reviewed_translations_become_variants():
    uk = catalog(
        "uk",
        [
            ("title", "Alliance & <villains>", "Альянс «лиходіїв» & <ко>", (), False),
            ("abstract.p1.s1", "Fuzzy in uk", "Неточне", ("fuzzy",), False),
            ("abstract.p1.s2", "Untranslated everywhere", "", (), False),
            ("keywords", "geopolitics.", "геополітика.", (), False),
            ("gone", "Obsolete", "Застаріле", (), True),
        ],
    )
    ko = catalog(
        "ko",
        [
            ("title", "Alliance & <villains>", "악당들의 동맹", ("fuzzy",), False),
            ("abstract.p1.s1", "Fuzzy in uk", "검토됨", (), False),
            ("abstract.p1.s2", "Untranslated everywhere", "", (), False),
            ("keywords", "geopolitics.", "지정학.", (), False),
        ],
    )
    data = render_tmx(collect_units({"uk": uk, "ko": ko}), "en", ("uk", "ko"))
    root, units = units_of(data)
    assert root.get("version") == "1.4"
    header = root.find("header")
    for attribute in ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"):
        assert header.get(attribute), attribute  # required by TMX 1.4
    assert header.get("srclang") == "en"
    assert units == {
        "title": {"en": "Alliance & <villains>", "uk": "Альянс «лиходіїв» & <ко>"},
        "abstract.p1.s1": {"en": "Fuzzy in uk", "ko": "검토됨"},
        "keywords": {"en": "geopolitics.", "uk": "геополітика.", "ko": "지정학."},
    }
    assert list(units) == ["title", "abstract.p1.s1", "keywords"]  # catalog order
    assert b"creationdate" not in data  # no clock: the same catalogs give the same bytes


def test_tm_export_on_the_project(project):
    assert run_cli("tm", "export", "--format", "tmx") == 0
    path = project / "translations" / "termweave.tmx"
    root, units = units_of(path.read_bytes())
    uk = load_po(project / "translations" / "uk.po")
    reviewed = [e for e in uk if not e.obsolete and e.msgstr and not e.fuzzy]
    assert len(units) == len(reviewed) > 10
    for entry in reviewed:
        unit = units[entry.msgctxt or entry.msgid]
        assert unit["en"] == entry.msgid
        assert unit["uk"] == entry.msgstr
        assert set(unit) == {"en", "uk", "ko"}
    before = snapshot(project)
    assert run_cli("tm", "export", "-o", str(path)) == 0
    assert snapshot(project) == before


def test_fuzzy_entry_leaves_its_language_out(project):
    path = project / "translations" / "ko.po"
    po = load_po(path)
    entry(po, "title").flags.append("fuzzy")
    save_po(po, path)
    assert run_cli("tm", "export", "-o", "out.tmx") == 0
    _, units = units_of((project / "out.tmx").read_bytes())
    assert set(units["title"]) == {"en", "uk"}


def test_character_xml_cannot_hold_is_an_input_error(project, capsys):
    path = project / "translations" / "uk.po"
    po = load_po(path)
    entry(po, "title").msgstr = "bell \x07 here"
    save_po(po, path)
    before = snapshot(project)
    assert run_cli("tm", "export") == 2
    err = capsys.readouterr().err
    assert "uk.po:" in err and "U+0007 cannot be written to XML" in err
    assert snapshot(project) == before


def test_missing_catalog(project, capsys):
    (project / "translations" / "ko.po").unlink()
    assert run_cli("tm", "export") == 2
    assert "ko.po: catalog not found" in capsys.readouterr().err
