"""Step 1: segment a seed (a scraped article page) into typed segments with stable ids.

A seed is plain text: the title line; ``DOI:`` and the DOI; ``Keywords:`` and the keyword
list; ``Abstract`` and the abstract paragraphs; page chrome (``Downloads``, ``Published``, ...
and the values a fuller scrape puts under them); the copyright line; the licence sentence.
Scrapes glue labels to the neighbouring value
(``...zenodo.20391772Keywords:``, ``...Kim Jong-un.Abstract``), so labels are recognised at
either end of a line. Every part but the title and the abstract is optional. A line that fits
nowhere is an error naming that line.

Segment ids double as gettext ``msgctxt``: ``title``, ``doi``, ``keywords``,
``abstract.p3.s2``, ``copyright``, ``licence``, and ``ui.keywords`` / ``ui.abstract`` for the
labels an edition prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from termweave.copyright import COPYRIGHT_RE
from termweave.errors import InputError
from termweave.fsutil import read_text
from termweave.lang import language
from termweave.lang.labels import SeedLabels
from termweave.patterns import find_protected

LICENCE_RE = re.compile(r"licen[cs]ed under|Creative Commons|ліценз|라이선스|이용할 수", re.IGNORECASE)


@dataclass(frozen=True)
class Segment:
    id: str
    kind: str  # title | doi | keywords | sentence | copyright | licence | label
    text: str
    line: int | None  # 1-based line in the seed; None for a label the seed does not print
    translatable: bool = True
    paragraph: int | None = None


@dataclass
class Document:
    path: Path
    lang: str
    segments: list[Segment] = field(default_factory=list)

    def get(self, segment_id: str) -> Segment | None:
        return next((s for s in self.segments if s.id == segment_id), None)

    def translatable(self) -> list[Segment]:
        return [s for s in self.segments if s.translatable]

    def paragraphs(self) -> list[list[Segment]]:
        """Abstract sentences grouped by paragraph, in order."""
        groups: dict[int, list[Segment]] = {}
        for seg in self.segments:
            if seg.kind == "sentence":
                groups.setdefault(seg.paragraph or 0, []).append(seg)
        return [groups[k] for k in sorted(groups)]


@dataclass(frozen=True)
class _Piece:
    kind: str  # "label:<name>" | "chrome" | "text"
    text: str
    line: int
    raw: str = ""  # the whole line as in the seed (the copyright line is kept byte for byte)


def _label_pattern(names: tuple[str, ...]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


LABEL_NAMES = ("doi", "keywords", "abstract")


class _Lexer:
    """Turns seed lines into label / chrome / text pieces, un-gluing scraped labels.

    Linear in the line's length: labels at the start are peeled in a loop (no recursion: a line
    of 1,200 ``DOI:`` labels is fine) and a label glued to the end is found by comparing the
    line's tail with each label name, not by a backtracking pattern.
    """

    def __init__(self, labels: SeedLabels):
        parts = {"doi": labels.doi, "keywords": labels.keywords, "abstract": labels.abstract}
        alternation = "|".join(f"(?P<{name}>{_label_pattern(words)})" for name, words in parts.items())
        # Label at the start, in any case: "Keywords: a, b" / "DOI: https://..." / "ABSTRACT".
        # Possessive \s*+ : after the label, spaces are either followed by ':' / the end or not.
        self.head = re.compile(rf"(?:{alternation})\s*+(?::\s*+|$)", re.IGNORECASE)
        # Label glued to the end of a value, as scrapes leave it ("...20391772Keywords:",
        # "...Kim Jong-un.Abstract", "...Jong-unAbstract"): written as printed, with no space
        # before it. After a space only with a colon ("... Keywords:"), so prose that merely
        # ends in the word is left alone. Longest names first, as the alternation above.
        self.tail_names = sorted(
            ((word, name) for name, words in parts.items() for word in words),
            key=lambda item: len(item[0]),
            reverse=True,
        )
        self.chrome = {c.casefold() for c in labels.chrome}
        self.chrome_length = max(map(len, labels.chrome)) + 8  # room for a colon and spaces

    @staticmethod
    def _which(match: re.Match) -> str:
        return next(n for n in LABEL_NAMES if match.group(n))

    def _glued_tail(self, stripped: str) -> tuple[str, str] | None:
        """(value, label name) when ``stripped`` ends with a label as a scrape glues it."""
        colon = stripped.endswith(":")
        body = stripped[:-1].rstrip() if colon else stripped
        for word, name in self.tail_names:
            if not body.endswith(word) or len(body) == len(word):
                continue
            rest = body[: -len(word)]
            if not rest[-1].isspace():
                return rest.strip(), name
            if colon and rest.strip():
                return rest.strip(), name
        return None

    def pieces(self, text: str, line: int) -> list[_Piece]:
        out: list[_Piece] = []
        stripped = text.strip()
        start = 0  # labels peeled off so far (an index: slicing in the loop would be quadratic)
        while start < len(stripped):
            if COPYRIGHT_RE.match(stripped, start):
                return out + [_Piece("text", stripped[start:], line, raw=text)]
            if len(stripped) - start <= self.chrome_length and stripped[start:].rstrip(":").casefold() in self.chrome:
                return out + [_Piece("chrome", stripped[start:], line)]
            head = self.head.match(stripped, start)
            if not head or len(out) > len(LABEL_NAMES):  # more labels than there are: a repeat,
                break  # which the parser reports; the rest of the line stays text
            out.append(_Piece("label:" + self._which(head), "", line))
            start = head.end()
        rest = stripped[start:]
        if not rest:
            return out
        tail = self._glued_tail(rest)
        if tail:
            return out + [_Piece("text", tail[0], line), _Piece("label:" + tail[1], "", line)]
        return out + [_Piece("text", rest, line)]


def sentence_splitter(lang: str):
    """A function splitting a paragraph into sentences: the splitter chosen for ``lang``
    (:mod:`termweave.lang.split`; tokenize-uk for Ukrainian, Kiwi for Korean, pysbd otherwise)."""
    return language(lang).splitter.split


def parse_seed(path: str | Path, lang: str = "en") -> Document:
    """Read and segment a seed file; raise InputError naming the line that cannot be placed."""
    path = Path(path)
    text = read_text(path)
    return parse_seed_text(text, path, lang)


def parse_seed_text(text: str, path: Path, lang: str = "en") -> Document:
    labels = language(lang).labels
    lexer = _Lexer(labels)
    pieces: list[_Piece] = []
    for number, raw in enumerate(re.split(r"\r\n|\r|\n", text), 1):
        pieces.extend(lexer.pieces(raw, number))
    if not pieces:
        raise InputError("empty seed: expected a title line", path, 1)

    doc = Document(path=path, lang=lang)
    add = doc.segments.append
    if pieces[0].kind != "text":
        raise InputError("expected the title on the first line, found a label", path, pieces[0].line)
    add(Segment("title", "title", pieces[0].text, pieces[0].line))

    paragraphs, abstract_label = _place(pieces, doc, labels, path)
    if not paragraphs:
        where = abstract_label.line if abstract_label else pieces[-1].line
        raise InputError("no abstract paragraphs found", path, where)
    doc.segments.append(
        Segment("ui.abstract", "label", labels.abstract[0], abstract_label.line if abstract_label else None)
    )
    split = sentence_splitter(lang)
    for p_number, piece in enumerate(paragraphs, 1):
        for s_number, sentence in enumerate(split(piece.text), 1):
            doc.segments.append(
                Segment(f"abstract.p{p_number}.s{s_number}", "sentence", sentence, piece.line, paragraph=p_number)
            )
    doc.segments.sort(key=_reading_order)
    return doc


def _place(pieces: list[_Piece], doc: Document, labels: SeedLabels, path: Path) -> tuple[list[_Piece], _Piece | None]:
    """Place every piece after the title (segments added to ``doc``); returns the abstract's
    paragraphs and its label. A state machine: head -> abstract -> tail (chrome) -> copyright -> licence."""
    add = doc.segments.append
    seen_labels: set[str] = set()
    paragraphs: list[_Piece] = []
    abstract_label: _Piece | None = None
    state = "head"
    i = 1
    while i < len(pieces):
        piece = pieces[i]
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        if piece.kind.startswith("label:"):
            name = piece.kind.split(":", 1)[1]
            if state == "abstract" and abstract_label is None and paragraphs:
                # Unlabelled text before a label: a second title line, the authors, ...
                raise InputError(
                    f"cannot place this line: text between the title and the {name!r} label", path, paragraphs[0].line
                )
            if name in seen_labels or state != "head":
                raise InputError(f"unexpected {name!r} label here", path, piece.line)
            seen_labels.add(name)
            if name == "abstract":
                abstract_label, state = piece, "abstract"
                i += 1
                continue
            if nxt is None or nxt.kind != "text":
                raise InputError(f"{name!r} label without a value", path, piece.line)
            if name == "doi":
                if not find_protected(nxt.text):
                    raise InputError(f"expected a DOI after the DOI label, found {nxt.text[:40]!r}", path, nxt.line)
                add(Segment("doi", "doi", nxt.text, nxt.line, translatable=False))
            else:
                add(Segment("ui.keywords", "label", labels.keywords[0], piece.line))
                add(Segment("keywords", "keywords", nxt.text, nxt.line))
            i += 2
            continue
        if piece.kind == "chrome":
            if state in ("copyright", "licence"):
                raise InputError(f"page chrome {piece.text!r} after the copyright line", path, piece.line)
            state = "tail"
            i += 1
            continue
        state = _place_text(piece, nxt, state, seen_labels, paragraphs, doc, path)
        i += 1
    return paragraphs, abstract_label


def _place_text(
    piece: _Piece,
    nxt: _Piece | None,
    state: str,
    seen_labels: set[str],
    paragraphs: list[_Piece],
    doc: Document,
    path: Path,
) -> str:
    """Place a text piece: where it belongs depends on what came before. Returns the new state."""
    if COPYRIGHT_RE.match(piece.text) and state in ("head", "abstract", "tail"):
        doc.segments.append(Segment("copyright", "copyright", piece.raw or piece.text, piece.line, translatable=False))
        state = "copyright"
    elif state == "copyright" or (
        state in ("abstract", "tail") and LICENCE_RE.search(piece.text) and paragraphs and not nxt
    ):
        if doc.get("licence"):
            raise InputError("cannot place this line: text after the licence", path, piece.line)
        doc.segments.append(Segment("licence", "licence", piece.text, piece.line))
        state = "licence"
    elif state == "licence":
        raise InputError("cannot place this line: text after the licence", path, piece.line)
    elif (
        state == "head"
        and find_protected(piece.text)
        and "doi" not in seen_labels
        and not paragraphs
        and piece.text == find_protected(piece.text)[0].text
    ):
        seen_labels.add("doi")  # a bare DOI line right after the title
        doc.segments.append(Segment("doi", "doi", piece.text, piece.line, translatable=False))
    elif state == "head" and seen_labels - {"doi"}:
        raise InputError("cannot place this line: expected the 'Abstract' label", path, piece.line)
    elif state in ("head", "abstract"):
        state = "abstract"
        paragraphs.append(piece)
    # Otherwise we are amid the page chrome: a value under a chrome label ("Published" /
    # "2025-06-30", "Issue" / "Vol. 3 No. 12"), which stays out of the catalogs too.
    return state


_ORDER = ("title", "doi", "ui.keywords", "keywords", "ui.abstract", "sentence", "copyright", "licence")


def _reading_order(seg: Segment) -> tuple[int, int, int]:
    rank = _ORDER.index("sentence") if seg.kind == "sentence" else _ORDER.index(seg.id)
    if seg.kind == "sentence":
        p, s = (int(x[1:]) for x in seg.id.split(".")[1:])
        return rank, p, s
    return rank, 0, 0
