"""The morphological analysers, one per process: loading pymorphy3's Ukrainian dictionary takes
about half a second and Kiwi's model one to two seconds, so every matcher, splitter and test
shares the same instance (:func:`functools.cache`). Both libraries are imported on first use.
"""

from __future__ import annotations

from functools import cache


@cache
def ukrainian_morph():
    """pymorphy3's analyser with the Ukrainian dictionary."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="uk")


@cache
def korean_kiwi():
    """Kiwi, for the term matcher and the sentence splitter alike. No typo or multi-word
    (WikiData names) dictionaries: half the load time and 190 MiB less, and the term sets score
    the same without them (benchmarks/term_accuracy.py). No worker threads (``num_workers=0``):
    termweave tokenizes a word at a time, and a process without threads can fork its check
    workers safely (check.parallel)."""
    import warnings

    from kiwipiepy import Kiwi

    with warnings.catch_warnings():  # "behavior of num_workers=0 changed in 0.21": 0 now means none, as wanted
        warnings.simplefilter("ignore", DeprecationWarning)
        return Kiwi(num_workers=0, load_typo_dict=False, load_multi_dict=False)


def loaded() -> dict[str, bool]:
    """Which analysers this process has created (each at most once)."""
    return {"pymorphy3": ukrainian_morph.cache_info().currsize > 0, "kiwi": korean_kiwi.cache_info().currsize > 0}
