"""judge: which claims are about the same thing, and the verdict (with its explanation) when they differ."""
