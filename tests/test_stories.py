"""Golden tests on our own development stories (tests/stories/<slug>/): claims entered by hand with
`add_claim`, as a reporter would, then scored against the story's gold list, written before the
tool ran on it.

Scoring follows the shared evaluation rule: a side of a gold item matches a claim whose source file
name starts with `src` and whose quote contains `has` (case-folded, curly quotes and dashes
straightened, white space folded). A must_flag item is found when one conflict or possible pair
holds a claim of each side; a must_not_flag item is a false alarm when such a pair holds only
claims of its two sides.

What the product does not yet get right is listed in KNOWN below, with why: the test fails when a
story gets worse and when it gets better (then the list is shortened).
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from factcheck.actions.add import add_claim, add_source
from factcheck.actions.init import init_project
from factcheck.errors import FactcheckError
from factcheck.pipeline.verification import verify

STORIES = Path(__file__).resolve().parent / "stories"
FLAGGING = {"conflict", "possible"}
# story -> gold ids missed or falsely flagged, and claims that cannot be entered, with the reason
KNOWN: dict[str, dict[str, str]] = {}


def fold(text: str) -> str:
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u2013", "-"), ("\u2014", "-")):
        text = text.replace(a, b)
    return re.sub(r"\s+", " ", text).casefold()


def holds(side: list[dict], claim: dict) -> bool:
    return any(claim["source"].startswith(s["src"]) and fold(s["has"]) in fold(claim["quote"]) for s in side)


def flagged(item: dict, discrepancies: list[dict], only: bool = False) -> bool:
    for d in discrepancies:
        if d["verdict"] not in FLAGGING:
            continue
        in_a = [holds(item["a"], c) for c in d["claims"]]
        in_b = [holds(item["b"], c) for c in d["claims"]]
        if any(in_a) and any(in_b) and (not only or all(x or y for x, y in zip(in_a, in_b, strict=True))):
            return True
    return False


def run_story(story: Path, root: Path) -> tuple[dict, set[str]]:
    """The story entered in a fresh project by hand; the verify JSON and the claims that failed."""
    gold = json.loads((story / "gold.json").read_text(encoding="utf-8"))
    init_project(root)
    for s in gold["sources"]:
        add_source(root, story / s["file"], date=s.get("date"), title=s.get("title"), outlet=s.get("outlet"))
    failed: set[str] = set()
    with open(story / "claims.tsv", encoding="utf-8", newline="") as rows:
        for row in csv.reader(rows, delimiter="\t", quoting=csv.QUOTE_NONE):
            source, quote, subject, prop, value, *kind = row
            try:
                add_claim(root, source, quote=quote, subject=subject, property=prop, value=value,
                          kind=kind[0] if kind and kind[0] else None)  # fmt: skip
            except FactcheckError:
                failed.add(f"entry:{value}")
    return verify(root, cache=False, all_pairs=False).to_dict(), failed


@pytest.mark.parametrize("slug", sorted(p.name for p in STORIES.iterdir() if (p / "gold.json").is_file()))
def test_story_gold_holds(slug, tmp_path):
    story = STORIES / slug
    gold = json.loads((story / "gold.json").read_text(encoding="utf-8"))
    result, failed = run_story(story, tmp_path / slug)
    found = result["discrepancies"]
    missed = {item["id"] for item in gold["must_flag"] if not flagged(item, found)}
    false = {item["id"] for item in gold["must_not_flag"] if flagged(item, found, only=True)}
    assert missed | false | failed == set(KNOWN.get(slug, {})), (missed, false, failed)


def test_story_findings_give_every_question_once(tmp_path):
    result, _ = run_story(STORIES / "council-budget", tmp_path / "council-budget")
    questions = [(f["subject"], f["property"].casefold()) for f in result["findings"]]
    assert len(questions) == len(set(questions))
    (savings,) = [f for f in result["findings"] if f["property"] == "savings identified"]
    assert savings["verdict"] == "conflict" and len(savings["sides"]) == 2
    assert all(d["verdict"] in FLAGGING for d in result["discrepancies"])
