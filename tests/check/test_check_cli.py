"""`termweave check`: exit codes, the JSON contract, text output, defaults, bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from termweave.cli import main

DATA = Path(__file__).resolve().parents[1] / "data" / "check"

UK_PO = """msgid ""
msgstr ""
"Language: uk\\n"
"X-Source-Language: en\\n"

msgctxt "abstract.p1.s1"
msgid "The DPRK fired 25 ballistic missiles."
msgstr "КНДР запустила 250 балістичних ракет."

msgctxt "abstract.p1.s2"
msgid "Sanctions against the Russian Federation."
msgstr "Санкції проти Російської  Федерації."
"""
GOOD_PO = """msgid ""
msgstr ""
"Language: ko\\n"

msgctxt "title"
msgid "North Korea and the world order"
msgstr "북한과 세계 질서"
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "translations").mkdir()
    (tmp_path / "glossary").mkdir()
    shutil.copy(DATA / "term_glossary.csv", tmp_path / "glossary" / "terms.csv")
    (tmp_path / "translations" / "uk.po").write_text(UK_PO, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *argv):
    code = main(["check", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_contract_and_exit_1(project, capsys):
    code, out, err = run(capsys, "--format", "json")
    assert code == 1
    report = json.loads(out)
    assert set(report) == {"findings", "summary"}
    assert report["summary"] == {"files": 1, "entries": 2, "errors": 2, "warnings": 1}
    for finding in report["findings"]:
        assert list(finding) == ["path", "line", "context", "msgid", "check", "severity", "term", "message"]
    assert [(f["line"], f["context"], f["check"], f["severity"], f["term"]) for f in report["findings"]] == [
        (7, "abstract.p1.s1", "number-mismatch", "error", None),
        (7, "abstract.p1.s1", "number-mismatch", "error", None),
        (11, "abstract.p1.s2", "whitespace", "warning", None),
    ]
    assert report["findings"][0]["path"] == str(Path("translations") / "uk.po")


def test_only_and_exit_0(project, capsys):
    code, out, _ = run(capsys, "--format", "json", "--only", "term-missing,whitespace")
    assert code == 0
    assert [f["check"] for f in json.loads(out)["findings"]] == ["whitespace"]


def test_skip_and_unknown_ids_exit_2_listing_the_valid_ones(project, capsys):
    code, out, _ = run(capsys, "--format", "json", "--skip", "number-mismatch")
    assert code == 0 and [f["check"] for f in json.loads(out)["findings"]] == ["whitespace"]
    code, out, err = run(capsys, "--skip", "number-mismatch,nope")
    assert code == 2 and out == ""
    assert "unknown check id(s): nope (valid: term-missing," in err and "placeholders" in err


def test_glossary_finding_names_the_term(project, capsys):
    (project / "translations" / "ko.po").write_text(GOOD_PO.replace("북한과", "남한과"), encoding="utf-8")
    code, out, _ = run(capsys, "translations/ko.po", "--format", "json")
    assert code == 1
    (finding,) = json.loads(out)["findings"]
    assert (finding["check"], finding["term"]) == ("term-missing", "dprk")


def test_text_format_groups_by_file_and_entry_and_marks_the_span(project, capsys):
    code, out, _ = run(capsys)
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == str(Path("translations") / "uk.po")
    assert lines[1].startswith(f"  {Path('translations') / 'uk.po'}:7 [abstract.p1.s1]")
    assert "⟦250⟧" in out and "\x1b[" not in out
    assert lines[-1] == "2 errors, 1 warning in 1 file (2 entries checked)"


def test_explicit_files_and_glossary(project, capsys, tmp_path):
    good = tmp_path / "good.ko.po"
    good.write_text(GOOD_PO, encoding="utf-8")
    code, out, _ = run(capsys, str(good), "--glossary", str(project / "glossary" / "terms.csv"))
    assert code == 0
    assert out.strip() == "0 errors, 0 warnings in 1 file (1 entries checked)"


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["--only", "term-missing,spelling"], "unknown check id(s): spelling"),
        (["missing.po"], "missing.po: file not found"),
        (["--glossary", "nope.csv"], "nope.csv: file not found"),
    ],
)
def test_usage_errors_exit_2_with_nothing_on_stdout(project, capsys, args, fragment):
    code, out, err = run(capsys, "--format", "json", *args)
    assert code == 2 and out == ""
    assert fragment in err


def test_bad_po_and_bad_glossary_name_file_and_line(project, capsys):
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    (project / "translations" / "ko.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: ko\\n"\n\nmsgid "a\nmsgstr "b"\n', encoding="utf-8"
    )
    code, out, err = run(capsys, "--format", "json")
    assert (code, out) == (2, "")
    assert f"{Path('translations') / 'ko.po'}:5: PO syntax error" in err

    (project / "translations" / "ko.po").unlink()
    glossary = project / "glossary" / "terms.csv"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "empty-en,,порожньо,빈칸,,,,\n", encoding="utf-8")
    code, out, err = run(capsys, "--format", "json")
    lines = glossary.read_text(encoding="utf-8").splitlines()
    assert (code, out) == (2, "")
    assert f"terms.csv:{len(lines)}: term 'empty-en': empty 'en' cell" in err
    after = {p: p.read_bytes() for p in project.rglob("*") if p.is_file() and p.name != "terms.csv"}
    assert after == {p: b for p, b in before.items() if p.name != "terms.csv"}


def test_missing_language_header_is_exit_2(project, capsys):
    (project / "translations" / "uk.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain\\n"\n', encoding="utf-8"
    )
    code, out, err = run(capsys, "--format", "json")
    assert (code, out) == (2, "")
    assert "uk.po:1: missing 'Language' header" in err


def test_source_lang_option(project, capsys, tmp_path):
    po = tmp_path / "en.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgid "КНДР запустила ракети."\n'
        'msgstr "South Korea launched missiles."\n',
        encoding="utf-8",
    )
    glossary = tmp_path / "uk-en.csv"
    glossary.write_text("id,en,uk,ko\ndprk,DPRK|North Korea,КНДР,북한\n", encoding="utf-8")
    code, out, _ = run(
        capsys,
        str(po),
        "--source-lang",
        "uk",
        "--glossary",
        str(glossary),
        "--format",
        "json",
        "--only",
        "term-missing",
    )
    assert code == 1
    assert [f["term"] for f in json.loads(out)["findings"]] == ["dprk"]


def test_a_catalog_outside_any_project_is_checked_without_the_glossary(tmp_path, monkeypatch, capsys):
    """Like pofilter on any catalog: no termweave.toml, no glossary — every check but the term checks."""
    real = Path(__file__).resolve().parents[1] / "data" / "real-catalogs" / "django-5.2" / "uk.po"
    text = real.read_text(encoding="utf-8").replace("правильну %(protocol)s адресу", "правильну %(proto)s адресу")
    assert "%(proto)s" in text
    (tmp_path / "uk.po").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--format", "json", "uk.po"]) == 1
    captured = capsys.readouterr()
    assert "the term checks are skipped" in captured.err
    found = json.loads(captured.out)["findings"]
    assert any(f["check"] == "format" and "%(proto)s" in f["message"] for f in found)
    assert not any(f["check"].startswith("term-") for f in found)
    assert main(["check", "--glossary", "missing.csv", "uk.po"]) == 2  # a glossary asked for must exist
