"""Fuzz the registry loader and the value parser with hypothesis, and print what was tried.

    python benchmarks/fuzz.py [--examples N] [--seed S] [--writes W] [--cache-damage C] [--only T,...]

Five targets: the first three fed N generated inputs each, `writes` W, `cache` C:

  registry  a project whose claims file is random YAML-ish text, or a valid file with random
            mutations (lines swapped, deleted, duplicated, characters replaced, tabs, tags,
            anchors, deep nesting); load_sources + load_registry + verify must either succeed or
            raise FactcheckError: anything else is a crash.
  manifest  the same for seeds/manifest.yaml.
  parser    parse() and parse_value() over random text and news-like phrases, with random
            reference dates: only ParseError may escape.
  writes    the CLI's writing commands (sources add, add, resolve, review --accept/--reject) run
            in process with random arguments: names, titles, subjects, properties, notes and ids
            made of YAML-special characters, control characters, line breaks and bytes that are
            not UTF-8 (as Python passes them on: lone surrogates). Each command must exit 0, 1 or
            2 with one line that is not an internal error; after it, the registry must load
            (sources, claims, entities, reviews): an "unloadable registry" otherwise.
  cache     .factcheck/cache.sqlite damaged at random (bytes overwritten, rows replaced by
            random bytes, JSON, a pickle that would run code if loaded, a valid row of another
            kind); verify must give the result it gave before, without an error.

Prints, per target: inputs tried, inputs refused with a clear error, crashes (internal errors),
and for writes the registries left unloadable. Exit 1 on a crash or an unloadable registry.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import os
import random
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


# --- the CLI's writing commands ------------------------------------------------------------------

PIECES = [
    ":", ": ", "- ", "? ", "[", "]", "{", "}", ",", "#", " #", "&", "*", "!", "!!python/object:os.system", "|",
    ">", "'", '"', "%", "@", "`", "~", "null", "yes", "no", "on", "1e400", "0x1F", "2019-01-01", "---", "...",
    "\n", "\r\n", "\t", "\x00", "\x1b[31m", "\x1b]8;;https://x\x07", "\x7f", "\x85", "\u2028", "\u2029",
    "\ufeff", "\u202e", "\udce9", "\udcff", "\ud83d", "é", "£7m", "😀", "[link=https://evil.example]", "[/x]",
    "</script>", "=cmd|' /C calc'!A0", "-2+3", "council", "roads", "a.txt", "../a.txt", "/etc/passwd", " ", "  ",
]  # fmt: skip
ROOT_TEMPLATE: Path | None = None


def _text(rng: random.Random, empty: bool = True) -> str:
    if empty and rng.random() < 0.05:
        return ""
    return "".join(rng.choice(PIECES) if rng.random() < 0.6 else rng.choice("abcxyz ") for _ in range(rng.randint(1, 8)))


def _template() -> Path:
    """A small project with two conflicting sources, a proposed claim and a discrepancy to resolve."""
    root = Path(tempfile.mkdtemp(prefix="fuzz-writes-"))
    (root / "seeds").mkdir()
    (root / "claims").mkdir()
    (root / "seeds" / "a.txt").write_text(SOURCE)
    (root / "seeds" / "b.txt").write_text("The council spent £9m on roads in 2019, its report said.\n")
    (root / "seeds" / "manifest.yaml").write_text(MANIFEST + "  - file: b.txt\n    published: 2020-01-10\n")
    (root / "claims" / "entities.yaml").write_text(ENTITIES)
    (root / "claims" / "a.yaml").write_text(CLAIMS + "    status: proposed\n")
    (root / "claims" / "b.yaml").write_text(CLAIMS.replace("a.txt", "b.txt").replace("£7m", "£9m").replace(
        "a-roads", "b-roads").replace("a-before", "b-before").replace("£4.4 million", "£9m"))  # fmt: skip
    return root


def _writer_args(rng: random.Random, ids: list[str]) -> list[str]:
    kind = rng.randrange(4)
    if kind == 0:
        args = ["sources", "add", "seeds/a.txt", "--name", _text(rng, False) + rng.choice([".txt", "", ".md"])]
        for option in ("--title", "--outlet", "--author", "--url"):
            if rng.random() < 0.5:
                args += [option, _text(rng)]
        if rng.random() < 0.3:
            args += ["--date", rng.choice(["2020-01-10", "2020-01-10..2020-02-01", _text(rng)])]
        return args
    if kind == 1:
        args = ["add", rng.choice(["a.txt", "b.txt", _text(rng)]), "--quote",
                rng.choice(["The council spent £7m on roads", "Ms Bloggs said so", _text(rng)]),
                "--subject", rng.choice(["the council", _text(rng, False)]), "--property", _text(rng, False),
                "--value", rng.choice(["£7m", "said", _text(rng)])]  # fmt: skip
        for option in ("--note", "--as-of", "--id", "--kind"):
            if rng.random() < 0.4:
                args += [option, _text(rng)]
        return args
    if kind == 2:
        args = ["resolve", rng.choice([*ids, _text(rng, False)]), "--as", rng.choice(["confirmed", "dismissed"]),
                "--note", _text(rng)]  # fmt: skip
        if rng.random() < 0.5:
            args += ["--by", _text(rng)]
        return [*args, "--force"] if rng.random() < 0.5 else args
    return ["review", rng.choice(["--accept", "--reject"]), rng.choice(["a-roads", "a-before", _text(rng, False)])]


def check_registry_loads(root: Path) -> None:
    from factcheck.registry.load import load_entities
    from factcheck.registry.reviews import load_reviews

    sources = load_sources(root)
    load_registry(root, {s.name for s in sources})
    load_entities(root / "claims")
    load_reviews(root)


def run_writes(task: tuple[int, int]) -> tuple[int, int, int, list[tuple[str, str]], int]:
    """(inputs, refused, 0, problems, unloadable) for `count` random writing commands from `seed`."""
    from typer.testing import CliRunner

    from factcheck.cli import app

    seed, count = task
    rng = random.Random(seed)
    runner = CliRunner()
    template = _template()
    tried = refused = unloadable = 0
    problems: list[tuple[str, str]] = []
    root = None
    ids: list[str] = []
    try:
        for n in range(count):
            if n % 25 == 0:  # a fresh project now and then: files stay small, commands stay fast
                if root is not None:
                    shutil.rmtree(root, ignore_errors=True)
                root = Path(tempfile.mkdtemp(prefix="fuzz-w-")) / "p"
                shutil.copytree(template, root)
                found = json.loads(runner.invoke(app, ["verify", "--root", str(root), "--format", "json"]).stdout)
                ids = [d["id"] for d in found["discrepancies"]]
            assert root is not None
            args = _writer_args(rng, ids)
            args = [str(root / a) if a == "seeds/a.txt" else a for a in args]
            tried += 1
            result = runner.invoke(app, [*args, "--root", str(root)])
            stderr = result.stderr.strip()
            if result.exit_code == 2:
                refused += 1
            if result.exit_code not in (0, 1, 2) or "internal error" in stderr or "Traceback" in result.output:
                problems.append((repr(args)[:300], (stderr or repr(result.exception))[:400]))
            elif result.exit_code == 2 and stderr.startswith("error:") and len(stderr.splitlines()) != 1:
                problems.append((repr(args)[:300], f"not one line: {stderr[:400]!r}"))
            try:
                check_registry_loads(root)
            except FactcheckError as exc:
                unloadable += 1
                problems.append((repr(args)[:300], f"unloadable registry: {exc}"))
                shutil.rmtree(root, ignore_errors=True)
                root = None
                root = Path(tempfile.mkdtemp(prefix="fuzz-w-")) / "p"
                shutil.copytree(template, root)
    finally:
        shutil.rmtree(template, ignore_errors=True)
        if root is not None:
            shutil.rmtree(root.parent, ignore_errors=True)
    return tried, refused, 0, problems, unloadable


# --- a damaged cache ------------------------------------------------------------------------------


def run_cache_damage(task: tuple[int, int]) -> tuple[int, int, int, list[tuple[str, str]], int]:
    import pickle
    import sqlite3

    from factcheck.pipeline.cache import _checksum, cache_path

    seed, count = task
    rng = random.Random(seed)
    root = _template()
    expected = verify(root, cache=False).to_dict()
    problems: list[tuple[str, str]] = []
    tried = 0

    class Boom:
        def __reduce__(self):  # type: ignore[no-untyped-def]
            return (os.system, (f"touch {root}/RAN",))

    try:
        for _ in range(count):
            verify(root)  # a cache made afresh
            path = cache_path(root)
            how = rng.randrange(3)
            tried += 1
            try:
                if how == 0:
                    data = bytearray(path.read_bytes())
                    for _ in range(rng.randint(1, 16)):
                        at = rng.randrange(max(1, len(data) - 4))
                        data[at : at + 4] = rng.randbytes(4)
                    path.write_bytes(bytes(data))
                    for extra in ("-wal", "-shm"):
                        Path(f"{path}{extra}").unlink(missing_ok=True)
                else:
                    blob = rng.choice([
                        pickle.dumps(Boom()), rng.randbytes(rng.randint(0, 64)),
                        b"factcheck-cache-1\n" + json.dumps(rng.choice(
                            [{"c": "Claim", "f": [1]}, {"e": "Verdict", "v": "x"}, {"t": 5}, [], {"m": [[[1], 2]]},
                             {"c": "Popen", "f": []}, {"ym": [], "l": "x", "kl": []}])).encode(),
                    ])  # fmt: skip
                    table = rng.choice(["units", "blobs", "pairs"])
                    checksum = _checksum(blob) if rng.random() < 0.8 else "x"
                    with sqlite3.connect(path) as db:
                        db.execute(f"UPDATE {table} SET checksum = ?, data = ?", (checksum, blob))
            except sqlite3.Error:
                pass  # the damage itself made the file unreadable to SQLite: verify must cope all the same
            try:
                got = verify(root).to_dict()
            except Exception:  # noqa: BLE001 - any error is what we are looking for
                problems.append((f"damage {how}", traceback.format_exc(limit=4)))
                continue
            if got != expected:
                problems.append((f"damage {how}", "a different result"))
            if (root / "RAN").exists():
                problems.append((f"damage {how}", "a pickle in the cache ran"))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return tried, 0, 0, problems, 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000, help="inputs per target (default 2000)")
    parser.add_argument("--writes", type=int, default=10_000, help="writing commands to run (default 10000)")
    parser.add_argument("--cache-damage", type=int, default=500, help="damaged caches to verify (default 500)")
    parser.add_argument("--only", default="registry,manifest,parser,writes,cache", help="targets to run")
    parser.add_argument("--seed", type=int, default=20261123)
    args = parser.parse_args()
    only = set(args.only.split(","))
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

    random.seed(args.seed)
    start = time.perf_counter()
    for name, fuzz in (("registry", fuzz_registry), ("manifest", fuzz_manifest), ("parser", fuzz_parser)):
        if name in only:
            fuzz()
    unloadable = 0
    workers = max(1, min(4, os.cpu_count() or 1))
    for name, job, count in (("writes", run_writes, args.writes), ("cache", run_cache_damage, args.cache_damage)):
        if name not in only or count <= 0:
            continue
        tally = Tally(name)
        shares = [(args.seed + k, count // workers + (k < count % workers)) for k in range(workers)]
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for tried, refused, _, problems, bad in pool.map(job, shares):
                tally.tried += tried
                tally.refused += refused
                tally.crashes.extend(problems)
                unloadable += bad
        tallies.append(tally)
    elapsed = time.perf_counter() - start
    print(f"{'target':<10} {'inputs':>8} {'refused':>8} {'crashes':>8}")
    for t in tallies:
        if t.tried:
            print(f"{t.name:<10} {t.tried:>8} {t.refused:>8} {len(t.crashes):>8}")
    total = sum(t.tried for t in tallies)
    crashes = [c for t in tallies for c in t.crashes]
    print(f"total      {total:>8} inputs in {elapsed:.1f} s, {len(crashes)} crashes "
          f"(internal errors and unloadable registries), {unloadable} unloadable registries")  # fmt: skip
    for inputs, trace in crashes[:8]:
        print("\n--- crash on", repr(inputs)[:300], "\n", trace)
    return 1 if crashes or unloadable else 0


if __name__ == "__main__":
    sys.exit(main())
