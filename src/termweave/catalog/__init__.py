"""catalog step."""
