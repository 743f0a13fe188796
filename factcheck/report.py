"""The discrepancy report as plain data, JSON, Markdown and a self-contained HTML page.

Nothing here imports rich: the terminal view lives in console.py. Every string that came from a
source or the registry is escaped for the format it is written into.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import re
from collections import Counter
from typing import TextIO

from factcheck.models import (
    VERDICT_ORDER,
    Discrepancy,
    Source,
    Verdict,
    Verification,
    joined_json,
    json_texts,
    with_verdict,
)
from factcheck.text.printable import clean

VERDICT_LABELS = {
    Verdict.CONFLICT: "Conflict — cannot both be true",
    Verdict.MISATTRIBUTED: "Misattributed — the same words given to different people",
    Verdict.ALTERED: "Altered — the same quotation in different words",
    Verdict.POSSIBLE: "Possible — only partly compatible; a human should look",
    Verdict.CHANGED: "Changed — different times, a timeline rather than a conflict",
    Verdict.ROUNDING: "Rounding — compatible within the stated precision",
    Verdict.CONSISTENT: "Consistent — compatible, one source saying less (a hedge, a vague date, part of a quotation)",
    Verdict.CORROBORATED: "Corroborated — the sources agree",
}


def to_json(verification: Verification) -> str:
    out = io.StringIO()
    write_json(verification, out)
    return out.getvalue()


def write_json(verification: Verification, out: TextIO) -> None:
    """The verification as JSON, written a discrepancy at a time (one a line) so that a large one is
    never held as one string, and each line is encoded by json's C encoder (indenting is not). A
    finding or discrepancy kept as JSON (models.Listing) is written as kept, never made again."""
    out.write("{\n")
    for name, value in verification.head_dict().items():
        out.write(f"  {json.dumps(name)}: {json.dumps(value, ensure_ascii=False)},\n")
    out.write('  "findings": [')
    joined = joined_json(verification.findings)  # kept as text, a line each: written out as it is
    if joined is not None:
        for piece in joined:
            out.write(piece.replace("\n", ", "))
    else:
        for n, text in enumerate(json_texts(verification.findings)):  # as json.dumps writes a list
            out.write(text if n == 0 else ", " + text)
    out.write('],\n  "discrepancies": [')
    joined = joined_json(verification.discrepancies)
    if joined is not None:
        out.write("\n    " if verification.discrepancies else "")
        for piece in joined:
            out.write(piece.replace("\n", ",\n    "))
    else:
        for n, text in enumerate(json_texts(verification.discrepancies)):
            out.write(("\n    " if n == 0 else ",\n    ") + text)
    out.write("\n  ]\n}\n" if verification.discrepancies else "]\n}\n")


def verdict_counts(verification: Verification) -> dict[str, int]:
    counts = verification.counts()
    return {v.value: counts.get(v.value, 0) for v in VERDICT_ORDER}


def claims_per_source(verification: Verification) -> dict[str, int]:
    counts = Counter(c.source for c in verification.claims)
    return {s.name: counts.get(s.name, 0) for s in verification.sources}


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def md_escape(text: str) -> str:
    """Markdown-safe text: punctuation that could make links, HTML or tables is escaped."""
    text = " ".join(clean(text).split())
    return _MD_SPECIAL.sub(r"\\\1", text)


def h(text: str) -> str:
    """HTML-safe text, control characters removed."""
    return html.escape(clean(text))


def _published(d: Discrepancy, i: int) -> str:
    c = d.claims[i]
    return c.published.human() if c.published else "undated"


def word_diff(d: Discrepancy) -> list[tuple[str, str]]:
    """Two quotations' words from the first claim's to the second's, as (mark, words): `same`,
    `del` (only in the first), `ins` (only in the second), `cut` (left out where an ellipsis says so)."""
    out: list[tuple[str, str]] = []
    for e in d.edits:
        if e.op == "same":
            out.append(("same", e.a))
        elif e.op == "delete":
            out.append(("del", e.a))
        elif e.op == "insert":
            out.append(("ins", e.b))
        elif e.op == "replace":
            out += [("del", e.a), ("ins", e.b)]
        elif e.op == "cut":  # the words one leaves out, and the editor's [words] if it put some in their place
            marker, words = (e.a, e.b) if e.a.startswith(("[", "…", ".")) else (e.b, e.a)
            out.append(("cut", words if marker.startswith(("…", ".")) else f"{words} / {marker}"))
    return out


def diff_heading(d: Discrepancy) -> str:
    return f"Words, {d.claims[0].source} → {d.claims[1].source}"


_MD_MARKS = {"same": "{}", "del": "~~{}~~", "ins": "**{}**", "cut": "_[… {}]_"}
_HTML_MARKS = {"same": "{}", "del": "<del>{}</del>", "ins": "<ins>{}</ins>", "cut": '<del class="cut">[… {}]</del>'}


def md_diff(d: Discrepancy) -> str:
    """The word diff in Markdown: ~~left out~~ and **added**; a marked cut in italics."""
    return " ".join(_MD_MARKS[mark].format(md_escape(words)) for mark, words in word_diff(d))


def html_diff(d: Discrepancy) -> str:
    """The word diff in HTML: <del> and <ins>."""
    return " ".join(_HTML_MARKS[mark].format(h(words)) for mark, words in word_diff(d))


def review_line(d: Discrepancy) -> str:
    """A reviewer's decision in one line: "Confirmed by desk on 2026-11-23: asked the council"."""
    r = d.review
    if r is None:
        return ""
    who = f" by {r.reviewer}" if r.reviewer else ""
    when = f" on {r.day}" if r.day else ""
    what = r.decision.capitalize() + (f" as a {r.verdict} (found: {r.found})" if r.verdict else "")
    text = f"{what}{who}{when}" + (f": {r.note}" if r.note else "")
    return f"Reopened (a claim changed since): {text}" if r.stale else text


