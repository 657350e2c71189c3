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


@pytest.mark.parametrize("body, line, fragment", [
    ('[termweave]\nsource_lang = "en"\ntarget_langs = ["uk", "zz"]\n', 3, "unknown language code 'zz'"),
    ('[termweave]\nsource_lang = "uk"\ntarget_langs = ["uk"]\n', 3, "also a target"),
    ('[termweave]\nseeds = ["a.txt"\n', 2, "invalid TOML"),
    ('[termweave]\nsede = "a.txt"\n', 2, "unknown key"),
])
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
    path.write_text('[termweave]\nseeds = ["seeds/*.txt", "seeds/b/m.txt"]\n\n'
                    '[articles.m]\nglossary = "glossary/m.csv"\n', encoding="utf-8")
    config = load_config(path)
    assert [p.name for p in config.seeds] == ["a.txt", "z.txt", "m.txt"]
    assert [(a.name, a.glossary, a.line) for a in config.articles] == [("m", tmp_path / "glossary/m.csv", 4)]
    with pytest.raises(InputError) as err:
        load_config(tmp_path / "other.toml", required=True)
    assert err.value.message == "configuration file not found"


@pytest.mark.parametrize("body, line, fragment", [
    ('[termweave]\nseeds = ["seeds/a.txt"]\n[articles.a]\nglosary = "x.csv"\n', 3, "expected only the key(s) glossary"),
    ('[termweave]\nseeds = ["seeds/*.txt"]\n', 2, "no seeds configured"),
    ('[termweave]\ntarget_langs = ["ko", "uk", "ko"]\n', 2, "language 'ko' listed twice"),
])
def test_bad_article_settings(tmp_path, body, line, fragment):
    (tmp_path / "seeds").mkdir()
    if "*" not in body:
        (tmp_path / "seeds" / "a.txt").write_text("x")
    path = tmp_path / "termweave.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_config(path)
    assert fragment in err.value.message and err.value.line == line
