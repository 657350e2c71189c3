"""Word-level diffs of a fuzzy entry's previous and current source."""

import random

from termweave.worddiff import as_text, compact, word_diff


def test_pieces_rebuild_both_texts_on_random_edits():
    words = "the DPRK and Russia alliance 2024–2025 war, «resource» North Korea’s (UN) 북한과 러시아 союз".split()
    rng = random.Random(7)
    for _ in range(300):
        old = [rng.choice(words) for _ in range(rng.randint(0, 25))]
        new = list(old)
        for _ in range(rng.randint(0, 4)):
            action, at = rng.choice("idr"), rng.randint(0, len(new))
            if action == "i":
                new.insert(at, rng.choice(words))
            elif at < len(new) and action == "r":
                new[at] = rng.choice(words)
            elif at < len(new):
                del new[at]
        a, b = " ".join(old), " ".join(new)
        pieces = word_diff(a, b)
        assert "".join(p.text for p in pieces if p.op != "insert") == a
        assert "".join(p.text for p in pieces if p.op != "delete") == b
        assert all(p.text for p in pieces)
        assert (a == b) == all(p.op == "equal" for p in pieces)


def test_changed_words_are_marked_as_whole_words():
    old = "The current nature of relations between the DPRK and Russia can be described as an alliance."
    new = "The present nature of relations between North Korea and Russia can be described as an alliance."
    assert as_text(word_diff(old, new)) == (
        "The [-current-]{+present+} nature of relations between "
        "[-the DPRK-]{+North Korea+} and Russia can be described as an alliance."
    )
    assert as_text(word_diff("country’s war", "country's war")) == "[-country’s-]{+country's+} war"
    coloured = as_text(word_diff("a b", "a c"), color=True)
    assert "\033[31;9mb\033[0m" in coloured and "\033[32;4mc\033[0m" in coloured


def test_compact_keeps_the_words_around_each_change():
    old = " ".join(f"w{i}" for i in range(60))
    new = old.replace("w30", "NEW")
    text = as_text(compact(word_diff(old, new)))
    assert text == "…w24 w25 w26 w27 w28 w29 [-w30-]{+NEW+} w31 w32 w33 w34 w35 w36…"
