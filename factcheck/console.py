"""The only module that imports rich: consoles, colour policy and the terminal views.

Results go to stdout, diagnostics to stderr. Colour only on a terminal; NO_COLOR is honoured
(rich checks both). Text from sources is shown as plain Text, never as markup, with control
characters and escape sequences removed.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from factcheck.models import (
    VERDICT_ORDER,
    ClaimView,
    Discrepancy,
    Finding,
    Review,
    Source,
    Verdict,
    Verification,
    with_verdict,
)
from factcheck.report import diff_heading, verdict_counts, word_diff
from factcheck.text.printable import clean

if TYPE_CHECKING:
    from rich.progress import TaskID

    from factcheck.models import Claim
    from factcheck.results import ClaimDetail, Extraction, Point, Proposal, Renaming, SearchHit, Timeline

STYLES = {
    Verdict.CONFLICT: "bold red",
    Verdict.MISATTRIBUTED: "bold magenta",
    Verdict.ALTERED: "bold red",
    Verdict.POSSIBLE: "bold yellow",
    Verdict.CHANGED: "bold blue",
    Verdict.ROUNDING: "green",
    Verdict.CONSISTENT: "green",
    Verdict.CORROBORATED: "green",
}


def plain(text: object) -> Text:
    """The one way a string reaches rich: as Text, never read as markup (so `[sic]`, `[/x]` and
    `[link=...]` show as written), with control characters and escape sequences removed."""
    return Text(clean(str(text)))


class _Results(Console):
    """stdout. When its reader goes away (`| head -1`) the command decides the exit status, not
    rich (which would exit 1 on its own)."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def stdout() -> Console:
    return _Results(highlight=False, soft_wrap=False)


def stderr() -> Console:
    return Console(stderr=True, highlight=False)


def warning(message: str) -> None:
    """One line on stderr that --quiet does not silence: something the user did may not be what they meant."""
    stderr().print(Text("warning: ", style="yellow") + Text(clean(message)), soft_wrap=True)


