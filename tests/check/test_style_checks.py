"""ko-range and uk-euphony: warnings where the letters alone decide, silence elsewhere."""

from __future__ import annotations

import pytest

from termweave.lang.uk_euphony import euphony_issues


def flagged(text: str) -> list[tuple[str, str]]:
    """(the word as written, the form the rule wants) for each euphony finding."""
    return [(text[i.start : i.end], i.wanted) for i in euphony_issues(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # і after a vowel, before a consonant → й
        ("Угоду підписали міністри оборони і закордонних справ.", [("і", "й")]),
        ("Змова проти Заходу і загроза світовій безпеці.", [("і", "й")]),
        # й after a consonant → і (before a consonant or before a vowel)
        ("Тиск посилили Вашингтон й Брюссель.", [("й", "і")]),
        ("Уряд ухвалив закон й оприлюднив його.", [("й", "і")]),
        ("До зустрічі долучилися Польща й Японія.", [("й", "і")]),  # й before я → і
        # у between vowels → в
        ("Делегація прибула у Афіни напередодні саміту.", [("у", "в")]),
        # в between consonants → у; в before в or ф → у
        ("Переговори тривали тиждень в Стамбулі.", [("в", "у")]),
        ("Посольство відкрилося в Вашингтоні.", [("в", "у")]),
        ("Конференція відбулася в Франції.", [("в", "у")]),
        # two in one sentence
        ("Ця позиція і теза автора важлива, а дослідження тривало рік в Польщі й Литві.", [("і", "й"), ("в", "у")]),
    ],
)
def test_euphony_fires(text, expected):
    assert flagged(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Змова проти Заходу й загроза світовій безпеці.",  # the correct form
        "Пальне і, що найважливіше, технології.",  # a pause after і: і stays
        "Держава, і тільки вона, відповідає за це.",  # a pause before і
        "Мова і юриспруденція в одному курсі.",  # before ю: і
        "Ракети і артилерія, брат і сестра, союз і Америка.",  # і after a consonant or before a vowel
        "Вона була в Одесі, а він у Києві.",  # в between vowels, у after a consonant
        "Союз остаточно сформувався у 2024–2025 роках.",  # a number: the letters do not decide
        "Співпраця КНДР і Росії, США і Китаю.",  # acronyms are read letter by letter
        "Статтю опубліковано в Nature і Science.",  # Latin words
        "Мета полягає у створенні альтернативного центру сили.",  # у before ств-: a cluster rule
        "І Київ, і Варшава заявили про це. У вересні переговори відновилися.",  # sentence-initial
        "Водночас Китай відіграє особливу, хоча й завуальовану, роль у формуванні тріади.",
        "Їхні взаємини побудовано на обміні «ресурсів на технології» й знань.",  # а quote closes the word
    ],
)
def test_euphony_stays_silent(text):
    assert flagged(text) == []


def test_checks_report_warnings_through_the_runner(check):
    findings = check(
        "uk",
        [
            ("a", "The conspiracy against the West and a threat.", "Змова проти Заходу і загроза."),
            ("b", "The conspiracy against the West and a threat.", "Змова проти Заходу й загроза."),
        ],
        only={"uk-euphony"},
    )
    assert [(f.context, f.check, f.severity) for f in findings] == [("a", "uk-euphony", "warning")]
    assert "й" in findings[0].message


@pytest.mark.parametrize(
    "text, bad",
    [
        ("2024–2025년에 최종적으로 형성되었다.", "–"),
        ("제1—3장에서 다룬다.", "—"),
        ("2024 – 2025년 사이의 변화", " – "),
        ("2024~2025년에 최종적으로 형성되었다.", None),
        ("2024-2025년에 형성되었다.", None),  # the 붙임표 is admitted
        ("우크라이나 전쟁 – 러시아의 침략 – 이 계속되었다.", None),  # a dash between words
        ("자세한 내용은 https://example.org/a–1/2 참조.", None),  # digits inside a URL
    ],
)
def test_korean_range(check, text, bad):
    findings = check("ko", [("s", "from 2024 to 2025", text)], only={"ko-range"})
    if bad is None:
        assert findings == []
    else:
        (finding,) = findings
        assert finding.severity == "warning" and text[finding.span[0] : finding.span[1]] == bad


def test_range_check_is_korean_only(check):
    assert check("uk", [("s", "in 2024–2025", "у 2024–2025 роках")], only={"ko-range"}) == []
