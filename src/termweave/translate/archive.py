"""Installing and removing ``.argosmodel`` packages, safely.

argostranslate's ``install_from_path`` calls ``ZipFile.extractall`` on whatever it is given
(and imports torch and stanza to clear a cache). termweave checks the whole archive first --
one top-level folder, ``metadata.json`` with the language codes, a CTranslate2 ``model/``, a
SentencePiece or BPE model, no absolute paths, no ``..``, no links, a bounded size -- and
only then extracts it into a temporary folder beside Argos's packages directory and renames
it into place, so ``argospm`` and argostranslate see a complete package or none.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from termweave.errors import InputError, UsageError
from termweave.lock import file_lock
from termweave.translate.models import ArgosPaths, PackageInfo, read_package, scan_packages

MAX_UNCOMPRESSED_BYTES = 4 * 1024**3  # the largest Argos packages are a few hundred MB
MAX_MEMBERS = 10_000
MAX_METADATA_BYTES = 1024**2
MAX_TOKENIZER_BYTES = 256 * 1024**2  # SentencePiece models are a few MB
# A zip bomb unpacks to far more than it holds; real model files compress about 1-5x.
MAX_COMPRESSION_RATIO = 100
RATIO_CHECKED_FROM = 1024**2  # small members (metadata, vocabularies) may compress well
# What zipfile raises on a damaged member: bad CRC, truncated data, an unsupported method.
_CORRUPT = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    NotImplementedError,
    EOFError,
    zlib.error,
    ValueError,
    RuntimeError,
)
STAGING_PREFIX = ".termweave-install-"
MODELS_LOCK = ".termweave-models.lock"
_LANG_CODE = re.compile(r"^[a-z]{2,3}(?:[_-][A-Za-z0-9]{1,8})*$")
_VOCABULARIES = (
    ("shared_vocabulary.txt",),
    ("shared_vocabulary.json",),
    ("source_vocabulary.txt", "target_vocabulary.txt"),
    ("source_vocabulary.json", "target_vocabulary.json"),
)


@dataclass(frozen=True)
class ArchiveCheck:
    """What a valid archive holds: its folder, metadata and the files to extract."""

    path: Path
    folder: str
    metadata: dict
    members: tuple[zipfile.ZipInfo, ...]
    size: int

    @property
    def from_code(self) -> str:
        return self.metadata["from_code"]

    @property
    def to_code(self) -> str:
        return self.metadata["to_code"]


def _member_problem(info: zipfile.ZipInfo) -> str | None:
    name = info.filename
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):  # Unix zip tools store a link's type in the high external bits
        return "is a symbolic link"
    if stat.S_IFMT(mode) not in (0, stat.S_IFREG, stat.S_IFDIR):
        return "is not a regular file or folder"
    if info.flag_bits & 0x1:
        return "is encrypted"
    if "\\" in name or "\x00" in name:
        return "has a backslash or NUL in its name"
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return "has an absolute path"
    parts = name.rstrip("/").split("/")
    if any(part in ("..", ".") for part in parts):
        return "has a '..' or '.' path component"
    if any(part == "" for part in parts):
        return "has an empty path component"
    return None


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def check_archive(path: str | Path) -> ArchiveCheck:
    """Validate an ``.argosmodel`` zip without writing anything; InputError names the problem."""
    path = Path(path)
    try:
        return _check_archive(path)
    except _CORRUPT as exc:
        raise InputError(f"corrupt archive: {_one_line(exc)}", path) from None


def _check_archive(path: Path) -> ArchiveCheck:
    if not path.exists():
        raise InputError("file not found", path)
    if path.is_dir():
        raise InputError("is a directory, expected an .argosmodel file", path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(f"not a valid .argosmodel (zip) archive: {_one_line(exc)}", path) from None
    with archive:
        infos = archive.infolist()
        folder, size = _check_members(infos, path)
        metadata = _check_package(archive, folder, path)
    return ArchiveCheck(path, folder, metadata, tuple(infos), size)


def _check_members(infos: list[zipfile.ZipInfo], path: Path) -> tuple[str, int]:
    """Every member safe to unpack (no links, traversal, twins or bombs), all in one top-level
    folder; returns that folder and the uncompressed size."""
    if not infos:
        raise InputError("empty archive", path)
    if len(infos) > MAX_MEMBERS:
        raise InputError(f"archive has {len(infos)} members (at most {MAX_MEMBERS} allowed)", path)
    seen: set[str] = set()
    folders: set[str] = set()
    size = 0
    for info in infos:
        problem = _member_problem(info)
        if problem:
            raise InputError(f"refusing archive: member {info.filename!r} {problem}", path)
        key = info.filename.rstrip("/")
        if key in seen:
            raise InputError(f"refusing archive: member {info.filename!r} appears twice", path)
        seen.add(key)
        folders.add(key.split("/")[0])
        if not info.is_dir() and "/" not in key:
            raise InputError(f"refusing archive: file {info.filename!r} is outside the package folder", path)
        if info.file_size >= RATIO_CHECKED_FROM and info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1):
            raise InputError(
                f"refusing archive: member {info.filename!r} expands {info.file_size} bytes from "
                f"{info.compress_size} (more than {MAX_COMPRESSION_RATIO}x: a zip bomb?)",
                path,
            )
        size += info.file_size
        if size > MAX_UNCOMPRESSED_BYTES:
            raise InputError(f"refusing archive: more than {MAX_UNCOMPRESSED_BYTES // 1024**2} MiB uncompressed", path)
    packed = sum(info.compress_size for info in infos)
    if size >= RATIO_CHECKED_FROM and size > MAX_COMPRESSION_RATIO * max(packed, 1):
        raise InputError(
            f"refusing archive: {packed} bytes expand to {size} (more than {MAX_COMPRESSION_RATIO}x: a zip bomb?)", path
        )
    if len(folders) != 1:
        found = ", ".join(sorted(folders)[:5])
        raise InputError(f"refusing archive: expected one top-level folder, found {len(folders)} ({found})", path)
    return folders.pop(), size


def _check_package(archive: zipfile.ZipFile, folder: str, path: Path) -> dict:
    """An Argos translation package: metadata with language codes, a CTranslate2 model with its
    vocabulary, a SentencePiece or BPE model; returns the metadata."""
    files = {info.filename for info in archive.infolist() if not info.is_dir()}

    def has(relative: str) -> bool:
        return f"{folder}/{relative}" in files

    if not has("metadata.json"):
        raise InputError(f"not an Argos package: no {folder}/metadata.json", path)
    meta_info = archive.getinfo(f"{folder}/metadata.json")
    if meta_info.file_size > MAX_METADATA_BYTES:
        raise InputError("metadata.json is too large", path)
    try:
        metadata = json.loads(archive.read(meta_info).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, OSError) as exc:
        raise InputError(f"{folder}/metadata.json is not valid JSON: {_one_line(exc)}", path) from None
    if not isinstance(metadata, dict):
        raise InputError(f"{folder}/metadata.json is not a JSON object", path)
    if metadata.get("type", "translate") != "translate":
        raise InputError(f"not a translation package (type {metadata.get('type')!r})", path)
    for key in ("from_code", "to_code"):
        code = metadata.get(key)
        if not isinstance(code, str) or not _LANG_CODE.match(code):
            raise InputError(f"{folder}/metadata.json: {key} missing or not a language code ({code!r})", path)
    if not has("model/model.bin"):
        raise InputError(f"not an Argos package: no CTranslate2 model ({folder}/model/model.bin)", path)
    if not any(all(has(f"model/{name}") for name in names) for names in _VOCABULARIES):
        raise InputError(f"CTranslate2 model in {folder}/model/ has no vocabulary file", path)
    if has("sentencepiece.model"):
        sp_info = archive.getinfo(f"{folder}/sentencepiece.model")
        if sp_info.file_size > MAX_TOKENIZER_BYTES:
            raise InputError(f"{folder}/sentencepiece.model is implausibly large ({sp_info.file_size} bytes)", path)
        _check_sentencepiece(archive.read(sp_info), path)
    elif not has("bpe.model"):
        raise InputError(f"not an Argos package: no {folder}/sentencepiece.model or bpe.model", path)
    return metadata


def _check_sentencepiece(data: bytes, path: Path) -> None:
    import sentencepiece

    try:
        sentencepiece.SentencePieceProcessor(model_proto=data)
    except Exception as exc:  # sentencepiece raises RuntimeError/OSError variants
        message = " ".join(str(exc).split())
        raise InputError(f"sentencepiece.model is not a SentencePiece model: {message}", path) from None


def _extract(check: ArchiveCheck, destination: Path) -> None:
    """Extract the checked members under ``destination`` (regular files and folders only)."""
    written = 0
    with zipfile.ZipFile(check.path) as archive:
        for info in check.members:
            target = destination.joinpath(*PurePosixPath(info.filename.rstrip("/")).parts)
            if info.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(info) as source, open(target, "xb") as sink:
                while chunk := source.read(1 << 20):
                    written += len(chunk)
                    if written > check.size:  # the archive lied about its sizes
                        raise InputError("refusing archive: members are larger than declared", check.path)
                    sink.write(chunk)
            os.chmod(target, 0o644)


def install_archive(
    path: str | Path, paths: ArgosPaths | None = None, replace: bool = False
) -> tuple[PackageInfo, bool]:
    """Check, then install an ``.argosmodel`` into Argos's packages directory.

    Returns the installed package and whether it replaced a folder of the same name (an
    upgrade or reinstall). Another package for the same pair is an error unless ``replace``.
    """
    paths = paths or ArgosPaths.from_env()
    check = check_archive(path)
    with models_lock(paths):
        return _install_checked(check, paths, replace)


def _install_checked(check: ArchiveCheck, paths: ArgosPaths, replace: bool) -> tuple[PackageInfo, bool]:
    packages, _ = scan_packages([paths.package_dir])
    destination = paths.package_dir / check.folder
    rivals = [
        p for p in packages if p.from_code == check.from_code and p.to_code == check.to_code and p.path != destination
    ]
    if rivals and not replace:
        raise UsageError(
            f"{rivals[0].label} at {rivals[0].path} already translates {check.from_code}->{check.to_code};"
            f" remove it first (termweave models remove {rivals[0].path.name}) or pass --replace"
        )
    paths.package_dir.parent.mkdir(parents=True, exist_ok=True)
    # Extract beside (not inside) the packages folder: argostranslate reads every folder in it.
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=paths.package_dir.parent))
    created = not paths.package_dir.exists()
    try:
        _extract(check, staging)  # reading each member to its end verifies its CRC
        read_package(staging / check.folder)
        replaced = destination.exists()
        paths.package_dir.mkdir(exist_ok=True)
        if not (replaced and _exchange(staging / check.folder, destination)):
            _replace_in_two_steps(staging / check.folder, destination, staging / "replaced" / check.folder)
        for rival in rivals:
            _remove_tree(rival.path, paths)
    except _CORRUPT as exc:
        raise InputError(f"corrupt archive: {_one_line(exc)}", check.path) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if created and paths.package_dir.is_dir() and not any(paths.package_dir.iterdir()):
            paths.package_dir.rmdir()  # a refused install leaves no empty packages/ behind
    return read_package(destination), replaced


def _exchange(new: Path, destination: Path) -> bool:
    """Swap two folders in one step (Linux renameat2 RENAME_EXCHANGE): no moment without a package."""
    import ctypes

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(new), at_fdcwd, os.fsencode(destination), rename_exchange) == 0


def _replace_in_two_steps(new: Path, destination: Path, old: Path) -> None:
    """Where folders cannot be swapped: the old package waits in the staging folder until the
    new one is in place; a kill in between is repaired by :func:`recover_installs`."""
    replaced = destination.exists()
    if replaced:
        old.parent.mkdir()
        os.rename(destination, old)
    try:
        _move(new, destination)
    except BaseException:
        if replaced:
            os.rename(old, destination)
        raise


@contextmanager
def models_lock(paths: ArgosPaths) -> Iterator[None]:
    """One install/remove at a time in Argos's folder; repairs what a killed one left."""
    paths.package_dir.parent.mkdir(parents=True, exist_ok=True)
    with file_lock(paths.package_dir.parent / MODELS_LOCK):
        recover_installs(paths)
        yield


