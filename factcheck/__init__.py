"""factcheck: an offline claims registry that cross-checks what sources say.

The library is the product; the `factcheck` command is a thin layer over these functions.
Names are imported on first use so that `factcheck --help` stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_HOMES = {
    "verify": "factcheck.pipeline.verification",
    "search": "factcheck.actions.search",
    "show_claim": "factcheck.actions.show",
    "list_sources": "factcheck.actions.show",
    "record_anchors": "factcheck.actions.show",
    "init_project": "factcheck.actions.init",
    "add_claim": "factcheck.actions.add",
    "add_source": "factcheck.actions.add",
    "timeline": "factcheck.actions.timeline",
    "claim_reviews": "factcheck.actions.export",
    "parse": "factcheck.normalize",
    "parse_value": "factcheck.normalize",
    "ExitStatus": "factcheck.errors",
    "FactcheckError": "factcheck.errors",
    "Verification": "factcheck.models",
    "Discrepancy": "factcheck.models",
    "Verdict": "factcheck.models",
    "Project": "factcheck.project",
}
__all__ = [
    "Discrepancy", "ExitStatus", "FactcheckError", "Project", "Verdict", "Verification", "add_claim", "add_source",
    "claim_reviews", "init_project", "list_sources", "parse", "parse_value", "record_anchors", "search",
    "show_claim", "timeline", "verify",
]  # fmt: skip

if TYPE_CHECKING:  # pragma: no cover
    from factcheck.actions.add import add_claim, add_source
    from factcheck.actions.export import claim_reviews
    from factcheck.actions.init import init_project
    from factcheck.actions.search import search
    from factcheck.actions.show import list_sources, record_anchors, show_claim
    from factcheck.actions.timeline import timeline
    from factcheck.errors import ExitStatus, FactcheckError
    from factcheck.models import Discrepancy, Verdict, Verification
    from factcheck.normalize import parse, parse_value
    from factcheck.pipeline.verification import verify
    from factcheck.project import Project


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        value = getattr(importlib.import_module(_HOMES[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
