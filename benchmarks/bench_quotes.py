"""Quotations at scale: many quotations compared word by word, with planted alterations.

    python benchmarks/bench_quotes.py [N] [--seed S] [--keep DIR]

Generates a project of N quotations (default 10,000; ten to a source): N/2 remarks by 500
speakers, each quoted in two sources. In some pairs the second copy is planted with a change:

  negation      'not' put in after 'will'                    -> conflict
  number        the figure in the remark changed              -> conflict
  swap          one word replaced by another                  -> altered
  drop          three words left out, no ellipsis             -> altered
  speaker       the same words given to another speaker       -> misattributed
  ellipsis      three words left out, marked with '…'         -> consistent (not flagged)
  partial       only the first part of the remark quoted      -> consistent (not flagged)
  spelling      British spellings in one copy, American in the other -> corroborated

and prints the time of the comparison alone (pairing by rare words and aligning, in this
process) and of a cold `factcheck verify` (a separate process, building its cache), how many
planted changes got the verdict planted, and how many other pairs need attention (false alarms).
The remarks are made of invented words, so no two remarks share words by chance beyond what
the templates share.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

FACTCHECK = str(Path(sys.executable).parent / "factcheck")
SYLLABLES = ["ka", "lo", "mi", "ter", "zan", "bru", "vel", "os", "pim", "dra", "qu", "nel", "sot", "ri", "fa",
             "gun", "hep", "ya", "wix", "cor", "dle", "mun", "tas", "ib", "rok", "pe", "sul", "tho", "am", "gre",
             "vo", "lin", "ess", "da", "mor", "ul", "kri", "bo", "nax", "ti"]  # fmt: skip
TEMPLATES = [
    "We will {v} the {n} {n} before {num} {n}, and the {n} will {v} every {n}",
    "I think the {n} will {v} our {n} {n} and we should {v} {num} {n} this year",
    "Our {n} will {v} the {n} of the {n} {n}, because {num} {n} {v} it already",
    "The {n} {n} will {v} {num} {n} next {n} and nobody in the {n} should {v} it",
]
SPELLINGS = [("organise", "organize"), ("centre", "center"), ("favour", "favor"), ("programme", "program"),
             ("colour", "color"), ("travelled", "traveled"), ("analyse", "analyze"), ("defence", "defense")]  # fmt: skip
PLANTS = {"negation": "conflict", "number": "conflict", "swap": "altered", "drop": "altered",
          "speaker": "misattributed", "ellipsis": "consistent", "partial": "consistent",
          "spelling": "corroborated"}  # fmt: skip
PLANTED_SHARE = 0.04  # of the remarks, for each kind of plant


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3, 3, 4))))


def remark(rng: random.Random) -> str:
    slots = {"v": lambda: word(rng), "n": lambda: word(rng), "num": lambda: str(rng.randrange(2, 999))}
    out = []
    for token in rng.choice(TEMPLATES).split():
        if token.startswith("{") and token.endswith("}"):
            out.append(slots[token[1:-1]]())
        elif token.startswith("{"):
            out.append(slots[token[1 : token.index("}")]]() + token[token.index("}") + 1 :])
        else:
            out.append(token)
    return " ".join(out)


def plant(kind: str, words: list[str], rng: random.Random) -> list[str]:
    w = list(words)
    middle = len(w) // 2
    if kind == "negation":
        i = w.index("will")
        return w[: i + 1] + ["not"] + w[i + 1 :]
    if kind == "number":
        i = next(k for k, t in enumerate(w) if t.isdigit())
        return w[:i] + [str(int(w[i]) + 1)] + w[i + 1 :]
    if kind == "swap":
        i = max(k for k, t in enumerate(w) if t.strip(",") not in ("the", "will", "and", "we", "our", "of"))
        return w[:i] + [word(rng) + ("," if w[i].endswith(",") else "")] + w[i + 1 :]
    if kind == "drop":
        return w[: middle - 1] + w[middle + 2 :]
    if kind == "ellipsis":
        return w[: middle - 1] + ["…"] + w[middle + 2 :]
    if kind == "partial":
        return w[: len(w) * 3 // 5]
    return w


def generate(n: int, out: Path, seed: int) -> dict[tuple[str, str], str]:
    """Writes the project; returns the planted pairs (claim ids) with the verdict each should get."""
    rng = random.Random(seed)
    speakers = [f"{word(rng).capitalize()} {word(rng).capitalize()}" for _ in range(500)]
    n_sources = max(2, n // 10)
    docs: list[list[tuple[str, str, str]]] = [[] for _ in range(n_sources)]  # (speaker, quote, value)
    planted: dict[tuple[str, str], str] = {}
    kinds = [k for k in PLANTS for _ in range(int(n / 2 * PLANTED_SHARE))]
    kinds += [""] * (n // 2 - len(kinds))
    rng.shuffle(kinds)
    for kind in kinds:
        words = remark(rng).split()
        speaker = rng.randrange(len(speakers))
        a_doc, b_doc = rng.sample(range(n_sources), 2)
        first, second = words, plant(kind, words, rng)
        if kind == "spelling":
            british, american = rng.choice(SPELLINGS)
            first = words[:3] + [british] + words[3:]
            second = words[:3] + [american] + words[3:]
        other = (speaker + 1 + rng.randrange(len(speakers) - 1)) % len(speakers) if kind == "speaker" else speaker
        ids = []
        for doc, ws, who in ((a_doc, first, speaker), (b_doc, second, other)):
            value = " ".join(ws).rstrip(",")
            ids.append(f"q{doc:05d}-{len(docs[doc]):02d}")
            docs[doc].append((speakers[who], value[0].upper() + value[1:] + ".", value[0].upper() + value[1:]))
        if kind:
            planted[(ids[0], ids[1])] = PLANTS[kind]
    (out / "seeds").mkdir(parents=True)
    (out / "claims").mkdir()
    manifest = ["sources:"]
    entities = ["entities:"] + [f"  - id: p{i:03d}\n    name: {s}\n    kind: person" for i, s in enumerate(speakers)]
    (out / "claims" / "entities.yaml").write_text("\n".join(entities) + "\n", encoding="utf-8")
    for d, items in enumerate(docs):
        name = f"s{d:05d}.txt"
        text = "\n\n".join(f"{who} said: “{quote}”" for who, quote, _v in items) + "\n"
        (out / "seeds" / name).write_text(text, encoding="utf-8")
        manifest.append(f"  - file: {name}\n    published: 2026-0{1 + d % 9}-1{d % 10}")
        claims = [f"source: {name}", "claims:"]
        for k, (who, quote, value) in enumerate(items):
            claims.append(f"  - id: q{d:05d}-{k:02d}\n    quote: {json.dumps(quote, ensure_ascii=False)}\n"
                          f"    subject: {who}\n    property: said\n"
                          f"    value: {json.dumps(value, ensure_ascii=False)}\n    kind: statement")  # fmt: skip
        (out / "claims" / f"s{d:05d}.yaml").write_text("\n".join(claims) + "\n", encoding="utf-8")
    (out / "seeds" / "manifest.yaml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    return planted


def score(discrepancies: list[dict], planted: dict[tuple[str, str], str]) -> tuple[Counter, Counter, int]:
    """Per kind of verdict planted: how many got it; and how many other pairs need attention."""
    got: dict[tuple[str, str], str] = {}
    for d in discrepancies:
        a, b = (c["id"] for c in d["claims"])
        got[(a, b)] = got[(b, a)] = d["verdict"]
    right = Counter(v for pair, v in planted.items() if got.get(pair) == v)
    total = Counter(planted.values())
    attention = {"conflict", "misattributed", "altered", "possible"}
    known = set(planted) | {(b, a) for a, b in planted}
    false = sum(1 for d in discrepancies if d["verdict"] in attention
                and tuple(c["id"] for c in d["claims"]) not in known)  # fmt: skip
    return right, total, false


def compare_only(root: Path) -> tuple[float, float, int]:
    """The comparison stage alone on the project's statements, in this process: seconds (wall
    clock and CPU: on a shared machine the CPU time is the fairer figure) and pairs."""
    from factcheck.judge.questions import compare
    from factcheck.normalize.claims import glossary_index, normalize_claim
    from factcheck.registry.load import load_registry
    from factcheck.sources.load import load_sources

    sources = {s.name: s for s in load_sources(root)}
    registry = load_registry(root, set(sources))
    glossary = glossary_index(registry.terms)
    values = []
    for claim in registry.claims:
        text = sources[claim.source].text
        at = text.find(claim.quote)
        values.append(normalize_claim(claim, sources[claim.source], glossary, (at, at + len(claim.quote))))
    start, cpu = time.perf_counter(), time.process_time()
    found = compare(values, registry.entities, {})
    return time.perf_counter() - start, time.process_time() - cpu, len(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--keep", type=Path, help="keep the generated project here")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-quotes-"))
    root = args.keep or tmp / "project"
    if root.exists():
        shutil.rmtree(root)
    try:
        planted = generate(args.n, root, args.seed)
        start = time.perf_counter()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        run = subprocess.run([FACTCHECK, "verify", "--root", str(root), "--format", "json", "--all"],
                             capture_output=True, text=True)  # fmt: skip
        verify_s = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        verify_cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        if run.returncode not in (0, 1):
            sys.exit(f"verify failed ({run.returncode}): {run.stderr[-2000:]}")
        discrepancies = json.loads(run.stdout)["discrepancies"]
        compare_s, compare_cpu, pairs = compare_only(root)
        right, total, false = score(discrepancies, planted)
        print(f"{args.n} quotations in {args.n // 10} sources, {len(planted)} planted pairs, seed {args.seed}")
        print(f"comparison alone (pairing by rare words + alignment): {compare_s:.2f} s "
              f"({compare_cpu:.2f} s CPU), {pairs} pairs judged")  # fmt: skip
        print(f"factcheck verify, cold (separate process): {verify_s:.2f} s ({verify_cpu:.2f} s CPU)")
        print(f"{'planted verdict':16} {'found':>6} {'planted':>8}")
        for verdict in sorted(total):
            print(f"{verdict:16} {right[verdict]:6} {total[verdict]:8}")
        print(f"{'all':16} {sum(right.values()):6} {sum(total.values()):8}")
        print(f"false alarms (other pairs needing attention): {false}")
        print("verdicts:", dict(Counter(d["verdict"] for d in discrepancies)))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
