"""A journal's workflow through the CLI: init, run, status, build --lang (issue 12)."""

import json

import polib
import pytest
from support import ROOT, SEED, run_cli, sentence_entry, snapshot


def load_po(path):
    """A catalog as another PO library (a translator's tool) reads it."""
    return polib.pofile(str(path))


def shipped_translations(lang):
    """msgid -> reviewed translation, from the shipped catalogs (real translator work)."""
    return {e.msgid: e.msgstr for e in load_po(ROOT / "translations" / f"{lang}.po") if e.msgstr and not e.fuzzy}


def translate_like_a_translator(path, lang):
    po = polib.pofile(str(path))
    known = shipped_translations(lang)
    for entry in po:
        if not entry.obsolete:
            entry.msgstr = known[entry.msgid]
    po.save(str(path))


def test_from_a_scraped_page_to_three_editions_with_no_hand_written_file(tmp_path, monkeypatch, capsys):
    project = tmp_path / "journal"
    assert run_cli("init", str(project), "--from", str(SEED)) == 0
    monkeypatch.chdir(project)
    assert (project / "seeds" / "alliance-of-villains.txt").read_bytes() == SEED.read_bytes()
    assert run_cli("run") == 1  # nothing translated yet: only the source edition is published
    err = capsys.readouterr().err
    assert "run: 1 edition(s) ready" in err and "2 held back" in err
    assert (project / "translations" / "abstract.en.md").exists()
    generated = snapshot(project)

    # What people write: glossary rows and translations.
    rows = (ROOT / "glossary" / "terms.csv").read_text(encoding="utf-8").splitlines(keepends=True)[1:]
    glossary = project / "glossary" / "terms.csv"
    header = glossary.read_text(encoding="utf-8")
    assert header == "id,en,uk,ko,uk_forbidden,ko_forbidden,note\n"
    shipped_header = (ROOT / "glossary" / "terms.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    glossary.write_text(header + "".join(_columns(row, shipped_header) for row in rows), encoding="utf-8")
    assert run_cli("update") == 0
    for lang in ("uk", "ko"):
        translate_like_a_translator(project / "translations" / f"{lang}.po", lang)
    touched = {p for p, digest in snapshot(project).items() if generated.get(p) != digest}
    assert touched == {"glossary/terms.csv", "translations/uk.po", "translations/ko.po", "translations/termweave.pot"}

    capsys.readouterr()
    assert run_cli("run") == 0
    err = capsys.readouterr().err
    assert "run: 3 edition(s) ready" in err and "0 held back" in err and "review page: translations/report.html" in err
    for lang in ("en", "uk", "ko"):
        edition = (project / "translations" / f"abstract.{lang}.md").read_text(encoding="utf-8")
        assert "[untranslated]" not in edition and "https://doi.org/10.5281/zenodo.20391772" in edition


def _columns(row, shipped_header):
    import csv
    import io

    cells = dict(zip(shipped_header, next(csv.reader([row]))))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(
        [cells[c] for c in ("id", "en", "uk", "ko", "uk_forbidden", "ko_forbidden", "note")]
    )
    return out.getvalue()


def test_init_writes_a_skeleton_that_runs(tmp_path, monkeypatch):
    assert run_cli("init", str(tmp_path / "p"), "--target-langs", "uk,de") == 0
    config = (tmp_path / "p" / "termweave.toml").read_text(encoding="utf-8")
    assert 'target_langs = ["uk", "de"]' in config and config.count("#") >= 5
    assert (tmp_path / "p" / "glossary" / "terms.csv").read_text() == "id,en,uk,de,uk_forbidden,de_forbidden,note\n"
    monkeypatch.chdir(tmp_path / "p")
    assert run_cli("run") == 1  # the example page parses; its translations are still to do
    assert (tmp_path / "p" / "translations" / "de.po").exists()
    before = snapshot(tmp_path / "p")
    assert run_cli("init", str(tmp_path / "p")) == 2  # never over an existing project
    assert snapshot(tmp_path / "p") == before


@pytest.mark.parametrize(
    "argv, fragment",
    [
        (["init", "{tmp}/q", "--from", "{tmp}/missing.txt"], "missing.txt: file not found"),
        (["init", "{tmp}/q", "--target-langs", "uk,uk"], "language 'uk' given twice"),
        (["init", "{tmp}/q", "--from", "{tmp}/bad.txt"], "bad.txt:2: "),
    ],
)
def test_init_refuses_bad_input_and_writes_nothing(tmp_path, capsys, argv, fragment):
    (tmp_path / "bad.txt").write_text("Title\nKeywords:\n", encoding="utf-8")
    before = snapshot(tmp_path)
    assert run_cli(*[a.format(tmp=tmp_path) for a in argv]) == 2
    err = capsys.readouterr().err
    assert fragment in err and len(err.strip().splitlines()) == 1
    assert snapshot(tmp_path) == before


def test_run_in_an_empty_folder_says_what_is_missing(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert run_cli("run") == 2
    err = capsys.readouterr().err
    assert "no termweave.toml and no seeds/*.txt here" in err and "termweave init" in err
    assert list(tmp_path.iterdir()) == []


def test_a_mistyped_config_path_is_an_error(project, capsys):
    before = snapshot(project)
    assert run_cli("run", "--config", "termweave.tmol") == 2
    assert "termweave.tmol: configuration file not found" in capsys.readouterr().err
    assert snapshot(project) == before


def test_status_table_and_json(project, capsys):
    po = polib.pofile(str(project / "translations" / "uk.po"))
    sentence = sentence_entry(po, "The main features")
    sentence.flags.append("fuzzy")
    po.find("title", by="msgctxt").msgstr = ""
    po.save(str(project / "translations" / "uk.po"))
    before = snapshot(project)
    assert run_cli("status", "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    uk, ko = data["articles"]
    assert (uk["lang"], uk["messages"], uk["translated"], uk["fuzzy"], uk["untranslated"]) == ("uk", 12, 10, 1, 1)
    from translate.tools.pocount import calcstats  # the reference: translate-toolkit's pocount

    reference = calcstats(str(project / "translations" / "uk.po"))
    assert uk["words_to_translate"] == reference["fuzzysourcewords"] + reference["untranslatedsourcewords"]
    assert uk["words_to_translate"] > 100 and not uk["complete"]
    assert uk["errors"] == 0 and ko["complete"] and ko["words_to_translate"] == 0
    assert data["summary"]["fuzzy"] == 1 and data["summary"]["articles"] == 1
    assert run_cli("status") == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == [
        "article",
        "lang",
        "translated",
        "fuzzy",
        "untransl.",
        "errors",
        "warnings",
        "words",
        "to",
        "do",
    ]
    assert table[2].split()[:5] == ["alliance-of-villains", "uk", "10", "1", "1"]
    assert snapshot(project) == before  # status writes nothing


def test_build_lang_builds_the_source_and_the_languages_asked_for(project, capsys):
    po = polib.pofile(str(project / "translations" / "ko.po"))
    po.find("title", by="msgctxt").msgstr = ""
    po.save(str(project / "translations" / "ko.po"))
    assert run_cli("build", "--lang", "uk") == 0
    assert sorted(p.name for p in (project / "translations").glob("*.md")) == ["abstract.en.md", "abstract.uk.md"]
    assert run_cli("build", "--lang", "ko") == 1
    assert "title: untranslated" in capsys.readouterr().err
    assert not (project / "translations" / "abstract.ko.md").exists()
    assert run_cli("build", "--lang", "de") == 2


def test_run_skips_settled_articles_and_redoes_a_changed_one(project, capsys):
    from test_project import two_articles

    two_articles(project)
    (project / "termweave.toml").write_text('[termweave]\nseeds = ["seeds/*.txt"]\n', encoding="utf-8")
    assert run_cli("run") == 1  # the second article is untranslated
    first = capsys.readouterr().err.splitlines()[-1]
    assert "run: 4 edition(s) ready" in first and "2 held back" in first
    first_folder = snapshot(project / "translations" / "alliance-of-villains")
    assert run_cli("run") == 1
    second = capsys.readouterr().err.splitlines()[-1]
    assert "run: 4 edition(s) ready (0 rewritten), 2 held back; check: 24 error(s)" in second
    assert "0 catalog file(s) updated, 2 article(s) unchanged since the last run" in second
    # A translator breaks a number in the first article: that article is checked again.
    path = project / "translations" / "alliance-of-villains" / "uk.po"
    po = polib.pofile(str(path))
    entry = next(e for e in po if "2024" in e.msgstr)
    entry.msgstr = entry.msgstr.replace("2024", "2042", 1)
    po.save(str(path))
    assert run_cli("run") == 1
    third = capsys.readouterr().err
    assert "number-mismatch" in third and "1 article(s) unchanged since the last run" in third
    assert "held back translations/alliance-of-villains/alliance-of-villains.uk.md (2 check error(s))" in third
    # A third article leaves the first two articles' files as they were.
    (project / "seeds" / "third.txt").write_bytes((project / "seeds" / "second.txt").read_bytes())
    before = snapshot(project / "translations" / "alliance-of-villains")
    assert run_cli("run") == 1
    assert snapshot(project / "translations" / "alliance-of-villains") == before
    assert first_folder != before  # (the number fix above did change it)


def test_a_damaged_state_file_only_means_more_work(project, capsys):
    assert run_cli("run") == 0
    state = project / ".termweave" / "state.json"
    good = state.read_text(encoding="utf-8")
    for damaged in ("{not json", good.replace('"editions": 3', '"editions": "3"'), good.replace('"lang"', '"lng"')):
        assert damaged != good
        state.write_text(damaged, encoding="utf-8")
        capsys.readouterr()
        assert run_cli("run") == 0 and run_cli("status") == 0
        assert "unchanged since the last run" not in capsys.readouterr().err
    assert run_cli("run") == 0
    assert "1 article(s) unchanged since the last run" in capsys.readouterr().err


def test_check_without_arguments_finds_every_articles_catalogs(project, capsys):
    from test_project import two_articles

    two_articles(project)
    (project / "termweave.toml").write_text('[termweave]\nseeds = ["seeds/*.txt"]\n', encoding="utf-8")
    assert run_cli("update") == 0
    capsys.readouterr()
    assert run_cli("check", "--format", "json") == 1
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["files"] == 4
    assert {f["path"].split("/")[-2] for f in data["findings"]} == {"second"}


def test_tm_export_gathers_every_articles_reviewed_translations(project):
    from lxml import etree
    from test_project import two_articles

    two_articles(project)
    (project / "termweave.toml").write_text('[termweave]\nseeds = ["seeds/*.txt"]\n', encoding="utf-8")
    assert run_cli("update") == 0
    for lang in ("uk", "ko"):  # the second article's title, translated
        path = project / "translations" / "second" / f"{lang}.po"
        po = polib.pofile(str(path))
        po.find("title", by="msgctxt").msgstr = f"[{lang}] second title"
        po.save(str(path))
    assert run_cli("tm", "export") == 0
    tree = etree.parse(str(project / "translations" / "termweave.tmx"))
    sources = [tu.xpath('string(tuv[@xml:lang="en"]/seg)') for tu in tree.iter("tu")]
    assert len(sources) == len(set(sources)) == 13  # 12 of the first article, the second's title
    assert any(s.startswith("Villains in alliance") for s in sources)


def test_the_state_knows_every_status_field():
    from dataclasses import fields

    from termweave.state import STANDING_KEYS
    from termweave.status import Standing

    assert {f.name for f in fields(Standing)} == STANDING_KEYS


def test_a_journal_gets_one_index_page_linking_every_articles_review(project, capsys):
    from lxml import html as lxml_html
    from test_project import two_articles

    two_articles(project)
    (project / "termweave.toml").write_text('[termweave]\nseeds = ["seeds/*.txt"]\n', encoding="utf-8")
    assert run_cli("run") == 1  # the second article is not translated yet: its translations are held back
    assert "review page: translations/report.html" in capsys.readouterr().err
    page = lxml_html.fromstring((project / "translations" / "report.html").read_bytes())
    links = {a.text: a.get("href") for a in page.iter("a")}
    assert links == {"alliance-of-villains": "alliance-of-villains/report.html", "second": "second/report.html"}
    for href in links.values():
        assert (project / "translations" / href).is_file()
    sections = {
        s.findtext("h2/a"): [[c.text_content() for c in tr] for tr in s.iter("tr")][1:] for s in page.iter("section")
    }
    assert [row[0] for row in sections["second"]] == ["uk", "ko"]
    assert all(row[1].startswith("0/") for row in sections["second"])  # nothing translated
    assert all(row[1].split("/")[0] == row[1].split("/")[1] for row in sections["alliance-of-villains"])
    before = snapshot(project)
    assert run_cli("run") == 1  # settled: the index comes from the saved state, unchanged
    assert snapshot(project) == before


def test_init_from_a_ukrainian_page_reads_it_as_ukrainian(tmp_path, monkeypatch):
    """The page's labels (Ключові слова, Анотація, Завантаження) say its language; the other
    languages become the targets, and the page's chrome stays out of the catalogs."""
    page = ROOT / "tests" / "data" / "seeds" / "uk-sample.txt"
    assert run_cli("init", str(tmp_path / "p"), "--from", str(page)) == 0
    config = (tmp_path / "p" / "termweave.toml").read_text(encoding="utf-8")
    assert 'source_lang = "uk"' in config and 'target_langs = ["en", "ko"]' in config
    monkeypatch.chdir(tmp_path / "p")
    assert run_cli("update") == 0
    msgids = {e.msgid for e in load_po(tmp_path / "p" / "translations" / "en.po")}
    assert "Завантаження" not in msgids and "Ключові слова" in msgids
    assert run_cli("init", str(tmp_path / "q"), "--from", str(ROOT / "seeds" / "alliance-of-villains.txt")) == 0
    assert 'source_lang = "en"' in (tmp_path / "q" / "termweave.toml").read_text(encoding="utf-8")
