"""``termweave models install PATH`` / ``remove``: archives are checked before anything is written."""

from __future__ import annotations

import json
import stat
import zipfile
from pathlib import Path

import pytest

from termweave.cli import main
from termweave.translate.models import installed_packages


def everything(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


@pytest.fixture
def argos_root(argos_home) -> Path:
    """The whole Argos home (data, config, cache): nothing may appear in it on refusal."""
    return argos_home.parents[2]


def test_install_list_and_remove(argosmodels, argos_home, capsys):
    assert main(["models", "install", str(argosmodels["en_uk"])]) == 0
    assert "installed translate-en_uk 1.0 (en -> uk)" in capsys.readouterr().out
    folder = argos_home / "translate-en_uk-1_0"
    assert sorted(p.name for p in folder.iterdir()) == ["README.md", "metadata.json", "model", "sentencepiece.model"]
    assert (folder / "model" / "model.bin").is_file()
    assert [p.name for p in installed_packages()] == ["translate-en_uk"]
    # nothing left behind beside the packages folder (staging happens next to it)
    assert sorted(p.name for p in argos_home.parent.iterdir()) == ["packages"]

    assert main(["models", "remove", "en:uk"]) == 0
    assert "removed translate-en_uk 1.0" in capsys.readouterr().out
    assert installed_packages() == [] and sorted(p.name for p in argos_home.parent.iterdir()) == ["packages"]


def test_reinstall_replaces_same_folder_and_refuses_a_rival(argosmodels, argos_home, capsys, tmp_path):
    assert main(["models", "install", str(argosmodels["en_uk"])]) == 0
    assert main(["models", "install", str(argosmodels["en_uk"])]) == 0
    assert "replaced translate-en_uk 1.0" in capsys.readouterr().out
    # another package for the same pair (a different folder) is refused ...
    before = everything(argos_home)
    assert main(["models", "install", str(argosmodels["en_uk_v2"])]) == 2
    err = capsys.readouterr().err
    assert "already translates en->uk" in err and "--replace" in err and err.count("\n") == 1
    assert everything(argos_home) == before
    # ... unless asked: then it takes the old one's place
    assert main(["models", "install", "--replace", str(argosmodels["en_uk_v2"])]) == 0
    assert [(p.version, p.path.name) for p in installed_packages()] == [("2.0", "translate-en_uk-2_0")]


def test_remove_by_folder_or_argospm_name_and_unknown(install, capsys):
    install("en_uk", "en_ko")
    assert main(["models", "remove", "translate-en_ko-1_0"]) == 0
    assert main(["models", "remove", "translate-en_uk"]) == 0
    assert installed_packages() == []
    assert main(["models", "remove", "en:de"]) == 2
    assert "no installed package matches 'en:de'" in capsys.readouterr().err


def rebuild(source: Path, destination: Path, change) -> Path:
    """Copy a valid .argosmodel member by member, letting ``change(name, data)`` edit/drop/add."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(destination, "w") as out:
        for info in src.infolist():
            result = change(info.filename, src.read(info))
            if result is None:
                continue
            for name, data in result if isinstance(result, list) else [result]:
                out.writestr(name, data)
    return destination


def with_link(source: Path, destination: Path) -> Path:
    rebuild(source, destination, lambda n, d: (n, d))
    with zipfile.ZipFile(destination, "a") as out:
        info = zipfile.ZipInfo("translate-en_uk-1_0/model/shared_vocabulary.json.link")
        info.create_system = 3
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        out.writestr(info, "/etc/passwd")
    return destination


def set_metadata(**changes):
    def change(name, data):
        if name.endswith("metadata.json"):
            return name, json.dumps(json.loads(data) | changes)
        return name, data

    return change


MALICIOUS = {
    "path traversal": (
        lambda n, d: [(n, d), ("translate-en_uk-1_0/../../evil.txt", b"x")] if n.endswith("README.md") else (n, d),
        "'..'",
    ),
    "absolute path": (
        lambda n, d: [(n, d), ("/tmp/evil.txt", b"x")] if n.endswith("README.md") else (n, d),
        "absolute path",
    ),
    "missing metadata": (
        lambda n, d: None if n.endswith("metadata.json") else (n, d),
        "no translate-en_uk-1_0/metadata.json",
    ),
    "two top-level folders": (
        lambda n, d: [(n, d), ("other/file.txt", b"x")] if n.endswith("README.md") else (n, d),
        "one top-level folder",
    ),
    "file at top level": (
        lambda n, d: [(n, d), ("evil.sh", b"x")] if n.endswith("README.md") else (n, d),
        "outside the package folder",
    ),
    "no CTranslate2 model": (lambda n, d: None if n.endswith("model.bin") else (n, d), "no CTranslate2 model"),
    "no tokenizer": (
        lambda n, d: None if n.endswith("sentencepiece.model") else (n, d),
        "sentencepiece.model or bpe.model",
    ),
    "bad tokenizer": (
        lambda n, d: (n, b"not a model") if n.endswith("sentencepiece.model") else (n, d),
        "not a SentencePiece model",
    ),
    "no language codes": (set_metadata(from_code=None), "from_code missing"),
    "code with a path": (set_metadata(to_code="../uk"), "to_code missing or not a language code"),
    "not a translation package": (set_metadata(type="sbd"), "not a translation package"),
}


@pytest.mark.parametrize(
    "case", sorted(MALICIOUS) + ["symbolic link", "not a zip", "bad metadata json", "missing file"]
)
def test_bad_archive_is_refused_and_nothing_is_written(case, argosmodels, argos_root, tmp_path, capsys):
    bad = tmp_path / "bad.argosmodel"
    if case == "symbolic link":
        with_link(argosmodels["en_uk"], bad)
        expected = "symbolic link"
    elif case == "not a zip":
        bad.write_text("hello")
        expected = "not a valid .argosmodel (zip) archive"
    elif case == "bad metadata json":
        rebuild(argosmodels["en_uk"], bad, lambda n, d: (n, b"{not json") if n.endswith("metadata.json") else (n, d))
        expected = "metadata.json is not valid JSON"
    elif case == "missing file":
        bad = tmp_path / "nowhere.argosmodel"
        expected = "file not found"
    else:
        change, expected = MALICIOUS[case]
        rebuild(argosmodels["en_uk"], bad, change)
    argos_root.mkdir(parents=True, exist_ok=True)
    before = everything(argos_root)
    assert main(["models", "install", str(bad)]) == 2
    err = capsys.readouterr().err
    assert expected in err and str(bad) in err and err.count("\n") == 1, err
    assert everything(argos_root) == before
    assert not (tmp_path.parent / "evil.txt").exists() and not Path("/tmp/evil.txt").exists()


def test_member_larger_than_declared_is_refused(argosmodels, argos_home, tmp_path, monkeypatch):
    """Extraction counts bytes: an archive whose data exceeds its declared sizes stops, nothing stays."""
    import termweave.translate.archive as archive

    check = archive.check_archive(argosmodels["en_uk"])
    lying = archive.ArchiveCheck(check.path, check.folder, check.metadata, check.members, size=check.size // 2)
    monkeypatch.setattr(archive, "check_archive", lambda path: lying)
    with pytest.raises(archive.InputError, match="larger than declared"):
        archive.install_archive(argosmodels["en_uk"])
    assert not argos_home.exists()  # no empty packages/ folder after a refused install
    assert sorted(p.name for p in argos_home.parent.iterdir()) == []  # no staging folder, no lock
