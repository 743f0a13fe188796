from __future__ import annotations

import json
import sys
from enum import Enum

import typer

from factcheck.cli.common import handles_errors


class ParseFormat(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


@handles_errors
def parse_command(
    text: str = typer.Argument(..., help="The phrase to read, or - to read one phrase per line from stdin."),
    ref: str = typer.Option(None, "--ref", help="Reference date for relative expressions: YYYY-MM-DD or a range A..B."),
    format: ParseFormat = typer.Option(
        ParseFormat.text, "--format", "-f", help="text, json, or jsonl (one object per input line)."
    ),
) -> None:
    """Find every value in TEXT: kind, span and interval."""
    from factcheck import console
    from factcheck.normalize import parse, parse_ref

    reference = parse_ref(ref)
    lines = sys.stdin.read().splitlines() if text == "-" else [text]
    results = [(line, parse(line, reference)) for line in lines]
    if format is ParseFormat.jsonl:
        for line, values in results:
            typer.echo(json.dumps({"text": line, "values": [v.to_dict() for v in values]}, ensure_ascii=False))
    elif format is ParseFormat.json:
        data = (
            [v.to_dict() for _, values in results for v in values]
            if text != "-"
            else [{"text": line, "values": [v.to_dict() for v in values]} for line, values in results]
        )
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        console.print_values(results)
