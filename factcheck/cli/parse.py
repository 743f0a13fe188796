from __future__ import annotations

import itertools
import json
import sys
from collections.abc import Iterator
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
    quote: str = typer.Option(
        None, "--quote", help="The sentence TEXT was taken from: a date without a year is placed by its tense."
    ),
    format: ParseFormat = typer.Option(
        ParseFormat.text, "--format", "-f", help="text, json, or jsonl (one object per input line)."
    ),
) -> None:
    """Find every value in TEXT: kind, span and interval."""
    from factcheck import console
    from factcheck.normalize import parse, parse_ref

    reference = parse_ref(ref)
    lines = _stdin_lines() if text == "-" else [text]
    results = [(line, parse(line, reference, quote)) for line in lines]
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


def _stdin_lines() -> Iterator[str]:
    """Lines of stdin, each read only up to the parser's limit: a line over it is refused before the
    rest of it is read, so a gigabyte without a line break never fills memory."""
    from factcheck.errors import ParseError
    from factcheck.normalize import MAX_TEXT

    for number in itertools.count(1):
        try:
            line = sys.stdin.readline(MAX_TEXT + 2)  # the limit, and a line break
        except UnicodeDecodeError:
            raise ParseError(f"stdin line {number} is not UTF-8 text", hint="convert the input to UTF-8") from None
        if not line:
            return
        line = line.removesuffix("\n").removesuffix("\r")
        if len(line) > MAX_TEXT:
            raise ParseError(f"stdin line {number} is over the {MAX_TEXT:,}-character limit",
                             hint="split the text into shorter lines")  # fmt: skip
        yield line
