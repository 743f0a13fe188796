"""Errors written for the person at the keyboard: what is wrong, where, and what to do."""

from __future__ import annotations


class FactcheckError(Exception):
    """Base class. The message is complete and one line; the CLI prints it as is and exits 2."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        field: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.path = path
        self.line = line
        self.field = field
        self.hint = hint
        self.bare_message = message
        super().__init__(self._render())

    def _render(self) -> str:
        where = ""
        if self.path:
            where = self.path + (f":{self.line}" if self.line else "")
        if self.field:
            where = f"{where} field '{self.field}'" if where else f"field '{self.field}'"
        text = f"{where}: {self.bare_message}" if where else self.bare_message
        if self.hint:
            text = f"{text} ({self.hint})"
        return text


class RegistryError(FactcheckError):
    """The claims registry or entity list is malformed."""


class SourceError(FactcheckError):
    """A source document or the manifest is missing or malformed."""


class ParseError(FactcheckError):
    """A value, date or reference date could not be understood."""


class ProjectError(FactcheckError):
    """The project folder is not a factcheck project."""
