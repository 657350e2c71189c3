import pytest
from support import DATA, SEED

from termweave.errors import InputError
from termweave.segment import parse_seed, parse_seed_text


@pytest.fixture(scope="module")
def doc():
    return parse_seed(SEED, "en")


def test_segment_ids_in_reading_order(doc):
    assert [s.id for s in doc.segments] == [
        "title",
        "doi",
        "ui.keywords",
        "keywords",
        "ui.abstract",
        "abstract.p1.s1",
        "abstract.p2.s1",
        "abstract.p3.s1",
        "abstract.p3.s2",
        "abstract.p4.s1",
        "abstract.p5.s1",
        "abstract.p6.s1",
        "copyright",
        "licence",
    ]


def test_glued_labels_are_separated(doc):
    assert doc.get("doi").text == "https://doi.org/10.5281/zenodo.20391772"
    assert doc.get("keywords").text == (
        "geopolitics, DPRK geostrategy, Russian Federation, global security, South Korea, Putin, Kim Jong-un."
    )
    assert doc.get("title").text.startswith("Alliance of villains: the military-political union")
    assert doc.get("title").text.endswith("a threat to world security")


def test_sentence_boundaries_of_all_six_paragraphs(doc):
    paragraphs = doc.paragraphs()
    assert [len(p) for p in paragraphs] == [1, 1, 2, 1, 1, 1]
    seed_lines = SEED.read_text(encoding="utf-8").split("\n")
    for paragraph, line in zip(paragraphs, seed_lines[4:10]):
        # Rejoined sentences give back the paragraph exactly: nothing lost at a boundary.
        assert " ".join(s.text for s in paragraph) == line
    p2 = paragraphs[1][0].text
    assert p2.startswith("The main features") and p2.endswith("combat operations against Ukraine).")
    assert paragraphs[2][0].text.endswith("based on the exchange of technology.")
    assert paragraphs[2][1].text.startswith("Their relationship is built on")
    assert paragraphs[2][1].text.endswith("to continue its war of attrition.")
    assert paragraphs[4][0].text.endswith("whilst remaining the DPRK’s principal patron.")


def test_copyright_and_licence_and_chrome(doc):
    raw = SEED.read_bytes().split(b"\n")
    assert doc.get("copyright").text.encode("utf-8") == raw[16]
    assert not doc.get("copyright").translatable and not doc.get("doi").translatable
    assert (
        doc.get("licence").text
        == "This work is licensed under a Creative Commons Attribution 4.0 International License."
    )
    texts = {s.text for s in doc.segments}
    for chrome in ("Downloads", "Published", "How to Cite", "Issue", "Section", "License"):
        assert chrome not in texts


def test_line_numbers(doc):
    assert (doc.get("title").line, doc.get("doi").line, doc.get("keywords").line) == (1, 3, 4)
    assert doc.get("abstract.p6.s1").line == 10
    assert (doc.get("copyright").line, doc.get("licence").line) == (17, 19)


def test_windows_line_endings_bom_and_blank_lines(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    variant = "\ufeff" + text.replace("\n", "\r\n\r\n")
    path = tmp_path / "crlf.txt"
    path.write_bytes(variant.encode("utf-8"))
    doc = parse_seed(path)
    original = parse_seed(SEED)
    assert [(s.id, s.text) for s in doc.segments] == [(s.id, s.text) for s in original.segments]


def test_no_doi_no_keywords_and_labels_on_their_own_lines(tmp_path):
    seed = "A title\n\nAbstract:\nFirst sentence. Second one (with e.g. an aside).\n\nNext paragraph.\n"
    doc = parse_seed_text(seed, tmp_path / "s.txt")
    assert [s.id for s in doc.segments] == [
        "title",
        "ui.abstract",
        "abstract.p1.s1",
        "abstract.p1.s2",
        "abstract.p2.s1",
    ]
    assert doc.get("abstract.p1.s2").text == "Second one (with e.g. an aside)."


def test_labels_at_line_start(tmp_path):
    seed = (
        "Title here\nDOI: https://doi.org/10.1000/xyz\nKeywords: alpha, beta\nAbstract\nBody text.\n"
        "Copyright (c) 2025 A. Author\n"
        "This work is licensed under a Creative Commons Attribution 4.0 International License."
    )
    doc = parse_seed_text(seed, tmp_path / "s.txt")
    assert doc.get("doi").text == "https://doi.org/10.1000/xyz"
    assert doc.get("keywords").text == "alpha, beta"
    assert doc.get("licence") is not None and doc.get("copyright").text == "Copyright (c) 2025 A. Author"


@pytest.mark.parametrize(
    "seed, line, fragment",
    [
        ("Title\nAbstract\nBody.\nCopyright (c) 2025 X\nDownloads\n", 5, "chrome"),
        (
            "Title\nAbstract\nBody.\nCopyright (c) 2025 X\nLicence sentence.\nOne line too many.\n",
            6,
            "after the licence",
        ),
        ("Title\nDOI:\nnot a doi\nAbstract\nBody.\n", 3, "DOI"),
        ("Title\nKeywords: a, b\nWhere does this go?\nAbstract\nBody.\n", 3, "cannot place"),
        ("Title\nAuthor One, Author Two\nDOI: https://doi.org/10.1/x\nAbstract\nBody.\n", 2, "cannot place"),
        ("Title\nAbstract\n", 2, "no abstract"),
        ("", 1, "empty"),
    ],
)
def test_unplaceable_lines_are_named(tmp_path, seed, line, fragment):
    with pytest.raises(InputError) as err:
        parse_seed_text(seed, tmp_path / "bad.txt")
    assert err.value.line == line
    assert fragment in err.value.message


def test_ukrainian_seed(tmp_path):
    doc = parse_seed(DATA / "seeds" / "uk-sample.txt", "uk")
    assert doc.get("keywords").text.startswith("геополітика")
    assert doc.get("ui.keywords").text == "Ключові слова"
    assert len(doc.paragraphs()) == 2
    assert [s.id for s in doc.paragraphs()[0]] == ["abstract.p1.s1", "abstract.p1.s2"]
    assert doc.get("copyright").text == "Copyright (c) 2025 Олена Коваль"


def test_missing_and_non_utf8_seed(tmp_path):
    with pytest.raises(InputError, match="not found"):
        parse_seed(tmp_path / "nope.txt")
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Title\nAbstract\nCaf\xe9 text.\n".encode("latin-1"))
    with pytest.raises(InputError) as err:
        parse_seed(bad)
    assert err.value.line == 3 and "UTF-8" in err.value.message


def test_upper_case_labels_and_labels_glued_to_letters(tmp_path):
    seed = "A title\nDOI: 10.1000/abc.def\nKEYWORDS:\nalpha, beta\nABSTRACT\nBody text here.\n"
    doc = parse_seed_text(seed, tmp_path / "s.txt")
    assert doc.get("doi").text == "10.1000/abc.def"
    assert doc.get("keywords").text == "alpha, beta"
    glued = "A title\nKeywords: alpha, beta gammaAbstract\nBody text here.\n"
    doc = parse_seed_text(glued, tmp_path / "s.txt")
    assert doc.get("keywords").text == "alpha, beta gamma"
    assert doc.get("abstract.p1.s1").text == "Body text here."


def test_prose_ending_in_a_label_word_is_not_split(tmp_path):
    seed = "A title\nAbstract\nWe study the notion of the abstract\nSecond paragraph.\n"
    doc = parse_seed_text(seed, tmp_path / "s.txt")
    assert doc.get("abstract.p1.s1").text == "We study the notion of the abstract"
