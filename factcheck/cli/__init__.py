"""The command line: a thin typer layer over the library. Each command parses its options,
calls one library function and renders the result. typer is imported only when the app is built:
a plain search, verify or extract runs without it (cli/quick.py)."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import typer

# Each command: where its function (or, for a group of commands, its typer app) is defined, in the
# order help lists them. A run imports only the module of the command it runs (see main).
COMMANDS = {
    "init": ("factcheck.cli.init", "init_command"),
    "verify": ("factcheck.cli.verify", "verify_command"),
    "search": ("factcheck.cli.search", "search_command"),
    "report": ("factcheck.cli.report", "report_command"),
    "show": ("factcheck.cli.show", "show_command"),
    "sources": ("factcheck.cli.add", "sources_app"),
    "anchor": ("factcheck.cli.show", "anchor_command"),
    "parse": ("factcheck.cli.parse", "parse_command"),
    "extract": ("factcheck.cli.extract", "extract_command"),
    "review": ("factcheck.cli.review", "review_command"),
    "resolve": ("factcheck.cli.review", "resolve_command"),
    "rename": ("factcheck.cli.rename", "rename_command"),
    "add": ("factcheck.cli.add", "add_command"),
    "timeline": ("factcheck.cli.timeline", "timeline_command"),
    "export": ("factcheck.cli.export", "export_command"),
}
GLOBAL_VALUES = ("--root", "-r")  # the global options that take a value


def build_app(only: str | None = None) -> typer.Typer:
    """The typer app with every command, or with only the command `only` (what a run of that
    command needs: the others' modules are not imported nor their options built)."""
    import typer

    from factcheck.cli.common import FactcheckGroup, global_options

    app = typer.Typer(
        name="factcheck",
        cls=FactcheckGroup,
        help="Check what your sources say against each other, offline. "
        "Exit status: 0 clean, 1 discrepancies to look at (search: nothing matched), 2 bad input.",
        no_args_is_help=True,
        add_completion=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,  # click's help: paragraphs rewrapped to the terminal, never broken mid-sentence
    )
    app.callback()(global_options)
    for name, (module, attribute) in COMMANDS.items():
        if only is None or name == only:
            command = getattr(importlib.import_module(module), attribute)
            if isinstance(command, typer.Typer):
                app.add_typer(command, name=name)
            else:
                app.command(name)(command)
    return app


def command_named(args: Sequence[str]) -> str | None:
    """The command a command line runs, when it names one of ours before anything that needs every
    command (`--help` or `--version` before it, shell completion); None otherwise."""
    if any(name.endswith("_COMPLETE") for name in os.environ):
        return None
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in GLOBAL_VALUES:
            skip = True
        elif arg == "--" or arg in ("--help", "--version"):
            return None
        elif not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def __getattr__(name: str) -> Any:
    """`app`, every command registered, built when first asked for (the tests' CliRunner uses it)."""
    if name == "app":
        app = build_app()
        globals()["app"] = app
        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    command = command_named(sys.argv[1:])
    if command in ("search", "verify", "extract"):  # plain command lines of these run without typer
        from factcheck.cli.quick import run

        status = run(command, sys.argv[1:])
        if status is not None:
            sys.exit(status)
    build_app(command)()


def program() -> None:
    """factcheck as a program (its console script, `python -m factcheck`): main(), then a verify's or
    a search's process ended at once (_leave). main() itself ends as any function does, for a caller
    that goes on."""
    try:
        main()
    except SystemExit as done:
        if command_named(sys.argv[1:]) in ("verify", "search") and isinstance(done.code, int):
            _leave(done.code)
        raise


def _leave(status: int) -> None:
    """End the process with `status` once its output is out and its threads (the cache closing) are
    done, without Python's own ending: after a cold run of a large registry that freed millions of
    objects one by one and walked them for cycles, about a second with the other core idle; for a
    search whose index is up to date, about 3% of its instructions (tearing its modules down)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: the status was settled before anything was written
            pass
    threading = sys.modules.get("threading")  # not imported: no thread was started
    if threading is not None:
        for thread in threading.enumerate():
            if thread is not threading.main_thread() and not thread.daemon:
                thread.join()
    os._exit(status)
