"""``termweave tm export``: every article's reviewed translations as one TMX translation memory
(the format itself: :mod:`termweave.formats.tmx`)."""

from __future__ import annotations

from pathlib import Path

from termweave.config import Config
from termweave.errors import InputError
from termweave.formats.po import load_po
from termweave.formats.tmx import Unit, collect_units, render_tmx
from termweave.fsutil import write_if_changed
from termweave.places import article_places


def default_tmx_path(config: Config) -> Path:
    return config.output / f"{config.domain}.tmx"


def export_tmx(config: Config, output: Path | None = None) -> tuple[Path, int, bool]:
    """Write the translation memory; returns (path, units, changed)."""
    places = article_places(config) if config.seeds else []
    folders = [place.folder for place in places] or [config.output]
    units: dict[tuple[str | None, str], Unit] = {}
    for folder in folders:  # every article's catalogs; a text shared by articles is one unit
        catalogs = {}
        for lang in config.target_langs:
            path = folder / f"{lang}.po"
            if not path.exists():
                raise InputError("catalog not found (run termweave update first)", path)
            catalogs[lang] = load_po(path)
        for unit in collect_units(catalogs):
            units.setdefault((unit.context, unit.source), unit)
    output = output or default_tmx_path(config)
    data = render_tmx(list(units.values()), config.source_lang, config.target_langs)
    return output, len(units), write_if_changed(output, data)
