"""Build the third-party value phrases (money, number, date, time) from other people's labelled data.

Every label comes from someone else's annotation; this script only converts it to the bench's
value syntax and keeps what converts cleanly. See README.md beside this file for the sources,
their licences, where to get the raw files and the split rule.

    python benchmarks/phrases/thirdparty/build.py \
        --timeml timebank=RAW/tempeval3/.../TBAQ-cleaned/TimeBank \
        --timeml aquaint=RAW/tempeval3/.../TBAQ-cleaned/AQUAINT \
        --timeml te3-platinum=RAW/tempeval3/.../te3-platinum \
        --meantime RAW/meantime/.../intra-doc_annotation \
        --newsquant RAW/newsquant/data/formatted_test_set/NewsQuant.json \
        --nemo RAW/nemo/tests/nemo_text_processing/en \
        --nemo-data RAW/nemo/data \
        --wetext RAW/wetext \
        --num2words RAW/num2words/tests \
        --out benchmarks/phrases/thirdparty/data

Writes dev.jsonl and heldback.jsonl (one labelled value a line) and prints counts per kind and
split, and how many annotations were left out and why. Only counts are printed: nothing of the
held-back split is shown.
"""

from __future__ import annotations

import argparse
import ast
import calendar
import datetime as dt
import difflib
import hashlib
import html
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path

HELDBACK_PERCENT = 30
MAX_TEXT = 320  # characters of context kept around a labelled expression

LICENCES = {
    "timebank": "TempEval-3 TBAQ-cleaned (TimeBank 1.2 text from LDC news); no redistribution licence stated: keep out of git",
    "aquaint": "TempEval-3 TBAQ-cleaned (AQUAINT TimeML; LDC news text); no redistribution licence stated: keep out of git",
    "te3-platinum": "TempEval-3 platinum, (c) 2013 TempEval-3; news text by AP/BBC/CNN/NYT/WSJ; no licence stated: keep out of git",
    "meantime": "CC BY 4.0, NewsReader MEANTIME (c) 2015 FBK, VU Amsterdam, UPV/EHU; text from English Wikinews",
    "newsquant": "NewsQuant (Almasian et al., CQE, EMNLP 2023), satya77/CQE_Evaluation; no licence stated: keep out of git",
    "nemo": "Apache-2.0, NVIDIA NeMo-text-processing test cases",
    "nemo-googletn": "CC BY 4.0, NVIDIA NeMo-text-processing data/GoogleTN.json (from Google's text normalization test data; Wikipedia text)",
    "nemo-libritts": "CC BY 4.0, NVIDIA NeMo-text-processing data/LibriTTS.json (LibriTTS sentences, CC BY 4.0, from public-domain books)",
    "nemo-engconf": "CC BY 4.0, NVIDIA NeMo-text-processing data/EngConf.txt (hand-labelled)",
    "wetext": "Apache-2.0, wenet-e2e WeTextProcessing test cases",
    "num2words": "LGPL-2.1, savoirfairelinux num2words test suite",
}


# --- shared ------------------------------------------------------------------------------------


def heldback(unit: str) -> bool:
    """The split: a document (or a stand-alone test line) goes wholly to one side, by its hash."""
    return int(hashlib.sha256(unit.encode("utf-8")).hexdigest()[:8], 16) % 100 < HELDBACK_PERCENT


def number_text(x: Fraction | float | int) -> str:
    """A value as the bench writes it: whole numbers without a point, others as a short float."""
    f = Fraction(x) if not isinstance(x, float) else Fraction(repr(x))
    if f.denominator == 1:
        return str(f.numerator)
    return repr(float(f))


def case(
    text: str,
    kind: str,
    value: str,
    *,
    dataset: str,
    doc: str,
    where: str,
    ref: str | None = None,
    span: tuple[int, int] | None = None,
    **extra: object,
) -> dict:
    out = {
        "text": text,
        "kind": kind,
        "value": value,
        "label": f"{kind} {value}",
        "ref": ref,
        "source": f"{dataset}:{where}",
        "licence": LICENCES[dataset],
        "doc": f"{dataset}:{doc}",
    }
    if span is not None:
        out["span"] = list(span)
        out["expression"] = text[span[0] : span[1]]
    out.update({k: v for k, v in extra.items() if v is not None})
    out["shape"] = shape(out.get("expression") or text)
    return out


def shape(expression: str) -> str:
    """The written form's outline, to group cases by form: digits 9, words a (A when capitalised)."""
    s = re.sub(r"\d+", "9", expression.strip(".,;:!?"))
    s = re.sub(r"[A-Z][a-z]+", "A", s)
    s = re.sub(r"[a-z]+", "a", s)
    return re.sub(r"\s+", " ", s).strip()


# --- TIMEX3 values -----------------------------------------------------------------------------


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11)}


def timex_span(value: str) -> tuple[dt.date, dt.date, str] | None:
    """A TIMEX3 date value as the inclusive days it covers, with its granularity; None if it names
    no fixed stretch of the calendar (durations, PRESENT_REF, XXXX-..., winters across years)."""
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(T.*)?", value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return day, day, "day"
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            y, mo = int(m[1]), int(m[2])
            return dt.date(y, mo, 1), _month_end(y, mo), "month"
        if m := re.fullmatch(r"(\d{4})", value):
            y = int(m[1])
            return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value):
            y, w = int(m[1]), int(m[2])
            if m[3]:
                return dt.date.fromisocalendar(y, w, 6), dt.date.fromisocalendar(y, w, 7), "weekend"
            return dt.date.fromisocalendar(y, w, 1), dt.date.fromisocalendar(y, w, 7), "week"
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            y, q = int(m[1]), int(m[2])
            return dt.date(y, 3 * q - 2, 1), _month_end(y, 3 * q), "quarter"
        if m := re.fullmatch(r"(\d{4})-H([12])", value):
            y, h = int(m[1]), int(m[2])
            return dt.date(y, 6 * h - 5, 1), _month_end(y, 6 * h), "half"
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|AU)", value):
            y, (a, b) = int(m[1]), SEASONS[m[2]]
            return dt.date(y, a, 1), _month_end(y, b), "season"
        if m := re.fullmatch(r"(\d{3})X?", value):
            d = int(m[1]) * 10
            return dt.date(d, 1, 1), dt.date(d + 9, 12, 31), "decade"
        if m := re.fullmatch(r"(\d{2})(XX)?", value):
            c = int(m[1]) * 100
            return dt.date(max(c, 1), 1, 1), dt.date(c + 99, 12, 31), "century"
    except ValueError:
        return None
    return None


