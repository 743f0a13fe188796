"""Every reading factcheck.parse gives on many texts, printed in full, so that a change made for speed
can be shown to read nothing differently: dump before and after (or with another checkout's
interpreter) and compare the two files byte for byte.

    python benchmarks/parse_dump.py > before.txt
    (change the parser)
    python benchmarks/parse_dump.py > after.txt && cmp before.txt after.txt

The texts: our labelled phrases, the third-party development and held-back sets (their texts only;
no label is read), each also upper-cased and lower-cased, runs of seven phrases joined into one text,
the shipped sources and the test and real-news stories whole, every claim's value inside its quote
and every quote, and two texts dense with values (1 MB, and 200 KB upper-cased). A value is printed
with every field (its repr); a text's line gives its start, reference date and quote.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import bench_parse  # noqa: E402  (the phrase files and the dense text of the benchmark)

from factcheck import parse  # noqa: E402

Text = tuple[str, object, str | None]  # text, reference date, the quote it was taken from


def texts() -> list[Text]:
    out: list[Text] = [(p.text, p.ref, None) for p in bench_parse.load_phrases(bench_parse.PHRASE_FILES)]
    for name in ("dev.jsonl", "heldback.jsonl"):
        path = bench_parse.THIRD_PARTY / name
        if not path.exists():
            print(f"parse_dump: {path} missing (see phrases/thirdparty/README.md); left out", file=sys.stderr)
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            out.append((case["text"], case.get("ref"), None))
    base = list(out)
    out += [(t.upper(), r, None) for t, r, _ in base]
    out += [(t.lower(), r, None) for t, r, _ in base]
    for i in range(0, len(base), 7):
        run = base[i : i + 7]
        out.append((" ".join(t for t, _, _ in run), run[0][1], None))
        out.append((". ".join(t for t, _, _ in run), None, None))
    stories = [*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests" / "stories").rglob("*.txt"),
               *(HERE / "realnews").rglob("*.txt")]  # fmt: skip
    for path in sorted(stories):
        text = path.read_text(encoding="utf-8", errors="replace")
        out += [(text, "2019-10-09", None), (text, None, None)]
    for path in sorted((ROOT / "claims").glob("0*.yaml")):
        for claim in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("claims", []):
            if isinstance(claim, dict) and "value" in claim:
                quote = str(claim.get("quote", ""))
                out += [(str(claim["value"]), "2019-10-09", quote), (quote, "2019-10-09..2019-10-12", None)]
    out.append((bench_parse.dense_text(1_000_000), None, None))
    out.append((bench_parse.dense_text(200_000).upper(), "2020-01-01", None))
    return out


def main() -> int:
    write = sys.stdout.write
    count = 0
    all_texts = texts()
    for text, ref, within in all_texts:
        write(f"## {text[:200]!r} {ref} {within and within[:60]!r}\n")
        for value in parse(text, ref, within):  # type: ignore[arg-type]
            write(f"{value!r}\n")
            count += 1
    print(f"parse_dump: {len(all_texts):,} texts, {count:,} values", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
