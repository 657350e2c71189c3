"""The review page's style sheet as data: its term colours, badge and text colours (read from
``assets/review.css``, so the tests check what ships) and the WCAG contrast ratio they are held to."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path


@cache
def asset(name: str) -> str:
    # Package data beside this module (pyproject's package-data); importlib.resources would
    # add ~5 ms of imports (zipfile, tempfile) to every command that writes the review page.
    return (Path(__file__).parent / "assets" / name).read_text(encoding="utf-8")


_HEX = "#[0-9a-f]{6}"


def _palette() -> tuple[tuple[str, str], ...]:
    found = re.findall(
        rf"^\.c(\d+)\{{background:({_HEX});box-shadow:inset 0 -2px 0 ({_HEX})\}}$", asset("review.css"), re.MULTILINE
    )
    return tuple((bg, accent) for _, bg, accent in sorted(found, key=lambda f: int(f[0])))


def _badges() -> dict[str, tuple[str, str]]:
    """Every text/background pair of the style sheet, by selector (``badge.fuzzy``, ``mark.issue``, ...)."""
    pattern = rf"^\.?([^{{\s]+)\{{color:({_HEX});background:({_HEX})[;}}]"
    return {name: (fg, bg) for name, fg, bg in re.findall(pattern, asset("review.css"), re.MULTILINE)}


def _root_colour(name: str) -> str:
    match = re.search(rf"--{name}:({_HEX})", asset("review.css"))
    assert match, name
    return match.group(1)


# Read from review.css: (background, underline accent) per term colour; (text, background) per
# badge, label, tooltip, mark and diff; the page's text, background, muted and stripe colours.
PALETTE = _palette()
BADGES = _badges()
TEXT_COLOUR, PAGE_BACKGROUND, MUTED_TEXT, STRIPE_BACKGROUND = (
    _root_colour(n) for n in ("text", "page", "muted", "stripe")
)


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
