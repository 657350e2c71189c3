"""JATS ``<article-meta>`` output, parsed back."""

from pathlib import Path

import polib
import pytest
from lxml import etree
from support import SEED, run_cli

from termweave.formats.jats import ALI_NS, MML_NS, XLINK_NS, bare_doi, render_jats, split_keywords
from termweave.formats.po import Catalog, Message
from termweave.render.edition import source_edition, target_edition
from termweave.segment import parse_seed

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def doc():
    return parse_seed(SEED, "en")


def editions_for(doc, translate, stand_in=()):
    editions = [source_edition(doc)]
    for lang in ("uk", "ko"):
        po = Catalog(path=Path(f"{lang}.po"))
        for seg in doc.translatable():
            po.messages.append(
                Message(
                    msgctxt=seg.id, msgid=seg.text, msgstr="" if (lang, seg.id) in stand_in else translate(lang, seg)
                )
            )
        editions.append(target_edition(doc, lang, po, lambda s: s.id, []))
    return editions


def test_build_format_jats_on_the_project(project):
    assert run_cli("build", "--format", "jats") == 0
    raw = (project / "translations" / "abstract.jats.xml").read_bytes()
    assert not (project / "translations" / "abstract.en.md").exists()  # only the format asked for
    meta = etree.fromstring(raw)
    assert meta.tag == "article-meta"
    assert meta.nsmap == {"xlink": XLINK_NS, "mml": MML_NS, "ali": ALI_NS}
    assert [child.tag for child in meta if isinstance(child.tag, str)] == [
        "article-id",
        "title-group",
        "permissions",
        "abstract",
        "trans-abstract",
        "trans-abstract",
        "kwd-group",
        "kwd-group",
        "kwd-group",
    ]
    assert meta.find("article-id").get("pub-id-type") == "doi"
    assert meta.findtext("article-id") == "10.5281/zenodo.20391772"

    seed_lines = SEED.read_text(encoding="utf-8").split("\n")
    assert meta.findtext("title-group/article-title") == seed_lines[0]
    uk_po = polib.pofile(str(project / "translations" / "uk.po"))
    ko_po = polib.pofile(str(project / "translations" / "ko.po"))
    groups = meta.findall("title-group/trans-title-group")
    assert [g.get(XML_LANG) for g in groups] == ["uk", "ko"]
    assert groups[0].findtext("trans-title") == uk_po.find("title", by="msgctxt").msgstr
    assert groups[1].findtext("trans-title") == ko_po.find("title", by="msgctxt").msgstr

    permissions = meta.find("permissions")
    statement = permissions.find("copyright-statement").text
    assert statement.encode("utf-8") == SEED.read_bytes().split(b"\n")[16]  # byte for byte
    assert permissions.findtext("copyright-year") == "2026"
    licence = permissions.find("license")
    assert licence.get(f"{{{XLINK_NS}}}href") == "https://creativecommons.org/licenses/by/4.0/"
    assert licence.findtext(f"{{{ALI_NS}}}license_ref") == "https://creativecommons.org/licenses/by/4.0/"
    assert licence.findtext("license-p") == seed_lines[18]

    abstract = meta.find("abstract")
    assert abstract.get(XML_LANG) == "en" and abstract.findtext("title") == "Abstract"
    assert [p.text for p in abstract.findall("p")] == seed_lines[4:10]  # paragraphs rebuilt from sentences
    trans = meta.findall("trans-abstract")
    assert [t.get(XML_LANG) for t in trans] == ["uk", "ko"]
    uk_p1 = " ".join(e.msgstr for e in uk_po if not e.obsolete and e.msgctxt is None and e.msgid in seed_lines[6])
    assert trans[0].findall("p")[2].text == uk_p1
    assert len(trans[1].findall("p")) == 6

    kwd_groups = meta.findall("kwd-group")
    assert [g.get(XML_LANG) for g in kwd_groups] == ["en", "uk", "ko"]
    assert [k.text for k in kwd_groups[0].findall("kwd")] == [
        "geopolitics",
        "DPRK geostrategy",
        "Russian Federation",
        "global security",
        "South Korea",
        "Putin",
        "Kim Jong-un",
    ]
    for group in kwd_groups[1:]:
        keywords = [k.text for k in group.findall("kwd")]
        assert len(keywords) == 7 and not any(k.endswith(".") or not k for k in keywords)


def test_markup_characters_round_trip(doc):
    editions = editions_for(doc, lambda lang, seg: f'{lang} <b>&amp; "{seg.id}" ]]> &')
    meta = etree.fromstring(render_jats(editions).encode("utf-8"))
    title = meta.find("title-group/trans-title-group/trans-title")
    assert title.text == 'uk <b>&amp; "title" ]]> &'
    assert meta.find("title-group/trans-title-group/trans-title/b") is None


def test_stand_ins_are_not_published_under_the_target_language(doc):
    editions = editions_for(
        doc,
        lambda lang, seg: f"[{lang}] {seg.text}",
        stand_in={("uk", "abstract.p2.s1"), ("ko", "title"), ("ko", "keywords")},
    )
    text = render_jats(editions)
    meta = etree.fromstring(text.encode("utf-8"))
    assert [a.get(XML_LANG) for a in meta.findall("trans-abstract")] == ["ko"]
    assert [g.get(XML_LANG) for g in meta.findall("title-group/trans-title-group")] == ["uk"]
    assert [g.get(XML_LANG) for g in meta.findall("kwd-group")] == ["en", "uk"]
    assert "uk: trans-abstract left out: not translated yet" in text
    assert "ko: kwd-group left out" in text
    assert all(p.text.startswith("[ko] ") for p in meta.find("trans-abstract").findall("p"))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("geopolitics, DPRK geostrategy, Kim Jong-un.", ["geopolitics", "DPRK geostrategy", "Kim Jong-un"]),
        ("지정학, 북한 지전략, 김정은.", ["지정학", "북한 지전략", "김정은"]),
        ("a，b、c。", ["a", "b", "c"]),
        ("U.S. policy, Kim Jong-un", ["U.S. policy", "Kim Jong-un"]),
    ],
)
def test_keywords_split_on_commas(text, expected):
    assert split_keywords(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("https://doi.org/10.5281/zenodo.20391772", "10.5281/zenodo.20391772"),
        ("http://dx.doi.org/10.1000/x", "10.1000/x"),
        ("doi: 10.1000/y", "10.1000/y"),
        ("10.1000/z", "10.1000/z"),
    ],
)
def test_bare_doi(text, expected):
    assert bare_doi(text) == expected
