"""Python's cycle collector, held back where we make many objects that form no cycles.

At its default it runs every 700 new objects and walks the survivors again and again. Verify, the search
index and the value parser make hundreds of thousands of objects that refer only downwards and live to
the end of their step, so the walks find nothing and cost a quarter of the time. Each context puts the
collector back as it found it.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

YOUNG = 50_000  # new objects between collections of the youngest generation (Python's default: 700)


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """The youngest generation is collected every YOUNG new objects rather than every 700. Processes
    started inside inherit the threshold."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], YOUNG), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)

