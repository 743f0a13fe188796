"""`factcheck search` without typer: a search is run many times a day, and building the command
line (typer, click, the command's options) cost about as much as a search whose index is up to
date. A command line of the plain forms (a query, the command's options each once, as separate
words) is read here; anything else, and any error, is left to the typer command (return None),
which reads it again and says what is wrong as every command does. The output is the command's."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from factcheck.invocation import GLOBAL_OPTIONS, GLOBAL_ROOT, stdout_gone

_GLOBAL_FLAGS = {"--quiet": "quiet", "--debug": "debug"}
_VALUES = {"--root": "root", "-r": "root", "--source": "source", "-s": "source", "--subject": "subject",
           "--kind": "kind", "-k": "kind", "--limit": "limit", "-n": "limit", "--format": "format", "-f": "format"}  # fmt: skip
_FLAGS = {"--rejected": "rejected", "--no-cache": "no_cache"}


def search(args: Sequence[str]) -> int | None:
    """Run `factcheck ARGS` (a search) and return its exit status; None when the typer command is to
    run it instead (a form not read here, or an error to report)."""
    parsed = _parsed(args)
    encoding = getattr(sys.stdout, "encoding", None) or ""  # no stdout at all (closed): the command's words
    if parsed is None or not encoding.lower().replace("-", "").startswith("utf8"):
        return None
    options, flags = parsed
    root = options.get("root") or options.get("global_root") or "."
    limit = int(options.get("limit", "20"))
    folders = [Path(f) for f in (options.get("root"), options.get("global_root")) if f is not None]
    if any(f.is_file() or (f.exists() and not os.access(f, os.R_OK)) for f in folders) or limit < 1 or (
            options.get("format", "text") not in ("text", "json")):  # fmt: skip
        return None  # the command's own words for these
    GLOBAL_OPTIONS.set(frozenset(flags & set(_GLOBAL_FLAGS.values())))
    GLOBAL_ROOT.set(options.get("global_root"))
    from factcheck.actions.search import search as found
    from factcheck.actions.search import search_dicts
    from factcheck.errors import ExitStatus

    run = search_dicts if options.get("format") == "json" else found
    try:
        hits: list[Any] = run(root, options["query"], source=options.get("source"), subject=options.get("subject"),
                   kind=options.get("kind"), limit=limit, cache="no_cache" not in flags, rejected="rejected" in flags)  # fmt: skip
    except Exception:  # an error (or a bug) is reported by the command, as it reports every other
        return None
    try:
        if options.get("format") == "json":
            sys.stdout.write(json.dumps(hits, indent=2, ensure_ascii=False) + "\n")
        else:
            from factcheck import console  # rich, only when there is something to draw

            console.print_hits(hits)
        sys.stdout.flush()
    except BrokenPipeError:
        stdout_gone()
        return 0
    return 0 if hits else int(ExitStatus.NO_MATCH)


def _parsed(args: Sequence[str]) -> tuple[dict[str, Any], set[str]] | None:
    """The query and options of a search command line, when it is of the plain forms: options each
    given once, as separate words, with a value where one is needed; texts that are UTF-8."""
    if any("\ud800" <= ch <= "\udfff" for arg in args for ch in arg):
        return None  # not UTF-8: the command says which byte
    options: dict[str, Any] = {}
    flags: set[str] = set()
    command = False
    words = iter(args)
    for arg in words:
        if arg in _GLOBAL_FLAGS:
            flags.add(_GLOBAL_FLAGS[arg])
        elif not command:
            if arg == "search":
                command = True
            elif arg in ("--root", "-r") and "global_root" not in options:
                options["global_root"] = next(words, None)
            else:
                return None
        elif arg in _VALUES and _VALUES[arg] not in options:
            options[_VALUES[arg]] = next(words, None)
        elif arg in _FLAGS and _FLAGS[arg] not in flags:
            flags.add(_FLAGS[arg])
        elif not arg.startswith("-") and "query" not in options:
            options["query"] = arg
        else:
            return None
    if "query" not in options or any(v is None or (v.startswith("-") and k != "query") for k, v in options.items()):
        return None
    limit = options.get("limit", "20")
    if not (limit.isascii() and limit.isdigit()):
        return None
    return options, flags
