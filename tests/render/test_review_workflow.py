"""Review where people work: a real source revision, merged into the shipped catalogs, seen the same
way on the review page, in `check` and in `build` -- the changed words marked, one line cited."""

import re
import shutil
import subprocess

import lxml.html
import polib
import pytest
from support import SEED, run_cli

from termweave.glossary import load_glossary
from termweave.review import build_report_html, colour_index
from termweave.segment import parse_seed

OLD, NEW = "The current nature of relations", "The present nature of the relations"


@pytest.fixture
def revised(project):
    """The shipped project after the author revised the first abstract sentence, merged by `update`."""
    seed = project / "seeds" / "alliance-of-villains.txt"
    text = seed.read_text(encoding="utf-8")
    assert text.count(OLD) == 1
    assert run_cli("update", "-q") == 0  # the catalogs in the current identity scheme, as reviewed
    shutil.copy(project / "translations" / "uk.po", project / "reviewed-uk.po")
    seed.write_text(text.replace(OLD, NEW), encoding="utf-8")
    assert run_cli("update", "-q") == 0
    return project


def msgid_line(po_path, start):
    """The line of the ``msgid`` keyword of the active entry whose source starts with ``start``,
    read off the file itself (a sentence has no msgctxt: its text is its identity)."""
    lines = po_path.read_text(encoding="utf-8").splitlines()
    for at, line in enumerate(lines):
        if line.startswith("msgid ") and (line[6:].strip('"') + lines[at + 1].strip('"')).startswith(start):
            return at + 1  # 1-based
    raise AssertionError(f"no msgid starting {start!r}")


def test_fuzzy_entry_from_a_real_merge_shows_the_changed_words_everywhere(revised, capsys):
    uk_path = revised / "translations" / "uk.po"
    entry = next(e for e in polib.pofile(str(uk_path)) if e.msgid.startswith(NEW))
    assert entry.fuzzy and entry.previous_msgid.startswith(OLD) and entry.msgid.startswith(NEW)
    # GNU msgmerge, given the reviewed catalog and the new template, records the same previous source.
    subprocess.run(
        [
            "msgmerge",
            "-q",
            "--previous",
            "-o",
            str(revised / "gnu-uk.po"),
            str(revised / "reviewed-uk.po"),
            str(revised / "translations" / "termweave.pot"),
        ],
        check=True,
    )
    gnu = next(e for e in polib.pofile(str(revised / "gnu-uk.po")) if e.msgid.startswith(NEW))
    assert gnu.fuzzy and (gnu.previous_msgid, gnu.msgid, gnu.msgstr) == (
        entry.previous_msgid,
        entry.msgid,
        entry.msgstr,
    )
    line = msgid_line(uk_path, NEW)
    capsys.readouterr()

    assert run_cli("report", "-q") == 0
    tree = lxml.html.document_fromstring((revised / "translations" / "report.html").read_text(encoding="utf-8"))
    cell = tree.xpath('//tr[@data-context="abstract.p1.s1"]/td[@data-col="uk"]')[0]
    assert [d.text_content() for d in cell.xpath('.//del[@class="diff"]')] == ["current"]
    assert [i.text_content() for i in cell.xpath('.//ins[@class="diff"]')] == ["present", " the"]
    assert cell.xpath('.//div[@class="source-diff"]')[0].getparent().tag == "div"  # shown, not in a closed <details>
    assert cell.xpath('string(.//p[contains(@class, "where")])') == f"uk.po:{line}"

    assert run_cli("check", "--only", "fuzzy") == 1
    out = capsys.readouterr().out
    assert f"uk.po:{line} “{NEW}" in out
    assert "source: The [-current-]{+present+} nature of{+ the+} relations" in out

    assert run_cli("build") == 1
    err = capsys.readouterr().err
    assert re.search(rf"uk\.po:{line}: \[uk\] '{NEW}[^']*…': fuzzy", err), err


def test_no_two_terms_of_a_segment_share_a_colour_on_the_shipped_project(project):
    assert run_cli("report", "-q") == 0
    tree = lxml.html.document_fromstring((project / "translations" / "report.html").read_text(encoding="utf-8"))
    hashed_collisions = rows_with_terms = 0
    for row in tree.xpath('//tr[contains(@class, "segment")]'):
        colour_of = {}
        for span in row.xpath(".//span[@data-term]"):
            colour = next(c for c in span.get("class").split() if re.fullmatch(r"c\d+", c))
            assert colour_of.setdefault(span.get("data-term"), colour) == colour  # one colour per term in a row
        if len(colour_of) < 2:
            continue
        rows_with_terms += 1
        assert len(set(colour_of.values())) == len(colour_of), row.get("data-context")
        hashed = [colour_index(term_id) for term_id in colour_of]
        hashed_collisions += len(set(hashed)) < len(hashed)
    # The hash alone (the page's colours before) gave several segments two terms of one colour.
    assert rows_with_terms >= 10 and hashed_collisions >= 3


def test_several_articles_get_navigation_and_a_summary_each(tmp_path):
    second = tmp_path / "second-article.txt"
    second.write_text(
        SEED.read_text(encoding="utf-8").replace("Alliance of villains", "Allies of villains", 1), encoding="utf-8"
    )
    documents = [parse_seed(SEED, "en"), parse_seed(second, "en")]
    glossary = load_glossary(SEED.parents[1] / "glossary" / "terms.csv", ("en", "uk", "ko"))
    single = lxml.html.document_fromstring(
        build_report_html(documents[:1], {"uk": None}, glossary, None, "en", ("uk",))
    )
    assert not single.xpath('//nav[@class="articles"]')
    tree = lxml.html.document_fromstring(build_report_html(documents, {"uk": None}, glossary, None, "en", ("uk",)))
    links = tree.xpath('//nav[@class="articles"]//a')
    assert [a.text_content() for a in links] == ["alliance-of-villains", "second-article"]
    for link in links:
        section = tree.get_element_by_id(link.get("href")[1:])
        assert section.tag == "tbody" and section.xpath('tr[contains(@class, "segment")]')
    counts = [li.xpath('string(span[@class="article-counts"])') for li in tree.xpath('//nav[@class="articles"]//li')]
    assert counts == ["uk: 0/12 translated, 12 untranslated"] * 2