def span_text(start: dt.date, end: dt.date) -> str:
    return start.isoformat() if start == end else f"{start.isoformat()}..{end.isoformat()}"


# Modifiers that move the meaning off the value's own span ("before 1998"): such a label is not
# the days the phrase covers, so it is left out. START/MID/END/APPROX stay (a part lies inside).
OPEN_MODS = {
    "BEFORE",
    "AFTER",
    "ON_OR_BEFORE",
    "ON_OR_AFTER",
    "LESS_THAN",
    "MORE_THAN",
    "EQUAL_OR_LESS",
    "EQUAL_OR_MORE",
}


def timex_label(ttype: str, value: str, mod: str | None) -> tuple[str, str, dict] | str:
    """(kind, value, extra) for a TIMEX3, or the reason it is left out."""
    if mod in OPEN_MODS:
        return f"mod {mod}"
    if ttype == "TIME":
        if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(:\d{2})?", value):
            if int(m[2]) > 24 or int(m[3]) > 59:
                return "bad time"
            return "time", f"{m[2]}:{m[3]}", {"day": m[1], "granularity": "minute"}
        if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})T(MO|AF|EV|NI|DT)", value):
            got = timex_span(m[1])
            if got is None:
                return "unresolved TIME"
            return "date", span_text(got[0], got[1]), {"granularity": "part-of-day"}
        return "unresolved TIME"
    if ttype != "DATE":
        return ttype  # DURATION, SET
    got = timex_span(value)
    if got is None:
        return "unresolved DATE"
    return "date", span_text(got[0], got[1]), {"granularity": got[2]}


