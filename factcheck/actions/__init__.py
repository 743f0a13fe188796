"""actions: what each command does, as library functions (init, add, extract, review, search, show, timeline, export)."""
