"""Text safe to show: what a source says, without the escapes that would drive a terminal."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-_]|[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """Text safe to show anywhere: no terminal escape sequences or control characters from sources."""
    return _CONTROL.sub("", str(text))
