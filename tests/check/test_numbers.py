"""Numbers as values: patterns.find_number_values and the number-mismatch check."""

from __future__ import annotations

from decimal import Decimal

import pytest

from termweave.patterns import find_number_values, find_numbers, implied_numbers


def values(text, lang):
    return [sorted(map(str, t.values)) for t in find_number_values(text, lang)]


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("3.5 and 1,234 and 25", "en", [["3.5"], ["1234"], ["25"]]),
        ("3,5 та 1\u00a0234 та 1 234", "uk", [["3.5"], ["1234"], ["1234"]]),
        ("4.0", "uk", [["4.0"]]),
        ("2024–2025", "en", [["2024"], ["2025"]]),
        ("2024–25", "en", [["2024"], ["2025", "25"]]),
        ("2024년 6월", "ko", [["2024"], ["6"]]),
        ("5만 명", "ko", [["5", "50000"]]),
        ("5 тис. осіб", "uk", [["5", "5000"]]),
        ("24.02.2022", "uk", [["24"], ["2"], ["2022"]]),
        ("G7 and A4", "en", []),
    ],
)
def test_number_values(text, lang, expected):
    assert values(text, lang) == expected


def test_numbers_in_urls_and_dois_are_not_numbers():
    assert values("see https://doi.org/10.5281/zenodo.123 and 10.1000/xyz99 or 7", "en") == [["7"]]


def test_implied_numbers_from_english_words():
    assert implied_numbers("in June, the second half, World War II", "en") == {Decimal(6), Decimal(2)}
    assert Decimal(21) in implied_numbers("у ХХІ столітті", "uk")


def test_find_numbers_still_works():
    assert [s.text for s in find_numbers("In 2024, 1 234 troops; see https://x.org/5")] == ["2024", "1 234"]


def mismatches(check, source, translation, lang="uk"):
    return check(lang, [("s", source, translation)], only={"number-mismatch"})


def test_ukrainian_decimal_comma_and_grouping_are_the_same_values(check):
    assert (
        mismatches(
            check, "Growth of 3.5 percent and 1,234 troops.", "Зростання на 3,5 відсотка і 1\u00a0234 військових."
        )
        == []
    )


def test_changed_number_is_missing_and_extra(check):
    text = "Було запущено 250 ракет."
    findings = mismatches(check, "25 missiles were launched.", text)
    assert [f.message for f in findings] == [
        "number 25 of the source is missing from the translation",
        "number 250 is not in the source",
    ]
    assert all(f.severity == "error" for f in findings)
    assert text[findings[1].span[0] : findings[1].span[1]] == "250"


def test_english_grouping_left_in_ukrainian_reads_as_a_decimal(check):
    findings = mismatches(check, "1,234 troops.", "1,234 військових.")
    assert len(findings) == 2


def test_years_and_ranges(check):
    assert mismatches(check, "in 2024–2025", "у 2024–2025 роках") == []
    assert mismatches(check, "in 2024–25", "у 2024–2025 роках") == []
    assert len(mismatches(check, "in 2024–2025", "у 2024–2026 роках")) == 2


def test_korean_dates_and_units(check):
    assert mismatches(check, "In June 2024, 50,000 troops.", "2024년 6월에 5만 명의 병력.", "ko") == []
    assert mismatches(check, "in the 21st century", "21세기에", "ko") == []


def test_roman_century_in_ukrainian(check):
    assert mismatches(check, "in the 21st century", "у ХХІ столітті") == []


def test_a_dropped_number_is_reported(check):
    (finding,) = mismatches(check, "In 2024, 3 states signed.", "Держави підписали у 2024 році.")
    assert finding.message == "number 3 of the source is missing from the translation"


def test_number_symbols_table_agrees_with_babel():
    from babel.numbers import get_decimal_symbol, get_group_symbol

    from termweave.patterns import CLDR_NUMBER_SYMBOLS

    for lang, (decimal, group) in CLDR_NUMBER_SYMBOLS.items():
        assert (get_decimal_symbol(lang), get_group_symbol(lang)) == (decimal, group)


