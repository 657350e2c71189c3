from pathlib import Path

import pytest
from support import SEED

from termweave.formats.markdown import STAND_IN_MARK, render_markdown
from termweave.formats.po import Catalog, Message
from termweave.render.edition import IncompleteError, describe_problems, source_edition, target_edition
from termweave.render.licence import detect_licence
from termweave.segment import parse_seed


@pytest.fixture(scope="module")
def doc():
    return parse_seed(SEED, "en")


def catalog_for(doc, translate, fuzzy=()):
    po = Catalog(header=Message(msgid="", msgstr="Language: uk\n"), path=Path("uk.po"))
    for seg in doc.translatable():
        po.messages.append(
            Message(msgctxt=seg.id, msgid=seg.text, msgstr=translate(seg), flags=["fuzzy"] if seg.id in fuzzy else [])
        )
    return po


def test_source_edition_layout(doc):
    text = render_markdown(source_edition(doc))
    lines = text.split("\n")
    assert lines[0] == "# " + doc.get("title").text
    assert "DOI: [https://doi.org/10.5281/zenodo.20391772](https://doi.org/10.5281/zenodo.20391772)" in lines
    assert "**Keywords:** " + doc.get("keywords").text in lines
    assert "## Abstract" in lines
    paragraphs = SEED.read_text(encoding="utf-8").split("\n")[4:10]
    for paragraph in paragraphs:
        assert paragraph in lines  # paragraphs rebuilt from their sentences
    assert SEED.read_bytes().split(b"\n")[16] in text.encode("utf-8")
    assert lines[-2].endswith("[CC BY 4.0](https://creativecommons.org/licenses/by/4.0/)")


def test_target_edition_uses_translations_and_keeps_copyright_bytes(doc):
    problems = []
    po = catalog_for(doc, lambda s: f"УК {s.id}")
    edition = target_edition(doc, "uk", po, lambda s: s.id, problems)
    text = render_markdown(edition)
    assert problems == []
    assert text.startswith("# УК title\n")
    assert "**УК ui.keywords:** УК keywords" in text
    assert "УК abstract.p3.s1 УК abstract.p3.s2" in text
    assert doc.get("copyright").text in text
    assert "УК licence [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/deed.uk)" in text


def test_fuzzy_and_untranslated_are_reported_and_marked(doc):
    problems = []
    po = catalog_for(doc, lambda s: "" if s.id == "abstract.p2.s1" else f"УК {s.id}", fuzzy={"title"})
    edition = target_edition(doc, "uk", po, lambda s: s.id, problems)
    assert {(p.context, p.state) for p in problems} == {("abstract.p2.s1", "untranslated"), ("title", "fuzzy")}
    listing = describe_problems(problems)
    assert "abstract.p2.s1: untranslated" in listing and "title: fuzzy" in listing
    text = render_markdown(edition)
    assert text.startswith(f"# {STAND_IN_MARK} {doc.get('title').text}")
    assert f"{STAND_IN_MARK} {doc.get('abstract.p2.s1').text}" in text


def test_incomplete_error_exits_1():
    assert IncompleteError("x").exit_code == 1


@pytest.mark.parametrize(
    "text, code, url",
    [
        (
            "licensed under a Creative Commons Attribution 4.0 International License.",
            "CC BY 4.0",
            "https://creativecommons.org/licenses/by/4.0/",
        ),
        (
            "Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International",
            "CC BY-NC-SA 4.0",
            "https://creativecommons.org/licenses/by-nc-sa/4.0/",
        ),
        (
            "Creative Commons Attribution-NoDerivatives 3.0 Unported",
            "CC BY-ND 3.0",
            "https://creativecommons.org/licenses/by-nd/3.0/",
        ),
    ],
)
def test_licence_detection(text, code, url):
    licence = detect_licence(text)
    assert (licence.code, licence.url) == (code, url)


def test_no_licence_detected():
    assert detect_licence("All rights reserved.") is None


HOSTILE = [
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "![x](javascript:alert(1)) and <javascript:alert(1)>",
    "<script>alert(1)</script>",
    "a\\\n\n[r]: javascript:alert(1)\n\n[r]",
    "trailing backslash \\",
]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_translations_cannot_inject_html_or_links(doc, hostile):
    from markdown_it import MarkdownIt

    po = catalog_for(doc, lambda seg: hostile if seg.id in ("title", "abstract.p1.s1", "keywords") else seg.text)
    markdown = render_markdown(target_edition(doc, "uk", po, lambda s: s.id, []))
    tokens = [t for block in MarkdownIt("commonmark").parse(markdown) for t in [block, *(block.children or [])]]
    assert not [t for t in tokens if t.type in ("html_inline", "html_block", "image")]
    hrefs = [t.attrs["href"] for t in tokens if t.type == "link_open"]
    assert hrefs == ["https://doi.org/10.5281/zenodo.20391772", "https://creativecommons.org/licenses/by/4.0/deed.uk"]
    title = next(t for t in tokens if t.type == "inline")
    assert "".join(c.content for c in title.children if c.type == "text") == hostile.split("\n")[0]
