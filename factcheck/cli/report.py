from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from factcheck.cli.common import RootOption, emit, handles_errors


class ReportFormat(str, Enum):
    markdown = "markdown"
    html = "html"
    json = "json"


@handles_errors
def report_command(
    root: Path = RootOption,
    format: ReportFormat = typer.Option(
        ReportFormat.markdown, "--format", "-f", help="markdown, html (a self-contained page) or json."
    ),
    output: Path = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout.", dir_okay=False),
    no_corroborated: bool = typer.Option(False, "--no-corroborated", help="Leave agreeing pairs out."),
) -> None:
    """The discrepancy report: summary, then each pair with quotes side by side."""
    from factcheck import report
    from factcheck.pipeline.verification import verify
    from factcheck.project import Project

    result = verify(Project.at(root))
    if format is ReportFormat.html:
        text = report.to_html(result, include_corroborated=not no_corroborated)
    elif format is ReportFormat.json:
        text = report.to_json(result)
    else:
        text = report.to_markdown(result, include_corroborated=not no_corroborated)
    emit(text, output)