# --- sentences ---------------------------------------------------------------------------------

ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "jr",
    "sr",
    "inc",
    "corp",
    "co",
    "ltd",
    "gen",
    "sen",
    "rep",
    "gov",
    "no",
    "vs",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.n",
    "u.k",
    "lt",
    "col",
    "capt",
    "sgt",
    "prof",
    "rev",
    "ft",
    "mt",
    "a.m",
    "p.m",
    "e.g",
    "i.e",
}


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of text holding [start, end): from the last sentence end before it to the next
    after it, on line breaks and on . ! ? followed by a space and a capital (not after a title,
    a month's short form or a single initial)."""

    def is_break(i: int) -> bool:  # text[i] is . ! ? and text[i+1] whitespace
        if text[i] != ".":
            return True
        word = re.search(r"([A-Za-z.]+)$", text[:i])
        w = word[1].lower().strip(".") if word else ""
        return not (w in ABBREVIATIONS or len(w) == 1)

    lo = 0
    for m in re.finditer(r"\n\s*\n|\n(?=\s*[A-Z\"'])|[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])", text[:start]):
        if m[0][0] == "\n" or is_break(m.start()):
            lo = m.end()
    hi = len(text)
    for m in re.finditer(r"\n\s*\n|\n(?=\s*[A-Z\"'])|[.!?][\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9]|\s*$)", text[end:]):
        if m[0][0] == "\n" or is_break(end + m.start()):
            hi = end + (m.start() if m[0][0] == "\n" else m.end())
            break
    return lo, hi


def clip(text: str, lo: int, hi: int, start: int, end: int) -> tuple[str, int, int]:
    """text[lo:hi] squeezed to one line and at most MAX_TEXT characters around [start, end)."""
    if hi - lo > MAX_TEXT:
        room = max(0, (MAX_TEXT - (end - start)) // 2)
        a, b = max(lo, start - room), min(hi, end + room)
        while a > lo and not text[a - 1].isspace():
            a += 1
        while b < hi and not text[b].isspace():
            b -= 1
        lo, hi = a, max(b, end)
    piece = text[lo:hi]
    s, e = start - lo, end - lo
    # Squeeze runs of whitespace to one space, mapping the span through.
    out, mapping = [], []
    for ch in piece:
        if ch.isspace():
            if out and out[-1] == " ":
                mapping.append(len(out) - 1)
                continue
            ch = " "
        mapping.append(len(out))
        out.append(ch)
    mapping.append(len(out))
    squeezed = "".join(out)
    ns, ne = mapping[s], mapping[e]
    lead = len(squeezed) - len(squeezed.lstrip())
    return squeezed.strip(), ns - lead, ne - lead


# --- TimeML (.tml): TimeBank, AQUAINT, TempEval-3 platinum -------------------------------------

# TempEval-3's notes: APW20000107.0088 has the text of APW20000115.0209 (another creation date).
REPEATED_DOCUMENTS = {"APW20000107.0088"}

TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
ATTR = re.compile(r'([A-Za-z_:]+)="([^"]*)"')


def strip_tags(markup: str) -> tuple[str, list[tuple[dict, int, int]]]:
    """Plain text of a TimeML TEXT element and each TIMEX3's attributes and character span."""
    out: list[str] = []
    length = 0
    open_timex: list[tuple[dict, int]] = []
    found = []
    pos = 0
    for m in TAG.finditer(markup):
        chunk = html.unescape(markup[pos : m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs = m[1], m[2], m[3]
        if name != "TIMEX3":
            continue
        if closing:
            attrs_d, begin = open_timex.pop()
            found.append((attrs_d, begin, length))
        elif not m[4]:
            open_timex.append((dict(ATTR.findall(attrs)), length))
    out.append(html.unescape(markup[pos:]))
    return "".join(out), found


def read_timeml(dataset: str, folder: Path, skipped: Counter) -> Iterator[dict]:
    for path in sorted(folder.glob("*.tml")):
        raw = path.read_text(encoding="utf-8")
        doc = path.name[: -len(".tml")]
        if doc in REPEATED_DOCUMENTS:
            skipped[f"{dataset}: document repeats another"] += 1
            continue
        dct = re.search(r"<TIMEX3([^>]*functionInDocument=\"CREATION_TIME\"[^>]*)>", raw)
        if not dct:
            skipped[f"{dataset}: document without creation time"] += 1
            continue
        dct_attrs = dict(ATTR.findall(dct[1]))
        ref_span = timex_span(dct_attrs.get("value", ""))
        if ref_span is None or ref_span[2] != "day":
            skipped[f"{dataset}: creation time not a day"] += 1
            continue
        ref = ref_span[0].isoformat()
        body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        if not body:
            continue
        text, timexes = strip_tags(body[1])
        for attrs, start, end in timexes:
            tid = attrs.get("tid", "?")
            anchor = attrs.get("anchorTimeID")
            relative = attrs.get("temporalFunction") == "true"
            if relative and anchor and anchor != dct_attrs.get("tid"):
                skipped[f"{dataset}: anchored on another expression, not the document date"] += 1
                continue
            got = timex_label(attrs.get("type", ""), attrs.get("value", ""), attrs.get("mod"))
            if isinstance(got, str):
                skipped[f"{dataset}: {got}"] += 1
                continue
            kind, value, extra = got
            lo, hi = sentence_bounds(text, start, end)
            sentence, s, e = clip(text, lo, hi, start, end)
            yield case(
                sentence,
                kind,
                value,
                dataset=dataset,
                doc=doc,
                where=f"{path.name}#{tid}",
                ref=ref,
                span=(s, e),
                relative=relative,
                timex_value=attrs.get("value"),
                timex_type=attrs.get("type"),
                mod=attrs.get("mod"),
                **extra,
            )


# --- MEANTIME (NewsReader CAT XML) -------------------------------------------------------------

NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "£", "€", "US$"}


def detokenize(tokens: list[tuple[str, str]]) -> tuple[str, dict[str, tuple[int, int]]]:
    """Join (t_id, token) pairs into a sentence with ordinary spacing; each token's span."""
    out = ""
    spans = {}
    prev = None
    for tid, tok in tokens:
        tok = {"``": '"', "''": '"'}.get(tok, tok)
        if prev is not None and tok not in NO_SPACE_BEFORE and prev not in NO_SPACE_AFTER:
            out += " "
        spans[tid] = (len(out), len(out) + len(tok))
        out += tok
        prev = tok
    return out, spans


def read_meantime(folder: Path, skipped: Counter) -> Iterator[dict]:
    for path in sorted(folder.rglob("*.xml")):
        root = ET.parse(path).getroot()
        doc = root.get("doc_id") or path.stem
        sentences: dict[str, list[tuple[str, str]]] = {}
        sentence_of = {}
        for tok in root.iter("token"):
            sentences.setdefault(tok.get("sentence"), []).append((tok.get("t_id"), tok.text or ""))
            sentence_of[tok.get("t_id")] = tok.get("sentence")
        built = {k: detokenize(v) for k, v in sentences.items()}
        timexes = [t for t in root.iter("TIMEX3") if t.findall("token_anchor")]
        dct = next((t for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"), None)
        ref_span = timex_span(dct.get("value", "")) if dct is not None else None
        if ref_span is None:
            skipped["meantime: document without a creation day"] += 1
            continue
        ref = ref_span[0].isoformat()
        for t in timexes:
            anchor = t.get("anchorTimeID") or ""
            if anchor and anchor not in (dct.get("m_id"), t.get("m_id")):
                skipped["meantime: anchored on another expression, not the document date"] += 1
                continue
            got = timex_label(t.get("type", ""), t.get("value", ""), t.get("mod"))
            if isinstance(got, str):
                skipped[f"meantime: {got}"] += 1
                continue
            kind, value, extra = got
            ids = [a.get("t_id") for a in t.findall("token_anchor")]
            sents = {sentence_of[i] for i in ids}
            if len(sents) != 1:
                skipped["meantime: expression across sentences"] += 1
                continue
            text, spans = built[sents.pop()]
            start, end = spans[ids[0]][0], spans[ids[-1]][1]
            sentence, s, e = clip(text, 0, len(text), start, end)
            yield case(
                sentence,
                kind,
                value,
                dataset="meantime",
                doc=f"{path.parent.name}/{doc}",
                where=f"{path.parent.name}/{path.name}#m{t.get('m_id')}",
                ref=ref,
                span=(s, e),
                relative=bool(anchor) and t.get("functionInDocument") != "CREATION_TIME",
                timex_value=t.get("value"),
                timex_type=t.get("type"),
                detokenized=True,
                **extra,
            )


# --- NewsQuant (CQE evaluation set) ------------------------------------------------------------

# normalized_unit -> (ISO 4217 code, factor to the major unit)
NEWSQUANT_CURRENCIES = {
    "dollar": ("USD", 1),
    "cent": ("USD", Fraction(1, 100)),
    "euro": ("EUR", 1),
    "pound sterling": ("GBP", 1),
    "penny": ("GBP", Fraction(1, 100)),
    "japanese yen": ("JPY", 1),
    "chinese yuan": ("CNY", 1),
    "renminbi": ("CNY", 1),
    "australian dollar": ("AUD", 1),
    "canadian dollar": ("CAD", 1),
    "hong kong dollar": ("HKD", 1),
    "new zealand dollar": ("NZD", 1),
    "singapore dollar": ("SGD", 1),
    "singaporean dollar": ("SGD", 1),
    "croatian kuna": ("HRK", 1),
    "united states dollar": ("USD", 1),
    "shekel": ("ILS", 1),
    "malaysian ringgit": ("MYR", 1),
    "sen": ("MYR", Fraction(1, 100)),
    "indian rupee": ("INR", 1),
    "south korean won": ("KRW", 1),
    "swiss franc": ("CHF", 1),
    "russian ruble": ("RUB", 1),
    "mexican peso": ("MXN", 1),
    "south african rand": ("ZAR", 1),
    "brazilian real": ("BRL", 1),
    "swedish krona": ("SEK", 1),
    "norwegian krone": ("NOK", 1),
    "danish krone": ("DKK", 1),
    "turkish lira": ("TRY", 1),
    "nigerian naira": ("NGN", 1),
    "philippine peso": ("PHP", 1),
    "pakistani rupee": ("PKR", 1),
    "saudi riyal": ("SAR", 1),
    "united arab emirates dirham": ("AED", 1),
    "taiwan dollar": ("TWD", 1),
    "new taiwan dollar": ("TWD", 1),
    "thai baht": ("THB", 1),
    "indonesian rupiah": ("IDR", 1),
}


def newsquant_currency(unit: str) -> tuple[str, Fraction | int] | None:
    unit = unit.lower()
    if unit in NEWSQUANT_CURRENCIES:
        return NEWSQUANT_CURRENCIES[unit]
    head = unit.split(" per ")[0]  # "dollar per barrel": a price, still that currency
    return NEWSQUANT_CURRENCIES.get(head) if head != unit else None


def read_newsquant(path: Path, skipped: Counter) -> Iterator[dict]:
    for n, item in enumerate(json.loads(path.read_text(encoding="utf-8"))):
        text = item["text"]
        unit_key = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
        for k, q in enumerate(item["quantities"]):
            raw = q["value"].replace(" ", "")
            m = re.fullmatch(r"(-?[0-9.]+(?:e[+-]?\d+)?)(?:-(-?[0-9.]+(?:e[+-]?\d+)?))?", raw)
            if not m:
                skipped[f"newsquant: value not a number ({q['value']!r})"] += 1
                continue
            figures = [Fraction(x) for x in m.groups() if x is not None]
            money = newsquant_currency(q["normalized_unit"])
            for part, figure in zip(("low", "high") if len(figures) == 2 else (None,), figures, strict=True):
                extra = {"unit": q["normalized_unit"], "qualifier": q["change"], "range_end": part}
                where = f"NewsQuant.json#{n}.{k}"
                if money:
                    code, factor = money
                    yield case(
                        text,
                        "money",
                        f"{number_text(figure * factor)} {code}",
                        dataset="newsquant",
                        doc=unit_key,
                        where=where,
                        **extra,
                    )
                else:
                    yield case(
                        text, "number", number_text(figure), dataset="newsquant", doc=unit_key, where=where, **extra
                    )


# --- words -> numbers (to check the text-normalisation pairs against each other) ----------------

SMALL = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if i >= 2}
SCALES = {
    "thousand": 10**3,
    "lakh": 10**5,
    "lakhs": 10**5,
    "million": 10**6,
    "crore": 10**7,
    "crores": 10**7,
    "billion": 10**9,
    "trillion": 10**12,
    "quadrillion": 10**15,
    "quintillion": 10**18,
    "sextillion": 10**21,
}
DIGIT_WORDS = {**{w: i for w, i in SMALL.items() if i < 10}, "oh": 0, "o": 0}
DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "quarter": 4,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "hundredth": 100,
    "thousandth": 1000,
}


def words_tokens(s: str) -> list[str]:
    return re.sub(r"[-,]", " ", s.lower()).split()


def integer_words(tokens: list[str]) -> int | None:
    """A whole number in words ("two hundred and fifty four", "twenty one crore ...") or None when
    the words are not one number (digit by digit, year style, or stray words)."""
    if not tokens:
        return None
    total, current, last = 0, 0, None
    for i, t in enumerate(tokens):
        if t == "and":
            if last not in ("hundred", "scale") or i == len(tokens) - 1:
                return None
            continue
        if t == "a" and i == 0:
            current, last = 1, "small"
            continue
        if t in SMALL:
            if last in ("small", "teen") or (last == "tens" and SMALL[t] >= 10) or (last == "tens" and SMALL[t] == 0):
                return None
            if last == "tens" and current % 10:
                return None
            current += SMALL[t]
            last = "small" if SMALL[t] < 10 else "teen"
        elif t in TENS:
            if last in ("small", "teen", "tens"):
                return None
            current += TENS[t]
            last = "tens"
        elif t == "hundred":
            if last == "hundred" or current % 100 == 0 and current:
                return None
            current = (current or 1) * 100
            last = "hundred"
        elif t in SCALES:
            if last == "scale" and current == 0:
                return None
            total += (current or 1) * SCALES[t]
            current, last = 0, "scale"
        else:
            return None
    return total + current


def number_words(s: str) -> Fraction | None:
    """A number in words: sign, whole part, "point" and digits, a scale after the decimal part
    ("five point two million"), or a fraction ("three and five halves", "one quarter")."""
    tokens = words_tokens(s)
    sign = 1
    if tokens and tokens[0] in ("minus", "negative"):
        sign, tokens = -1, tokens[1:]
    if not tokens:
        return None
    scale = 1
    if len(tokens) > 1 and tokens[-1] in SCALES and "point" in tokens:
        scale, tokens = SCALES[tokens[-1]], tokens[:-1]
    if "point" in tokens:
        i = tokens.index("point")
        whole = integer_words(tokens[:i]) if i else 0
        digits = tokens[i + 1 :]
        if whole is None or not digits or any(d not in DIGIT_WORDS for d in digits):
            return None
        frac = Fraction(int("".join(str(DIGIT_WORDS[d]) for d in digits)), 10 ** len(digits))
        return sign * (whole + frac) * scale
    # fractions
    last = tokens[-1].removesuffix("s") if tokens[-1] != "halves" else "halves"
    if last in DENOMINATORS or tokens[-1] in DENOMINATORS:
        denom = DENOMINATORS.get(tokens[-1]) or DENOMINATORS[last]
        body = tokens[:-1]
        whole = 0
        if "and" in body:
            i = body.index("and")
            whole = integer_words(body[:i])
            body = body[i + 1 :]
        num = integer_words(body) if body else None
        if whole is None or num is None:
            return None
        return sign * (whole + Fraction(num, denom))
    n = integer_words(tokens)
    return None if n is None else sign * n


WRITTEN_SCALES = {
    "k": 10**3,
    "thousand": 10**3,
    "m": 10**6,
    "mn": 10**6,
    "million": 10**6,
    "b": 10**9,
    "bn": 10**9,
    "billion": 10**9,
    "trillion": 10**12,
    "t": 10**12,
}


def number_written(s: str) -> Fraction | None:
    """A number in figures as the test files write it: sign, grouping commas, decimals, a scale."""
    m = re.fullmatch(r"\s*([-+]?)(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?\s*([A-Za-z]+)?\s*", s)
    if not m or not (m[2] or m[3]):
        return None
    scale = 1
    if m[4]:
        if m[4].lower() not in WRITTEN_SCALES:
            return None
        scale = WRITTEN_SCALES[m[4].lower()]
    value = Fraction((m[2] or "0").replace(",", "") + (m[3] or ""))
    return (-1 if m[1] == "-" else 1) * value * scale


def fraction_written(s: str) -> Fraction | None:
    m = re.fullmatch(r"\s*(?:(\d+)\s+)?(\d+)/(\d+)(?:th|TH|st|nd|rd)?\s*", s)
    if not m or int(m[3]) == 0:
        return None
    return int(m[1] or 0) + Fraction(int(m[2]), int(m[3]))


# spoken currency words -> (code, factor)
SPOKEN_MAJOR = {
    "dollar": "USD",
    "dollars": "USD",
    "pound": "GBP",
    "pounds": "GBP",
    "euro": "EUR",
    "euros": "EUR",
    "yen": "JPY",
    "yuan": "CNY",
    "won": "KRW",
    "rupee": "INR",
    "rupees": "INR",
    "naira": "NGN",
    "peso": "MXN",
    "pesos": "MXN",
    "franc": "CHF",
    "francs": "CHF",
}
SPOKEN_MINOR = {
    "cent": "USD",
    "cents": "USD",
    "penny": "GBP",
    "pence": "GBP",
    "paisa": "INR",
    "paise": "INR",
    "kobo": "NGN",
    "centavo": "MXN",
    "centavos": "MXN",
}
SPOKEN_PREFIX = {
    "united states": "USD",
    "us": "USD",
    "u s": "USD",
    "american": "USD",
    "australian": "AUD",
    "canadian": "CAD",
    "hong kong": "HKD",
    "singapore": "SGD",
    "new zealand": "NZD",
}
SYMBOLS = {
    "$": {"USD", "AUD", "CAD", "HKD", "SGD", "NZD", "MXN"},
    "US$": {"USD"},
    "£": {"GBP"},
    "€": {"EUR"},
    "¥": {"JPY", "CNY"},
    "₩": {"KRW"},
    "₹": {"INR"},
    "Rs": {"INR"},
    "Rs.": {"INR"},
    "₦": {"NGN"},
}


def money_words(s: str) -> tuple[Fraction, str] | None:
    """Money in words: "thirty billion yen", "one pound twenty pence", "seventy five dollars sixty
    three", "four united states dollars and sixty nine cents", "one cent"."""
    tokens = words_tokens(s.replace("$", " "))
    major = next((i for i, t in enumerate(tokens) if t in SPOKEN_MAJOR), None)
    if major is None:
        minor = next((i for i, t in enumerate(tokens) if t in SPOKEN_MINOR), None)
        if minor is None or minor != len(tokens) - 1:
            return None
        n = number_words(" ".join(tokens[:minor]))
        return None if n is None else (n / 100, SPOKEN_MINOR[tokens[minor]])
    code = SPOKEN_MAJOR[tokens[major]]
    head = tokens[:major]
    for words, c in SPOKEN_PREFIX.items():
        w = words.split()
        if head[-len(w) :] == w:
            code, head = c, head[: -len(w)]
            break
    amount = number_words(" ".join(head))
    if amount is None:
        return None
    rest = tokens[major + 1 :]
    if rest and rest[0] == "and":
        rest = rest[1:]
    if rest:
        if rest[-1] in SPOKEN_MINOR:
            rest = rest[:-1]
        cents = integer_words(rest)
        if cents is None or cents >= 100:
            return None
        amount += Fraction(cents, 100)
    return amount, code


def money_written(s: str) -> tuple[Fraction, set[str]] | None:
    m = re.fullmatch(r"\s*(US\$|Rs\.?|[$£€¥₩₹₦])\s*([-0-9.,]+\s*(?:[A-Za-z]+)?)\s*", s)
    if not m:
        return None
    n = number_written(m[2])
    return None if n is None else (n, SYMBOLS[m[1]])


MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
}


def ordinal_words(tokens: list[str]) -> int | None:
    if len(tokens) == 1:
        return ORDINALS.get(tokens[0])
    if len(tokens) == 2 and tokens[0] in TENS and tokens[1] in ORDINALS and ORDINALS[tokens[1]] < 10:
        return TENS[tokens[0]] + ORDINALS[tokens[1]]
    return None


def year_words(tokens: list[str]) -> int | None:
    """A year as said: "twenty twelve", "nineteen oh five", "two thousand and nine", "nineteen
    seventy six", "one thousand eight"."""
    n = integer_words(tokens)
    if n is not None and 1000 <= n <= 2999 and ("thousand" in tokens):
        return n
    for cut in (1, 2):
        hi = integer_words(tokens[:cut])
        rest = tokens[cut:]
        if hi is None or not 10 <= hi <= 29 or not rest:
            continue
        if rest[0] in ("oh", "o") and len(rest) == 2 and rest[1] in SMALL and SMALL[rest[1]] < 10:
            return hi * 100 + SMALL[rest[1]]
        if rest == ["hundred"]:
            return hi * 100
        lo = integer_words(rest)
        if lo is not None and 10 <= lo <= 99:
            return hi * 100 + lo
    return None


def date_words(s: str) -> tuple[dt.date, dt.date, str] | None:
    """A spoken date: "[the] twenty second of july twenty twelve", "july twenty fifth twenty twelve",
    a year alone, or a decade ("nineteen eighties")."""
    tokens = words_tokens(s)
    if tokens and tokens[0] == "the":
        tokens = tokens[1:]
    if "of" in tokens:
        i = tokens.index("of")
        day = ordinal_words(tokens[:i])
        if day and i + 1 < len(tokens) and tokens[i + 1] in MONTHS:
            year = year_words(tokens[i + 2 :])
            if year:
                d = dt.date(year, MONTHS[tokens[i + 1]], day)
                return d, d, "day"
        return None
    if tokens and tokens[0] in MONTHS:
        for cut in (2, 3):
            day = ordinal_words(tokens[1:cut])
            year = year_words(tokens[cut:])
            if day and year:
                try:
                    d = dt.date(year, MONTHS[tokens[0]], day)
                except ValueError:
                    return None
                return d, d, "day"
        return None
    if tokens and tokens[-1].endswith("ies"):
        dec = year_words(tokens[:-1] + [tokens[-1][:-3] + "y"])
        if dec and dec % 10 == 0:
            return dt.date(dec, 1, 1), dt.date(dec + 9, 12, 31), "decade"
        return None
    year = year_words(tokens)
    if year:
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    return None


def time_written(s: str) -> tuple[str, bool, str | None] | None:
    """A clock time in figures ("11:53 p.m.", "02:30", "07:00 a.m. est"): 24-hour HH:MM, whether
    a 12-hour reading was left open (no am/pm, hour 1-12), and the zone if written."""
    m = re.fullmatch(r"\s*(\d{1,2})[:.](\d{2})(?::\d{2})?\s*(a\.?m\.?|p\.?m\.?)?\s*([a-z]{2,4})?\s*", s, re.I)
    if not m:
        return None
    h, mi = int(m[1]), int(m[2])
    if h > 23 or mi > 59:
        return None
    ampm = (m[3] or "").lower().replace(".", "")
    if ampm:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if ampm == "pm" else 0)
    open_12h = not ampm and 1 <= h <= 12
    return f"{h:02d}:{mi:02d}", open_12h, (m[4].upper() if m[4] else None)


# --- text-normalisation test pairs (NeMo, WeTextProcessing) ------------------------------------


def tn_pairs(dataset: str, folder: Path) -> Iterator[tuple[str, str, str, str]]:
    """(category, written, spoken, where) from the test files of a text-normalisation project."""
    if dataset == "nemo":
        for direction, written_first in (("data_text_normalization", True), ("data_inverse_text_normalization", False)):
            for path in sorted((folder / direction).glob("test_cases_*.txt")):
                category = re.sub(r"^test_cases_|(_cased)?\.txt$", "", path.name)
                for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                    if "~" not in line:
                        continue
                    a, b = line.split("~", 1)
                    w, sp = (a, b) if written_first else (b, a)
                    yield category, w.strip(), sp.strip(), f"{direction}/{path.name}:{n}"
    else:
        for direction, written_first in (("tn/english/test/data", True), ("itn/english/test/data", False)):
            for path in sorted((folder / direction).glob("*.txt")):
                category = path.stem.removeprefix("en_")
                for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                    if " => " not in line:
                        continue
                    a, b = line.split(" => ", 1)
                    w, sp = (a, b) if written_first else (b, a)
                    yield category, w.strip(), sp.strip(), f"{direction}/{path.name}:{n}"


def read_tn(dataset: str, folder: Path, skipped: Counter) -> Iterator[dict]:
    """Each pair gives a label only where the written form and the spoken form, read separately,
    say the same value; then both forms are cases (the spoken one tests words -> values)."""
    for category, written, spoken, where in tn_pairs(dataset, folder):
        got = tn_label(category, written, spoken)
        if isinstance(got, str):
            skipped[f"{dataset}: {category}: {got}"] += 1
            continue
        kind, value, extra = got
        unit = "tn:" + written.lower()
        for form, text in (("written", written), ("spoken", spoken)):
            yield case(text, kind, value, dataset=dataset, doc=unit, where=f"{where}:{form}", form=form, **extra)


def tn_label(category: str, written: str, spoken: str) -> tuple[str, str, dict] | str:
    if category in ("cardinal", "decimal"):
        a, b = number_written(written), number_words(spoken)
        if a is None or b is None:
            return "form not read"
        return ("number", number_text(a), {}) if a == b else "forms disagree"
    if category == "fraction":
        a, b = fraction_written(written), number_words(spoken)
        if a is None or b is None:
            return "form not read"
        return ("number", number_text(a), {}) if a == b else "forms disagree"
    if category == "measure":
        m = re.match(r"\s*(-?[\d.,]+)", written)
        a = number_written(m[1]) if m else None
        words = words_tokens(spoken)
        b = None
        for cut in range(len(words), 0, -1):
            b = number_words(" ".join(words[:cut]))
            if b is not None:
                break
        if a is None or b is None:
            return "form not read"
        return ("number", number_text(a), {"unit": written[m.end() :].strip()}) if a == b else "forms disagree"
    if category == "money":
        a, b = money_written(written), money_words(spoken)
        if a is None or b is None:
            return "form not read"
        if a[0] != b[0] or b[1] not in a[1]:
            return "forms disagree"
        return "money", f"{number_text(b[0])} {b[1]}", {}
    if category == "date":
        got = date_words(spoken)
        if got is None:
            return "spoken date not read"
        if not re.search(r"\d", written):
            return "written form has no figures"
        digits = re.findall(r"\d+", written)
        years = [d for d in digits if len(d) == 4]
        if got[2] in ("day", "year") and str(got[0].year) not in years:
            return "forms disagree"
        if got[2] == "decade" and not written.replace(" ", "").startswith(str(got[0].year)):
            return "forms disagree"
        extra: dict = {"granularity": got[2]}
        if m := re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})/\d{4}\s*", written):
            if int(m[1]) <= 12 and int(m[2]) <= 12 and m[1] != m[2]:
                extra["order"] = "month first (US), as the spoken form says"
        return "date", span_text(got[0], got[1]), extra
    if category == "time":
        got = time_written(written)
        if got is None:
            return "written time not read"
        hhmm, open_12h, zone = got
        return "time", hhmm, {"ambiguous_12h": open_12h or None, "zone": zone}
    return "category not used"


