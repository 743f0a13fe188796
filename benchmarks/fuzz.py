"""Fuzz the registry loader and the value parser with hypothesis, and print what was tried.

    python benchmarks/fuzz.py [--examples N] [--seed S]

Three targets, each fed N generated inputs:

  registry  a project whose claims file is random YAML-ish text, or a valid file with random
            mutations (lines swapped, deleted, duplicated, characters replaced, tabs, tags,
            anchors, deep nesting); load_sources + load_registry + verify must either succeed or
            raise FactcheckError: anything else is a crash.
  manifest  the same for seeds/manifest.yaml.
  parser    parse() and parse_value() over random text and news-like phrases, with random
            reference dates: only ParseError may escape.

Prints, per target: inputs tried, inputs refused with a clear error, crashes. Exit 1 on a crash.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.errors import FactcheckError  # noqa: E402
from factcheck.models import DateRange  # noqa: E402
from factcheck.normalize import parse, parse_value  # noqa: E402
from factcheck.pipeline.verification import verify  # noqa: E402
from factcheck.registry.load import load_registry  # noqa: E402
from factcheck.sources.load import load_sources  # noqa: E402

SOURCE = "The council spent £7m on roads in 2019, up from £4.4 million. Ms Bloggs said so on 3 May.\n"
CLAIMS = """\
source: a.txt
claims:
  - id: a-roads
    quote: The council spent £7m on roads
    subject: the council
    property: road spending
    value: £7m
  - id: a-before
    quote: up from £4.4 million
    subject: the council
    property: road spending
    value: £4.4 million
    as_of: 2018
"""
MANIFEST = "sources:\n  - file: a.txt\n    published: 2020-01-10\n    title: Roads\n"
ENTITIES = "entities:\n  - id: council\n    name: Anytown Council\n    aliases: [the council]\n"
YAML_BITS = [
    "\t", "  ", "- ", ": ", "&a ", "*a", "!!python/object:os.system ", "!custom ", "<<: *a", "{", "}", "[", "]",
    "'", '"', "#", "|", ">", "---", "...", "%YAML 1.1", "\x00", "\ufeff", "\r\n", "~", "null", "yes", "1e400",
    "0x1F", "2019-13-45", "id", "quote", "source", "../a.txt", "/etc/passwd", "claims", "value", "£", "\u202e",
]  # fmt: skip
NEWS = (
    "£ $ € 7 7.6 65,000 232 £4m £7.6m 2019 2017/18 FY2021 Q3 million billion per cent % a the week year "
    "more than over under at least up to around between and – to half a quarter last next early mid late "
    "September May Monday 8 25th yesterday ago later after before since by will was 03/04/2019 2021-04-22"
).split()


def mutations() -> st.SearchStrategy[str]:
    lines = CLAIMS.splitlines(keepends=True)

    def mutate(ops: list[tuple[int, int, str]]) -> str:
        out = list(lines)
        for op, at, bit in ops:
            if not out:
                break
            i = at % len(out)
            if op == 0:
                del out[i]
            elif op == 1:
                out.insert(i, out[(at * 7) % len(out)])
            elif op == 2:
                j = (at * 3) % len(out)
                out[i], out[j] = out[j], out[i]
            elif op == 3:
                col = at % (len(out[i]) + 1)
                out[i] = out[i][:col] + bit + out[i][col:]
            else:
                out[i] = bit + "\n"
        return "".join(out)

    ops = st.lists(st.tuples(st.integers(0, 4), st.integers(0, 10_000), st.sampled_from(YAML_BITS)), max_size=6)
    return ops.map(mutate)


def yamlish() -> st.SearchStrategy[str]:
    deep = st.integers(1, 3000).map(lambda n: "[" * n + "]" * n)
    return st.one_of(
        mutations(), st.text(max_size=400), st.lists(st.sampled_from(YAML_BITS), max_size=40).map("".join), deep
    )


class Tally:
    def __init__(self, name: str) -> None:
        self.name, self.tried, self.refused, self.crashes = name, 0, 0, []  # type: ignore[var-annotated]

    def run(self, check, *args) -> None:  # type: ignore[no-untyped-def]
        self.tried += 1
        try:
            check(*args)
        except FactcheckError as exc:
            self.refused += 1
            message = str(exc)
            if "\n" in message or not message:
                self.crashes.append((args, f"error message is not one line: {message!r}"))
        except RecursionError:
            self.crashes.append((args, traceback.format_exc(limit=3)))
        except Exception:  # noqa: BLE001 - a crash is what we are looking for
            self.crashes.append((args, traceback.format_exc()))


def project(claims: str, manifest: str = MANIFEST) -> Path:
    root = Path(tempfile.mkdtemp(prefix="fuzz-"))
    (root / "seeds").mkdir()
    (root / "claims").mkdir()
    (root / "seeds" / "a.txt").write_text(SOURCE)
    (root / "seeds" / "manifest.yaml").write_text(manifest, encoding="utf-8", errors="surrogatepass")
    (root / "claims" / "entities.yaml").write_text(ENTITIES)
    (root / "claims" / "a.yaml").write_text(claims, encoding="utf-8", errors="surrogatepass")
    return root


def check_project(claims: str, manifest: str = MANIFEST) -> None:
    root = project(claims, manifest)
    try:
        sources = load_sources(root)
        load_registry(root, {s.name for s in sources})
        verify(root)
    finally:
        shutil.rmtree(root, ignore_errors=True)


REFS = st.one_of(
    st.none(),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
    st.tuples(st.dates(dt.date(1950, 1, 1), dt.date(2090, 1, 1)), st.integers(0, 400)).map(
        lambda p: DateRange(p[0], p[0] + dt.timedelta(days=p[1]))
    ),
)


def check_parser(text: str, ref: object) -> None:
    parse(text, ref=ref)
    try:
        parse_value(text, ref=ref)
    except FactcheckError:
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000, help="inputs per target (default 2000)")
    parser.add_argument("--seed", type=int, default=20261123)
    args = parser.parse_args()
    conf = settings(max_examples=args.examples, deadline=None, database=None, derandomize=False,
                    suppress_health_check=list(HealthCheck))  # fmt: skip
    tallies = [Tally("registry"), Tally("manifest"), Tally("parser")]

    @conf
    @given(yamlish())
    def fuzz_registry(text: str) -> None:
        tallies[0].run(check_project, text)

    @conf
    @given(st.one_of(st.text(max_size=300), yamlish().map(lambda t: t.replace("claims", "sources"))))
    def fuzz_manifest(text: str) -> None:
        tallies[1].run(check_project, CLAIMS, text)

    @conf
    @given(st.one_of(st.text(max_size=200), st.lists(st.sampled_from(NEWS), max_size=20).map(" ".join)), REFS)
    def fuzz_parser(text: str, ref: object) -> None:
        tallies[2].run(check_parser, text, ref)

    import random

    random.seed(args.seed)
    start = time.perf_counter()
    for fuzz in (fuzz_registry, fuzz_manifest, fuzz_parser):
        fuzz()
    elapsed = time.perf_counter() - start
    print(f"{'target':<10} {'inputs':>8} {'refused':>8} {'crashes':>8}")
    for t in tallies:
        print(f"{t.name:<10} {t.tried:>8} {t.refused:>8} {len(t.crashes):>8}")
    total = sum(t.tried for t in tallies)
    crashes = [c for t in tallies for c in t.crashes]
    print(f"total      {total:>8} inputs in {elapsed:.1f} s, {len(crashes)} crashes")
    for inputs, trace in crashes[:5]:
        print("\n--- crash on", repr(inputs)[:300], "\n", trace)
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
