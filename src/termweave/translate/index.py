"""``termweave models install en:uk``: the one place termweave touches the network.

argostranslate's index call has no timeout, and when the index cannot be fetched
``get_available_packages`` calls itself until Python raises RecursionError. termweave fetches
the index itself: the host name is resolved under a deadline (a DNS lookup cannot be given
a timeout), every request has a timeout, there is one attempt per URL, and any failure is one
clear message. ``file://`` URLs work too, for an offline mirror (``ARGOS_PACKAGE_INDEX``).
"""

from __future__ import annotations

import ipaddress
import json
import socket
import tempfile
import threading
import urllib.parse
from collections.abc import Callable
from pathlib import Path

from termweave.console import Console
from termweave.errors import UsageError
from termweave.fsutil import atomic_write_bytes
from termweave.translate.archive import install_archive
from termweave.translate.models import ArgosPaths, PackageInfo, version_key

REQUEST_TIMEOUT_S = 10.0
RESOLVE_DEADLINE_S = 5.0
MAX_INDEX_BYTES = 16 * 1024**2
MAX_DOWNLOAD_BYTES = 4 * 1024**3
USER_AGENT = "termweave (ArgosTranslate-compatible)"
OFFLINE_HINT = (
    "termweave translates offline with installed models; copy an .argosmodel file here and run"
    " `termweave models install PATH.argosmodel`"
)


def resolve_within(host: str, port: int, deadline: float, resolver: Callable = socket.getaddrinfo) -> None:
    """Resolve ``host`` or raise OSError; gives up after ``deadline`` seconds (offline DNS can hang)."""
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            outcome["ok"] = resolver(host, port)
        except BaseException as exc:  # noqa: BLE001 -- reported to the caller
            outcome["error"] = exc

    thread = threading.Thread(target=work, name="termweave-resolve", daemon=True)
    thread.start()
    thread.join(deadline)
    if thread.is_alive():
        raise OSError(f"could not resolve {host} within {deadline:g} s")
    if "error" in outcome:
        error = outcome["error"]
        raise OSError(f"could not resolve {host}: {error}")


def fetch(
    url: str, limit: int, timeout: float = REQUEST_TIMEOUT_S, sink=None, resolve_deadline: float = RESOLVE_DEADLINE_S
) -> bytes:
    """GET ``url`` once (http, https or file); OSError on any failure. Streams into ``sink`` if given."""
    parsed = urllib.parse.urlsplit(url)
    if parsed.scheme not in ("http", "https", "file"):
        raise OSError(f"unsupported URL scheme in {url!r}")
    if parsed.scheme != "file" and not _is_ip_literal(parsed.hostname or ""):
        resolve_within(
            parsed.hostname or "", parsed.port or (443 if parsed.scheme == "https" else 80), resolve_deadline
        )
    from urllib.request import Request, urlopen  # with http.client, ssl, email ~12 ms: only a download

    request = Request(url, headers={"User-Agent": USER_AGENT})
    chunks = []
    total = 0
    try:
        with urlopen(request, timeout=timeout) as response:
            while chunk := response.read(1 << 20):
                total += len(chunk)
                if total > limit:
                    raise OSError(f"{url} is larger than {limit // 1024**2} MiB")
                if sink is None:
                    chunks.append(chunk)
                else:
                    sink.write(chunk)
    except OSError:
        raise
    except Exception as exc:  # urllib raises a zoo (ValueError, http.client errors, blocked sockets ...)
        raise OSError(str(exc) or type(exc).__name__) from None
    return b"".join(chunks)


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def fetch_index(paths: ArgosPaths, resolve_deadline: float = RESOLVE_DEADLINE_S) -> list[dict]:
    """Download Argos's package index (and keep a copy where argospm reads it)."""
    url = paths.remote_index
    try:
        data = fetch(url, MAX_INDEX_BYTES, resolve_deadline=resolve_deadline)
        index = json.loads(data.decode("utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(f"cannot fetch the Argos package index {url}: {exc}. {OFFLINE_HINT}") from None
    if not isinstance(index, list):
        raise UsageError(f"the Argos package index {url} is not a JSON list")
    try:
        atomic_write_bytes(paths.local_index, data)
    except OSError:
        pass  # a cache only
    return [entry for entry in index if isinstance(entry, dict)]


def pick_entry(index: list[dict], from_code: str, to_code: str) -> dict:
    entries = [
        e
        for e in index
        if e.get("type", "translate") == "translate" and e.get("from_code") == from_code and e.get("to_code") == to_code
    ]
    if not entries:
        pairs = sorted(
            {
                f"{e.get('from_code')}:{e.get('to_code')}"
                for e in index
                if from_code in (e.get("from_code"), e.get("to_code"))
            }
        )
        hint = f" (pairs with {from_code}: {', '.join(pairs)})" if pairs else ""
        raise UsageError(f"the Argos package index has no {from_code}->{to_code} package{hint}")
    return max(entries, key=lambda e: version_key(str(e.get("package_version", ""))))


def download_and_install(
    from_code: str,
    to_code: str,
    console: Console,
    paths: ArgosPaths | None = None,
    replace: bool = False,
    resolve_deadline: float = RESOLVE_DEADLINE_S,
) -> tuple[PackageInfo, bool]:
    """Fetch the index, download the pair's package, check it and install it."""
    paths = paths or ArgosPaths.from_env()
    index = fetch_index(paths, resolve_deadline)
    entry = pick_entry(index, from_code, to_code)
    links = [link for link in entry.get("links", []) if isinstance(link, str)]
    if not links:
        raise UsageError(f"the index entry for {from_code}->{to_code} has no download link")
    paths.downloads_dir.mkdir(parents=True, exist_ok=True)
    errors = []
    for link in links:
        console.info(f"downloading {link}")
        with tempfile.NamedTemporaryFile(prefix=".termweave-", suffix=".argosmodel", dir=paths.downloads_dir) as tmp:
            try:
                fetch(link, MAX_DOWNLOAD_BYTES, timeout=60.0, sink=tmp, resolve_deadline=resolve_deadline)
                tmp.flush()
            except OSError as exc:
                errors.append(f"{link}: {exc}")
                continue
            return install_archive(Path(tmp.name), paths, replace=replace)
    raise UsageError(f"download of {from_code}->{to_code} failed: {'; '.join(errors)}. {OFFLINE_HINT}")
