"""registry: the claims files: loading and validating them, editing them round-trip, and the reviews file."""
