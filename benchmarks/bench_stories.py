"""Real news, no hand edits: init -> sources add -> extract -> verify on each story of benchmarks/realnews.

For each story folder (gold.json beside SOURCES.md; texts in a git-ignored folder) a scratch project is
made, every source is added with the date, title and outlet the gold list gives, `extract` proposes the
claims and `verify --format json` judges them. The flags (verdict conflict or possible) are scored against
the gold pairs:

- a side of a gold pair matches a claim when the claim's source file name starts with the side's `src`
  and its quote contains the side's `has` (case-folded; curly quotes and dashes straightened; white space
  folded);
- a must_flag / should_flag pair is found when one flag holds a claim of side a and one of side b;
- a must_not_flag pair is a false alarm when a flag holds claims of its two sides and nothing else;
- a flag is real when it finds some must_flag or should_flag pair.

Recall is must_flag found over must_flag listed; precision is real flags over flags. Stories whose
gold.json says "held_back": true are run only with --held-back, and are totalled apart.

    python benchmarks/bench_stories.py [--texts DIR] [--held-back] [--only a,b] [--show] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
FLAGGING = {"conflict", "possible"}


def fold(text: str) -> str:
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u2013", "-"), ("\u2014", "-")):
        text = text.replace(a, b)
    return re.sub(r"\s+", " ", text).casefold()


def side_holds(side: list[dict], claim: dict) -> bool:
    source = str(claim.get("source", "")).rsplit("/", 1)[-1]
    quote = fold(str(claim.get("quote", "")))
    return any(source.startswith(s["src"]) and fold(s["has"]) in quote for s in side)


def finds(item: dict, flag: dict, only: bool = False) -> bool:
    """A flag finds a gold pair when it holds a claim of each side (and, with only, nothing else)."""
    claims = flag.get("claims", [])
    in_a = [side_holds(item["a"], c) for c in claims]
    in_b = [side_holds(item["b"], c) for c in claims]
    return any(in_a) and any(in_b) and (not only or all(x or y for x, y in zip(in_a, in_b, strict=True)))


@dataclass
class Score:
    story: str
    held_back: bool
    must: int = 0
    must_total: int = 0
    should: int = 0
    should_total: int = 0
    flags: int = 0
    real: int = 0
    false_alarms: int = 0
    verify_exit: int = -1
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)


def score(gold: dict, report: dict, story: str) -> Score:
    flags = [d for d in report.get("discrepancies", []) if str(d.get("verdict", "")).lower() in FLAGGING]
    s = Score(story, bool(gold.get("held_back")), flags=len(flags))
    listed = gold.get("must_flag", []) + gold.get("should_flag", [])
    for key in ("must_flag", "should_flag"):
        for item in gold.get(key, []):
            ok = any(finds(item, f) for f in flags)
            if key == "must_flag":
                s.must += ok
                s.must_total += 1
            else:
                s.should += ok
                s.should_total += 1
            s.notes.append(f"{key:13} {'found ' if ok else 'MISSED'} {item['id']}")
    for item in gold.get("must_not_flag", []):
        bad = any(finds(item, f, only=True) for f in flags)
        s.false_alarms += bad
        if bad:
            s.notes.append(f"must_not_flag FALSE  {item['id']}")
    for f in flags:
        if any(finds(item, f) for item in listed):
            s.real += 1
        else:
            quotes = " | ".join(" ".join(str(c.get("quote", "")).split())[:70] for c in f.get("claims", [])[:2])
            s.notes.append(f"unlisted {f.get('verdict')}: {f.get('subject')} · {f.get('property')}: {quotes}")
    return s


def run_story(story: Path, texts: Path, factcheck: list[str], work: Path) -> Score:
    gold = json.loads((story / "gold.json").read_text(encoding="utf-8"))
    project = work / story.name
    shutil.rmtree(project, ignore_errors=True)

    def fc(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*factcheck, *args], capture_output=True, text=True, check=False)

    if fc("init", str(project)).returncode != 0:
        raise SystemExit(f"{story.name}: init failed")
    for src in gold["sources"]:
        args = ["sources", "add", str(texts / story.name / src["file"]), "--root", str(project)]
        for opt in ("date", "title", "outlet"):
            if src.get(opt):
                args += [f"--{opt}", src[opt]]
        done = fc(*args)
        if done.returncode != 0:
            raise SystemExit(f"{story.name}: sources add {src['file']} failed: {done.stderr.strip()[-300:]}")
    began = time.perf_counter()
    extracted = fc("extract", "--root", str(project))
    verified = fc("verify", "--format", "json", "--root", str(project))
    seconds = time.perf_counter() - began
    try:
        report = json.loads(verified.stdout or "{}")
    except json.JSONDecodeError:
        report = {}
    (project / "verify.json").write_text(verified.stdout, encoding="utf-8")
    s = score(gold, report, story.name)
    s.verify_exit, s.seconds = verified.returncode, seconds
    if extracted.returncode != 0:
        s.notes.insert(0, f"extract exit {extracted.returncode}: {extracted.stderr.strip()[-300:]}")
    if verified.returncode == 2:
        s.notes.insert(0, f"verify exit 2: {verified.stderr.strip()[:600]}")
    return s


def table(rows: list[Score], title: str) -> None:
    if not rows:
        return
    print(f"\n{title}")
    print(f"{'story':28} {'must':>7} {'should':>7} {'flags':>6} {'real':>5} {'false':>6} {'exit':>5} {'ext+ver s':>10}")
    for r in rows:
        print(f"{r.story:28} {r.must:>3}/{r.must_total:<3} {r.should:>3}/{r.should_total:<3} {r.flags:>6} {r.real:>5} "
              f"{r.false_alarms:>6} {r.verify_exit:>5} {r.seconds:>10.2f}")  # fmt: skip
    must, total = sum(r.must for r in rows), sum(r.must_total for r in rows)
    flags, real = sum(r.flags for r in rows), sum(r.real for r in rows)
    exits = sum(r.verify_exit == 2 for r in rows)
    print(f"{'total':28} {must:>3}/{total:<3} {sum(r.should for r in rows):>3}/{sum(r.should_total for r in rows):<3} "
          f"{flags:>6} {real:>5} {sum(r.false_alarms for r in rows):>6} {exits:>4}x2")  # fmt: skip
    recall = must / total if total else 0.0
    precision = real / flags if flags else 0.0
    print(f"recall (must_flag found) {recall:.0%}; precision (flags real) {precision:.0%} ({real}/{flags}); "
          f"stories where verify exited 2: {exits}")  # fmt: skip


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stories", type=Path, default=HERE / "realnews", help="folder of story folders")
    ap.add_argument("--texts", type=Path, default=None, help="folder of texts/<story>/ (default: STORIES/texts)")
    ap.add_argument("--factcheck", default=None, help="factcheck command (default: this Python's -m factcheck)")
    ap.add_argument("--held-back", action="store_true", help="also run the held-back stories (final report only)")
    ap.add_argument("--only", default="", help="comma-separated story names")
    ap.add_argument("--show", action="store_true", help="print misses, false alarms and unlisted flags")
    ap.add_argument("--keep", type=Path, default=None, help="keep the scratch projects in this folder")
    args = ap.parse_args()
    texts = args.texts or args.stories / "texts"
    factcheck = args.factcheck.split() if args.factcheck else [sys.executable, "-m", "factcheck"]
    only = {s for s in args.only.split(",") if s}
    stories = sorted(p.parent for p in args.stories.glob("*/gold.json"))
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-stories-"))
    work.mkdir(parents=True, exist_ok=True)
    rows: list[Score] = []
    try:
        for story in stories:
            gold = json.loads((story / "gold.json").read_text(encoding="utf-8"))
            if (only and story.name not in only) or (gold.get("held_back") and not args.held_back):
                continue
            if not (texts / story.name).is_dir():
                print(f"{story.name}: no texts in {texts / story.name}; skipped", file=sys.stderr)
                continue
            row = run_story(story, texts, factcheck, work)
            rows.append(row)
            if args.show:
                print(f"\n== {story.name}")
                print("\n".join(n for n in row.notes if not n.startswith("should_flag   found")))
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    table([r for r in rows if not r.held_back], "development stories")
    table([r for r in rows if r.held_back], "held-back stories (scored once, for the report)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
