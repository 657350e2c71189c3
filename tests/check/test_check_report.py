"""CheckReport: counts, JSON, text rendering with colour on a terminal."""

from __future__ import annotations

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


def test_text_is_coloured_only_when_asked():
    report = CheckReport([finding("quotes", "warning", (0, 3))], files=1, entries=1)
    plain = render_text(report)
    coloured = render_text(report, color=True)
    assert "⟦Пер⟧еклад" in plain and "\x1b[" not in plain
    assert "\x1b[7mПер\x1b[0m" in coloured and "\x1b[33m" in coloured


def test_excerpt_shortens_long_text():
    text = "x" * 100 + "ERR" + "y" * 100
    assert excerpt(text, (100, 103), color=False) == "…" + "x" * 30 + "⟦ERR⟧" + "y" * 30 + "…"
