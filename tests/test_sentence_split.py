"""Per-language sentence splitting: abbreviations, initials, dates; nothing lost at a boundary."""

from __future__ import annotations

from pathlib import Path

import pytest

from termweave.lang.split import load_labelled, splitter_for
from termweave.segment import parse_seed_text

DATA = Path(__file__).resolve().parent / "data" / "sentences"


@pytest.fixture(scope="module")
def split():
    splitters = {lang: splitter_for(lang) for lang in ("en", "uk", "ko")}
    return lambda lang, text: splitters[lang].split(text)


@pytest.mark.parametrize(
    "lang, sentences",
    [
        (
            "uk",
            [
                "Війна у 2024–2025 рр. змінила баланс сил у регіоні, а т. зв. «нейтральні» держави, напр. Індія, "
                "посилили торгівлю з Москвою (див. розд. 2).",
                "Нині ж ідеться про 11 тис. військових.",
                "Про це писав ще проф. В. А. Смолій у 2019 р.",
            ],
        ),
        (
            "uk",
            [
                "Згідно зі ст. 4 договору від 19 черв. 2024 р. сторони надають допомогу негайно.",
                "Чи виконають вони це зобовʼязання?",
            ],
        ),
        (
            "en",
            [
                "As R. O. Keohane (1984, p. 51) argued, regimes matter, e.g. in arms control.",
                "Dr. Park disagrees.",
                "Her data (approx. 2,400 cases, i.e. all since 1991) say otherwise.",
            ],
        ),
        (
            "ko",
            [
                "양국은 2024. 6. 19. 조약에 서명하였다.",
                "Cha et al.(2024, p. 7)은 이를 ‘동맹의 부활’이라 부른다.",
                "그렇다면 이 동맹은 얼마나 지속될 것인가?",
            ],
        ),
    ],
)
def test_splits_at_real_boundaries_only(split, lang, sentences):
    assert split(lang, " ".join(sentences)) == sentences


@pytest.mark.parametrize("lang", ["uk", "ko"])
def test_a_split_is_undone_only_where_the_next_piece_cannot_start_a_sentence(split, lang):
    text = {"uk": "Обсяг зріс на 5 %. А от ціни впали.", "ko": "교역은 늘었다. 그러나 가격은 떨어졌다."}[lang]
    assert len(split(lang, text)) == 2


def test_rejoined_sentences_give_back_every_labelled_paragraph(split):
    for lang in ("en", "uk", "ko"):
        for text, _gold in load_labelled(DATA / f"{lang}.txt")[:25]:
            sentences = split(lang, text)
            assert " ".join(sentences) == text, (lang, text)


def test_language_without_a_dedicated_splitter_falls_back_to_a_general_one():
    assert splitter_for("uk-UA").engine == "tokenize-uk" and splitter_for("ko").engine == "kiwi"
    fallback = splitter_for("sw")
    assert fallback.engine == "sentencex"
    assert fallback.split("Mkataba ulisainiwa mwaka 2024. Pande zote mbili zilikubali.") == [
        "Mkataba ulisainiwa mwaka 2024.",
        "Pande zote mbili zilikubali.",
    ]


def test_ukrainian_seed_keeps_a_sentence_whole_across_abbreviations():
    seed = (
        "Альянс лиходіїв\nАнотація\nСоюз КНДР і Росії, що остаточно сформувався у 2024–2025 рр. "
        "змінив баланс сил. Т. зв. «обмін ресурсів на технології» описано в ст. 3.\n"
    )
    doc = parse_seed_text(seed, Path("stattia.txt"), "uk")
    assert [s.text for s in doc.segments if s.kind == "sentence"] == [
        "Союз КНДР і Росії, що остаточно сформувався у 2024–2025 рр. змінив баланс сил.",
        "Т. зв. «обмін ресурсів на технології» описано в ст. 3.",
    ]


@pytest.mark.parametrize(
    "paragraph, engine_needed",
    [
        ("Нова геополітика Північно-Східної Азії", False),
        ("геополітика, КНДР, глобальна безпека.", False),
        ("Що далі?!»", False),
        (" Вступ ", False),
        ("Чи виконають вони це зобовʼязання?» ", False),
        ("1939–1945 рр.", False),
        ("", False),
        ("Розділ (див. табл. 2)", True),
        ("Перше. Друге.", True),
        ("Рядок\nрядок", True),
    ],
)
def test_ukrainian_paragraph_without_a_possible_boundary_skips_the_engine(paragraph, engine_needed):
    """Where no SRX break rule can apply the splitter answers without tokenize-uk's rules, as
    they would: the paragraph whole. (Checked against the engine, which must agree.)"""
    from termweave.lang.split import _load_engine, srx_may_break_re

    engine = [s.strip() for s in _load_engine("tokenize-uk", "uk")(paragraph) if s.strip()]
    assert splitter_for("uk").split(paragraph) == engine
    assert bool(srx_may_break_re().search(paragraph)) == engine_needed


def test_the_ukrainian_engine_leaves_xmlschema_unloaded():
    """choppa binds xmlschema only to validate rulesets on request (~0.1 s of import)."""
    import subprocess
    import sys

    code = (
        "import sys; from termweave.lang.split import splitter_for; "
        "print(splitter_for('uk').split('Перше речення. Друге речення.'), 'xmlschema' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['Перше речення.', 'Друге речення.'] False"