# --- whole sentences and their spoken form (NeMo's GoogleTN, LibriTTS and EngConf sets) -------

SCALE_WORDS = {"hundred", "thousand", "million", "billion", "trillion", "lakh", "crore"}
PUNCT = "\"'`.,;:!?()[]{}"


def token_key(token: str) -> str:
    return token.lower().strip(PUNCT)


def joins(token: str) -> bool:
    """An unchanged token that may sit inside one value ("$ 90 billion", "22 January 2001")."""
    return token in SCALE_WORDS or token in MONTHS or token == "and"


def changed_chunks(text: str, spoken: str) -> Iterator[tuple[str, str]]:
    """(written, spoken) for each run of words that the spoken form says differently, with month
    names and scale words that both forms share kept inside the run."""
    wt, st = text.split(), spoken.split()
    wk, sk = [token_key(t) for t in wt], [token_key(t) for t in st]
    ops = [op for op in difflib.SequenceMatcher(None, wk, sk, autojunk=False).get_opcodes()]
    runs: list[list[int]] = []  # [w0, w1, s0, s1]
    for i, (tag, w0, w1, s0, s1) in enumerate(ops):
        if tag == "equal":
            continue
        if runs and i >= 2 and ops[i - 1][0] == "equal":
            _, e0, e1, _, _ = ops[i - 1]
            if e1 - e0 <= 2 and all(joins(k) for k in wk[e0:e1]) and runs[-1][1] == e0:
                runs[-1][1], runs[-1][3] = w1, s1
                continue
        runs.append([w0, w1, s0, s1])
    for w0, w1, s0, s1 in runs:
        while w0 > 0 and s0 > 0 and wk[w0 - 1] == sk[s0 - 1] and (wk[w0 - 1] in MONTHS or wk[w0 - 1] in SCALE_WORDS):
            w0, s0 = w0 - 1, s0 - 1
        while w1 < len(wk) and s1 < len(sk) and wk[w1] == sk[s1] and (wk[w1] in MONTHS or wk[w1] in SCALE_WORDS):
            w1, s1 = w1 + 1, s1 + 1
        if w1 > w0 and s1 > s0:
            yield " ".join(wt[w0:w1]), " ".join(st[s0:s1])


