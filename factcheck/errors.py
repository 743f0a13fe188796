"""Errors written for the person at the keyboard: what is wrong, where, and what to do."""

from __future__ import annotations

from enum import IntEnum


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

    def __reduce__(self) -> tuple[object, ...]:  # kept whole when raised in a worker process
        fields = {"path": self.path, "line": self.line, "field": self.field, "hint": self.hint}
        return _restore, (type(self), self.bare_message, fields)

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


def _restore(cls: type[FactcheckError], message: str, fields: dict[str, object]) -> FactcheckError:
    return cls(message, **fields)  # type: ignore[arg-type]


class RegistryError(FactcheckError):
    """The claims registry or entity list is malformed."""


class SourceError(FactcheckError):
    """A source document or the manifest is missing or malformed."""


class ParseError(FactcheckError):
    """A value, date or reference date could not be understood."""


class ProjectError(FactcheckError):
    """The project folder is not a factcheck project."""


class ExitStatus(IntEnum):
    """The exit-status contract, as linters use it, so CI can gate on it."""

    CLEAN = 0  # nothing needs a human
    DISCREPANCIES = 1  # a conflict, misattributed or altered quotation, or possible discrepancy, was found
    NO_MATCH = 1  # search found nothing (as grep: a query that matched nothing is not an error)
    BAD_INPUT = 2  # the registry, a source or the command line is wrong
