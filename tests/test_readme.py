"""The README's command table against the commands themselves, as `factcheck --help` lists them."""

from __future__ import annotations

import re
from pathlib import Path

import click
import typer.main

from factcheck.cli import app

README = Path(__file__).resolve().parents[1] / "README.md"


def readme_commands() -> dict[str, set[str]]:
    """Each command the table names ('sources add' for a subcommand), with the options its row shows."""
    lines = README.read_text(encoding="utf-8").splitlines()
    start = lines.index("| command | what it does |")
    found: dict[str, set[str]] = {}
    for row in lines[start + 2 :]:
        if not row.startswith("|"):
            break
        first_cell = row[1:].split(" | ")[0]
        for usage in re.findall(r"`([^`]+)`", first_cell):
            words = usage.replace("\\|", "|").split()
            if words[0] == "factcheck":
                words = words[1:]
            name = []
            for word in words:
                if not re.fullmatch(r"[a-z][a-z-]*", word):
                    break
                name.append(word)
            options = set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", usage))
            found.setdefault(" ".join(name), set()).update(options)
    return found


def app_commands() -> dict[str, click.Command]:
    group = typer.main.get_command(app)
    assert isinstance(group, click.Group)
    out: dict[str, click.Command] = {}
    for name, command in group.commands.items():
        out[name] = command
        if isinstance(command, click.Group):
            out.update({f"{name} {sub}": c for sub, c in command.commands.items()})
    return out


def test_the_table_names_every_command_and_only_real_ones(runner):
    listed = runner.invoke(app, ["--help"], terminal_width=200).stdout
    top_level = {name for name in app_commands() if " " not in name}
    assert all(re.search(rf"^[│ ]+{name}\s", listed, re.M) for name in top_level)
    assert set(readme_commands()) == set(app_commands())


def test_every_option_the_table_shows_is_in_that_commands_help(runner):
    missing = []
    for name, options in readme_commands().items():
        result = runner.invoke(app, [*name.split(), "--help"], terminal_width=200)
        assert result.exit_code == 0, name
        missing += [f"{name} {option}" for option in sorted(options) if option not in result.stdout]
    assert missing == []