def squeeze_symbols(written: str) -> str:
    """ "$ 300,000" as the tokenised source has it -> "$300,000"; outer punctuation off."""
    w = written.lstrip("\"'`([{“‘").rstrip(".,;:!?)]}\"'`”’")
    w = re.sub(r"(US\$|[$£€¥₩₹₦])\s+(?=\d)", r"\1", w)
    return re.sub(r"\s*%$", "%", w)


def chunk_labels(written: str, spoken: str) -> list[tuple[str, str, dict]] | str:
    """Labels for one changed run: one value, or a range "A - B" said "X to Y" (two numbers, or
    one date span from the start of A to the end of B)."""
    w = squeeze_symbols(written)
    sp = " ".join(token_key(t) for t in spoken.split() if token_key(t))
    m = re.fullmatch(r"(\S+)\s+[-–]\s+(\S+)", w)
    parts = sp.split(" to ")
    if m and len(parts) == 2:
        a, b = chunk_label(m[1], parts[0]), chunk_label(m[2], parts[1])
        if isinstance(a, str) or isinstance(b, str) or a[0] != b[0] or a[0] not in ("number", "date"):
            return "range not read"
        if a[0] == "number":
            return [(a[0], a[1], {"range_end": "low"}), (b[0], b[1], {"range_end": "high"})]
        start, end = a[1].split("..")[0], b[1].split("..")[-1]
        if start > end:
            return "range not read"
        return [("date", f"{start}..{end}", {"range": True})]
    got = chunk_label(written, spoken)
    return got if isinstance(got, str) else [(got[0], got[1], {})]