def recover_installs(paths: ArgosPaths) -> list[Path]:
    """Put back packages a killed install had moved aside; drop its staging folders."""
    restored: list[Path] = []
    parent = paths.package_dir.parent
    if not parent.is_dir():
        return restored
    for staging in sorted(parent.glob(f"{STAGING_PREFIX}*")) + sorted(parent.glob(".termweave-remove-*")):
        for old in sorted((staging / "replaced").glob("*")) if staging.name.startswith(STAGING_PREFIX) else []:
            target = paths.package_dir / old.name
            if not target.exists():
                paths.package_dir.mkdir(parents=True, exist_ok=True)
                os.rename(old, target)
                restored.append(target)
        shutil.rmtree(staging, ignore_errors=True)
    return restored


def _move(source: Path, destination: Path) -> None:
    try:
        os.rename(source, destination)
    except OSError:  # another filesystem: copy, then swap in
        shutil.move(str(source), str(destination))


def _remove_tree(folder: Path, paths: ArgosPaths) -> None:
    """Move the folder out of the packages directory first, so a crash leaves no half package."""
    trash = Path(tempfile.mkdtemp(prefix=".termweave-remove-", dir=paths.package_dir.parent))
    try:
        os.rename(folder, trash / folder.name)
    except OSError:
        shutil.rmtree(folder)
    shutil.rmtree(trash, ignore_errors=True)


