"""Check that every 'has' of a story's gold.json occurs in the text file its 'src' names.

usage: python check_gold_has.py STORY_DIR [STORY_DIR ...]   (texts read from texts/<story>/ beside this file)
Folds text the way the scorer does (curly quotes and dashes straightened, white space folded, case-folded).
Exit 1 when a source file is missing, a 'src' matches no file or several, a date is malformed, or a 'has' is absent.
"""
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
KINDS = ("must_flag", "should_flag", "must_not_flag")


def fold(text: str) -> str:
    for curly, straight in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'),
                            ("\u2013", "-"), ("\u2014", "-")):
        text = text.replace(curly, straight)
    return re.sub(r"\s+", " ", text).casefold()


def check(story_dir: pathlib.Path) -> list[str]:
    gold = json.loads((story_dir / "gold.json").read_text())
    texts = HERE / "texts" / story_dir.name
    files = [s["file"] for s in gold["sources"]]
    problems = [f"{s['file']}: date {s['date']!r} is not YYYY-MM-DD"
                for s in gold["sources"] if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s["date"])]
    problems += [f"{name}: no such text in {texts}" for name in files if not (texts / name).is_file()]
    for kind in KINDS:
        for item in gold.get(kind, []):
            for side in ("a", "b"):
                for entry in item[side]:
                    named = [name for name in files if name.startswith(entry["src"])]
                    if len(named) != 1 or not (texts / named[0]).is_file():
                        problems.append(f"{kind} {item['id']}: src {entry['src']!r} matches {named}")
                    elif fold(entry["has"]) not in fold((texts / named[0]).read_text()):
                        problems.append(f"{kind} {item['id']}: {entry['has']!r} not in {named[0]}")
    counts = ", ".join(f"{kind} {len(gold.get(kind, []))}" for kind in KINDS)
    print(f"{story_dir.name}: {counts}{' (held back)' if gold.get('held_back') else ''}")
    return problems


def main() -> int:
    problems = [p for arg in sys.argv[1:] for p in check(pathlib.Path(arg).resolve())]
    for problem in problems:
        print("  " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
