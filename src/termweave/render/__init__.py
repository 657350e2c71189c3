"""render step."""