def test_scan_friendly_patterns_match_their_plain_forms():
    """The clock-time and Roman-numeral patterns put their look-behind after the first character
    (so that the regex engine scans for it); they must find exactly what the plain forms find."""
    import random
    import re

    from termweave import patterns

    plain = {
        patterns._CLOCK_RE: re.compile(r"\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s?m\b\.?", re.I),
        patterns._ROMAN_RE: re.compile(r"(?<![^\W\d_])[IVXLC]{1,7}(?![^\W\d_])"),
        re.compile(patterns._ROMAN_UK): re.compile(r"(?<![^\W\d_])[IVXLCІХС]{1,7}(?=\s*(?:ст|сторіч|століт|тис))"),
    }
    rnd = random.Random(9)
    alphabet = "IVXLCІХСivxc a12345670:.pmPMст тисé_-"
    texts = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 16))) for _ in range(20000)]
    texts += ["World War II and XXI ст.", "at 6 p.m., 10:30 a.m.", "ХХІ століття", "IPv4 3p.m. aII"]
    for fast, slow in plain.items():
        spans = lambda pattern, text: [(m.span(), m.groups()) for m in pattern.finditer(text)]  # noqa: E731
        assert [t for t in texts if spans(fast, t) != spans(slow, t)] == []
        assert any(spans(fast, t) for t in texts)


def test_letter_before_digit_found_either_way():
    """number-mismatch looks for a letter before a digit by scanning for the letter (most texts)
    or, in ASCII text, for the digit: both find the same texts."""
    import random

    from termweave.check import checks

    rnd = random.Random(4)
    texts = ["".join(rnd.choice("aZ_-5 .é9") for _ in range(rnd.randint(0, 8))) for _ in range(5000)]
    texts += ["IPv4", "EPUB 3", "utf-8", "Python3.12", "G7", "№5", "рік 2024"]
    found = [t for t in texts if checks._BEFORE_DIGIT_RE.search(t)]
    assert found and found == [t for t in texts if checks._DIGIT_AFTER_LETTER_RE.search(t)]


@pytest.mark.parametrize(
    "source, translation, lang",
    [
        ("The 3 chapters of the report", "Три розділи звіту", "uk"),
        ("Select 2 items", "Виберіть два елементи", "uk"),
        ("In the 1st and 3rd chapters", "У першому і третьому розділах", "uk"),
        ("Talks with 5 states", "Переговори з пʼятьма державами", "uk"),
        ("Talks with 5 states", "Переговори з п’ятьма державами", "uk"),
        ("The 7th round of sanctions", "Сьомий пакет санкцій", "uk"),
        ("the 11th session", "на одинадцятій сесії", "uk"),
        ("The invasion began on 24.02.2022.", "Вторгнення почалося 24 лютого 2022 року.", "uk"),
        ("Signed on 2024-06-19.", "Підписано 19 червня 2024 року.", "uk"),
        ("Adopted on 30/11/2026.", "Ухвалено 30 листопада 2026 року.", "uk"),
        ("The 3 chapters of the report", "보고서의 세 개의 장", "ko"),
        ("The 1st chapter", "첫 번째 장", "ko"),
        ("12 delegates attended.", "대표 열두 명이 참석하였다.", "ko"),
        ("on the 2nd day", "둘째 날에", "ko"),
    ],
)
def test_a_translation_may_write_a_number_or_an_ordinal_in_words(check, source, translation, lang):
    assert mismatches(check, source, translation, lang) == []


@pytest.mark.parametrize(
    "source, translation, lang",
    [
        ("The 4th chapter", "Пʼятий розділ", "uk"),  # fifth
        ("Select 2 items", "Виберіть три елементи", "uk"),
        ("The invasion began on 24.02.2022.", "Вторгнення почалося 24 березня 2022 року.", "uk"),  # March
        ("The 3 chapters", "네 개의 장", "ko"),  # four
        ("1 state signed.", "한국이 서명하였다.", "ko"),  # 한 of 한국 is no number
        ("3 states signed.", "세계가 서명하였다.", "ko"),  # nor 세 of 세계
    ],
)
def test_number_words_of_another_value_do_not_stand_in(check, source, translation, lang):
    (finding,) = mismatches(check, source, translation, lang)
    assert "missing from the translation" in finding.message
