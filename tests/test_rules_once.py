"""Rules that segmenting, checks, MT drafting and editions share give one answer."""

import pytest

from termweave.check.context import licence_code
from termweave.copyright import COPYRIGHT_RE
from termweave.formats.jats import render_jats
from termweave.patterns import find_number_values, find_numbers
from termweave.render.edition import source_edition
from termweave.render.licence import detect_licence
from termweave.segment import parse_seed_text
from termweave.translate.engine import spans_present


@pytest.mark.parametrize(
    "source, target",
    [
        ("In 2024 the war entered its third year.", "2024년 전쟁은 3년째에 접어들었다."),
        ("It held 1 500 guests in 2023.", "2023년에 1 500명을 수용했다."),
    ],
)
def test_a_korean_counter_keeps_the_number_for_the_drafter_and_the_check(source, target):
    spans = find_numbers(source)
    assert spans and spans_present(target, spans)  # the drafter: nothing broken
    assert {v for t in find_number_values(target, "ko") for v in t.values} >= {
        v for t in find_number_values(source, "en") for v in t.values
    }  # the check: same numbers


def test_a_number_inside_a_longer_one_is_not_there():
    assert not spans_present("20245년", find_numbers("2024"))


@pytest.mark.parametrize(
    "text, code, url",
    [
        ("This article is licensed under CC BY 4.0.", "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
        (
            "Distributed under the Creative Commons Attribution-NonCommercial 4.0 International licence.",
            "CC BY-NC 4.0",
            "https://creativecommons.org/licenses/by-nc/4.0/",
        ),
        (
            "See https://creativecommons.org/licenses/by-sa/4.0/ for the terms.",
            "CC BY-SA 4.0",
            "https://creativecommons.org/licenses/by-sa/4.0/",
        ),
    ],
)
def test_a_licence_the_check_reads_is_linked_in_the_edition(text, code, url):
    assert licence_code(text) == code
    licence = detect_licence(text)
    assert licence is not None and (licence.code, licence.url) == (code, url)


SEED = """Alliance of villains
DOI: 10.1234/abc.5
Abstract
The war began in 2022. It goes on.
Copyright 2024 Jane Doe
This article is licensed under CC BY 4.0.
"""


def test_copyright_and_licence_reach_the_jats_metadata(tmp_path):
    document = parse_seed_text(SEED, tmp_path / "seed.txt", "en")
    line = document.get("copyright").text
    assert COPYRIGHT_RE.match(line)
    xml = render_jats([source_edition(document)])
    assert "<copyright-year>2024</copyright-year>" in xml
    assert "<copyright-holder>Jane Doe</copyright-holder>" in xml
    assert 'xlink:href="https://creativecommons.org/licenses/by/4.0/"' in xml
