import pytest

from termweave.errors import InputError
from termweave.glossary import load_glossary
from termweave.glossary.lint import lint

HEADER = "id,en,uk,ko,uk_forbidden,ko_forbidden,note,cldr\n"


def write(tmp_path, body, header=HEADER):
    path = tmp_path / "terms.csv"
    path.write_text(header + body, encoding="utf-8")
    return path


def test_variants_and_columns(tmp_path):
    path = write(tmp_path, 'dprk,DPRK|North Korea,КНДР|Північна Корея,북한,,조선,"official name, admitted",KP\n')
    glossary = load_glossary(path, ("en", "uk", "ko"))
    term = glossary.get("dprk")
    assert term.variants["en"] == ("DPRK", "North Korea")
    assert term.preferred("uk") == "КНДР" and term.banned("ko") == ("조선",)
    assert term.note == "official name, admitted" and term.cldr == "KP" and term.line == 2
    assert glossary.languages == ("en", "uk", "ko")


@pytest.mark.parametrize(
    "content, line, fragment",
    [
        ("id,en,note\nx,y,z\n", 1, "header lacks"),
        (HEADER + 'a,"unbalanced,b,c,,,,\n', 2, "malformed CSV"),
        (HEADER + "a,x,y,z,,,,\na,q,w,e,,,,\n", 3, "duplicate id"),
        (HEADER + "a,,y,z,,,,\n", 2, "empty 'en'"),
        (HEADER + "a,x,y,z,,,\n", 2, "fields"),
    ],
)
def test_bad_glossaries(tmp_path, content, line, fragment):
    path = tmp_path / "terms.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_glossary(path, ("en", "uk"))
    assert err.value.line == line and fragment in err.value.message
    assert str(path) in str(err.value)


def rules(tmp_path, body):
    glossary = load_glossary(write(tmp_path, body), ("en",), strict=False)
    return {(i.line, i.rule, i.severity) for i in lint(glossary, "en", ("uk", "ko"))}


def test_lint_clean(tmp_path):
    body = "ukraine,Ukraine,Україна,우크라이나,,,,UA\nwest,the West,Захід,서방,,,,\n"
    assert rules(tmp_path, body) == set()


def test_lint_finds_each_problem(tmp_path):
    body = (
        "a,alpha,альфа,알파,,,,\n"
        "a,beta,бета,베타,,,,\n"  # duplicate id (line 3)
        "c,gamma,альфа,감마,,,,\n"  # uk variant shared with 'a' (line 4)
        "d,delta,,델타,,,,\n"  # empty uk cell (line 5)
        "e,epsilon,епсилон,엡실론,епсилон,,,\n"  # forbidden == allowed (line 6)
        "f,zeta,зе\u0301та,제타,,,,\n"  # not NFC? (combining acute stays NFC) -> checked below
        "g, eta ,ета,에타,,,,\n"  # stray whitespace (line 8)
        "h,theta,пам'ять,세타,,,,\n"  # wrong apostrophe for Ukrainian (line 9)
        "i,iota,йота,이오타,,,,KP\n"  # CLDR name neither used nor listed (line 10)
    )
    found = rules(tmp_path, body)
    assert (3, "duplicate-id", "error") in found
    assert (4, "duplicate-variant", "error") in found
    assert (5, "empty-cell", "error") in found
    assert (6, "forbidden-allowed", "error") in found
    assert (8, "whitespace", "error") in found
    assert (9, "apostrophe", "error") in found
    assert (10, "cldr", "warning") in found


def test_lint_non_nfc(tmp_path):
    decomposed = "i\u0308"  # i + combining diaeresis: NFC is ï
    found = rules(tmp_path, f"x,word,сл{decomposed}в,단어,,,,\n")
    assert (2, "not-nfc", "error") in found


def test_lint_cldr_name_listed_as_forbidden_is_fine(tmp_path):
    body = "dprk,DPRK,КНДР,북한,Північна Корея,,,KP\n"
    assert not any(rule == "cldr" and line == 2 and "uk" in rule for line, rule, _ in rules(tmp_path, body))
    glossary = load_glossary(write(tmp_path, body), ("en",), strict=False)
    messages = [i.message for i in lint(glossary, "en", ("uk", "ko"))]
    assert not any("'uk'" in m for m in messages)
