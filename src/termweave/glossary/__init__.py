"""The term base: one :class:`Term` per concept, loaded from ``glossary/terms.csv``.

The model and the CSV reader live with the format (:mod:`termweave.formats.glossary_csv`, so
that TBX, a format too, builds on them); this package adds lint, matching and import merge.
"""

from termweave.formats.glossary_csv import (
    FORBIDDEN_SUFFIX,
    META_COLUMNS,
    TRUE_WORDS,
    VARIANT_SEPARATOR,
    Glossary,
    Term,
    is_language_column,
    load_glossary,
    parse_glossary,
    split_variants,
)

__all__ = [
    "FORBIDDEN_SUFFIX",
    "META_COLUMNS",
    "TRUE_WORDS",
    "VARIANT_SEPARATOR",
    "Glossary",
    "Term",
    "is_language_column",
    "load_glossary",
    "parse_glossary",
    "split_variants",
]