def chunk_label(written: str, spoken: str) -> tuple[str, str] | str:
    """(kind, value) for one changed run, when the written and spoken forms agree on one value."""
    w = squeeze_symbols(written)
    sp = " ".join(token_key(t) for t in spoken.split() if token_key(t))
    if not re.search(r"\d", w):
        return "no figures"
    if re.search(r"[+*=×÷]|\d\s+/\s+\d", w) or re.search(r"\b(plus|times|divided|equals)\b", sp):
        return "arithmetic"
    if re.search(r"US\$|[$£€¥₩₹₦]|\b[A-Z]{3}\b", w):
        code = re.search(r"\s([A-Z]{3})$", w)
        if code:
            w = w[: code.start()]
            sp = re.sub(r"(\s[a-z]){3}$", "", sp)
        a, b = money_written(w), money_words(sp)
        if a is None or b is None:
            return "money form not read"
        if a[0] != b[0] or b[1] not in a[1] or (code and code[1] != b[1]):
            return "money forms disagree"
        return "money", f"{number_text(b[0])} {b[1]}"
    if w.endswith("%"):
        a = number_written(w[:-1])
        b = number_words(re.sub(r"\s(percent|per cent)$", "", sp))
        if a is None or b is None or a != b:
            return "percentage not read"
        return "number", number_text(a)
    if re.fullmatch(r"\d{1,2}([:.]\d{2})?\s*([ap]\.?m\.?)", w, re.I) or re.fullmatch(r"\d{1,2}:\d{2}", w):
        got = time_written(w if re.search(r"[:.]\d{2}", w) else re.sub(r"^(\d{1,2})", r"\1:00", w))
        head = number_words(sp.split()[0]) if sp else None
        if got is None or head is None or head % 12 != int(got[0][:2]) % 12:
            return "time not read"
        return "time", got[0] + ("" if not got[1] else "?")
    got_date = date_words(sp) or month_year_words(sp)
    years = re.findall(r"\d{4}", w)
    if got_date and (
        str(got_date[0].year) in years or (got_date[2] == "decade" and w.startswith(str(got_date[0].year)))
    ):
        year_only = re.fullmatch(r"\d{4}", w) is not None
        if year_only and integer_words(sp.split()) is not None:
            return "year or count: not said"
        return "date", span_text(got_date[0], got_date[1])
    a = number_written(w) if not re.search(r"/", w) else fraction_written(w)
    b = number_words(sp)
    if a is not None and b is not None:
        return ("number", number_text(a)) if a == b else "number forms disagree"
    lead = re.match(r"-?\d[\d,]*(\.\d+)?", w)
    if lead and a is None and len(re.findall(r"\d+(?:[.,]\d+)*", w)) == 1:
        words = sp.split()
        for cut in range(len(words), 0, -1):
            b = number_words(" ".join(words[:cut]))
            if b is not None:
                a = number_written(lead[0])
                return ("number", number_text(a)) if a == b else "number forms disagree"
    return "not a value we label"


