"""`factcheck search`, `verify` and `extract` without typer: they are run many times a day, and
building the command line (typer, click, the command's options) cost about as much as a search
whose index is up to date, and a tenth of a second of each verify and extract. A command line of
the plain forms (the command's arguments, its options each once, as separate words) is read here;
anything else is left to the typer command (return None), which reads it again and says what is
wrong as every command does. The output and exit status are the command's: a search that fails is
left to the command too; verify and extract report their errors as cli/common.handles_errors does."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from factcheck.invocation import GLOBAL_OPTIONS, GLOBAL_ROOT, stdout_gone

EXTRACT_PROGRESS_AT = 4  # extract shows a progress bar from this many sources
_GLOBAL_FLAGS = {"--quiet": "quiet", "--debug": "debug"}
_ROOT = {"--root": "root", "-r": "root"}
_FORMAT = {"--format": "format", "-f": "format"}


class _Command(NamedTuple):
    """What a command line of one command may hold here: options with a value, flags, and its
    arguments (a name for one that must be given once, None for none, "*" for any number)."""

    values: dict[str, str]
    flags: dict[str, str]
    arguments: str | None


_COMMANDS = {
    "search": _Command({**_ROOT, **_FORMAT, "--source": "source", "-s": "source", "--subject": "subject",
                        "--kind": "kind", "-k": "kind", "--limit": "limit", "-n": "limit"},
                       {"--rejected": "rejected", "--no-cache": "no_cache"}, "query"),  # fmt: skip
    "verify": _Command({**_ROOT, **_FORMAT, "--jobs": "jobs", "-j": "jobs"}, {"--all": "all", "--no-cache": "no_cache"},
                       None),  # fmt: skip
    "extract": _Command({**_ROOT, **_FORMAT}, {"--dry-run": "dry_run", "-n": "dry_run"}, "*"),
}


def run(command: str, args: Sequence[str]) -> int | None:
    """Run `factcheck ARGS` when it is a plain command line of `command` (search, verify or
    extract), and return its exit status; None when the typer command is to run it instead."""
    return {"search": search, "verify": verify, "extract": extract}[command](args)


def search(args: Sequence[str]) -> int | None:
    """Run `factcheck ARGS` (a search) and return its exit status; None when the typer command is to
    run it instead (a form not read here, or an error to report)."""
    parsed = _parsed(args, "search")
    if parsed is None or not _utf8_stdout():
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


def _utf8_stdout() -> bool:
    """Whether stdout takes UTF-8 text as it is (no stdout at all, when closed: the command's words)."""
    encoding = getattr(sys.stdout, "encoding", None) or ""
    return encoding.lower().replace("-", "").startswith("utf8")


def _parsed(args: Sequence[str], name: str) -> tuple[dict[str, Any], set[str]] | None:
    """The arguments and options of a command line of command `name`, when it is of the plain forms:
    options each given once, as separate words, with a value where one is needed; texts that are
    UTF-8. Arguments are under the command's name for them ("*": a list, maybe empty)."""
    if any("\ud800" <= ch <= "\udfff" for arg in args for ch in arg):
        return None  # not UTF-8: the command says which byte
    spec = _COMMANDS[name]
    options: dict[str, Any] = {}
    flags: set[str] = set()
    arguments: list[str] = []
    command = False
    words = iter(args)
    for arg in words:
        if arg in _GLOBAL_FLAGS:
            flags.add(_GLOBAL_FLAGS[arg])
        elif not command:
            if arg == name:
                command = True
            elif arg in _ROOT and "global_root" not in options:
                options["global_root"] = next(words, None)
            else:
                return None
        elif arg in spec.values and spec.values[arg] not in options:
            options[spec.values[arg]] = next(words, None)
        elif arg in spec.flags and spec.flags[arg] not in flags:
            flags.add(spec.flags[arg])
        elif not arg.startswith("-") and spec.arguments is not None and (spec.arguments == "*" or not arguments):
            arguments.append(arg)
        else:
            return None
    if spec.arguments == "*":
        options["*"] = arguments
    elif spec.arguments is not None:
        if not arguments:
            return None
        options[spec.arguments] = arguments[0]
    if not command or any(v is None or (isinstance(v, str) and v.startswith("-") and k != spec.arguments)
                          for k, v in options.items()):  # fmt: skip
        return None
    for number in ("limit", "jobs"):
        value = options.get(number, "1")
        if not (value.isascii() and value.isdigit()):
            return None
    return options, flags


def _folders_fit(options: dict[str, Any]) -> bool:
    """Whether the --root folders given are ones the command would take without a word (not a file,
    not an unreadable folder); the command says what is wrong with any other."""
    given = [f for f in (options.get("root"), options.get("global_root")) if f is not None]
    return not any(f == "" or Path(f).is_file() or (Path(f).exists() and not os.access(f, os.R_OK)) for f in given)


def _start(options: dict[str, Any], flags: set[str]) -> Path:
    """Set the global options as the app's callback does; the project folder."""
    GLOBAL_OPTIONS.set(frozenset(flags & set(_GLOBAL_FLAGS.values())))
    GLOBAL_ROOT.set(str(Path(options["global_root"])) if "global_root" in options else None)
    return Path(options.get("root") or options.get("global_root") or ".")


def verify(args: Sequence[str]) -> int | None:
    """`factcheck verify`, as cli/verify.py runs it."""
    parsed = _parsed(args, "verify")
    if parsed is None or not _utf8_stdout():
        return None
    options, flags = parsed
    if not _folders_fit(options) or int(options.get("jobs", "1")) < 1 or options.get("format", "text") not in (
            "text", "json"):  # fmt: skip
        return None
    root = _start(options, flags)
    jobs = int(options["jobs"]) if "jobs" in options else None

    def body(planned: list[int]) -> int:
        return verified(root, json_out=options.get("format") == "json", show_all="all" in flags, jobs=jobs,
                        cache="no_cache" not in flags, settle=lambda status: planned.__setitem__(0, status))  # fmt: skip

    return _reported(body)


def extract(args: Sequence[str]) -> int | None:
    """`factcheck extract`, as cli/extract.py runs it."""
    parsed = _parsed(args, "extract")
    if parsed is None or not _utf8_stdout():
        return None
    options, flags = parsed
    if not _folders_fit(options) or options.get("format", "text") not in ("text", "json"):
        return None
    root = _start(options, flags)

    def body(planned: list[int]) -> int:
        extracted(root, options["*"], dry_run="dry_run" in flags, text=options.get("format", "text") == "text")
        return 0

    return _reported(body)


def verified(root: Path, *, json_out: bool, show_all: bool, jobs: int | None, cache: bool,
             settle: Callable[[int], None]) -> int:  # fmt: skip
    """The body of `factcheck verify`, for the typer command and the quick path alike: verify the
    project at `root` and print its findings (JSON or text) and any problems. `settle` is told the exit
    status before anything is printed (a closed pipe ends the command with it); it is returned."""
    from factcheck.errors import ExitStatus
    from factcheck.pipeline.verification import verify
    from factcheck.project import Project
    from factcheck.report import write_json

    with progress("verifying", minimum=50) as advance:  # from 50 claims files to check up
        result = verify(Project.at(root), progress=advance, jobs=jobs, cache=cache, all_pairs=show_all)
    status = int(ExitStatus.BAD_INPUT if result.errors
                 else ExitStatus.DISCREPANCIES if result.attention else ExitStatus.CLEAN)  # fmt: skip
    settle(status)
    if json_out:
        write_json(result, sys.stdout)
    else:
        from factcheck import console

        console.print_verification(result, show_all=show_all)
    if result.problems:  # rich is imported only when there is something to draw
        from factcheck import console

        sys.stdout.flush()  # the findings before the problems, where both go to one place
        console.print_problems(result)
    return status


def extracted(root: Path, paths: Sequence[str], *, dry_run: bool, text: bool) -> None:
    """The body of `factcheck extract`, for the typer command and the quick path alike: propose claims
    for `paths` (every source without claims when empty) and print what was added, as text or JSON."""
    from factcheck import console
    from factcheck.actions.extract import extract
    from factcheck.project import Project

    with console.progress("extracting", minimum=EXTRACT_PROGRESS_AT, show=text) as advance:
        result = extract(Project.at(root), list(paths), dry_run=dry_run, progress=advance)
    if text:
        console.print_extraction(result, dry_run)
    else:
        sys.stdout.write(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n")


@contextlib.contextmanager
def progress(label: str, minimum: int) -> Iterator[Callable[[str, int], None] | None]:
    """console.progress, with rich imported only when the bar is drawn: on a terminal, once there are
    at least `minimum` steps (a run that checks one changed file draws none). Here, without typer, for
    the verify command (cli/common.py gives it to the commands) and its quick path alike."""
    if not sys.stderr.isatty():
        yield None  # console.progress draws no bar off a terminal
        return
    with contextlib.ExitStack() as stack:
        bar: list[Callable[[str, int], None] | None] = []

        def advance(name: str, total: int) -> None:
            if total < minimum:
                return
            if not bar:
                from factcheck import console

                bar.append(stack.enter_context(console.progress(label, minimum)))
            if bar[0] is not None:
                bar[0](name, total)

        yield advance


def _reported(body: Callable[[list[int]], int]) -> int:
    """A command's exit status, its errors reported as cli/common.handles_errors reports them: a
    FactcheckError is one line on stderr and status 2; a closed pipe on stdout ends it quietly with
    the status it had settled on (set in planned[0] before it prints); an interrupt is "Aborted!"
    and 1, as click says it; any other exception is a bug, one line and 2. With --debug an error
    shows its traceback."""
    from factcheck.errors import ExitStatus, FactcheckError
    from factcheck.invocation import flag

    planned = [0]
    try:
        status = body(planned)
        sys.stdout.flush()
        return status
    except BrokenPipeError:
        stdout_gone()
        return planned[0]
    except KeyboardInterrupt:
        sys.stderr.write("\nAborted!\n")
        return 1
    except Exception as exc:
        if flag("debug"):
            raise
        from factcheck import console

        if isinstance(exc, FactcheckError):
            console.error(str(exc))
        else:
            console.error(f"internal error: {type(exc).__name__}: {exc} (rerun with --debug and report it)")
        return int(ExitStatus.BAD_INPUT)