def find_installed(spec: str, packages: list[PackageInfo]) -> list[PackageInfo]:
    """Packages named by ``spec``: a folder name, an argospm name (translate-en_uk), a pair (en:uk) or a path."""
    spec = spec.strip()
    pair = re.fullmatch(r"([A-Za-z_-]+?)\s*(?::|->|→)\s*([A-Za-z_-]+)", spec)
    found = []
    for package in packages:
        if spec in (package.path.name, package.name, str(package.path)) or (
            pair and (package.from_code, package.to_code) == pair.groups()
        ):
            found.append(package)
    if not found and Path(spec).exists():
        resolved = Path(spec).resolve()
        found = [p for p in packages if p.path.resolve() == resolved]
    return found


def remove_package(spec: str, paths: ArgosPaths | None = None) -> list[PackageInfo]:
    """Remove the package(s) named by ``spec`` from Argos's packages directory."""
    paths = paths or ArgosPaths.from_env()
    with models_lock(paths):
        return _remove_installed(spec, paths)


def _remove_installed(spec: str, paths: ArgosPaths) -> list[PackageInfo]:
    packages, _ = scan_packages([paths.package_dir])
    found = find_installed(spec, packages)
    if not found:
        names = ", ".join(p.path.name for p in packages) or "none installed"
        raise UsageError(f"no installed package matches {spec!r} (installed: {names})")
    for package in found:
        if package.path.parent.resolve() != paths.package_dir.resolve():
            raise UsageError(f"{package.path} is not in Argos's packages directory {paths.package_dir}")
    for package in found:
        _remove_tree(package.path, paths)
    return found