def to_markdown(verification: Verification, include_corroborated: bool = True) -> str:
    lines = ["# factcheck discrepancy report", ""]
    counts = verdict_counts(verification)
    per_source = claims_per_source(verification)
    lines += ["## Summary", "", f"{len(verification.sources)} sources, {len(verification.claims)} claims.", ""]
    lines += ["| Source | Title | Published | Claims |", "| --- | --- | --- | ---: |"]
    for s in verification.sources:
        lines.append(
            f"| {md_escape(s.name)} | {md_escape(s.title or '')} | "
            f"{md_escape(s.published.human() if s.published else 'undated')} | {per_source[s.name]} |"
        )
    lines += ["", "| Verdict | Count |", "| --- | ---: |"]
    lines += [f"| {v} | {n} |" for v, n in counts.items()]
    if verification.problems:
        lines += ["", "## Problems", ""]
        lines += [f"- **{p.severity.value}**: {md_escape(p.message)}" for p in verification.problems]
    for verdict in VERDICT_ORDER:
        found = with_verdict(verification.findings, verdict)
        if not found or (verdict is Verdict.CORROBORATED and not include_corroborated):
            continue
        lines += ["", f"## {VERDICT_LABELS[verdict]} ({len(found)})"]
        for f in found:
            d = f.worst
            lines += [
                "",
                f"### {md_escape(f.subject_name)} · {md_escape(f.property)}",
                "",
                f"**{f.verdict.value}**: {md_escape(f.explanation)}",
                "",
                f"Discrepancy `{d.id}`" + (f"; proposed claims, pairing {d.confidence:.2f}" if d.proposed else ""),
                *(["", f"**{md_escape(review_line(d))}**"] if d.review else []),
                "",
                "| Side | Source | Quote | Value | Read as | Published | Where |",
                "| --- | --- | --- | --- | --- | --- | --- |",
            ]
            for n, side in enumerate(f.sides, 1):
                lines += [
                    f"| {n} | {md_escape(c.source)} | {md_escape(c.quote)} | {md_escape(c.value)} | "
                    f"{md_escape(c.reading)} | {md_escape(c.published.human() if c.published else 'undated')} | "
                    f"line {c.line}, claim `{c.id}` |"
                    for c in side
                ]
            if d.edits:
                lines += ["", f"{md_escape(diff_heading(d))}: {md_diff(d)}"]
            others = [o for o in f.pairs if o is not d and o.verdict.needs_attention]
            if others:
                lines += [""] + [f"- also `{o.id}` **{o.verdict.value}**: {md_escape(o.explanation)}" for o in others]
    return "\n".join(lines) + "\n"


_CSS = """
body{font:16px/1.5 Georgia,serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#222}
h1,h2,h3{font-family:system-ui,sans-serif} h3{margin-bottom:.2rem}
table{border-collapse:collapse;width:100%} td,th{border:1px solid #ccc;padding:.4rem;vertical-align:top;text-align:left}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1rem;margin:.5rem 0 1.5rem}
.claim{border:1px solid #ccc;border-radius:6px;padding:.6rem .8rem;background:#fafafa}
.claim blockquote{margin:.3rem 0;font-style:italic}
.meta{font:13px system-ui,sans-serif;color:#555}
mark{background:#ffe08a}
.verdict{font:bold 13px system-ui,sans-serif;text-transform:uppercase;padding:.1rem .4rem;border-radius:4px;color:#fff}
.conflict{background:#b00020}.possible{background:#c77700}.changed{background:#3466a8}
.rounding{background:#5b7f3a}.corroborated{background:#2e7d32}
.misattributed{background:#7b1fa2}.altered{background:#b00020}.consistent{background:#5b7f3a}
.diff{font-style:italic} del.cut{background:#eee;color:#555}
del{background:#fdd;color:#900} ins{background:#dfd;color:#060;text-decoration:none;font-weight:bold}
.review{font:14px system-ui,sans-serif;color:#6a1b9a;font-weight:bold}
.generated{font:13px system-ui,sans-serif;color:#555}
.meta,h3,blockquote{overflow-wrap:anywhere} table.sources td:last-child{white-space:nowrap}
@media (max-width:40rem){
 body{margin:1rem auto;padding:0 .75rem}
 .pair{grid-template-columns:1fr}
 table.sources thead{display:none}
 table.sources tr{display:block;border:1px solid #ccc;border-radius:6px;margin:0 0 .6rem;padding:.3rem .5rem}
 table.sources td,table.sources td:last-child{display:block;border:none;padding:.1rem 0;white-space:normal;
  overflow-wrap:anywhere}
 table.sources td::before{content:attr(data-label) ": ";font:bold 13px system-ui,sans-serif;color:#555}
}
"""


