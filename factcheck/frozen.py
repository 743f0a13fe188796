"""A small immutable value without the dataclasses module.

A later `factcheck search` must not import dataclasses (with it come inspect, ast and dis: about a
tenth of a quick search's instructions). The few values on that path — the settings, the project, a
folded text — say once here what a frozen dataclass would give them: set once, then compared,
hashed, shown and pickled by their fields.
"""

from __future__ import annotations

from typing import Any, ClassVar


class Frozen:
    """Base of a value whose fields, named in FIELDS, are set once in its __init__ (with `_set`)."""

    __slots__ = ()
    FIELDS: ClassVar[tuple[str, ...]] = ()

    def _set(self, name: str, value: object) -> None:
        object.__setattr__(self, name, value)

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.FIELDS)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a {type(self).__name__} is immutable: cannot set {name}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a {type(self).__name__} is immutable: cannot delete {name}")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Frozen)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.FIELDS)
        return f"{type(self).__name__}({fields})"

    def __reduce__(self) -> tuple[Any, ...]:
        # a value rebuilt from its fields; what it worked out and kept (a project's settings, once
        # read) goes with it
        kept = getattr(self, "__dict__", None)
        return (type(self), self._values(), dict(kept)) if kept else (type(self), self._values())
