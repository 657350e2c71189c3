"""Data shipped with termweave (package data), each file with its source recorded inside it."""
