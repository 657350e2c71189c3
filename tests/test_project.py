"""Message identity and articles: positions never decide what a message is (issue 11/12)."""

import subprocess
from pathlib import Path

import polib
import pytest
from support import SEED, make_positional, run_cli, snapshot

from termweave.project import Project


def load_po(path):
    """A catalog as another PO library (a translator's tool) reads it."""
    return polib.pofile(str(path))


def reviewed(path):
    """(msgctxt, msgid) -> msgstr of every active, reviewed entry."""
    return {(e.msgctxt, e.msgid): e.msgstr for e in load_po(path) if not e.obsolete and e.msgstr and not e.fuzzy}


def active(path):
    return {(e.msgctxt, e.msgid): (e.msgstr, e.fuzzy) for e in load_po(path) if not e.obsolete}


@pytest.fixture
def migrated(project):
    """The shipped project after one update (catalogs in the text-identity scheme)."""
    assert run_cli("update") == 0
    return project


def test_inserting_then_deleting_a_paragraph_changes_no_other_message(migrated):
    seed = migrated / "seeds" / "alliance-of-villains.txt"
    original = seed.read_bytes()
    uk = migrated / "translations" / "uk.po"
    before = active(uk)
    lines = original.split(b"\n")
    abstract = next(i for i, line in enumerate(lines) if line.endswith(b"Abstract")) + 1
    lines.insert(abstract, b"A new first paragraph, written after the review. It has two sentences.")
    seed.write_bytes(b"\n".join(lines))
    assert run_cli("update") == 0
    after = active(uk)
    new = set(after) - set(before)
    assert {msgid for _, msgid in new} == {"A new first paragraph, written after the review.", "It has two sentences."}
    assert all(after[key] == ("", False) for key in new)
    assert {k: v for k, v in after.items() if k not in new} == before  # every other message as it was
    seed.write_bytes(original)  # undo
    assert run_cli("update") == 0
    assert active(uk) == before


def test_undoing_an_edit_restores_the_reviewed_translation(migrated):
    seed = migrated / "seeds" / "alliance-of-villains.txt"
    original = seed.read_bytes()
    uk = migrated / "translations" / "uk.po"
    before = active(uk)
    seed.write_bytes(original.replace(b"war of attrition.", b"long war of attrition."))
    assert run_cli("update") == 0
    edited = [v for k, v in active(uk).items() if "long war of attrition" in k[1]]
    assert edited and edited[0][1]  # the edited sentence awaits review (fuzzy) ...
    assert run_cli("build") == 1
    seed.write_bytes(original)
    assert run_cli("update") == 0
    assert active(uk) == before  # ... and undoing the edit restores the reviewed state
    assert run_cli("build") == 0
    subprocess.run(["msgfmt", "-c", "--check-format", "-o", "/dev/null", str(uk)], check=True)


def test_a_repeated_sentence_is_one_message_with_both_references(migrated):
    seed = migrated / "seeds" / "alliance-of-villains.txt"
    lines = seed.read_bytes().split(b"\n")
    abstract = next(i for i, line in enumerate(lines) if line.endswith(b"Abstract")) + 1
    lines.insert(abstract + 2, lines[abstract])  # the first paragraph once more, later
    seed.write_bytes(b"\n".join(lines))
    assert run_cli("update") == 0
    po = load_po(migrated / "translations" / "uk.po")
    first = next(e for e in po if e.msgctxt is None)
    assert len(first.occurrences) == 2 and first.msgstr and not first.fuzzy
    assert run_cli("build") == 0


def two_articles(root, extra_seed_name="second"):
    """A two-article project: the shipped seed and the Ukrainian sample's English twin."""
    (root / "seeds" / f"{extra_seed_name}.txt").write_bytes(
        SEED.read_bytes()
        .replace(b"Alliance of villains", b"Villains in alliance")
        .replace(b"Furthermore, the two states", b"Moreover, the two states")
    )


def test_a_second_article_keeps_every_review_of_the_first_in_its_own_folder(migrated):
    assert run_cli("build") == 0  # the single-article layout's editions and MO files, to be moved
    reviews = {lang: reviewed(migrated / "translations" / f"{lang}.po") for lang in ("uk", "ko")}
    (migrated / "termweave.toml").write_text('[termweave]\nseeds = ["seeds/*.txt"]\n', encoding="utf-8")
    two_articles(migrated)
    assert run_cli("update") == 0
    assert sorted(p.name for p in (migrated / "translations").iterdir() if p.is_file()) == []  # all moved
    for lang in ("uk", "ko"):
        assert not (migrated / "translations" / f"{lang}.po").exists()  # carried into the article's folder
        assert reviewed(migrated / "translations" / "alliance-of-villains" / f"{lang}.po") == reviews[lang]
        second = load_po(migrated / "translations" / "second" / f"{lang}.po")
        assert not any(e.msgstr for e in second)  # nothing borrowed from the other article
    assert run_cli("build", "--lang", "uk") == 1  # the second article is not translated yet
    assert (migrated / "translations" / "alliance-of-villains" / "alliance-of-villains.uk.md").exists()
    assert (migrated / "translations" / "second" / "second.en.md").exists()
    assert not (migrated / "translations" / "second" / "second.uk.md").exists()
    assert not (migrated / "translations" / "alliance-of-villains" / "alliance-of-villains.ko.md").exists()


