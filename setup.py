"""Build: the value parser compiled to C by mypyc, where a wheel is built and a compiler is at hand.

Everything else is in pyproject.toml; this file exists only for the compiled modules, which
setuptools takes from setup() alone. The modules listed are the readers `factcheck.parse` runs for
every phrase, the time of `verify`, `extract` and `parse`: compiled, they read the same values about
1.4 times as fast (benchmarks/bench_parse.py; the same values, byte for byte, by
benchmarks/parse_dump.py). Their Python source stays the reference and is what the tests run in an
editable install.

Left pure Python:
- an editable install (`pip install -e .`): a compiled module would shadow its source, and an edit
  to the source would do nothing until the next install;
- any build with FACTCHECK_PURE=1 set;
- any build where mypyc or a C compiler is missing or fails: the wheel then holds the Python source
  only, and a warning says so.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

# the readers every phrase goes through (values.py is not here: its values fill their __dict__ in one
# step, which a class compiled by mypyc does not have)
COMPILED = [
    "factcheck/normalize/__init__.py",
    "factcheck/normalize/numbers.py",
    "factcheck/normalize/quantities.py",
    "factcheck/normalize/currencies.py",
    "factcheck/normalize/times.py",
    "factcheck/normalize/dates/absolute.py",
    "factcheck/normalize/dates/calendar.py",
    "factcheck/normalize/dates/holidays.py",
    "factcheck/normalize/dates/numeric.py",
    "factcheck/normalize/dates/patterns.py",
    "factcheck/normalize/dates/relative.py",
    "factcheck/normalize/dates/spans.py",
]


def _warn(message: str) -> None:
    print(f"factcheck build: {message}; the parser is installed as pure Python", file=sys.stderr)


def _compiled_modules() -> list:
    if "editable_wheel" in sys.argv:  # how setuptools is asked for an editable install
        return []
    if not {"bdist_wheel", "build", "build_ext", "install"} & set(sys.argv):
        return []  # metadata only (pip asks for it before it builds): nothing to compile
    if os.environ.get("FACTCHECK_PURE"):
        _warn("FACTCHECK_PURE is set")
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        _warn("mypyc is not installed")
        return []
    try:
        return mypycify(COMPILED, opt_level="3")
    except (Exception, SystemExit) as exc:  # mypy's type check stops the build with SystemExit
        _warn(f"mypyc failed ({exc})")
        return []


class OptionalBuildExt(build_ext):
    """Builds the compiled modules, or, where the C compiler fails, leaves none half-built."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:
            _warn(f"compiling failed ({exc})")
            for ext in self.extensions:
                Path(self.get_ext_fullpath(ext.name)).unlink(missing_ok=True)
            self.extensions = []


setup(ext_modules=_compiled_modules(), cmdclass={"build_ext": OptionalBuildExt})
