"""``models install``: damaged archives end in one line, a kill never leaves zero packages."""

from __future__ import annotations

import os
import struct
import zipfile
from pathlib import Path

import pytest

from termweave.cli import main
from termweave.translate import archive
from termweave.translate.models import ArgosPaths


def _patched(source: Path, destination: Path, edit) -> Path:
    data = bytearray(source.read_bytes())
    edit(data)
    destination.write_bytes(bytes(data))
    return destination


def _member(source: Path, suffix: str) -> zipfile.ZipInfo:
    with zipfile.ZipFile(source) as zf:
        return next(i for i in zf.infolist() if i.filename.endswith(suffix))


def _flip_data_byte(source: Path, suffix: str):
    info = _member(source, suffix)

    def edit(data: bytearray) -> None:
        name_len, extra_len = struct.unpack_from("<HH", data, info.header_offset + 26)
        start = info.header_offset + 30 + name_len + extra_len
        data[start + info.compress_size // 2] ^= 0xFF

    return edit


def _compression_method(source: Path, suffix: str, method: int):
    info = _member(source, suffix)

    def edit(data: bytearray) -> None:
        struct.pack_into("<H", data, info.header_offset + 8, method)
        central = data.rindex(b"PK\x05\x06")
        central = struct.unpack_from("<I", data, central + 16)[0]  # start of the central directory
        while True:  # the central directory entry of this member
            name_len, extra_len, comment_len = struct.unpack_from("<HHH", data, central + 28)
            if data[central + 46 : central + 46 + name_len].decode() == info.filename:
                break
            central += 46 + name_len + extra_len + comment_len
        struct.pack_into("<H", data, central + 10, method)

    return edit


@pytest.mark.parametrize("suffix", ["metadata.json", "model.bin"])
@pytest.mark.parametrize("damage", ["bad crc", "unsupported compression"])
def test_damaged_member_is_one_line_exit_2_and_nothing_written(
    argosmodels, argos_home, tmp_path, capsys, suffix, damage
):
    source = argosmodels["en_uk"]
    edit = _flip_data_byte(source, suffix) if damage == "bad crc" else _compression_method(source, suffix, 97)
    bad = _patched(source, tmp_path / "bad.argosmodel", edit)
    assert main(["models", "install", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"termweave: {bad}: ") and "Traceback" not in err, err
    assert not argos_home.exists() and not list(argos_home.parent.glob(".termweave-*"))


def test_zip_bomb_ratio_is_refused(tmp_path, argos_home, capsys):
    bomb = tmp_path / "bomb.argosmodel"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("translate-en_uk-1_0/metadata.json", '{"from_code": "en", "to_code": "uk"}')
        zf.writestr("translate-en_uk-1_0/model/model.bin", b"\0" * (8 * 1024**2))
    assert bomb.stat().st_size < 64 * 1024
    assert main(["models", "install", str(bomb)]) == 2
    err = capsys.readouterr().err
    assert "more than 100x: a zip bomb?" in err and err.count("\n") == 1
    assert not argos_home.exists()


def test_zip_bomb_of_many_small_members_is_refused(tmp_path, argos_home, capsys):
    bomb = tmp_path / "bomb.argosmodel"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("translate-en_uk-1_0/metadata.json", '{"from_code": "en", "to_code": "uk"}')
        for i in range(40):  # each under the per-member check, together 40 MB from ~40 KB
            zf.writestr(f"translate-en_uk-1_0/model/part{i}.bin", b"\0" * 1_000_000)
    assert main(["models", "install", str(bomb)]) == 2
    err = capsys.readouterr().err
    assert "a zip bomb?" in err and err.count("\n") == 1
    assert not argos_home.exists()


def test_kill_between_the_two_renames_is_repaired(argosmodels, argos_home, install):
    """Where folders cannot be swapped atomically, the old package is moved back by the next command."""
    install("en_uk")
    paths = ArgosPaths.from_env()
    folder = argos_home / "translate-en_uk-1_0"
    staging = argos_home.parent / f"{archive.STAGING_PREFIX}killed"
    (staging / "replaced").mkdir(parents=True)
    os.rename(folder, staging / "replaced" / folder.name)  # what a kill after the first rename leaves
    assert not folder.exists()
    with archive.models_lock(paths):
        pass
    assert folder.is_dir() and not staging.exists()
    assert main(["models", "remove", "en:uk"]) == 0


def test_reinstall_swaps_atomically_and_cleans_up(argosmodels, argos_home, install, monkeypatch):
    install("en_uk")
    seen = []
    real_exchange = archive._exchange

    def exchange_and_look(new, destination):
        done = real_exchange(new, destination)
        seen.append((done, destination.is_dir()))
        return done

    monkeypatch.setattr(archive, "_exchange", exchange_and_look)
    package, replaced = archive.install_archive(argosmodels["en_uk"])
    assert replaced and seen == [(True, True)] and package.path.is_dir()
    assert sorted(p.name for p in argos_home.parent.iterdir()) == ["packages"]
