"""Offline machine-translation drafts with Argos Translate packages (CTranslate2 + SentencePiece).

- ``models``   installed packages and routes, read without importing argostranslate (fast);
- ``archive``  checking, installing and removing ``.argosmodel`` files;
- ``index``    ``models install FROM:TO``: Argos's package index (the only network access);
- ``subwords`` tokenisation, with protected spans masked as placeholder tokens;
- ``engine``   batched CTranslate2 decoding of a package;
- ``terms``    glossary-aware scoring of hypotheses (the checks' term matcher);
- ``draft``    ``translate_catalogs``: fuzzy, commented drafts into the PO catalogs;
- ``cli``      ``termweave translate`` and ``termweave models {list,install,remove}``.
"""