_LINE_BREAKS = str.maketrans({"\n": "\\n", "\r": "\\r", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def error(message: str) -> None:
    """One line on stderr: the user-facing message of a FactcheckError (a line break in a name it
    quotes is shown as \\n, \\u2028..., so the message stays one line)."""
    one_line = message.translate(_LINE_BREAKS)
    stderr().print(Text("error: ", style="bold red") + Text(clean(one_line)), soft_wrap=True)


def _quote_text(quote: str, value: str) -> Text:
    text = Text(clean(quote))
    i = quote.casefold().find(value.casefold()) if value else -1
    if i >= 0:
        text.stylize("bold reverse", i, i + len(value))
    return text


def _pair_table(d: Discrepancy) -> Table:
    table = Table(show_header=True, expand=True, box=None, padding=(0, 1))
    for c in d.claims:
        published = c.published.human() if c.published else "undated"
        table.add_column(Text(f"{clean(c.source)} · line {c.line} · {published}", style="dim"), ratio=1)
    table.add_row(*(_quote_text(c.quote, c.value) for c in d.claims))
    table.add_row(*(Text(f"{clean(c.value)}{'' if c.reading == c.value else ' → ' + clean(c.reading)}"
                         f"  [{clean(c.id)}]", style="dim") for c in d.claims))  # fmt: skip
    return table


DIFF_STYLES = {"same": "", "del": "strike bold red", "ins": "underline bold green", "cut": "dim strike"}
PLAIN_MARKS = {"same": "{}", "del": "[-{}-]", "ins": "{{+{}+}}", "cut": "[… {}]"}  # wdiff's marks, without colour
COLOUR_MARKS = {**PLAIN_MARKS, "del": "{}", "ins": "{}"}


def _diff(d: Discrepancy, colour: bool) -> Text:
    """Two quotations' words: left out struck through in red, added underlined in green; without
    colour, marked [-left out-] and {+added+}."""
    marks = COLOUR_MARKS if colour else PLAIN_MARKS
    text = Text(f"{clean(diff_heading(d))}: ", style="dim")
    for i, (mark, words) in enumerate(word_diff(d)):
        if i:
            text += Text(" ")
        text += Text(marks[mark].format(clean(words)), style=DIFF_STYLES[mark])
    return text


UNLISTED = {
    Verdict.CHANGED: "the values differ at different times",
    Verdict.ROUNDING: "the values agree within their precision",
    Verdict.CONSISTENT: "a hedge or a vague date that holds for the other",
    Verdict.CORROBORATED: "the sources agree",
}


def print_verification(v: Verification, show_all: bool = False) -> None:
    """One entry per question (a finding): its most serious verdict and why, every source on each
    side, and the pair that disagrees most side by side; the other pairs that disagree by id."""
    out = stdout()
    counts = verdict_counts(v)
    out.print(Text(f"factcheck verify: {len(v.sources)} sources, {len(v.claims)} claims", style="bold"))
    for verdict in VERDICT_ORDER:
        items = with_verdict(v.findings, verdict)
        if not items:
            continue
        if not verdict.needs_attention and not show_all:  # counted, not listed: they need no attention
            out.print(Text(f"\n{verdict.value.upper()} ({counts.get(verdict.value, 0)}): "
                           f"{UNLISTED.get(verdict, 'they need no attention')} (--all to list them)",
                           style=STYLES[verdict]))  # fmt: skip
            continue
        out.print(Text(f"\n{verdict.value.upper()} ({len(items)})", style=STYLES[verdict]))
        for f in items:
            _print_finding(out, f, verdict.needs_attention or show_all)
    summary = ", ".join(f"{n} {k}" for k, n in counts.items())
    out.print(Text(f"\n{summary} (pairs, in {len(v.findings)} findings)", style="bold"))


def _when(c: ClaimView) -> str:
    if c.time is not None:
        return f"refers to {c.time.human()}"
    return c.published.human() if c.published else "undated"


def _print_finding(out: Console, f: Finding, full: bool) -> None:
    worst = f.worst
    title = f"{clean(f.subject_name)} · {clean(f.property)}"
    room = max(20, out.width - 4 - len(f"  [{worst.id}]"))  # the id stays whole on the heading's line
    head = Text(title if len(title) <= room else title[: room - 1] + "…", style="bold")
    head += Text(f"  [{worst.id}]", style="dim")
    if worst.proposed:
        head += Text(f"  proposed claims, pairing {worst.confidence:.2f}", style="italic")
    print_indented(out, head, 4, first="  ● ")
    print_indented(out, Text(clean(f.explanation)), 4)
    if worst.review is not None:
        state = "reopened: a claim changed since it was " if worst.review.stale else ""
        why = Text(f"{state}{clean(review_words(worst.review))}", style="bold magenta")
        if worst.review.note:
            why += Text(f": {clean(worst.review.note)}", style="magenta")
        print_indented(out, why, 4)
    if worst.edits:
        print_indented(out, _diff(worst, out.color_system is not None), 4)
    if len(f.sides) > 1 or sum(f.tally.values()) > 1:
        for n, side in enumerate(f.sides, 1):
            said = " · ".join(
                f"'{clean(c.value)}' ({clean(c.source[:16])}, {_when(c)})"
                for c in side
            )
            print_indented(out, Text(f"side {n}: {said}", style="dim"), 6, first="    ")
    if full:
        out.print(Panel(_pair_table(worst), expand=True, padding=(0, 1), border_style=STYLES[worst.verdict]))
    else:
        print_indented(out, Text(" vs ".join(c.id for c in worst.claims), style="dim"), 4)
    others = [d for d in f.pairs if d is not worst and d.verdict.needs_attention]
    for d in others:
        print_indented(out, Text(f"also [{d.id}] {d.verdict.value}: ", style="dim") + Text(clean(d.explanation)), 6,
                       first="    ")  # fmt: skip


def review_words(r: Review) -> str:
    """ "confirmed as a conflict (found: changed) by desk on 2026-12-01", without the note."""
    what = r.decision + (f" as a {r.verdict} (found: {r.found})" if r.verdict else "")
    return what + (f" by {r.reviewer}" if r.reviewer else "") + (f" on {r.day}" if r.day else "")


def print_problems(v: Verification) -> None:
    err = stderr()
    for p in v.problems:
        style = "bold red" if p.severity.value == "error" else "yellow"
        err.print(Text(f"{p.severity.value}: ", style=style) + Text(clean(p.message)), soft_wrap=True)


def _snippet(text: str, span: tuple[int, int], width: int = 90) -> Text:
    """The matched part of a field with a little context, the match highlighted."""
    start, end = span
    left = max(0, start - (width - (end - start)) // 2)
    right = min(len(text), left + width)
    piece = plain(("…" if left else "") + text[left:right] + ("…" if right < len(text) else ""))
    offset = (1 if left else 0) - left
    piece.stylize("bold reverse", max(0, start + offset), max(0, min(end, right) + offset))
    return piece


def print_indented(out: Console, text: Text, by: int, first: str | None = None) -> None:
    """Text wrapped to the terminal with every line indented by `by` columns (the first line
    starting with `first` instead, e.g. a bullet); lines break at spaces, so an id is never split."""
    lines = text.wrap(out, max(20, out.width - by))
    for n, line in enumerate(lines):
        line.rstrip()
        out.print(Text(first if n == 0 and first is not None else " " * by) + line, soft_wrap=True)


def print_hits(hits: list[SearchHit]) -> None:
    """Each hit as a line that is never wrapped (score, id, value), then its subject and property
    and the matched passage, indented, wrapped lines keeping the indent: ids can be copied whole."""
    out = stdout()
    if not hits:
        stderr().print("no claims match")
        return
    for h in hits:
        head = Text(f"{h.score:>3.0f}  ") + Text(clean(h.claim.id), style="bold")
        if h.claim.status != "reviewed":
            head += Text(f" ({h.claim.status})", style="italic")
        out.print(head, soft_wrap=True)
        about = Text(f"{clean(h.claim.value)}", style="bold") + Text(
            f" · {clean(h.subject_name)} · {clean(h.claim.property)} · {h.kind}", style="dim"
        )
        print_indented(out, about, 5)
        text = clean(h.field_text())
        print_indented(out, Text(f"{h.field}: ", style="dim") + _snippet(text, h.match), 5)


def print_proposals(items: tuple[Proposal, ...]) -> None:
    """Proposed claims, one a row; ids are never wrapped, so they can be copied whole."""
    if not items:
        stderr().print("no proposed claims match")
        return
    table = Table(show_header=True, header_style="bold", expand=True, box=None, padding=(0, 1), pad_edge=False)
    table.add_column("id", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("value", no_wrap=True, max_width=16, overflow="ellipsis")
    table.add_column("subject · property", ratio=1)
    table.add_column("certain", justify="right", no_wrap=True)
    table.add_column("pairing", justify="right", no_wrap=True)
    for p in items:
        c = p.claim
        certainty = "—" if c.certainty is None else f"{c.certainty:.2f}"
        table.add_row(plain(c.id), plain(p.kind), plain(c.value), plain(f"{p.subject_name} · {c.property}"),
                      plain(certainty), plain(f"{p.confidence:.2f}"))  # fmt: skip
    stdout().print(table)
    note(f"{len(items)} proposed claim{'s' if len(items) != 1 else ''}")


def print_claim(detail: ClaimDetail) -> None:
    out = stdout()
    c, a = detail.claim, detail.anchor
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    published = detail.source.published.human() if detail.source.published else "undated"
    rows = [
        ("id", c.id), ("source", f"{c.source} (published {published})"),
        ("subject", f"{detail.subject_name} [{c.subject}]"), ("property", c.property), ("value", c.value),
        ("kind", c.kind or "inferred"), ("status", c.status), ("as of", c.as_of or c.period or "—"), ("note", c.note or "—"),
        ("registry", f"{c.file}:{c.line}"),
        ("anchor", f"{a.status.value}, line {a.line} column {a.column}, score {a.score:.0f}"),
    ]  # fmt: skip
    for k, v in rows:
        table.add_row(plain(k), plain(v))
    table.add_row("quote", _quote_text(c.quote, c.value))
    out.print(table)
    for d in detail.discrepancies:
        other = next((x for x in d.claims if x.id != c.id), d.claims[-1])
        out.print(
            Text(f"\n{d.verdict.value.upper()}", style=STYLES[d.verdict])
            + Text(f" vs {clean(other.id)}: {clean(d.explanation)}")
        )


def shorten_middle(text: str, width: int) -> str:
    """A name cut in the middle to fit width, keeping its start and its end (where a file name's
    date, number or extension usually is): `000_383d7…5652f.txt`."""
    if len(text) <= width:
        return text
    keep = max(width - 1, 2)
    return text[: keep - keep // 2] + "…" + text[len(text) - keep // 2 :]


def print_sources(rows: tuple[tuple[Source, int], ...]) -> None:
    out = stdout()
    longest = max((len(clean(s.name)) for s, _ in rows), default=4)
    name_width = max(12, min(longest, out.width // 3))
    table = Table(show_header=True, header_style="bold", expand=True, box=None, padding=(0, 1), pad_edge=False)
    table.add_column("file", no_wrap=True, width=name_width)
    table.add_column("published", no_wrap=True)
    table.add_column("claims", justify="right", no_wrap=True)
    table.add_column("title", ratio=2)
    table.add_column("outlet / author", ratio=1)
    for s, n in rows:
        who = " · ".join(x for x in (s.outlet, s.author) if x)
        table.add_row(plain(shorten_middle(clean(s.name), name_width)),
                      plain(s.published.human() if s.published else "undated"), plain(n), plain(s.title or ""),
                      plain(who))  # fmt: skip
    out.print(table)


def quiet() -> bool:
    from factcheck.invocation import flag

    return flag("quiet")


def note(message: str) -> None:
    """A diagnostic on stderr (what was written, what to do next); silent with --quiet."""
    if not quiet():
        stderr().print(Text(clean(message)), soft_wrap=True)


def print_values(results: list[tuple[str, list]]) -> None:  # type: ignore[type-arg]
    """One row per value found: kind, text, span and its interval in words."""
    table = Table(show_header=True, header_style="bold", expand=True)
    for name in ("kind", "text", "span", "reading", "notes"):
        table.add_column(name)
    for _line, values in results:
        for v in values:
            table.add_row(
                plain(v.kind),
                plain(v.text),
                plain(f"{v.span[0]}–{v.span[1]}"),
                plain(v.describe()),
                plain("; ".join(v.notes)),
            )
    stdout().print(table)


@contextlib.contextmanager
def progress(label: str, minimum: int = 1, show: bool = True) -> Iterator[Callable[[str, int], None] | None]:
    """A progress bar on stderr for a block: yields advance(name, total), which starts the bar on
    the first step when there are at least `minimum` steps. Yields None (no bar) when `show` is
    false or stderr is not a terminal."""
    if not show or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    bar = Progress(TextColumn(label, markup=False), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.description}", markup=False), console=stderr(), transient=True)  # fmt: skip
    tasks: list[TaskID] = []

    def advance(name: str, total: int) -> None:
        if total < minimum or quiet():
            return
        if not tasks:
            tasks.append(bar.add_task("", total=total))
            bar.start()
        bar.update(tasks[0], advance=1, description=clean(name))

    try:
        yield advance
    finally:
        bar.stop()


def print_extraction(result: Extraction, dry_run: bool) -> None:
    out = stdout()
    verb = "would add" if dry_run else "added"
    if result.empty:
        out.print(Text(f"factcheck extract: nothing new in {len(result.sources)} source(s); "
                       f"{result.already} already in the registry"))  # fmt: skip
        return
    lines = [Text(f"{clean(c.id)}", style="bold") + Text(f"  {c.kind}: ") + Text(clean(c.value), style="bold")
             + Text(f"  ({clean(c.subject)} · {clean(c.property)})", style="dim") for c in result.claims]  # fmt: skip
    lines += [Text(f"new entity {clean(e.id)}: {clean(e.name)} ({e.kind})", style="cyan") for e in result.entities]
    lines += [Text(f"new alias for {clean(a.entity)}: {clean(a.alias)}", style="cyan") for a in result.aliases]
    for m in result.manifest:
        when = m.published.human() if m.published else "undated"
        lines.append(Text(f"manifest entry for {clean(m.file)}: {clean(m.title)} ({when})", style="cyan"))
    if lines:
        out.print(Text("\n").join(lines))  # one render: a call per line costs twice as much
    out.print(
        Text(
            f"\nfactcheck extract {verb} {len(result.claims)} proposed claims, {len(result.entities)} entities, "
            f"{len(result.aliases)} aliases, {len(result.manifest)} manifest entries "
            f"from {len(result.sources)} source(s); {result.already} already in the registry",
            style="bold",
        )
    )
    if result.written:
        note("wrote " + ", ".join(result.written))


def print_renaming(r: Renaming) -> None:
    """Each field changed (or, in a dry run, to change), one a line, with where it is written."""
    out = stdout()
    for c in ([r.entity] if r.entity else []) + list(r.changes):
        where = c.file if c.field == "name" else f"{c.file}:{c.line}"
        out.print(plain(f"{where}  {c.id}  {c.field}: '{c.old}' → '{c.new}'"), soft_wrap=True)  # never broken
    claims = f"{len(r.changes)} claim{'s' if len(r.changes) != 1 else ''}"
    entity = " and the entity's name (the old one kept as an alias)" if r.entity else ""
    note(f"{'would change' if r.dry_run else 'changed'} {r.field} on {claims}{entity} in {len(r.files)} "
         f"file{'s' if len(r.files) != 1 else ''}" + ("; nothing written (--dry-run)" if r.dry_run else ""))  # fmt: skip


def show_proposal(index: int, total: int, claim: Claim, published: str) -> None:
    out = stderr()
    out.print(
        Text(f"\n[{index}/{total}] {clean(claim.id)}", style="bold")
        + Text(f"  seeds/{clean(claim.source)} · {published}", style="dim")
    )
    out.print(Text("  ") + _quote_text(claim.quote, claim.value))
    out.print(Text(f"  subject: {clean(claim.subject_as_written)}   property: {clean(claim.property)}   "
                   f"value: {clean(claim.value)}   kind: {claim.kind or 'inferred'}", style="cyan"))  # fmt: skip
    if claim.certainty is not None:
        out.print(Text(f"  certainty {claim.certainty:.2f} ({clean(claim.basis or 'how found not recorded')})",
                       style="dim"))  # fmt: skip


def show_discrepancy(index: int, total: int, d: Discrepancy) -> None:
    out = stderr()
    out.print(
        Text(f"\n[{index}/{total}] {d.id}  {d.verdict.value.upper()}", style=STYLES[d.verdict])
        + Text(f"  {clean(d.subject_name)} · {clean(d.property)}  pairing {d.confidence:.2f}", style="bold")
    )
    out.print(Text("  " + clean(d.explanation)))
    if d.edits:
        print_indented(out, _diff(d, out.color_system is not None), 2)
    out.print(Panel(_pair_table(d), expand=True, padding=(0, 1), border_style=STYLES[d.verdict]))


def ask(question: str, choices: list[str], default: str) -> str:
    from rich.prompt import Prompt

    return Prompt.ask(plain(question), choices=choices, default=default, console=stderr())


def ask_text(question: str, default: str = "") -> str:
    from rich.prompt import Prompt

    return Prompt.ask(plain(question), default=default, console=stderr())


def _value_bar(p: Point, top: float, width: int) -> Text:
    low = max(p.low or 0.0, 0.0)
    solid = round(width * min(low, top) / top)
    bar = Text("█" * solid, style="cyan")
    if p.high is None:
        bar.append("▶", style="cyan")
    else:
        bar.append("▒" * max(round(width * p.high / top) - solid, 0), style="dim cyan")
    return bar


def _date_bar(t: Timeline, p: Point, width: int) -> Text:
    """A date on an axis from the earliest to the latest date the timeline's sources give."""
    spans = [q.dates for q in t.points if q.dates is not None]
    first, last = min(d.start for d in spans).toordinal(), max(d.end for d in spans).toordinal()
    scale = width / max(last - first + 1, 1)
    assert p.dates is not None
    start = round((p.dates.start.toordinal() - first) * scale)
    end = max(round((p.dates.end.toordinal() - first + 1) * scale), start + 1)
    return Text(" " * start) + Text("█" * (end - start), style="cyan")


def print_timelines(timelines: tuple[Timeline, ...]) -> None:
    """Each quantity over time as a bar chart: solid up to the lowest reading, shaded across the
    uncertainty, an arrow where the value is open above ("over 500")."""
    out = stdout()
    narrow = out.width < 100  # leave out the reading, keep the chart readable
    width = max(10, min(36, out.width - (66 if narrow else 84)))
    for t in timelines:
        top = (
            max((p.high if p.high is not None else p.low or 0.0) for p in t.points if p.dates is None)
            if t.unit != "date"
            else 1.0
        )
        top = top or 1.0
        table = Table(title=plain(f"{t.property} · {t.subject_name}"), title_justify="left", box=None,
                      header_style="bold", pad_edge=False)  # fmt: skip
        table.add_column("when", no_wrap=True)
        table.add_column("", no_wrap=True, width=width + 1)
        table.add_column("value", no_wrap=True, overflow="ellipsis", max_width=18)
        if not narrow:
            table.add_column("reading", no_wrap=True)
        table.add_column("source", no_wrap=True, overflow="ellipsis")
        for p in t.points:
            bar = _date_bar(t, p, width) if p.dates is not None else _value_bar(p, top, width)
            when = p.time.human() + (" (pub.)" if p.time_label == "published" else "") if p.time else "undated"
            cells: list[str | Text] = [plain(when), bar, plain(p.value), *([] if narrow else [plain(p.reading)]),
                                       plain(shorten_middle(clean(p.source), 24))]  # fmt: skip
            table.add_row(*cells)
        out.print(table)
        out.print()
