"""Step 5b: render an edition as Markdown (``translations/abstract.<lang>.md``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the format writes the model it is given; it needs no code of render's
    from termweave.render.edition import Edition

STAND_IN_MARK = "[untranslated]"
# Text from seeds and translations is data, never markup: no raw HTML (``<img onerror>``,
# ``<script>``, autolinks ``<javascript:...>``) and no links or images (``[x](javascript:...)``,
# ``[x]: url``); the only links are the DOI and licence links built here. The backslash is
# escaped so a translation ending in one cannot undo the escaping that follows it.
_AS_TEXT = str.maketrans({"\\": "\\\\", "<": "&lt;", "[": "\\[", "]": "\\]"})


def as_text(value: str) -> str:
    """``value`` rendered literally by any CommonMark renderer: no HTML, no links."""
    return value.translate(_AS_TEXT)


def render_markdown(edition: Edition) -> str:
    def text(segment_id: str) -> str | None:
        value = edition.text(segment_id)
        if value is None:
            return None
        value = as_text(value)
        return f"{STAND_IN_MARK} {value}" if segment_id in edition.stand_ins else value

    out: list[str] = []
    if (title := text("title")) is not None:
        out += [f"# {title}", ""]
    if (doi := text("doi")) is not None:
        out += [f"DOI: [{doi}]({_doi_url(doi)})", ""]
    if (keywords := text("keywords")) is not None:
        out += [f"**{text('ui.keywords') or 'Keywords'}:** {keywords}", ""]
    out += [f"## {text('ui.abstract') or 'Abstract'}", ""]
    for paragraph in edition.paragraphs():
        out += [" ".join(text(i) or "" for i in paragraph), ""]
    if (copyright_line := text("copyright")) is not None:
        out += [copyright_line, ""]
    if (licence_text := text("licence")) is not None:
        licence = edition.licence
        if licence:
            licence_text += f" [{licence.code}]({licence.deed_url(edition.lang)})"
        out += [licence_text, ""]
    return "\n".join(out)


def _doi_url(doi: str) -> str:
    return doi if doi.startswith(("http://", "https://")) else f"https://doi.org/{doi}"
