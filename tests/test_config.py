import pytest

from termweave.config import load_config
from termweave.errors import InputError


def test_shipped_config(tmp_path):
    from support import ROOT

    config = load_config(ROOT / "termweave.toml")
    assert config.source_lang == "en" and config.target_langs == ("uk", "ko")
    assert config.seeds == (ROOT / "seeds" / "alliance-of-villains.txt",)
    assert config.pot_path == ROOT / "translations" / "termweave.pot"
    assert config.po_path("ko") == ROOT / "translations" / "ko.po"


def test_defaults_without_a_file(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "b.txt").write_text("x")
    (tmp_path / "seeds" / "a.txt").write_text("x")
    config = load_config(tmp_path / "termweave.toml")
    assert [p.name for p in config.seeds] == ["a.txt", "b.txt"]
    assert config.languages == ("en", "uk", "ko")


@pytest.mark.parametrize(
    "body, line, fragment",
    [
        ('[termweave]\nsource_lang = "en"\ntarget_langs = ["uk", "zz"]\n', 3, "unknown language code 'zz'"),
        ('[termweave]\nsource_lang = "uk"\ntarget_langs = ["uk"]\n', 3, "also a target"),
        ('[termweave]\nseeds = ["a.txt"\n', 2, "invalid TOML"),
        ('[termweave]\nsede = "a.txt"\n', 2, "unknown key"),
    ],
)
def test_bad_config(tmp_path, body, line, fragment):
    path = tmp_path / "termweave.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_config(path)
    assert fragment in err.value.message and err.value.line == line


def test_globs_articles_and_an_explicit_missing_file(tmp_path):
    (tmp_path / "seeds" / "b").mkdir(parents=True)
    for name in ("seeds/z.txt", "seeds/a.txt", "seeds/b/m.txt"):
        (tmp_path / name).write_text("x")
    path = tmp_path / "termweave.toml"
    path.write_text(
        '[termweave]\nseeds = ["seeds/*.txt", "seeds/b/m.txt"]\n\n[articles.m]\nglossary = "glossary/m.csv"\n',
        encoding="utf-8",
    )
    config = load_config(path)
    assert [p.name for p in config.seeds] == ["a.txt", "z.txt", "m.txt"]
    assert [(a.name, a.glossary, a.line) for a in config.articles] == [("m", tmp_path / "glossary/m.csv", 4)]
    with pytest.raises(InputError) as err:
        load_config(tmp_path / "other.toml", required=True)
    assert err.value.message == "configuration file not found"


@pytest.mark.parametrize(
    "body, line, fragment",
    [
        (
            '[termweave]\nseeds = ["seeds/a.txt"]\n[articles.a]\nglosary = "x.csv"\n',
            3,
            "expected only the key(s) glossary",
        ),
        ('[termweave]\nseeds = ["seeds/*.txt"]\n', 2, "no seeds configured"),
        ('[termweave]\ntarget_langs = ["ko", "uk", "ko"]\n', 2, "language 'ko' listed twice"),
    ],
)
def test_bad_article_settings(tmp_path, body, line, fragment):
    (tmp_path / "seeds").mkdir()
    if "*" not in body:
        (tmp_path / "seeds" / "a.txt").write_text("x")
    path = tmp_path / "termweave.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_config(path)
    assert fragment in err.value.message and err.value.line == line


@pytest.mark.parametrize(
    "body, line, fragment",
    [
        ("[termweave]\nseeds = 5\n", 2, "seeds: expected a string or a list of strings, found an integer"),
        ("[termweave]\ntarget_langs = 5\n", 2, "target_langs: expected a string or a list of strings"),
        ("[termweave]\nseeds = [1]\n", 2, "found a list holding an integer"),
        ("[termweave]\noutput = true\n", 2, "output: expected a non-empty string, found a boolean"),
        ('[termweave]\nsource_lang = ["en"]\n', 2, "source_lang: expected a non-empty string"),
        ("termweave = 3\n", 1, "must be a table"),
        ('[termweave]\noutput = "../outside"\n', 2, "outside the project folder"),
        ('[termweave]\noutput = "/tmp"\n', 2, "outside the project folder"),
        ('[termweave]\nglossary = "../../g.csv"\n', 2, "outside the project folder"),
        ('[termweave]\nseeds = ["/etc/passwd"]\n', 2, "outside the project folder"),
        ('[termweave]\ndomain = "../../x"\n', 2, "not a plain file name"),
        ('[termweave]\noutput = "seeds/a.txt"\n', 2, "is a file, expected a folder"),
        ('[termweave]\nallow_outside = ["domain"]\n', 2, "'domain' cannot be allowed outside"),
        ("[termweave]\nx = " + "[" * 1000 + "]" * 1000 + "\n", 1, "nested too deeply"),
    ],
)
def test_wrong_types_and_paths_outside_name_the_line(tmp_path, body, line, fragment):
    project = tmp_path / "p"
    (project / "seeds").mkdir(parents=True)
    (project / "seeds" / "a.txt").write_text("x")
    path = project / "termweave.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_config(path)
    assert fragment in str(err.value) and err.value.line == line and "\n" not in str(err.value)


def test_symlink_out_of_the_project_is_refused_unless_allowed(tmp_path):
    project, elsewhere = tmp_path / "p", tmp_path / "elsewhere"
    (project / "seeds").mkdir(parents=True)
    elsewhere.mkdir()
    (elsewhere / "a.txt").write_text("x")
    (project / "seeds" / "a.txt").symlink_to(elsewhere / "a.txt")
    (project / "out").symlink_to(elsewhere, target_is_directory=True)
    path = project / "termweave.toml"
    path.write_text('[termweave]\nseeds = ["seeds/a.txt"]\noutput = "out"\n')
    with pytest.raises(InputError, match="seeds:.*outside the project folder") as err:
        load_config(path)
    assert err.value.line == 2
    path.write_text('[termweave]\nseeds = ["seeds/a.txt"]\noutput = "out"\nallow_outside = ["seeds"]\n')
    with pytest.raises(InputError, match="output:.*outside") as err:
        load_config(path)
    assert err.value.line == 3
    path.write_text('[termweave]\nseeds = ["seeds/a.txt"]\noutput = "out"\nallow_outside = ["seeds", "output"]\n')
    assert load_config(path).output == project / "out"
    path.unlink()  # no termweave.toml: the default seeds/*.txt are checked too
    with pytest.raises(InputError, match="outside the project folder"):
        load_config(path)


def test_symlink_loop_is_an_error_naming_the_line(tmp_path):
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    path = tmp_path / "termweave.toml"
    path.write_text('[termweave]\nseeds = ["loop/a.txt"]\n', encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_config(path)
    assert err.value.line == 2 and "seeds:" in err.value.message


def test_languages_accepted_without_babel_are_known_to_cldr():
    from babel import Locale

    from termweave.config import CLDR_LANGUAGES, CLDR_LOCALES, check_language

    for code in CLDR_LANGUAGES:
        assert Locale.parse(code).language == code
        assert check_language(code) == code
    for code in CLDR_LOCALES:
        locale = Locale.parse(code)
        assert locale.language in CLDR_LANGUAGES and str(locale) == code
        assert check_language(code) == code and check_language(code.replace("_", "-")) == code.replace("_", "-")
    with pytest.raises(InputError, match="unknown language code"):
        check_language("xx")
