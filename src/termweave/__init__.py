"""termweave: trilingual scholarly abstracts from one seed, kept terminologically consistent."""

__version__ = "0.1.0"