def month_year_words(s: str) -> tuple[dt.date, dt.date, str] | None:
    tokens = words_tokens(s)
    if len(tokens) >= 2 and tokens[0] in MONTHS:
        year = year_words(tokens[1:])
        if year:
            m = MONTHS[tokens[0]]
            return dt.date(year, m, 1), _month_end(year, m), "month"
    return None


def detokenize_text(text: str) -> str:
    """GoogleTN sentences are tokenised with spaces ("$ 300,000 , and"): ordinary spacing back."""
    t = text.replace("``", '"').replace("''", '"')
    t = re.sub(r"\s+([.,;:!?%)\]]|'s\b|n't\b)", r"\1", t)
    t = re.sub(r"([(\[$£€])\s+", r"\1", t)
    t = re.sub(r'"\s+(.*?)\s+"', r'"\1"', t)
    return t


def read_spoken_sentences(folder: Path, skipped: Counter) -> Iterator[dict]:
    sets = []
    google = folder / "GoogleTN.json"
    if google.exists():
        for n, line in enumerate(google.read_text(encoding="utf-8").splitlines(), 1):
            row = json.loads(line)
            key = hashlib.sha256(row["text"].encode("utf-8")).hexdigest()[:12]
            sets.append(("nemo-googletn", key, f"GoogleTN.json:{n}", row["text"], row["gt_normalized"], True))
    libri = folder / "LibriTTS.json"
    if libri.exists():
        for n, line in enumerate(libri.read_text(encoding="utf-8").splitlines(), 1):
            row = json.loads(line)
            chapter = "_".join(Path(row.get("audio_filepath", "")).stem.split("_")[:2]) or f"line{n}"
            sets.append(("nemo-libritts", chapter, f"LibriTTS.json:{n}", row["text"], row["gt_normalized"], False))
    conf = folder / "EngConf.txt"
    if conf.exists():
        raw = None
        for n, line in enumerate(conf.read_text(encoding="utf-8").splitlines(), 1):
            if line.endswith("~~RAW"):
                raw = (n, line[: -len("~~RAW")])
            elif line.endswith("~~1") and raw:
                key = hashlib.sha256(raw[1].encode("utf-8")).hexdigest()[:12]
                sets.append(("nemo-engconf", key, f"EngConf.txt:{raw[0]}", raw[1], line[: -len("~~1")], False))
                raw = None  # the first right reading only
    for dataset, doc, where, text, spoken, tokenised in sets:
        shown = detokenize_text(text) if tokenised else text
        for k, (written, said) in enumerate(changed_chunks(text, spoken)):
            got = chunk_labels(written, said)
            if isinstance(got, str):
                skipped[f"{dataset}: {got}"] += 1
                continue
            expression = (detokenize_text(written) if tokenised else written).strip(",;:!?()[]{}\"'`“”‘’")
            for kind, value, extra in got:
                if kind == "time" and value.endswith("?"):
                    value, extra["ambiguous_12h"] = value[:-1], True
                yield case(
                    shown,
                    kind,
                    value,
                    dataset=dataset,
                    doc=doc,
                    where=f"{where}#{k}",
                    expression=expression,
                    spoken=said,
                    detokenized=tokenised or None,
                    **extra,
                )


