"""CheckReport: counts, JSON, text rendering with colour on a terminal."""

from __future__ import annotations

import json

from termweave.check import run_checks
from termweave.check.report import CheckReport, Finding, excerpt, render_text


def finding(check, severity, span=None, line=3):
    return Finding("uk.po", line, "title", "Source", check, severity, None, "message", span, "Переклад тут")


def test_counts_and_json():
    report = CheckReport([finding("fuzzy", "error"), finding("quotes", "warning", (0, 3))], files=1, entries=5)
    assert (report.errors, report.warnings, report.exit_code) == (1, 1, 1)
    data = report.to_json()
    assert data["summary"] == {"files": 1, "entries": 5, "errors": 1, "warnings": 1}
    assert "span" not in data["findings"][0] and "msgstr" not in data["findings"][0]
    assert CheckReport([finding("quotes", "warning")], 1, 1).exit_code == 0
    assert list(report.by_context()) == [("uk.po", "title")]


def test_json_text_is_json_dumps_indented(tmp_path):
    """The CLI's JSON (built from json's C string encoder) is what json.dumps(indent=2) writes:
    on a real run's findings (a check of a catalog with odd strings) and on an empty report."""
    po = tmp_path / "uk.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: uk\\n"\n\n'
        'msgctxt "a\\"b"\nmsgid "Tab\\there 1 «x» \\\\ €"\nmsgstr "Таб\\tтут 2 \\"x\\""\n\n'
        'msgid "Fresh"\nmsgstr ""\n',
        encoding="utf-8",
    )
    report = run_checks([po], None)
    assert {f.check for f in report.findings} >= {"number-mismatch", "untranslated", "quotes"}
    assert report.to_json_text() == json.dumps(report.to_json(), ensure_ascii=False, indent=2)
    empty = CheckReport([], files=0, entries=0)
    assert empty.to_json_text() == json.dumps(empty.to_json(), ensure_ascii=False, indent=2)
    for size in (1, 2, 3):  # the pieces the CLI writes, whatever their size, make the same text
        assert "".join(report.json_pieces(findings_per_piece=size)) == report.to_json_text()
        assert "".join(empty.json_pieces(findings_per_piece=size)) == empty.to_json_text()


def test_text_is_coloured_only_when_asked():
    report = CheckReport([finding("quotes", "warning", (0, 3))], files=1, entries=1)
    plain = render_text(report)
    coloured = render_text(report, color=True)
    assert "⟦Пер⟧еклад" in plain and "\x1b[" not in plain
    assert "\x1b[7mПер\x1b[0m" in coloured and "\x1b[33m" in coloured


def test_excerpt_shortens_long_text():
    text = "x" * 100 + "ERR" + "y" * 100
    assert excerpt(text, (100, 103), color=False) == "…" + "x" * 30 + "⟦ERR⟧" + "y" * 30 + "…"


def test_a_run_collects_garbage_less_often_and_restores_the_collector(tmp_path):
    """run_checks raises the collector's first threshold for its span only (also when it fails)."""
    import gc

    import pytest

    from termweave.collector import GC_THRESHOLD, fewer_collections
    from termweave.errors import InputError

    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold() == (GC_THRESHOLD, *before[1:])
    assert gc.get_threshold() == before
    bad = tmp_path / "bad.po"
    bad.write_text('msgid "a"\nmsgstr "b"\n', encoding="utf-8")  # no Language header
    with pytest.raises(InputError):
        run_checks([bad], None)
    assert gc.get_threshold() == before
