"""TBX export and import: TBX-Basic v3 out, v3 and v2 (martif) in, the CSV round trip lossless."""

import pytest
from lxml import etree
from support import DATA, ROOT, run_cli, snapshot

from termweave.formats.tbx import TBX_NS, TBX_V2, TBX_V3, decode_id, encode_id, glossary_to_tbx, parse_tbx
from termweave.glossary import load_glossary

NS = {"t": TBX_NS, "xml": "http://www.w3.org/XML/1998/namespace"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Every feature of the CSV: several variants, forbidden ones, a quoted note with a comma and
# quotes, CLDR codes, do-not-translate, an empty target cell, an id that is not an XML name.
FEATURES_CSV = (
    "id,en,uk,ko,uk_forbidden,ko_forbidden,note,cldr,dnt\r\n"
    'dprk,DPRK|North Korea,КНДР|Північна Корея,북한|조선민주주의인민공화국,,북조선,"One concept, ""quoted""; '
    'see CLDR.",KP,\r\n'
    "putin,Putin,Путін,푸틴,Путин,,,,\r\n"
    "creative-commons,Creative Commons,Creative Commons,,,,Brand name.,,yes\r\n"
    "1st term/ü x,first term,перший термін,첫 용어,,,,,\r\n"
    "south-korea,South Korea,Південна Корея,한국|대한민국,,남조선|남한 괴뢰,,KR,\r\n"
)


def export(tmp_path, csv_text, name="terms.csv", form=TBX_V2):
    path = tmp_path / name
    path.write_bytes(csv_text.encode("utf-8"))
    return path, glossary_to_tbx(load_glossary(path, ("en",)), "en", form)


def test_export_is_tbx_basic_v3(tmp_path):
    _, data = export(tmp_path, FEATURES_CSV, form=TBX_V3)
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<?xml-model ")
    root = etree.fromstring(data)
    assert root.tag == f"{{{TBX_NS}}}tbx"
    assert (root.get("type"), root.get("style"), root.get(XML_LANG)) == ("TBX-Basic", "dca", "en")
    assert root.find("t:tbxHeader/t:fileDesc/t:sourceDesc/t:p", NS) is not None
    entries = root.findall("t:text/t:body/t:conceptEntry", NS)
    assert [e.get("id") for e in entries] == [
        "dprk",
        "putin",
        "creative-commons",
        "_x0031_st_x0020_term_x002F_ü_x0020_x",
        "south-korea",
    ]
    dprk = entries[0]
    assert [n.text for n in dprk.findall("t:note", NS)] == ['One concept, "quoted"; see CLDR.', "CLDR: KP"]
    assert [s.get(XML_LANG) for s in dprk.findall("t:langSec", NS)] == ["en", "uk", "ko"]
    ko = [
        (s.findtext("t:term", namespaces=NS), s.findtext("t:termNote[@type='administrativeStatus']", namespaces=NS))
        for s in dprk.findall("t:langSec[@xml:lang='ko']/t:termSec", NS)
    ]
    assert ko == [
        ("북한", "preferredTerm-admn-sts"),
        ("조선민주주의인민공화국", "admittedTerm-admn-sts"),
        ("북조선", "deprecatedTerm-admn-sts"),
    ]
    # TBX: a langSec needs a termSec, so the empty Korean cell of creative-commons has none.
    cc = entries[2]
    assert [s.get(XML_LANG) for s in cc.findall("t:langSec", NS)] == ["en", "uk"]
    assert [n.text for n in cc.findall("t:note", NS)] == ["Brand name.", "Do not translate."]


@pytest.mark.parametrize("form", ["tbx", "tbx3"])
def test_csv_tbx_csv_round_trip_is_lossless(tmp_path, monkeypatch, form):
    csv_path, _ = export(tmp_path, FEATURES_CSV)
    monkeypatch.chdir(tmp_path)
    assert run_cli("glossary", "export", "terms.csv", "--format", form) == 0
    assert (tmp_path / "terms.tbx").exists()
    assert run_cli("glossary", "import", "terms.tbx", "--output", "back.csv") == 0
    assert (tmp_path / "back.csv").read_bytes() == csv_path.read_bytes()


def test_shipped_glossary_round_trips_byte_for_byte(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shipped = ROOT / "glossary" / "terms.csv"
    assert run_cli("glossary", "export", str(shipped), "--output", "terms.tbx") == 0
    assert run_cli("glossary", "import", "terms.tbx", "--output", "terms.csv") == 0
    assert (tmp_path / "terms.csv").read_bytes() == shipped.read_bytes()


def test_reimport_over_a_csv_keeps_its_column_order_and_line_ends(tmp_path, monkeypatch):
    lf_reordered = "id,en,ko,uk,ko_forbidden,uk_forbidden,note\nputin,Putin,푸틴,Путін,,Путин,\n"
    csv_path, data = export(tmp_path, lf_reordered)
    (tmp_path / "terms.tbx").write_bytes(data)
    monkeypatch.chdir(tmp_path)
    assert run_cli("glossary", "import", "terms.tbx", "--output", "terms.csv") == 0
    assert csv_path.read_bytes() == lf_reordered.encode("utf-8")


@pytest.mark.parametrize("term_id", ["dprk", "1st", "a b/c", "_x0041_", "x_y", "ü", "日本", "-x", "a\U0001f600b", "."])
def test_ids_survive_as_xml_names(term_id):
    encoded = encode_id(term_id)
    etree.Element(encoded)  # lxml raises for a tag that is not an XML name
    assert ":" not in encoded
    assert decode_id(encoded) == term_id


def test_import_tbx_v3_from_another_tool(tmp_path):
    imported = parse_tbx(DATA / "tbx" / "basic-v3.tbx", "en", ("en", "uk", "ko"))
    assert imported.dialect == "TBX v3" and imported.languages == ["en", "uk", "ko"]  # en-US fills en
    dprk, ammunition, cc = imported.terms
    assert dprk.id == "c101" and dprk.line == 19
    assert dprk.variants == {"en": ("DPRK", "North Korea"), "uk": ("КНДР", "Північна Корея"), "ko": ("북한",)}
    assert dprk.forbidden == {"ko": ("북조선",)}
    # Concept note, the langSec definition (its line break undone) and the termSec note.
    assert dprk.note == (
        "One state; keep the official abbreviation in scholarly prose. The state in the "
        "northern part of the Korean Peninsula. Usage of Pyongyang and Chongryon."
    )
    assert ammunition.variants["uk"] == ("боєприпаси",) and ammunition.forbidden == {"uk": ("амуніція",)}
    assert cc.variants == {"en": ("Creative Commons",)} and cc.dnt  # <hi> content kept, note read as DNT


def test_import_tbx_v2_martif(tmp_path, monkeypatch):
    (tmp_path / "glossary").mkdir()
    (tmp_path / "termweave.toml").write_text('[termweave]\nseeds = ["s.txt"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run_cli("glossary", "import", str(DATA / "tbx" / "martif-v2.tbx")) == 0
    glossary = load_glossary(tmp_path / "glossary" / "terms.csv", ("en", "uk", "ko"))
    assert glossary.columns == ("id", "en", "uk", "ko", "de", "uk_forbidden", "ko_forbidden", "note")
    treaty, war = glossary.terms
    assert treaty.id == "eid-treaty"
    assert treaty.variants["en"] == ("Treaty on Strategic Partnership", "Treaty on Comprehensive Strategic Partnership")
    assert treaty.variants["uk"] == ("Договір про стратегічне партнерство",)  # ntig/termGrp
    assert treaty.forbidden["uk"] == ("Угода про стратегічне партнерство",)
    assert treaty.variants["ko"] == ("전략적 동반자 관계 조약",)
    assert treaty.note == "The 2024 treaty between the Russian Federation and the DPRK."
    assert war.id == "war-of-attrition"  # no id in the file: a slug of the English term
    assert war.forbidden["uk"] == ("війна на знищення",)  # normativeAuthorization, the older name
    assert war.variants["de"] == ("Abnutzungskrieg",)


HOSTILE = {
    "entity-expansion": (
        '<?xml version="1.0"?>\n<!DOCTYPE tbx [\n<!ENTITY a "aaaaaaaaaa">\n<!ENTITY b "&a;&a;&a;&a;&a;&a;">\n]>\n'
        '<tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry><langSec xml:lang="en">'
        "<termSec><term>&b;</term></termSec></langSec></conceptEntry></body></text></tbx>\n",
        3,
        "declares entities",
    ),
    "external-entity": (
        '<?xml version="1.0"?>\n<!DOCTYPE martif [\n\n<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        '<martif><text><body><termEntry><langSet xml:lang="en"><tig><term>&xxe;</term></tig></langSet>'
        "</termEntry></body></text></martif>\n",
        4,
        "declares entities",
    ),
    "malformed": ('<?xml version="1.0"?>\n<tbx>\n<text>\n<body>\n</tbx>\n', 5, "malformed XML"),
    "not-tbx": ('<?xml version="1.0"?>\n<html><body/></html>\n', 2, "not a TBX file"),
    "no-source-term": (
        '<tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body>\n<conceptEntry id="x">'
        '<langSec xml:lang="uk"><termSec><term>так</term></termSec></langSec></conceptEntry></body></text></tbx>',
        2,
        "concept 'x' has no 'en' term",
    ),
    "pipe-in-term": (
        '<tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="x">\n<langSec xml:lang="en">'
        "<termSec>\n<term>a|b</term></termSec></langSec></conceptEntry></body></text></tbx>",
        3,
        "variant separator",
    ),
    "unknown-language": (
        '<tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="x">\n\n<langSec xml:lang="qq">'
        "<termSec><term>a</term></termSec></langSec></conceptEntry></body></text></tbx>",
        3,
        "unknown language code",
    ),
    "duplicate-id": (
        '<tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body>\n<conceptEntry id="x"><langSec xml:lang="en">'
        '<termSec><term>a</term></termSec></langSec></conceptEntry>\n<conceptEntry id="x"><langSec xml:lang="en">'
        "<termSec><term>b</term></termSec></langSec></conceptEntry></body></text></tbx>",
        3,
        "duplicate id 'x'",
    ),
    "indonesian-is-the-id-column": (
        '<tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="x"><langSec xml:lang="en">'
        '<termSec><term>a</term></termSec></langSec>\n<langSec xml:lang="id"><termSec><term>b</term></termSec>'
        "</langSec></conceptEntry></body></text></tbx>",
        2,
        "language 'id' cannot be a glossary column",
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_bad_or_hostile_tbx_is_one_error_exit_2_nothing_written(project, capsys, name):
    text, line, fragment = HOSTILE[name]
    (project / "bad.tbx").write_text(text, encoding="utf-8")
    before = snapshot(project)
    assert run_cli("glossary", "import", "bad.tbx") == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and f"bad.tbx:{line}: " in err[0] and fragment in err[0], err
    assert "root:" not in err[0]  # nothing of /etc/passwd
    assert snapshot(project) == before


def test_export_to_stdout(project, capsys):
    assert run_cli("glossary", "export", "--format", "tbx", "-o", "-") == 0
    out = capsys.readouterr().out
    root = etree.fromstring(out.encode("utf-8"))
    assert len(root.findall("text/body/termEntry")) == len(load_glossary(project / "glossary" / "terms.csv"))


def test_import_tbx_v3_dct_style(tmp_path):
    """DCT style: data categories as elements of a module namespace (here TBX-Basic's)."""
    path = tmp_path / "dct.tbx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"\n'
        '     xmlns:basic="http://www.tbxinfo.net/ns/basic">\n'
        "<tbxHeader><fileDesc><sourceDesc><p>DCT sample</p></sourceDesc></fileDesc></tbxHeader>\n"
        '<text><body><conceptEntry id="patron">\n'
        '<langSec xml:lang="en"><basic:definition>A protecting state.</basic:definition>\n'
        "<termSec><term>patron</term><basic:administrativeStatus>preferredTerm-admn-sts"
        "</basic:administrativeStatus></termSec></langSec>\n"
        '<langSec xml:lang="uk"><termSec><term>патрон</term><basic:administrativeStatus>deprecatedTerm-admn-sts'
        "</basic:administrativeStatus></termSec><termSec><term>покровитель</term></termSec></langSec>\n"
        "</conceptEntry></body></text></tbx>\n",
        encoding="utf-8",
    )
    (term,) = parse_tbx(path, "en", ("en", "uk", "ko")).terms
    assert term.variants == {"en": ("patron",), "uk": ("покровитель",)}
    assert term.forbidden == {"uk": ("патрон",)} and term.note == "A protecting state."