# --- num2words test suite ----------------------------------------------------------------------


def read_num2words(folder: Path, skipped: Counter) -> Iterator[dict]:
    """assertEqual(num2words(VALUE, lang=..., to=..., currency=...), "WORDS"): the words are the
    text, VALUE (with the currency given) the label."""
    for path in sorted(folder.glob("test_en*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "assertEqual" and len(node.args) == 2
            ):
                continue
            call, expected = node.args
            if not (
                isinstance(call, ast.Call)
                and getattr(call.func, "id", "") == "num2words"
                and isinstance(expected, ast.Constant)
                and isinstance(expected.value, str)
                and call.args
            ):
                continue
            try:
                arg = ast.literal_eval(call.args[0])
                kw = {k.arg: ast.literal_eval(k.value) for k in call.keywords}
            except ValueError:
                skipped["num2words: arguments not literal"] += 1
                continue
            to = kw.get("to", "cardinal")
            words = expected.value
            where = f"{path.name}:{node.lineno}"
            unit = "n2w:" + words.lower()
            try:
                value = Fraction(str(arg)) if not isinstance(arg, float) else Fraction(repr(arg))
            except (ValueError, TypeError):
                skipped["num2words: value not a number"] += 1
                continue
            if to == "cardinal":
                yield case(
                    words, "number", number_text(value), dataset="num2words", doc=unit, where=where, lang=kw.get("lang")
                )
            elif to == "currency" and kw.get("currency"):
                yield case(
                    words,
                    "money",
                    f"{number_text(value)} {kw['currency']}",
                    dataset="num2words",
                    doc=unit,
                    where=where,
                    lang=kw.get("lang"),
                )
            elif to == "year" and value.denominator == 1 and 1000 <= value <= 2999:
                y = int(value)
                yield case(
                    words,
                    "date",
                    f"{y:04d}-01-01..{y:04d}-12-31",
                    dataset="num2words",
                    doc=unit,
                    where=where,
                    granularity="year",
                    lang=kw.get("lang"),
                )
            else:
                skipped[f"num2words: to={to}" + ("" if to != "currency" else " without currency")] += 1


# --- main --------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--timeml",
        action="append",
        default=[],
        metavar="NAME=DIR",
        help="a folder of .tml files; NAME is timebank, aquaint or te3-platinum",
    )
    ap.add_argument("--meantime", type=Path, help="MEANTIME English intra-doc_annotation folder")
    ap.add_argument("--newsquant", type=Path, help="NewsQuant.json")
    ap.add_argument("--nemo", type=Path, help="NeMo-text-processing tests/nemo_text_processing/en")
    ap.add_argument(
        "--nemo-data", type=Path, help="NeMo-text-processing data/ (GoogleTN.json, LibriTTS.json, EngConf.txt)"
    )
    ap.add_argument("--wetext", type=Path, help="WeTextProcessing root (tn/ and itn/ folders)")
    ap.add_argument("--num2words", type=Path, help="num2words tests/ folder")
    ap.add_argument("--out", type=Path, default=Path(__file__).parent / "data")
    args = ap.parse_args(argv)

    skipped: Counter = Counter()
    cases: list[dict] = []
    for spec in args.timeml:
        name, _, folder = spec.partition("=")
        if name not in ("timebank", "aquaint", "te3-platinum") or not folder:
            ap.error(f"--timeml {spec!r}: give NAME=DIR with NAME one of timebank, aquaint, te3-platinum")
        cases += read_timeml(name, Path(folder), skipped)
    if args.meantime:
        cases += read_meantime(args.meantime, skipped)
    if args.newsquant:
        cases += read_newsquant(args.newsquant, skipped)
    if args.nemo:
        cases += read_tn("nemo", args.nemo, skipped)
    if args.nemo_data:
        cases += read_spoken_sentences(args.nemo_data, skipped)
    if args.wetext:
        cases += read_tn("wetext", args.wetext, skipped)
    if args.num2words:
        cases += read_num2words(args.num2words, skipped)
    if not cases:
        ap.error("no source given")

    # The same text with the same label from two files (cased and lower-case test files, one
    # project's tests copied into another's) counts once.
    seen: set[tuple[str, str]] = set()
    unique = []
    for c in cases:
        key = (c["text"].lower(), c["label"])
        if key in seen:
            skipped[f"{c['source'].split(':')[0]}: same text and label already taken"] += 1
            continue
        seen.add(key)
        unique.append(c)

    args.out.mkdir(parents=True, exist_ok=True)
    splits = {"dev": [], "heldback": []}
    for c in unique:
        # a text-normalisation pair is its own unit; so is a NewsQuant sentence (no document ids)
        splits["heldback" if heldback(c["doc"]) else "dev"].append(c)
    for name, rows in splits.items():
        with open(args.out / f"{name}.jsonl", "w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")

    kinds = ("money", "number", "date", "time")
    print(f"{'split':<10}" + "".join(f"{k:>8}" for k in kinds) + f"{'docs':>8}")
    for name, rows in splits.items():
        per = Counter(r["kind"] for r in rows)
        print(f"{name:<10}" + "".join(f"{per[k]:>8}" for k in kinds) + f"{len({r['doc'] for r in rows}):>8}")
    print("\nper source (both splits):")
    per_source = Counter((r["source"].split(":")[0], r["kind"]) for r in unique)
    for (src, kind), n in sorted(per_source.items()):
        print(f"  {src:<14}{kind:<8}{n:>6}")
    print("\nleft out:")
    for reason, n in sorted(skipped.items()):
        print(f"  {n:>6}  {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
