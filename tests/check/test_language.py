"""wrong-language: script evidence first, lingua only when it cannot decide."""

from __future__ import annotations

import pytest

from termweave.lang.detect import LanguageGuard


@pytest.fixture(scope="module")
def guard():
    return LanguageGuard()


@pytest.mark.parametrize(
    "text",
    [
        "Автор доводить, що обидві держави утворили союз.",
        "Наша мета — показати, що союз має значення для всього регіону.",  # no і/ї/є
        "Анотація",
        "Ключові слова",
        "Путін",
        "Ця робота ліцензується на умовах Creative Commons «Із Зазначенням Авторства 4.0 Міжнародна».",
    ],
)
def test_correct_ukrainian_is_not_flagged(guard, text):
    assert guard.wrong_language(text, "uk") is None


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("Экономика России выросла на три процента.", "Russian"),
        ("Она сказала, что договор подписан, но детали остаются секретными до сих пор.", "Russian"),
        ("The alliance was formed against the West.", "not Ukrainian"),
    ],
)
def test_russian_or_english_in_a_ukrainian_catalog(guard, text, fragment):
    message = guard.wrong_language(text, "uk")
    assert message is not None and fragment in message


def test_korean_with_latin_names_passes_and_english_fails(guard):
    assert guard.wrong_language("이 저작물은 CC BY 4.0 라이선스를 따른다.", "ko") is None
    assert guard.wrong_language("초록", "ko") is None
    assert guard.wrong_language("Keywords", "ko") is None  # too short to judge
    assert "not Korean" in guard.wrong_language("Alliance of villains: a threat to world security", "ko")


def test_script_evidence_does_not_load_lingua():
    fresh = LanguageGuard()
    fresh.wrong_language("Автор доводить, що обидві держави утворили союз.", "uk")
    fresh.wrong_language("Экономика России выросла.", "uk")
    fresh.wrong_language("북한과 러시아의 동맹", "ko")
    assert fresh.model_calls == 0 and fresh.load_seconds is None


def test_wrong_language_check_ignores_urls_and_dnt_terms_and_copyright(check):
    findings = check(
        "ko",
        [
            ("doi", "https://doi.org/10.5281/zenodo.20391772", "https://doi.org/10.5281/zenodo.20391772"),
            ("copyright", "Copyright (c) 2026 Jane Doe", "Copyright (c) 2026 Jane Doe"),
            ("title", "Alliance of villains and the world order", "Alliance of villains and the world order"),
        ],
        only={"wrong-language"},
    )
    assert [(f.context, f.check, f.severity) for f in findings] == [("title", "wrong-language", "error")]


def test_script_shortcut_characters_hold_no_letter():
    """The shortcut that settles a text of one script's letters by a plain character set relies on
    its "neutral" characters being no letter (nor a number character such as ² or Ⅻ) in any script."""
    import re

    from termweave.lang.detect import _NEUTRAL

    neutral = re.compile(f"[{_NEUTRAL}]")
    letter = re.compile(r"[^\W\d_]")
    inside = [chr(i) for i in range(0x3000) if neutral.match(chr(i))]  # the set ends before U+2030
    assert len(inside) > 100 and "«" in inside and "a" not in inside
    assert [c for c in inside if letter.match(c)] == []


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        ("Дата народження – 5 травня 2024 р.", "uk", False),  # the shortcut: Cyrillic and neutral only
        ("Автор — «Python³» (№ 5)", "uk", False),  # ³ and № fall back to the letter classes
        ("Это решение было принято вчера вечером на собрании.", "uk", True),
        ("2024년 6월 – 결과", "ko", False),
        ("パスワードをリセット", "ko", True),
        ("Reset the password for this account now", "ko", True),
    ],
)
def test_script_shortcut_agrees_with_the_letter_classes(guard, text, lang, flagged):
    assert (guard.wrong_language(text, lang) is not None) is flagged
