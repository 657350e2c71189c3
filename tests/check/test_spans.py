"""Protected spans in markup, prose blanked of markup and placeholders, digits inside names,
month abbreviations and clock times, short foreign-script translations."""

from __future__ import annotations

import pytest

from termweave.patterns import digit_words, find_protected, markup_spans


@pytest.mark.parametrize(
    "text, spans",
    [
        ("see <https://x.org/a>.", ["https://x.org/a"]),
        (
            '<a href="https://docs.djangoproject.com/en/%(version)s/releases/" target="_blank">notes</a>',
            ["https://docs.djangoproject.com/en/%(version)s/releases/"],
        ),
        ('Section <a href="#s2b">2(b)</a>', ["#s2b"]),
        ("write to <editor@journal.org>", ["editor@journal.org"]),
        ("(https://doi.org/10.1000/xyz).", ["https://doi.org/10.1000/xyz"]),
    ],
)
def test_protected_spans_inside_markup_brackets_and_attributes(text, spans):
    assert [s.text for s in find_protected(text)] == spans


def test_markup_and_digit_words():
    text = '<a href="#" id="x">y</a> &#8212; ``code`` :ref:`z`'
    assert [text[start:end] for start, end in markup_spans(text)] == [
        '<a href="#" id="x">',
        "</a>",
        "&#8212;",
        "``code``",
        ":ref:`z`",
    ]
    assert [s.text for s in digit_words("IPv4 and EPUB3, G7, 21st, 3.5, Python3.12에서")] == [
        "IPv4",
        "EPUB3",
        "G7",
        "Python3.12",
    ]


def findings(check, lang, source, translation, only, flags=""):
    return [f.message for f in check(lang, [("s", source, translation, flags)], only=only)]


@pytest.mark.parametrize(
    "lang, source, translation, bad",
    [
        (
            "uk",
            'See <a href="https://example.org/docs">docs</a>.',
            'Див. <a href="https://example.org/doc">документи</a>.',
            True,
        ),
        (
            "uk",
            'See <a href="https://example.org/docs">docs</a>.',
            'Див. <a href="https://example.org/docs">документи</a>.',
            False,
        ),
        ("ko", "Mail <help@example.org>.", "<help@example.com>로 메일을 보내세요.", True),
        # Tags keep their names (a translated <코드> is no HTML); added emphasis is the translator's choice.
        ("ko", "Put <code>%(code)s</code> here", "여기에 <코드>%(code)s</코드>를 넣으세요", True),
        ("ko", "<h1>All modules</h1>", "<h5>모든 모듈</h5>", True),
        ("uk", "Put <code>%(code)s</code> here", "Вставте <i>сюди</i> <code>%(code)s</code>", False),
        ("ko", "(The <<original entry>> is located in %s)", "(<<원래 항목>>은 %s에 있습니다)", False),
        # A longer copy is not the same URL, nor is a DOI altered in one of its two mentions.
        ("uk", "Use it (see https://example.org/guide).", "Використайте (див. https://example.org/guides).", True),
        (
            "uk",
            "DOI 10.5281/zenodo.123 (doi:10.5281/zenodo.123)",
            "DOI 10.5281/zenodo.124 (doi:10.5281/zenodo.123)",
            True,
        ),
        # A Korean particle written onto a URL (also after a closing quote) is not part of it.
        (
            "ko",
            "See https://example.org/guide for details.",
            "자세한 내용은 https://example.org/guide에서 확인하십시오.",
            False,
        ),
        ("ko", "A URL starting with “https://”.", "“https://”와 같이 시작하는 URL.", False),
        ("ko", "See https://example.org/guide.", "https://example.org/guides에서 확인하십시오.", True),
    ],
)
def test_protected_altered_in_markup(check, lang, source, translation, bad):
    assert bool(findings(check, lang, source, translation, {"protected-altered"})) == bad


@pytest.mark.parametrize(
    "lang, source, translation, bad",
    [
        ("uk", "Supports IPv4 only", "Підтримує лише IPv6", True),
        ("ko", "Build EPUB3 files", "EPUB3 파일 빌드", False),
        ("ko", "Build EPUB3 files", "EPUB2 파일 빌드", True),
        ("ko", "Jan.", "1월", False),
        ("ko", "Sept.", "9월", False),
        ("ko", "Sept.", "8월", True),
        ("uk", "6 p.m.", "18:00", False),
        ("uk", "6 p.m.", "17:00", True),
        ("ko", "Decimal number", "10진수", False),
        ("ko", "0 of %(cnt)s selected", "%(cnt)s 중 아무것도 선택되지 않았습니다.", False),
        ("uk", "<h1>Title</h1> {0} items", "<h1>Заголовок</h1> {0} елементів", False),
    ],
)
def test_numbers_units_and_digits_in_names(check, lang, source, translation, bad):
    assert bool(findings(check, lang, source, translation, {"number-mismatch"})) == bad


@pytest.mark.parametrize(
    "lang, source, translation, bad",
    [
        ("uk", "Add another %(verbose_name)s", "Додати ще %(verbose_name)s", False),
        ("ko", "Invalid math_eqref_format: %r", "잘못된 math_eqref_format: %r", False),
        ("ko", "PostgreSQL extensions", "PostgreSQL 확장", False),
        ("ko", "Reset password", "パスワードをリセット", True),
        ("ko", "Reset password", "Сброс", True),
        ("uk", "Reset password", "비밀번호 재설정", True),
        ("uk", "Search", "検索", True),
        ("ko", "Raw binary data", "Raw binary data", True),
    ],
)
def test_wrong_language_ignores_placeholders_markup_and_copied_identifiers(check, lang, source, translation, bad):
    assert bool(findings(check, lang, source, translation, {"wrong-language"})) == bad


def test_quotes_of_html_attributes_are_not_prose(check):
    assert findings(check, "uk", 'Click <a href="#">here</a>', 'Натисніть <a href="#">тут</a>', {"quotes"}) == []
    assert findings(check, "uk", 'Click "here"', 'Натисніть "тут"', {"quotes"}) != []
