"""Dates at their stated precision: the words and patterns, calendar arithmetic, absolute and relative dates."""
