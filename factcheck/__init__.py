"""factcheck: an offline claims registry that cross-checks what sources say.

The library is the product; the `factcheck` command is a thin layer over these functions.
Names are imported on first use so that `factcheck --help` stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_HOMES = {
    "verify": "factcheck.verification",
    "search": "factcheck.claim_search",
    "show_claim": "factcheck.lookup",
    "list_sources": "factcheck.lookup",
    "record_anchors": "factcheck.lookup",
    "init_project": "factcheck.project",
    "add_claim": "factcheck.add",
    "add_source": "factcheck.add",
    "timeline": "factcheck.timeline",
    "claim_reviews": "factcheck.export",
    "parse": "factcheck.normalize",
    "parse_value": "factcheck.normalize",
    "ExitStatus": "factcheck.errors",
    "FactcheckError": "factcheck.errors",
    "Verification": "factcheck.models",
    "Discrepancy": "factcheck.models",
    "Verdict": "factcheck.models",
}
__all__ = [
    "Discrepancy", "ExitStatus", "FactcheckError", "Verdict", "Verification", "add_claim", "add_source",
    "claim_reviews", "init_project", "list_sources", "parse", "parse_value", "record_anchors", "search",
    "show_claim", "timeline", "verify",
]  # fmt: skip

if TYPE_CHECKING:  # pragma: no cover
    from factcheck.add import add_claim, add_source
    from factcheck.claim_search import search
    from factcheck.errors import ExitStatus, FactcheckError
    from factcheck.export import claim_reviews
    from factcheck.lookup import list_sources, record_anchors, show_claim
    from factcheck.models import Discrepancy, Verdict, Verification
    from factcheck.normalize import parse, parse_value
    from factcheck.project import init_project
    from factcheck.timeline import timeline
    from factcheck.verification import verify


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        value = getattr(importlib.import_module(_HOMES[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
