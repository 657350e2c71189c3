"""The checks' PO reader: what it keeps, and bad input named by file and line."""

from __future__ import annotations

import pytest

from termweave.check.catalog import load_catalog
from termweave.errors import InputError

HEADER = 'msgid ""\nmsgstr ""\n"Language: uk\\n"\n"X-Source-Language: en\\n"\n\n'


def write(tmp_path, text, name="uk.po"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_entries_lines_escapes_flags(tmp_path):
    path = write(
        tmp_path,
        HEADER
        + (
            "#. glossary dprk\n"
            "#: seeds/a.txt:3\n"
            "#, fuzzy, python-format\n"
            'msgctxt "abstract.p1.s1"\n'
            'msgid ""\n'
            '"A \\"quoted\\" line\\n"\n'
            '"and more"\n'
            'msgstr "Рядок\\tі ще"\n'
            "\n"
            '#~ msgid "old"\n'
            '#~ msgstr "старе"\n'
            "\n"
            'msgid "plain"\n'
            'msgstr "просто"\n'
        ),
    )
    catalog = load_catalog(path)
    assert (catalog.language, catalog.source_lang) == ("uk", "en")
    first, second = catalog.entries
    assert (first.line, first.msgctxt, first.msgid, first.msgstr, first.fuzzy) == (
        10,
        "abstract.p1.s1",
        'A "quoted" line\nand more',
        "Рядок\tі ще",
        True,
    )
    assert (second.line, second.msgctxt, second.fuzzy) == (18, None, False)
    assert "python-format" in first.flags and "fuzzy" in first.flags and not second.flags


def test_plural_entry(tmp_path):
    path = write(tmp_path, HEADER + 'msgid "one"\nmsgid_plural "many"\nmsgstr[0] "a"\nmsgstr[1] "b"\nmsgstr[2] "c"\n')
    (entry,) = load_catalog(path).entries
    assert entry.pairs() == [("one", "a"), ("many", "b"), ("many", "c")]


@pytest.mark.parametrize(
    "body, line, words",
    [
        ('msgid "a"\nmsgstr "b\n', 7, "unterminated string"),  # the line with the broken string
        ('msgid "a"\nmsgstr "b"\nhello world\n', 8, "unexpected text"),
        ('msgid "a"\n\nmsgid "b"\nmsgstr "c"\n', 6, "incomplete entry"),
        ('msgstr "b"\n', 6, "msgstr out of place"),
        ('msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n', 9, "duplicate"),
    ],
)
def test_syntax_errors_name_the_line(tmp_path, body, line, words):
    path = write(tmp_path, HEADER + body)
    with pytest.raises(InputError) as caught:
        load_catalog(path)
    assert caught.value.line == line and caught.value.path == str(path)
    assert words in caught.value.message


def test_missing_and_unknown_language(tmp_path):
    with pytest.raises(InputError) as caught:
        load_catalog(write(tmp_path, 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'))
    assert "Language" in caught.value.message and caught.value.line == 1
    with pytest.raises(InputError) as caught:
        load_catalog(write(tmp_path, 'msgid ""\nmsgstr ""\n"Language: xx-klingon\\n"\n'))
    assert caught.value.line == 3


def test_source_language_option_header_default(tmp_path):
    path = write(tmp_path, 'msgid ""\nmsgstr ""\n"Language: en\\n"\n"X-Source-Language: uk\\n"\n')
    assert load_catalog(path).source_lang == "uk"
    assert load_catalog(path, source_lang="ko").source_lang == "ko"
    plain = write(tmp_path, 'msgid ""\nmsgstr ""\n"Language: uk_UA\\n"\n', "plain.po")
    assert (load_catalog(plain).source_lang, load_catalog(plain).language) == ("en", "uk")


def test_not_utf8(tmp_path):
    path = tmp_path / "uk.po"
    path.write_bytes(HEADER.encode() + b'msgid "a"\nmsgstr "\xff"\n')
    with pytest.raises(InputError) as caught:
        load_catalog(path)
    assert caught.value.line == 7  # the msgstr line
