"""termweave.lang: one object per language, one analyser per process, shared by every user."""

from __future__ import annotations

from termweave.glossary.match import matcher_for
from termweave.lang import analysers, language
from termweave.lang.quotes import quote_style
from termweave.segment import sentence_splitter


def test_one_language_object_per_language_whatever_the_spelling():
    assert language("uk") is language("uk-UA") is language("UK_ua")
    assert language("de") is not language("uk")
    assert language("de").labels == language("en").labels  # journal platforms print English chrome
    assert "Ключові слова" in language("uk").labels.keywords
    assert language("uk-UA").name == "Ukrainian"


def test_every_ukrainian_matcher_shares_one_analyser():
    first, second = matcher_for("uk"), matcher_for("uk-UA")
    assert first is not second  # each owns its word cache
    assert first.morph is second.morph is analysers.ukrainian_morph()
    assert first.find("Російської Федерації", []) == []


def test_korean_matcher_and_splitter_share_one_kiwi():
    matcher = matcher_for("ko")
    assert matcher.kiwi is analysers.korean_kiwi()
    split = sentence_splitter("ko")
    assert split("북한은 러시아와 동맹을 맺었다. 그 결과는 불분명하다.") == [
        "북한은 러시아와 동맹을 맺었다.",
        "그 결과는 불분명하다.",
    ]
    assert language("ko").splitter is language("ko-KR").splitter
    assert analysers.korean_kiwi.cache_info().currsize == 1


def test_quotation_marks_come_from_cldr_with_house_rules_on_top():
    assert quote_style("de").allowed == "„“‚‘"
    assert quote_style("ru").nested == "„“"  # «…» outside, „…“ inside
    assert quote_style("uk").allowed == "«»"
    assert quote_style("zz") is None
