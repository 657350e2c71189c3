"""Page chrome: how a journal page in one language names its parts (segment.py reads seeds with
these). A language without its own labels reads English ones, which most journal platforms
print whatever the article's language."""

from __future__ import annotations

from typing import NamedTuple


class SeedLabels(NamedTuple):  # a NamedTuple: defined in an eighth of a frozen dataclass's time
    """How a journal page in one language names its parts."""

    keywords: tuple[str, ...]
    abstract: tuple[str, ...]
    chrome: tuple[str, ...]
    doi: tuple[str, ...] = ("DOI",)


LABELS: dict[str, SeedLabels] = {
    "en": SeedLabels(
        keywords=("Keywords", "Key words"),
        abstract=("Abstract", "Summary"),
        chrome=(
            "Downloads",
            "Published",
            "How to Cite",
            "Issue",
            "Section",
            "License",
            "Licence",
            "Author Biography",
            "Author Biographies",
            "References",
            "Metrics",
            "Citations",
        ),
    ),
    "uk": SeedLabels(
        keywords=("Ключові слова",),
        abstract=("Анотація", "Абстракт", "Резюме"),
        chrome=(
            "Завантаження",
            "Опубліковано",
            "Як цитувати",
            "Номер",
            "Випуск",
            "Розділ",
            "Ліцензія",
            "Біографія автора",
            "Посилання",
            "Метрики",
        ),
    ),
    "ko": SeedLabels(
        keywords=("주제어", "키워드", "핵심어"),
        abstract=("초록", "요약", "국문초록"),
        chrome=("다운로드", "게시됨", "인용 방법", "호", "섹션", "라이선스"),
    ),
}
