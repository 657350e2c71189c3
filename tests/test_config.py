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