def test_adding_removing_reordering_articles_changes_no_other_articles_files(project):
    two_articles(project)
    (project / "termweave.toml").write_text(
        '[termweave]\nseeds = ["seeds/alliance-of-villains.txt", "seeds/second.txt"]\n', encoding="utf-8"
    )
    assert run_cli("update") == 0
    first = snapshot(project / "translations" / "alliance-of-villains")
    (project / "seeds" / "third.txt").write_bytes((project / "seeds" / "second.txt").read_bytes())
    (project / "termweave.toml").write_text(
        '[termweave]\nseeds = ["seeds/third.txt", "seeds/second.txt", "seeds/alliance-of-villains.txt"]\n',
        encoding="utf-8",
    )
    assert run_cli("update") == 0
    assert snapshot(project / "translations" / "alliance-of-villains") == first
    (project / "termweave.toml").write_text(
        '[termweave]\nseeds = ["seeds/alliance-of-villains.txt", "seeds/third.txt"]\n', encoding="utf-8"
    )
    assert run_cli("update") == 0
    assert snapshot(project / "translations" / "alliance-of-villains") == first


def test_an_old_shared_catalog_of_several_seeds_is_split_per_article(project):
    """The positional scheme with several seeds prefixed contexts ("<seed>/abstract.p1.s1")."""
    two_articles(project)
    (project / "termweave.toml").write_text('[termweave]\nseeds = ["seeds/*.txt"]\n', encoding="utf-8")
    make_positional(project / "translations" / "uk.po")
    old = load_po(project / "translations" / "uk.po")
    for entry in list(old):
        twin = polib.POEntry(
            msgctxt=f"second/{entry.msgctxt}",
            msgid=entry.msgid.replace("Alliance of villains", "Villains in alliance"),
            msgstr="[2] " + entry.msgstr,
        )
        entry.msgctxt = f"alliance-of-villains/{entry.msgctxt}"
        old.append(twin)
    old.metadata["Project-Id-Version"] = "alliance-of-villains second"
    old.save(str(project / "translations" / "uk.po"))
    assert run_cli("update") == 0
    first = reviewed(project / "translations" / "alliance-of-villains" / "uk.po")
    second = reviewed(project / "translations" / "second" / "uk.po")
    assert len(first) == 12 and not any(v.startswith("[2] ") for v in first.values())
    assert len(second) == 11 and all(v.startswith("[2] ") for v in second.values())  # one sentence was edited
    assert not (project / "translations" / "uk.po").exists()


def test_article_glossary_overrides_the_journal_term_and_lint_reports_conflicts(project, capsys):
    two_articles(project)
    (project / "glossary" / "second.csv").write_text(
        "id,en,uk,ko,note\nalliance,alliance,альянс,동맹,\nbloc,alliance,блок,블록,\n", encoding="utf-8"
    )
    (project / "termweave.toml").write_text(
        '[termweave]\nseeds = ["seeds/*.txt"]\n\n[articles.second]\nglossary = "glossary/second.csv"\n',
        encoding="utf-8",
    )
    assert run_cli("update") == 0
    title = load_po(project / "translations" / "second" / "uk.po").find("title", by="msgctxt").comment
    journal_title = (
        load_po(project / "translations" / "alliance-of-villains" / "uk.po").find("title", by="msgctxt").comment
    )
    assert "glossary alliance: alliance = uk: альянс\n" in title
    assert "glossary alliance: alliance = uk: союз | альянс\n" in journal_title
    capsys.readouterr()
    assert run_cli("glossary", "lint") == 1
    out = capsys.readouterr().out
    assert "second.csv:2: warning: [article-conflict] alliance: overrides the journal glossary's term" in out
    assert "second.csv:3: error: [article-conflict] bloc: 'alliance' is also the journal term 'alliance'" in out


