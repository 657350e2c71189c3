"""Per-language text handling: sentence splitting (:mod:`termweave.lang.split`)."""
