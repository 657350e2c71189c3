"""untranslated, fuzzy, unchanged, quotes, whitespace; obsolete and plural entries."""

from __future__ import annotations

import pytest

from termweave.check import run_checks


def checks_of(findings):
    return [(f.context, f.check, f.severity) for f in findings]


def test_untranslated_entry_gets_only_that_finding(check):
    findings = check("uk", [("s", "The DPRK signed 3 treaties.", "")])
    assert checks_of(findings) == [("s", "untranslated", "error")]


def test_fuzzy_is_an_error_and_the_draft_is_still_checked(check):
    findings = check("uk", [("s", "The DPRK signed 3 treaties.", "Південна Корея підписала 4 договори.", "fuzzy")])
    assert checks_of(findings) == [
        ("s", "term-missing", "error"),
        ("s", "number-mismatch", "error"),
        ("s", "number-mismatch", "error"),
        ("s", "fuzzy", "error"),
    ]


def test_unchanged_is_a_warning_with_exemptions(check):
    findings = check(
        "uk",
        [
            ("a", "NATO", "NATO"),
            ("doi", "https://doi.org/10.5281/zenodo.1", "https://doi.org/10.5281/zenodo.1"),
            ("copyright", "Copyright (c) 2026 Jane Doe", "Copyright (c) 2026 Jane Doe"),
            ("repo", "Zenodo", "Zenodo"),
        ],
        only={"unchanged"},
    )
    assert checks_of(findings) == [("a", "unchanged", "warning")]


@pytest.mark.parametrize(
    "lang, text, bad",
    [
        ("uk", "Це «гарматне мʼясо» і «війна „на виснаження“»", None),
        ("uk", "Його м’яч і об'єкт", None),
        ("uk", 'Це "гарматне мʼясо"', '"'),
        ("uk", "Це “гарматне мʼясо”", "“"),
        ("uk", "Це ‘гарматне мʼясо’", "‘"),
        ("uk", "Це «війна „на виснаження”»", "”"),
        ("ko", "‘자원 대 기술’의 교환과 “직접 인용”", None),
        ("ko", '"자원 대 기술"의 교환', '"'),
        ("ko", "«자원 대 기술»의 교환", "«"),
        ("ko", "'자원 대 기술'의 교환", "'"),
        ("ko", "『전쟁과 평화』", None),
        # Other languages: CLDR's marks (the check used English “…” for every one of them).
        ("de", "Das „Bündnis der Schurken“ und ‚Kanonenfutter‘", None),
        ("de", "Das “Bündnis der Schurken”", "”"),
        ("fr", "Une « alliance des méchants »", None),
        ("fr", 'Une "alliance des méchants"', '"'),
        ("pl", "„Sojusz złoczyńców” i «mięso armatnie»", None),
        ("sw", '"muungano" na “muungano”', None),  # no CLDR delimiters known here: not checked
    ],
)
def test_quotation_marks(check, lang, text, bad):
    findings = check(lang, [("s", "A ‘quoted’ phrase", text)], only={"quotes"})
    if bad is None:
        assert findings == []
    else:
        (finding,) = findings
        assert finding.severity == "warning"
        assert text[finding.span[0] : finding.span[1]] == bad


@pytest.mark.parametrize(
    "source, translation, problems",
    [
        ("Two words", "Два слова", []),
        ("Two words", "Два  слова", ["double space"]),
        ("Two words", " Два слова", ["leading whitespace differs from the source"]),
        ("Two words", "Два слова ", ["trailing whitespace differs from the source"]),
        ("Line\n", "Рядок\n", []),
        ("Line\n", "Рядок", ["trailing whitespace differs from the source"]),
        ("Two  spaced", "Два  пробіли", []),
        # Every space str.strip() takes counts, the em space and the ideographic one as much as ' '.
        ("Save file", "\u2003Зберегти файл", ["leading whitespace differs from the source"]),
        ("Save file", "Зберегти файл\u3000", ["trailing whitespace differs from the source"]),
        ("\u2003Save file", "\u2003Зберегти файл", []),
        # No-break spaces doubled (with each other or with a space) are a double space too.
        ("Two words", "Два\u00a0\u00a0слова", ["double space"]),
        ("Two words", "Два\u202f слова", ["double space"]),
        ("1 000 words", "1\u00a0000 слів", []),
    ],
)
def test_whitespace(check, source, translation, problems):
    findings = check("uk", [("s", source, translation)], only={"whitespace"})
    assert [f.message for f in findings] == problems
    assert all(f.severity == "warning" for f in findings)


def test_obsolete_entries_are_not_checked(write_po, glossary):
    path = write_po("uk", [("s", "Hello", "Привіт")])
    path.write_text(
        path.read_text(encoding="utf-8") + '\n#~ msgid "The DPRK signed 3 treaties."\n#~ msgstr ""\n', encoding="utf-8"
    )
    report = run_checks([path], glossary)
    assert report.entries == 1 and report.findings == []


def test_plural_forms_are_each_checked(write_po, glossary, tmp_path):
    path = tmp_path / "uk.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Language: uk\\n"\n"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : '
        'n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n'
        'msgid "%d sanction"\nmsgid_plural "%d sanctions"\n'
        'msgstr[0] "%d санкція"\nmsgstr[1] "%d санкції"\nmsgstr[2] ""\n',
        encoding="utf-8",
    )
    report = run_checks([path], glossary)
    assert [f.check for f in report.findings] == ["untranslated"]
