from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from factcheck.cli.common import RootOption, emit, handles_errors


class ExportFormat(str, Enum):
    claimreview = "claimreview"
    csv = "csv"
    json = "json"


@handles_errors
def export_command(
    format: ExportFormat = typer.Option(..., "--format", "-f", help="claimreview (JSON-LD), csv or json."),
    root: Path = RootOption,
    output: Path = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout.", dir_okay=False),
    by: str = typer.Option("factcheck", "--by", help="ClaimReview: the organisation publishing the reviews."),
    confirmed_only: bool = typer.Option(
        False, "--confirmed-only", help="ClaimReview: only discrepancies a person confirmed."
    ),
    include_corroborated: bool = typer.Option(False, "--all", help="ClaimReview: corroborated pairs too."),
) -> None:
    """Export discrepancies as schema.org ClaimReview JSON-LD, or the claims as CSV or JSON."""
    from factcheck.actions import export
    from factcheck.pipeline.verification import verify
    from factcheck.project import Project

    result = verify(Project.at(root))
    if format is ExportFormat.claimreview:
        reviews = export.claim_reviews(result, author=by, confirmed_only=confirmed_only,
                                       include_corroborated=include_corroborated)  # fmt: skip
        text = export.to_claimreview_json(reviews)
    elif format is ExportFormat.csv:
        text = export.to_claims_csv(result)
    else:
        text = export.to_claims_json(result)
    emit(text, output)
