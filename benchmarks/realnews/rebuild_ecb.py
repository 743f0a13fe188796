"""Rebuild the ECB+ story texts of the realnews development corpus.

ECB+ ships each article as a list of tokens in XML (one <token> per word, with its sentence number).
This script turns the tokens back into plain text, one sentence per line, and writes the texts of each
ecb_* story into benchmarks/realnews/texts/<story>/ (a git-ignored folder).

Usage:
    python benchmarks/realnews/rebuild_ecb.py PATH_TO_EVENTSTORYLINE [--out DIR] [--commit SHA] [--story NAME]
    python benchmarks/realnews/rebuild_ecb.py PATH_TO_EVENTSTORYLINE --list   # files and their web addresses

PATH_TO_EVENTSTORYLINE is a clone of https://github.com/tommasoc80/EventStoryLine, either a normal
checkout (the folder ECB+_LREC2014/ECB+/ is on disk) or a bare/mirror git directory (files are then read
with `git show COMMIT:path`). Only the files named in STORIES below are read.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

ECB_DIR = "ECB+_LREC2014/ECB+"
COMMIT = "46edefee5e82e0917b823abe0a18bf8c7770f15c"  # the commit the gold lists were written against


def _subtopic(topic: int, docs: Iterable[int], plus: bool) -> list[tuple[str, str]]:
    """One ECB+ sub-topic: files TOPIC/TOPIC_Necb.xml (or ...ecbplus.xml), named 01_ecbTOPIC_N[plus].txt."""
    kind = "ecbplus" if plus else "ecb"
    return [(f"{topic}/{topic}_{n}{kind}.xml", f"{i:02d}_ecb{topic}_{n}{'plus' if plus else ''}.txt")
            for i, n in enumerate(docs, start=1)]


# story -> [(ECB+ file under ECB+_LREC2014/ECB+/, output file name)]; each name's stem before '_' is unique.
STORIES: dict[str, list[tuple[str, str]]] = {
    "ecb_aceh_quake": _subtopic(37, range(1, 15), plus=True),  # Aceh earthquake, 2 July 2013
    "ecb_athens_bank": _subtopic(8, range(1, 12), plus=True),  # Marfin bank fire, Athens, 5 May 2010
    "ecb_gaza_school": _subtopic(41, range(1, 10), plus=False),  # UN school in Jabaliya shelled, 6 Jan 2009
    "ecb_mtcook_climbers": _subtopic(23, range(1, 12), plus=True),  # two climbers killed, Mt Cook, Sept 2013
    "ecb_qeshm_quake": _subtopic(20, range(1, 12), plus=True),  # earthquake on Qeshm island, Iran, 27 Nov 2005
    "ecb_troy_shooting": _subtopic(18, range(1, 12), plus=True),  # office shooting in Troy, Michigan, 9 Apr 2007
    "ecb_kimani_gray": _subtopic(19, range(1, 12), plus=True),  # Brooklyn teen Kimani Gray shot by police, riots, March 2013
    "ecb_amd_seamicro": _subtopic(43, range(1, 16), plus=True),  # AMD to acquire SeaMicro for $334m, 29 Feb 2012
    # ECB+ numbers some sub-topics with gaps: the ecbplus files of topic 25 are 3, 5-11 and 13-15
    "ecb_pierre_thomas_ir": _subtopic(25, [3, *range(5, 12), *range(13, 16)], plus=True),  # Saints put Pierre Thomas on IR, 5 Jan 2011
    "ecb_kraft_shooting": _subtopic(22, range(1, 15), plus=True),  # Kraft plant shooting, Philadelphia, 9 Sept 2010
    "ecb_sukanya_pirates": _subtopic(12, range(1, 12), plus=True),  # INS Sukanya foils pirate attack, Gulf of Aden, Nov 2011
    "ecb_ie_zero_day": _subtopic(27, range(1, 12), plus=True),  # Microsoft's emergency fix for an IE zero-day flaw, Sept 2013
    "ecb_warren_jeffs": _subtopic(36, range(1, 12), plus=True),  # polygamist leader Warren Jeffs charged, tried, sentenced, 2008-2011
    "ecb_macbook_pro": _subtopic(40, range(1, 12), plus=True),  # Apple unveils new MacBook Pro and Air at WWDC, 11 June 2012
    "ecb_queens_hit_run": _subtopic(21, range(1, 15), plus=True),  # woman killed by a hit-and-run driver in Queens, 13-14 Sept 2013
    "ecb_lohan_rehab": _subtopic(1, range(1, 22), plus=True),  # Lindsay Lohan checks into rehab, May 2013 (and moves, June 2013)
    "ecb_fred_larue": _subtopic(28, range(1, 13), plus=True),  # Watergate "bagman" Fred LaRue found dead in Biloxi, July 2004
    "ecb_regina_benjamin": _subtopic(34, range(1, 13), plus=True),  # Obama names Regina Benjamin as his Surgeon General nominee, 13 July 2009
    "ecb_geysers_quake": _subtopic(38, range(1, 12), plus=True),  # magnitude 4.6 earthquake near The Geysers, north of Healdsburg, 14 March 2013
    "ecb_capaldi_doctor": _subtopic(39, range(1, 12), plus=True),  # Peter Capaldi announced as the twelfth Doctor Who, 4 August 2013
    "ecb_gigante_death": _subtopic(26, range(1, 12), plus=True),  # Genovese boss Vincent "Chin" Gigante dies in prison, 19 December 2005
}

OPEN_Q, CLOSE_Q = "\x01", "\x02"  # placeholders for PTB quotes while joining; both print as '"'
NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "”", CLOSE_Q, "n't", "…"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "£", "€", "“", OPEN_Q, "#"}
APOSTROPHES = {"'", "’"}
CLITICS = {"s", "t", "re", "ll", "ve", "d", "m"}
ATTACHED_CLITICS = {a + c for a in APOSTROPHES for c in ("s", "re", "ll", "ve", "d", "m")}
DOUBLE_QUOTES = {'"'}


def read_xml(repo: Path, rel: str, commit: str) -> bytes:
    on_disk = repo / rel
    if on_disk.is_file():
        return on_disk.read_bytes()
    try:
        return subprocess.run(
            ["git", "-C", str(repo), "show", f"{commit}:{rel}"],
            check=True, capture_output=True,
        ).stdout
    except (subprocess.CalledProcessError, FileNotFoundError):
        print(f"rebuild_ecb: cannot read {rel} from {repo} (not on disk, not at commit {commit[:12]} in git); "
              "give a checkout or clone of https://github.com/tommasoc80/EventStoryLine", file=sys.stderr)
        raise SystemExit(2) from None


def sentences(xml: bytes) -> list[list[str]]:
    """Tokens grouped by their sentence number, in document order."""
    root = ET.fromstring(xml)
    grouped: dict[int, list[str]] = {}
    for tok in root.iter("token"):
        grouped.setdefault(int(tok.get("sentence", "0")), []).append(tok.text or "")
    return [grouped[k] for k in sorted(grouped)]


def _is_digit(tok: str) -> bool:
    return tok[:1].isdigit() and tok[-1:].isdigit()


def _normalise(tokens: list[str]) -> list[str]:
    """PTB-style quotes (`` and '' or ' ') become straight double quotes."""
    out: list[str] = []
    for tok in tokens:
        if tok == "'" and out and out[-1] == "'":
            out[-1] = "''"
            continue
        out.append(tok)
    return [{"``": OPEN_Q, "''": CLOSE_Q}.get(t, t) for t in out]


def _starts_group(tok: str, sep: str) -> bool:
    """True when tok can follow a decimal point (any digits) or a thousands comma (three digits)."""
    digits = len(tok) - len(tok.lstrip("0123456789"))
    return digits > 0 and (sep == "." or digits == 3)


def _ends_with_point_after_digits(tok: str) -> bool:
    return len(tok) > 1 and tok.endswith(".") and tok[-2].isdigit()


def _is_initial(tok: str) -> bool:
    return len(tok) == 2 and tok[0].isalpha() and tok[1] == "."


def _straight_quote_closes(prev: str, nxt: str, quote_open: bool) -> bool:
    """A lone straight double quote: closing after end punctuation or before punctuation, else by state."""
    if not prev:
        return False
    if prev in {",", ".", "!", "?", ";", ":", "…", "--", "—"} or not nxt or nxt in NO_SPACE_BEFORE:
        return True
    return quote_open


def join_tokens(tokens: list[str]) -> str:
    """Undo tokenisation with simple spacing rules (punctuation, quotes, clitics, hyphens, numbers)."""
    tokens = _normalise(tokens)
    out = ""
    quote_open = False  # straight double quotes do not say whether they open or close
    glue_next = False
    for i, tok in enumerate(tokens):
        prev = tokens[i - 1] if i else ""
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        space = bool(out) and not glue_next
        glue_next = False
        if tok in NO_SPACE_BEFORE:
            space = False
        if tok in DOUBLE_QUOTES:
            if _straight_quote_closes(prev, nxt, quote_open):
                space = False
                quote_open = False
            else:
                glue_next = True
                quote_open = True
        elif tok in {OPEN_Q, "“"}:
            quote_open = True
            glue_next = True
        elif tok in {CLOSE_Q, "”"}:
            quote_open = False
        elif tok in APOSTROPHES and nxt.lower() in CLITICS:
            space = False
            glue_next = True
        elif tok.lower() in ATTACHED_CLITICS:
            space = False
        elif tok in APOSTROPHES and prev.endswith("s"):  # plural possessive: "officials' "
            space = False
        elif tok == ":" and prev[-1:].isdigit() and nxt[:1].isdigit():
            space = False
            glue_next = True  # 4:59, 1:28PM
        elif tok in {".", ","} and prev[-1:].isdigit() and _starts_group(nxt, tok):
            space = False
            glue_next = True  # 7.2, 1,000, 2,000ft
        elif tok == "." and prev.isalpha() and prev.islower() and nxt.isdigit():
            space = True  # a leading decimal point after a lower-case word: "a .357 Magnum", not "a. 357"
            glue_next = True  # (after "Dec" or "No" the point ends an abbreviation: "Dec. 8")
        elif tok == "." and len(prev) == 1 and prev.isalpha() and len(nxt) == 1 and nxt.isalpha():
            space = False
            glue_next = True  # a.m. written as a . m .
        elif _is_initial(tok) and _is_initial(prev):
            space = False  # U. S. -> U.S.
        elif tok == "-" and (nxt[:1].islower() or _is_digit(nxt) or _is_digit(prev)
                             or (prev[:1].isupper() and not prev.isupper()
                                 and nxt[:1].isupper() and not nxt.isupper())):
            space = False
            glue_next = True  # 90-day, court-mandated, Agence-France
        elif tok in NO_SPACE_AFTER:
            glue_next = True
        else:
            if tok.startswith('"') and len(tok) > 1:
                quote_open = True
            if tok.endswith('"') and len(tok) > 1:
                quote_open = False
        if _ends_with_point_after_digits(tok) and nxt[:1].isdigit() and i + 1 < len(tokens):
            glue_next = True  # "25." + "7bn" -> 25.7bn
        out += (" " if space else "") + tok
    return out.replace(OPEN_Q, '"').replace(CLOSE_Q, '"')


def source_address(xml: bytes) -> str:
    """ecbplus files start with the address the text was found at, tokenised as sentence 0."""
    return "".join(sentences(xml)[0])


def rebuild(xml: bytes, plus: bool) -> str:
    """Plain text, one sentence per line; the address line of ecbplus files is left out."""
    groups = sentences(xml)[1:] if plus else sentences(xml)
    return "\n".join(join_tokens(toks) for toks in groups) + "\n"


def main(argv: list[str] | None = None) -> int:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("repo", type=Path, help="checkout or git directory of tommasoc80/EventStoryLine")
    ap.add_argument("--out", type=Path, default=here / "texts", help="where story folders are written")
    ap.add_argument("--commit", default=COMMIT, help="commit to read when the repo has no work tree")
    ap.add_argument("--story", action="append", help="only this story (repeatable)")
    ap.add_argument("--list", action="store_true", help="print file, text name and source address; write nothing")
    args = ap.parse_args(argv)
    for story, files in STORIES.items():
        if args.story and story not in args.story:
            continue
        folder = args.out / story
        if not args.list:
            folder.mkdir(parents=True, exist_ok=True)
        for rel, name in files:
            xml = read_xml(args.repo, f"{ECB_DIR}/{rel}", args.commit)
            plus = rel.endswith("ecbplus.xml")
            if args.list:
                print(f"{story}\t{ECB_DIR}/{rel}\t{name}\t{source_address(xml) if plus else '-'}")
                continue
            (folder / name).write_text(rebuild(xml, plus), encoding="utf-8")
        if not args.list:
            print(f"{story}: {len(files)} texts -> {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
