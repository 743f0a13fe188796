"""review and resolve: a person's decisions on proposed claims and on discrepancies, written back.

Accepting a proposed claim drops its `status` (reviewed is the default); rejecting it keeps it in
its file as `status: rejected`, so extract never proposes it again; an edit changes only the
fields named. Accepting a proposed entity drops its status and adopts its proposed aliases.
A decision on a discrepancy goes to the baseline, claims/reviews.yaml. Every change is a
round-trip edit of the one entry concerned, atomic and under the project's write lock.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.errors import FactcheckError
from factcheck.files import project_lock
from factcheck.models import Claim, Discrepancy, Review, Verdict, Verification
from factcheck.project import Project
from factcheck.registry.load import ENTITIES_FILE, REVIEWS_FILE, load_registry
from factcheck.registry.reviews import DECISIONS, entry_fields
from factcheck.results import Proposal
from factcheck.sources.load import load_sources

EDITABLE = ("subject", "property", "value", "kind", "as_of", "period", "note")


class ReviewError(FactcheckError):
    """A review decision names something that is not there."""


@dataclass(frozen=True)
class Decision:
    """One decision as applied: what, on which id, in which file."""

    action: str  # accepted | rejected | edited | confirmed | dismissed
    id: str
    file: str

    def to_dict(self) -> dict[str, str]:
        return {"action": self.action, "id": self.id, "file": self.file}


def _locate(project: Project, ids: Iterable[str]) -> dict[str, str]:
    """The registry file of each claim or entity named (by its id or an unambiguous prefix of it),
    by full id; an unknown id is an error naming it."""
    sources = load_sources(project.root, project.settings)
    registry = load_registry(project.root, {s.name for s in sources}, project.settings)
    where = {c.id: c.file for c in registry.claims}
    where.update({e.id: f"claims/{ENTITIES_FILE}" for e in registry.entities})
    out = {}
    for ref in ids:
        full = match_id(ref, where, "claim or entity", "see `factcheck review --list` for what is proposed")
        out[full] = where[full]
    return out


def proposals(
    root: str | Path | Project, *, source: str | None = None, kind: str | None = None, subject: str | None = None,
    below: float | None = None,
) -> tuple[Proposal, ...]:  # fmt: skip
    """The proposed claims, narrowed by source (name or part of it), kind, subject (any alias) and
    pairing confidence (below it), least certain first (see review_order). A subject is found by
    any of its names, proposed aliases included."""
    from factcheck.normalize.claims import claim_kind
    from factcheck.pipeline.verification import verify
    from factcheck.registry.load import alias_index, check_kind
    from factcheck.text.fold import name_key

    check_kind(kind)
    result = verify(root)
    want_subject = None
    if subject:
        names = {name_key(a): e.id for e in result.entities for a in e.proposed_aliases}  # not yet adopted
        want_subject = {**names, **alias_index(result.entities)}.get(name_key(subject))
        if want_subject is None:
            raise ReviewError(f"no subject '{subject}' in claims/entities.yaml", field="subject",
                              hint="give an entity's name, alias or id")  # fmt: skip
    best: dict[str, float] = {}
    for d in result.discrepancies:
        for view in d.claims:
            best[view.id] = max(best.get(view.id, 0.0), d.confidence)
    names = {e.id: e.name for e in result.entities}
    out = []
    for c in result.claims:
        if (
            c.status != "proposed"
            or (source and source not in c.source)
            or (want_subject and c.subject != want_subject)
        ):
            continue
        this_kind = claim_kind(c)
        confidence = best.get(c.id, 0.0)
        if (kind and this_kind != kind) or (below is not None and confidence >= below):
            continue
        out.append(Proposal(c, this_kind, names.get(c.subject, c.subject), confidence))
    return tuple(sorted(out, key=lambda p: review_order(p.claim)))


def review_order(claim: Claim) -> tuple[float, str]:
    """Least certain first (a proposal without a recorded certainty after those with one), then by
    subject, so the claims filed under one doubtful subject come together; else registry order."""
    return (claim.certainty if claim.certainty is not None else 2.0, claim.subject)


def _edit_entries(root: Path, file: str, ids: set[str], change: Any) -> None:
    from factcheck.registry.edit import edit_file

    def apply(data: Any) -> bool:
        key = "entities" if file.endswith(ENTITIES_FILE) else "claims"
        changed = False
        for entry in data.get(key) or []:
            if hasattr(entry, "get") and entry.get("id") in ids:
                changed = change(entry) or changed
        return changed

    edit_file(root / file, apply)


def _accept(entry: Any) -> bool:
    changed = False
    for key in ("status", "certainty", "basis"):  # a person has checked it: extract's doubts no longer apply
        if key in entry:
            del entry[key]
            changed = True
    proposed = entry.get("proposed_aliases")
    if proposed is not None:
        from factcheck.registry.edit import flow_list

        aliases = entry.get("aliases")
        if aliases is None:
            entry["aliases"] = flow_list(list(proposed))
        else:
            aliases.extend(a for a in proposed if a not in aliases)
        del entry["proposed_aliases"]
        changed = True
    return changed


def _reject(entry: Any) -> bool:
    if entry.get("status") == "rejected":
        return False
    from factcheck.registry.edit import scalar

    entry["status"] = scalar("status", "rejected")
    return True


def decide(root: str | Path | Project, ids: Iterable[str], action: str) -> tuple[Decision, ...]:
    """Accept or reject claims (and accept entities) by id, writing each file once."""
    project = Project.at(root)
    root = project.root
    ids = list(dict.fromkeys(ids))
    if action not in ("accepted", "rejected"):
        raise ValueError(action)
    with project_lock(root):
        where = _locate(project, ids)
        ids = list(where)
        if action == "rejected":
            entities = [i for i, f in where.items() if f.endswith(ENTITIES_FILE)]
            if entities:
                raise ReviewError(f"'{entities[0]}' is an entity: reject the claims about it instead",
                                  hint="or delete the entity from claims/entities.yaml by hand")  # fmt: skip
        by_file: dict[str, set[str]] = {}
        for i, f in where.items():
            by_file.setdefault(f, set()).add(i)
        for file, group in by_file.items():
            _edit_entries(root, file, group, _accept if action == "accepted" else _reject)
    return tuple(Decision(action, i, where[i]) for i in ids)


def edit_claim(root: str | Path | Project, claim_id: str, **fields: str | None) -> Decision:
    """Change some fields of one claim (None leaves a field as it is; '' removes it)."""
    project = Project.at(root)
    root = project.root
    unknown = [k for k in fields if k not in EDITABLE]
    if unknown:
        raise ReviewError(f"'{unknown[0]}' cannot be edited here", hint=f"editable: {', '.join(EDITABLE)}")
    with project_lock(root):
        ((claim_id, file),) = _locate(project, [claim_id]).items()
        if file.endswith(ENTITIES_FILE):
            raise ReviewError(f"'{claim_id}' is an entity, not a claim")

        def change(entry: Any) -> bool:
            from factcheck.registry.edit import scalar

            changed = False
            for key, value in fields.items():
                if value is None:
                    continue
                if value == "" and key in entry:
                    del entry[key]
                elif value != "":
                    entry[key] = scalar(key, value)
                changed = True
            return changed

        _edit_entries(root, file, {claim_id}, change)
    return Decision("edited", claim_id, file)


def match_id(ref: str, ids: Iterable[str], what: str, hint: str) -> str:
    """The id ref names: the whole id, or a prefix only one id starts with (a discrepancy's `d-`
    may be left out). Anything else is an error that says what ref could have meant."""
    ids = set(ids)
    if ref in ids:
        return ref
    ref = ref.strip()
    hits = sorted(i for i in ids if ref and (i.startswith(ref) or (i.startswith("d-") and i[2:].startswith(ref))))
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise ReviewError(f"no {what} with id '{ref}'", hint=hint)
    shown = ", ".join(hits[:4]) + (", …" if len(hits) > 4 else "")
    raise ReviewError(f"'{ref}' is the start of {len(hits)} {what} ids: {shown}", hint="give more of the id")


def find_discrepancy(result: Verification, ref: str) -> Discrepancy:
    """A discrepancy by its id, or by a prefix of it that only one id starts with."""
    by_id = {d.id: d for d in result.discrepancies}
    return by_id[match_id(ref, by_id, "discrepancy", "ids are shown by `factcheck verify` and `factcheck report`")]


class DecisionExists(ReviewError):
    """A discrepancy already carries a decision in force; replacing it needs --force."""


@dataclass(frozen=True)
class Resolution:
    """A decision recorded on a discrepancy, with the one it replaced (if any)."""

    decision: str
    id: str
    file: str
    verdict: str | None = None
    replaces: Review | None = None
    unchanged: bool = False  # the same decision was already in force: nothing written


def describe_review(r: Review) -> str:
    """ "confirmed as a conflict by news desk on 2026-12-01: "Council says 45"" """
    text = r.decision + (f" as a {r.verdict}" if r.verdict else "")
    text += (f" by {r.reviewer}" if r.reviewer else "") + (f" on {r.day}" if r.day else "")
    return text + (f': "{r.note}"' if r.note else "")


def default_reviewer() -> str | None:
    """Who decides when --by is not given: FACTCHECK_REVIEWER, else the login name."""
    import getpass
    import os

    try:
        return os.environ.get("FACTCHECK_REVIEWER") or getpass.getuser() or None
    except (KeyError, OSError):  # no login name (a container without a passwd entry)
        return None


def resolve(
    root: str | Path | Project, ref: str, decision: str, note: str = "", reviewer: str | None = None,
    when: str | None = None, *, verdict: str | None = None, force: bool = False,
) -> Resolution:  # fmt: skip
    """Record a decision on a discrepancy in the baseline, after the earlier ones (kept as its
    history). A decision in force is replaced only with force; a stale one (its claims changed)
    needs none. `verdict` (with "confirmed") gives the reviewer's verdict, e.g. "conflict"."""
    from factcheck.pipeline.verification import verify
    from factcheck.registry.edit import edit_file, flow_list, mapping

    project = Project.at(root)
    root = project.root
    if decision not in DECISIONS:
        raise ReviewError(f"'{decision}' is not a decision", hint=f"use {' or '.join(DECISIONS)}")
    if verdict is not None and (decision != "confirmed" or verdict not in {v.value for v in Verdict}):
        raise ReviewError(f"'{verdict}' cannot be given as the verdict of a {decision} discrepancy",
                          hint="e.g. --as conflict")  # fmt: skip
    reviewer = reviewer or default_reviewer()
    with project_lock(root):
        result = verify(project)
        target = find_discrepancy(result, ref)
        current = target.review if target.review is not None and not target.review.stale else None
        found = target.review.found if target.review is not None else target.verdict.value
        if verdict == found:
            verdict = None  # the verdict factcheck found: nothing to override
        if current is not None:
            same = (current.decision, current.verdict or None, current.note) == (decision, verdict, note)
            if same:
                return Resolution(decision, target.id, f"claims/{REVIEWS_FILE}", verdict, current, unchanged=True)
            if not force:
                raise DecisionExists(
                    f"{target.id} is already {describe_review(current)}",
                    hint=f"add --force to record {decision}{f' as a {verdict}' if verdict else ''} in its place; "
                    f"the earlier decision stays in claims/{REVIEWS_FILE}",
                )  # fmt: skip
        fields = entry_fields(target, decision, note, reviewer, when, verdict)
        del fields["claims"]  # written as a flow list, second, below
        pair = [c.id for c in target.claims]

        def change(data: Any) -> bool:
            items = data.get("reviews")
            if items is None:
                from ruamel.yaml.comments import CommentedSeq

                items = data["reviews"] = CommentedSeq()
            entry = mapping(fields)
            entry.insert(1, "claims", flow_list(pair))
            items.append(entry)
            return True

        edit_file(project.claims / REVIEWS_FILE, change, REVIEWS_HEADER)
    return Resolution(decision, target.id, f"claims/{REVIEWS_FILE}", verdict, target.review)


REVIEWS_HEADER = (
    "# Decisions on discrepancies: confirmed (the sources really disagree) or dismissed (they do not),\n"
    "# with who decided and when. Every decision is kept; the last on a discrepancy is in force.\n"
    "# verify does not raise a decided discrepancy again unless one of its claims changes.\n"
    "reviews: []\n"
)