def source_name(s: Source) -> str:
    """A source as a reader knows it: "Northampton Chronicle: Council overspends", else its file name."""
    if s.outlet and s.title:
        return f"{s.outlet}: {s.title}"
    return s.title or s.outlet or s.name


def _mark(quote: str, value: str) -> str:
    """The quote, HTML-escaped, with the value highlighted where it occurs."""
    i = quote.casefold().find(value.casefold()) if value else -1
    if i < 0:
        return h(quote)
    j = i + len(value)
    return f"{h(quote[:i])}<mark>{h(quote[i:j])}</mark>{h(quote[j:])}"


def to_html(verification: Verification, include_corroborated: bool = True, generated: dt.datetime | None = None) -> str:
    """One self-contained page: the sources (outlet and title for each), the verdicts, each pair of
    quotes side by side (stacked on a phone), and when and by which version it was made."""
    from factcheck import __version__

    e = h
    counts = verdict_counts(verification)
    per_source = claims_per_source(verification)
    when = (generated or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>factcheck report</title><style>{_CSS}</style></head><body>",
        "<h1>factcheck discrepancy report</h1>",
        f'<p class="generated">Generated on <time datetime="{when:%Y-%m-%dT%H:%M:%SZ}">{when:%-d %B %Y, %H:%M} UTC'
        f"</time> by factcheck {e(__version__)}.</p>",
        f"<p>{len(verification.sources)} sources, {len(verification.claims)} claims.</p>",
        '<table class="sources"><thead><tr><th>Outlet</th><th>Title</th><th>Published</th><th>Claims</th>'
        "<th>File</th></tr></thead><tbody>",
    ]
    for s in verification.sources:
        who = " · ".join(x for x in (s.outlet, s.author) if x) or "—"
        out.append(
            f'<tr><td data-label="Outlet">{e(who)}</td><td data-label="Title">{e(s.title or "—")}</td>'
            f'<td data-label="Published">{e(s.published.human() if s.published else "undated")}</td>'
            f'<td data-label="Claims">{per_source[s.name]}</td><td data-label="File">{e(s.name)}</td></tr>'
        )
    out.append("</tbody></table><h2>Verdicts</h2><p>")
    out.append(" ".join(f'<span class="verdict {v}">{v}: {n}</span>' for v, n in counts.items()))
    out.append("</p>")
    if verification.problems:
        out.append("<h2>Problems</h2><ul>")
        out += [f"<li><b>{e(p.severity.value)}</b>: {e(p.message)}</li>" for p in verification.problems]
        out.append("</ul>")
    names = {s.name: source_name(s) for s in verification.sources}
    for verdict in VERDICT_ORDER:
        found = with_verdict(verification.findings, verdict)
        if not found or (verdict is Verdict.CORROBORATED and not include_corroborated):
            continue
        out.append(f'<h2 id="{verdict.value}">{e(VERDICT_LABELS[verdict])} ({len(found)})</h2>')
        for f in found:
            d = f.worst
            out.append(
                f'<section class="discrepancy"><h3>{e(f.subject_name)} · {e(f.property)}</h3>'
                f'<p><span class="verdict {f.verdict.value}">{f.verdict.value}</span> {e(f.explanation)}</p>'
                f'<p class="meta">discrepancy {e(d.id)}'
                + (f" · proposed claims, pairing {d.confidence:.2f}" if d.proposed else "")
                + "</p>"
                + (f'<p class="review">{e(review_line(d))}</p>' if d.review else "")
                + '<div class="pair">'
            )
            for n, side in enumerate(f.sides, 1):
                out.append(f'<div class="side"><div class="meta">side {n}</div>')
                for c in side:
                    published = c.published.human() if c.published else "undated"
                    out.append(
                        f'<div class="claim"><div class="meta"><b>{e(names.get(c.source, c.source))}</b></div>'
                        f'<div class="meta">{e(c.source)} · line {c.line} · '
                        f"published {e(published)} · claim {e(c.id)}</div>"
                        f"<blockquote>{_mark(c.quote, c.value)}</blockquote>"
                        f'<div class="meta">value “{e(c.value)}” read as {e(c.reading)}</div></div>'
                    )
                out.append("</div>")
            out.append("</div>")
            if d.edits:
                out.append(f'<p class="diff"><span class="meta">{e(diff_heading(d))}:</span> {html_diff(d)}</p>')
            others = [o for o in f.pairs if o is not d and o.verdict.needs_attention]
            if others:
                out.append('<ul class="meta">' + "".join(
                    f"<li>also {e(o.id)} <b>{e(o.verdict.value)}</b>: {e(o.explanation)}</li>" for o in others)
                    + "</ul>")  # fmt: skip
            out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
