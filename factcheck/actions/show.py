"""Looking things up: one claim with its anchor and verdicts, the sources with their dates, anchors."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from factcheck.anchor import write_anchors
from factcheck.errors import FactcheckError
from factcheck.models import Source
from factcheck.pipeline.verification import verify
from factcheck.project import Project
from factcheck.registry.load import load_registry
from factcheck.results import ClaimDetail
from factcheck.sources.load import load_sources


def show_claim(root: str | Path | Project, claim_id: str) -> ClaimDetail:
    """One claim (by its id or an unambiguous prefix): where its quote sits, and every verdict it
    takes part in. A rejected claim is shown too, found in its source afresh, with no verdicts."""
    from factcheck.actions.review import match_id

    project = Project.at(root)
    result = verify(project)
    claims = {c.id: c for c in result.claims}
    registry = load_registry(project.root, {s.name for s in result.sources}, project.settings)
    rejected = {c.id: c for c in registry.claims if c.status == "rejected"}
    claim_id = match_id(claim_id, claims.keys() | rejected.keys(), "claim", "list ids with `factcheck search`")
    claim = claims.get(claim_id) or rejected[claim_id]
    source = next(s for s in result.sources if s.name == claim.source)
    anchor = next((a for a in result.anchors if a.claim_id == claim_id), None)
    if anchor is None:
        from factcheck.anchor import anchor_quote, prepare

        anchor = anchor_quote(claim, prepare(source))
    names = {e.id: e.name for e in result.entities}
    related = tuple(d for d in result.discrepancies if any(c.id == claim_id for c in d.claims))
    return ClaimDetail(claim, names.get(claim.subject, claim.subject), anchor, source, related)


def list_sources(root: str | Path | Project) -> tuple[tuple[Source, int], ...]:
    """Every source with its number of claims, rejected ones left out (the registry is validated;
    quotes are not anchored)."""
    project = Project.at(root)
    sources = load_sources(project.root, project.settings)
    claims = load_registry(project.root, {s.name for s in sources}, project.settings).claims
    counts = Counter(c.source for c in claims if c.status != "rejected")
    return tuple((s, counts[s.name]) for s in sources)


def record_anchors(root: str | Path | Project) -> tuple[Path, int]:
    """Write claims/anchors.json so later edits to sources are detected and reported."""
    project = Project.at(root)
    result = verify(project)
    if result.errors:
        raise FactcheckError(
            f"{len(result.errors)} claim(s) have errors; fix them before recording anchors",
            hint="run `factcheck verify` to see them",
        )
    from factcheck.files import project_lock

    with project_lock(project.root):
        path = write_anchors(project.claims, list(result.anchors))
    return path, len(result.anchors)