def test_check_without_files_uses_each_articles_own_glossary_as_run_does(project, capsys):
    """The second article's glossary allows only «альянс» for "alliance"; «союз» (the journal's
    first variant) in its title is a term-missing error there, and only there."""
    import json

    from termweave import pipeline

    two_articles(project)
    (project / "glossary" / "second.csv").write_text(
        "id,en,uk,ko,note\nalliance,alliance,альянс,동맹,\n", encoding="utf-8"
    )
    (project / "termweave.toml").write_text(
        '[termweave]\nseeds = ["seeds/*.txt"]\n\n[articles.second]\nglossary = "glossary/second.csv"\n',
        encoding="utf-8",
    )
    assert run_cli("update") == 0
    for article in ("alliance-of-villains", "second"):
        path = project / "translations" / article / "uk.po"
        catalog = load_po(path)  # polib: another translator's tool
        title = catalog.find("title", by="msgctxt")
        title.msgstr, title.flags = "Союз лиходіїв", []
        catalog.save(str(path))
    capsys.readouterr()

    def alliance_missing(*argv: str) -> list[str]:
        run_cli("check", "--format", "json", "--only", "term-missing", *argv)
        findings = json.loads(capsys.readouterr().out)["findings"]
        return sorted(f["path"] for f in findings if f["term"] == "alliance" and f["context"] == "title")

    second = str(Path("translations") / "second" / "uk.po")
    assert alliance_missing() == [second]
    assert alliance_missing("--glossary", "glossary/terms.csv") == []  # the journal's alone: «союз» is allowed
    loaded = Project.load(project)
    in_run = [f for f in pipeline.check(loaded, only={"term-missing"}).findings if f.term == "alliance"]
    assert [Path(f.path).relative_to(project) for f in in_run if f.context == "title"] == [Path(second)]


def test_project_api_loads_once_and_reports_articles(project):
    make_positional(project / "translations" / "uk.po")
    loaded = Project.load(project)
    assert [a.name for a in loaded.articles] == ["alliance-of-villains"]
    article = loaded.articles[0]
    assert article.po_path("uk") == project / "translations" / "uk.po"
    assert {s.kind for s in article.document.segments} >= {"title", "sentence", "licence"}
    units = loaded.units(article, "uk")
    assert [u.kind for u in units][:4] == ["title", "label", "keywords", "label"]
    assert all(u.entry is not None and u.entry.msgid == u.segment.text for u in units)
    sentences = [s for s in article.document.segments if s.kind == "sentence"]
    assert loaded.migrations["alliance-of-villains", "uk"].rewritten == len(sentences) == 7


def test_the_readme_api_example_runs(project, capsys):
    from support import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Python API") :]
    code = section[
        section.index("```python") + len("```python") : section.index("```\n", section.index("```python") + 9)
    ]
    exec(compile(code.replace('"path/to/journal"', repr(str(project))), "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "alliance-of-villains ['title', 'doi', 'label', 'keywords', 'label', 'sentence'" in out
    assert (project / "translations" / "abstract.uk.md").exists()  # langs=("uk",): the one asked for
    assert not (project / "translations" / "abstract.ko.md").exists()
    assert reviewed(project / "translations" / "uk.po")  # migrated, reviews kept


def test_back_to_one_article_moves_its_catalogs_back_and_keeps_the_removed_ones(project):
    reviews = reviewed(project / "translations" / "uk.po")
    two_articles(project)
    (project / "termweave.toml").write_text('[termweave]\nseeds = ["seeds/*.txt"]\n', encoding="utf-8")
    assert run_cli("update") == 0
    (project / "termweave.toml").write_text(
        '[termweave]\nseeds = ["seeds/alliance-of-villains.txt"]\n', encoding="utf-8"
    )
    assert run_cli("update") == 0
    assert {k[1]: v for k, v in reviewed(project / "translations" / "uk.po").items()} == {
        k[1]: v for k, v in reviews.items()
    }
    assert not (project / "translations" / "alliance-of-villains").exists()
    assert (project / "translations" / "second" / "uk.po").exists()  # a removed article's catalog stays
    assert run_cli("build") == 0


def test_a_renamed_article_keeps_its_translations(project):
    two_articles(project)
    (project / "termweave.toml").write_text('[termweave]\nseeds = ["seeds/*.txt"]\n', encoding="utf-8")
    assert run_cli("update") == 0
    path = project / "translations" / "second" / "uk.po"
    po = polib.pofile(str(path))
    po.find("title", by="msgctxt").msgstr = "Лиходії в союзі"
    po.save(str(path))
    first = snapshot(project / "translations" / "alliance-of-villains")
    (project / "seeds" / "second.txt").rename(project / "seeds" / "villains-in-alliance.txt")
    assert run_cli("update") == 0
    renamed = load_po(project / "translations" / "villains-in-alliance" / "uk.po")
    assert renamed.find("title", by="msgctxt").msgstr == "Лиходії в союзі"
    assert not (project / "translations" / "second").exists()
    assert snapshot(project / "translations" / "alliance-of-villains") == first
