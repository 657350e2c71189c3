"""Check.needs and Check.candidates: the runner calls a check only on the pairs (entries) that
have what it needs, found for a whole batch at once. That must never change a finding."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from termweave.check import run_checks
from termweave.check.catalog import load_catalog
from termweave.check.needs import PROBE, Joined
from termweave.check.registry import Check, all_checks
from termweave.check.spans import blank
from termweave.check.style import _RANGE_MARK_RE
from termweave.glossary import load_glossary
from termweave.lang.house_style import DASHES
from termweave.lang.uk_euphony import ONE_LETTER_WORD_RE, euphony_issues
from termweave.patterns import PROTECTED_MARKS, maybe_protected

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "tests" / "data" / "real-catalogs"
CATALOGS = [
    REAL / "django-5.2" / "uk.po",
    REAL / "django-5.2" / "ko.po",
    REAL / "sphinx-7.4.7" / "uk_UA.po",
    REAL / "sphinx-7.4.7" / "ko.po",
]
# What the real catalogs lack: altered URLs, DOIs, e-mail addresses and tags, dashed Korean ranges,
# glossary terms, English left in a Korean catalog, house style.
ALTERED = {
    "uk": [
        (None, "See https://example.org/guide.", "Див. https://example.org/guides."),
        (None, "Write to <b>WWW.Example.org</b>", "Пишіть на www.example.org"),
        (None, "DOI 10.1000/xyz and a@b.org", "DOI 10.1000/xyz і a@b.ua"),
        (None, "In 2024 and 2025", "У 2024 і 2026 роках"),
        (None, "A “quoted” word", "Слово “в лапках”"),
        (None, "Delete %(name)s?", "Видалити %(name)d?", "python-format"),
        (None, "Save {count} files", "Зберегти файли"),
        (None, "A draft", "Чернетка", "fuzzy"),
        (None, "Copyright © 2024 A. Author", "© 2024 А. Автор"),
        (None, "Licensed under CC BY 4.0", "Ліцензія CC BY-SA 4.0"),
        (None, "PostgreSQL", "PostgreSQL"),
        (None, "Putin said so", "Він так сказав"),
        (None, "Putin", "Путин"),
        (None, "Trailing", "Кінцевий "),
        (None, "War - peace", "Війна — мир"),
    ],
    "ko": [
        (None, "From 2024 to 2025", "2024–2025년"),
        (None, '<a href="/x">Link</a>', "<a>링크</a>"),
        (None, "This sentence stayed in English", "This sentence stayed in English"),
        ("abstract/keywords", "Korea; war.", "한국; 전쟁."),
    ],
}


PLURAL = """
msgid "%(n)s file"
msgid_plural "%(n)s files"
msgstr[0] "%(n)s файл"
msgstr[1] "%(n)s файли"
"""


def test_needs_and_candidates_change_no_finding(monkeypatch, write_po):
    glossary = load_glossary(ROOT / "glossary" / "terms.csv", required_languages=("en",))
    paths = CATALOGS + [write_po(lang, entries) for lang, entries in ALTERED.items()]
    paths[-2].write_text(paths[-2].read_text(encoding="utf-8") + PLURAL, encoding="utf-8")  # uk: 2 of 4 forms
    found = run_checks(paths, glossary, jobs=1).findings
    checks = all_checks().values()
    needing = {cls for cls in checks if cls.needs is not None}
    picking = {cls for cls in checks if cls.candidates is not Check.candidates}
    assert {cls.id for cls in needing} == {"number-mismatch", "protected-altered", "quotes", "uk-euphony", "ko-range"}
    assert {cls.id for cls in picking} == {
        *("untranslated", "fuzzy", "unchanged", "attribution-altered", "format", "plurals"),
        *("term-missing", "term-forbidden", "wrong-language", "whitespace", "house-style", "placeholders"),
    }
    for cls in needing:
        monkeypatch.setattr(cls, "needs", None)
    for cls in picking:
        monkeypatch.setattr(cls, "candidates", Check.candidates)
    everywhere = run_checks(paths, glossary, jobs=1).findings
    assert found == everywhere
    assert {f.check for f in found} >= {cls.id for cls in needing | picking}  # each of them finds something here


def test_joined_texts_give_the_positions_of_the_texts_that_have_it():
    texts = ["a1", "", "b", "22x", "\0c3", "d"]
    joined = Joined.of(texts)
    assert joined.matching(re.compile(r"\d")) == [0, 3, 4]
    assert joined.containing(("b", "x", "d", "zz")) == [2, 3, 5]
    assert joined.containing(("a",)) == [0]
    assert Joined.of([]).matching(re.compile("a")) == []


def test_a_search_gives_up_when_half_the_texts_have_it():
    some = ["1" if n % 5 == 0 else "-" for n in range(10 * PROBE)]
    assert Joined.of(some).matching(re.compile(r"\d")) == list(range(0, 10 * PROBE, 5))
    most = ["1" if n % 3 else "-" for n in range(10 * PROBE)]
    assert Joined.of(most).matching(re.compile(r"\d")) is None


def _texts():
    for path in CATALOGS:
        for entry in load_catalog(path).entries:
            yield entry.msgid
            yield from (s for s in [entry.msgstr, *entry.msgstr_plural] if s)
    yield from ("WWW.example.org", "see wWw.x.ua", "mail: a@b.c", "doi 10.1000/x", 'src="x"', "ftp://x")


def test_the_marks_of_needs_stand_wherever_the_checks_own_tests_pass():
    for text in _texts():
        if maybe_protected(text):
            assert any(mark in text for mark in PROTECTED_MARKS), text
        wants_euphony = " і " in text or " й " in text or " у " in text or " в " in text
        assert wants_euphony == bool(ONE_LETTER_WORD_RE.search(text)), text
        if euphony_issues(text):
            assert wants_euphony
    assert set(DASHES) <= set(_RANGE_MARK_RE.pattern)  # house-style's one test covers its dashes


@pytest.mark.parametrize(
    "spans", [[], [(2, 5)], [(0, 3), (2, 6)], [(7, 9), (1, 2)], [(1, 8), (2, 3)], [(3, 3), (0, 1), (0, 1)]]
)
def test_blank_turns_exactly_the_spans_into_spaces(spans):
    text = "abcdefghij"
    inside = {i for a, b in spans for i in range(a, b)}
    assert blank(text, spans) == "".join(" " if i in inside else c for i, c in enumerate(text))
