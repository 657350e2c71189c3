"""``termweave models install en:uk``: the index download, offline failure, and a file:// mirror."""

from __future__ import annotations

import json
import threading

import pytest

from termweave.cli import main
from termweave.errors import UsageError
from termweave.translate import index
from termweave.translate.models import ArgosPaths, installed_packages


@pytest.mark.filterwarnings("ignore:A test tried to use socket")  # pytest-socket reports the blocked attempt
def test_offline_install_fails_with_one_clear_line_and_writes_nothing(argos_home, capsys, monkeypatch):
    """Sockets are disabled in the test run (pytest-socket): one attempt, one message, exit 2."""
    attempts = []
    real_fetch = index.fetch

    def counting_fetch(url, *args, **kwargs):
        attempts.append(url)
        return real_fetch(url, *args, **kwargs)

    monkeypatch.setattr(index, "fetch", counting_fetch)
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "http://127.0.0.1:9/")  # no DNS involved
    assert main(["models", "install", "en:uk"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "cannot fetch the Argos package index http://127.0.0.1:9/index.json" in err
    assert "termweave models install PATH.argosmodel" in err
    assert attempts == ["http://127.0.0.1:9/index.json"]
    assert not argos_home.exists() and not ArgosPaths.from_env().local_index.exists()


def test_a_hanging_name_lookup_is_abandoned_at_the_deadline():
    release = threading.Event()

    def hanging_resolver(host, port):
        release.wait(60)

    try:
        with pytest.raises(OSError, match="could not resolve index.example within 0.2 s"):
            index.resolve_within("index.example", 443, 0.2, resolver=hanging_resolver)
    finally:
        release.set()


def test_failed_lookup_is_reported():
    def failing_resolver(host, port):
        raise OSError("Name or service not known")

    with pytest.raises(OSError, match="could not resolve nowhere.invalid: Name or service not known"):
        index.resolve_within("nowhere.invalid", 443, 5, resolver=failing_resolver)


def mirror(tmp_path, entries) -> str:
    folder = tmp_path / "mirror"
    folder.mkdir()
    (folder / "index.json").write_text(json.dumps(entries), encoding="utf-8")
    return folder.as_uri() + "/"


def test_install_from_an_offline_mirror_index(argosmodels, tmp_path, monkeypatch, capsys):
    url = mirror(
        tmp_path,
        [
            {"from_code": "en", "to_code": "uk", "package_version": "0.9", "links": ["file:///nowhere.argosmodel"]},
            {
                "from_code": "en",
                "to_code": "uk",
                "package_version": "1.0",
                "type": "translate",
                "links": [argosmodels["en_uk"].as_uri()],
            },
            {"from_code": "en", "to_code": "ko", "package_version": "1.0", "links": []},
        ],
    )
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", url)
    assert main(["models", "install", "en:uk"]) == 0
    assert "installed translate-en_uk 1.0" in capsys.readouterr().out
    assert [p.name for p in installed_packages()] == ["translate-en_uk"]
    paths = ArgosPaths.from_env()
    assert json.loads(paths.local_index.read_text())[1]["package_version"] == "1.0"  # where argospm reads it
    assert [p.name for p in paths.downloads_dir.iterdir()] == []  # the download is not left behind

    assert main(["models", "install", "en:de"]) == 2
    assert "has no en->de package (pairs with en: en:ko, en:uk)" in capsys.readouterr().err
    assert main(["models", "install", "en:ko"]) == 2
    assert "no download link" in capsys.readouterr().err


def test_a_bad_download_is_refused_by_the_archive_check(tmp_path, monkeypatch):
    bad = tmp_path / "bad.argosmodel"
    bad.write_text("not a zip")
    monkeypatch.setenv(
        "ARGOS_PACKAGE_INDEX",
        mirror(
            tmp_path,
            [
                {"from_code": "en", "to_code": "uk", "package_version": "1.0", "links": [bad.as_uri()]},
            ],
        ),
    )
    with pytest.raises(Exception, match="not a valid .argosmodel"):
        index.download_and_install("en", "uk", console=_Quiet())
    assert installed_packages() == []


def test_index_must_be_a_list(tmp_path, monkeypatch):
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "index.json").write_text('{"not": "a list"}')
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", folder.as_uri() + "/")
    with pytest.raises(UsageError, match="is not a JSON list"):
        index.fetch_index(ArgosPaths.from_env())


class _Quiet:
    def info(self, message):
        pass
