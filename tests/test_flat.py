"""Claims files read flat (for the search index) give what the loader gives, or are left to it; a file
the loader refuses is never read flat."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from factcheck.errors import FactcheckError
from factcheck.registry.flat import FlatReader
from factcheck.registry.load import alias_index, check_claims, load_entities, parse_claims_file
from factcheck.settings import load_settings
from tests.test_yaml_quick import TRICKY

REPO = Path(__file__).resolve().parent.parent

ENTITIES = """entities:
  - id: hc
    name: "Harrow Council"
    aliases: ["HC", "the council"]
  - id: p1
    name: "Ann Lee"
"""
SAFE = ["s1", "council homes", "nearly 4,600", "£39.1 million", "Harrow Council", "the council", "HC", "Ann Lee",
        "chief executive", "role", "2019", "a.txt", "b.txt", "0.5", "reviewed", "proposed", "date", "March 2019",
        "children's services", "Ms O'Neill said \"no\""]  # fmt: skip
FIELDS = ["id", "source", "quote", "subject", "property", "value", "kind", "as_of", "period", "relative_to", "note",
          "status", "certainty", "basis"]  # fmt: skip
GOOD = {"id": ["s1", "s2", "x.1", "a_b-3"], "source": ["a.txt", "b.txt"], "subject": ["Harrow Council", "HC", "Ann Lee"],
        "kind": ["number", "role", "date"], "status": ["reviewed", "proposed", "rejected"], "certainty": ["0.5", "1"]}  # fmt: skip


def _project(tmp_path: Path) -> Path:
    root = tmp_path / "p"
    (root / "claims").mkdir(parents=True)
    (root / "seeds").mkdir()
    (root / "claims" / "entities.yaml").write_text(ENTITIES, encoding="utf-8")
    return root


def _loaded(root: Path, file: Path, aliases: dict[str, str], sources: set[str]) -> list[tuple] | FactcheckError:
    try:
        claims = parse_claims_file(root, file, aliases, load_settings(root))
        check_claims(claims, sources)
    except FactcheckError as exc:
        return exc
    return [(c.id, c.source, c.quote, c.subject, c.property, c.value, c.kind, c.as_of, c.period, c.relative_to, c.note,
             c.status, c.file, c.line, c.subject_as_written, c.field_lines) for c in claims]  # fmt: skip


def check(root: Path, text: str, sources: set[str]) -> bool:
    """Whether text was read flat; when it was, it must be what the loader gives."""
    file = root / "claims" / "x.yaml"
    file.write_text(text, encoding="utf-8")
    aliases = alias_index(load_entities(root / "claims")[0])
    flat = FlatReader(aliases, sources).read(text, "claims/x.yaml")
    if flat is None:
        return False
    assert flat == _loaded(root, file, aliases, sources), text
    return True


def _value(rng: random.Random, field: str, bent: bool) -> str:
    if bent and rng.random() < 0.2:
        value = rng.choice(TRICKY + SAFE)
    else:
        value = rng.choice(GOOD.get(field, SAFE))
    roll = rng.random()
    if roll < 0.35 and '"' not in value and "\\" not in value:
        return f'"{value}"'
    if roll < 0.45:
        return "'" + value.replace("'", "''") + "'"
    return value


def document(rng: random.Random) -> str:
    """A claims file; every other one bent, here and there, in its fields, values or shape."""
    bent = rng.random() < 0.5

    def odd(p: float) -> bool:
        return bent and rng.random() < p

    lines = []
    if rng.random() < 0.2:
        lines.append("# a comment")
    if not odd(0.1):
        lines.append(f"source: {_value(rng, 'source', bent)}")
    lines.append("claims:")
    ids = ["s1", "s2", "s3", "s4"]
    for n in range(rng.randint(0, 4)):
        fields = ["id", "quote", "subject", "property", "value"]
        fields += rng.sample(FIELDS[6:] + ["source"], rng.randint(0, 3))
        if odd(0.3):
            rng.shuffle(fields)
        if odd(0.1):
            fields.remove(rng.choice(fields))
        if odd(0.05):
            fields.append(rng.choice(["extra", "id"]))
        for i, field in enumerate(fields):
            value = ids[n] if field == "id" and not odd(0.2) else _value(rng, field, bent)
            lead = "  - " if i == 0 else "    "
            if odd(0.03):
                lead = rng.choice(["- ", "   - ", "  ", "      ", "  -  "])
            tail = rng.choice(["  # note", " ", ""]) if odd(0.1) else ""
            lines.append(f"{lead}{field}: {value}{tail}")
            if odd(0.04):
                lines.append(rng.choice(["", "    # between", "  continued", "\t"]))
    return "\n".join(lines) + rng.choice(["\n", "", "\n\n"])


def test_the_shipped_and_generated_claims_files_are_read_flat_as_the_loader_reads_them(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from gen_dense import generate_dense

    root = tmp_path / "dense"
    generate_dense(30, root)
    for project in (REPO, root):
        settings = load_settings(project)
        aliases = alias_index(load_entities(project / "claims", settings)[0])
        sources = {p.name for p in (project / "seeds").iterdir()}
        files = [f for f in sorted((project / "claims").glob("*.yaml")) if f.name not in ("entities.yaml", "reviews.yaml")]
        read = 0
        for file in files:
            flat = FlatReader(aliases, sources).read(file.read_text(encoding="utf-8"), f"claims/{file.name}")
            if flat is not None:
                assert flat == _loaded(project, file, aliases, sources), file
                read += 1
        assert read >= len(files) - 3


@pytest.mark.parametrize("seed", range(4))
def test_random_claims_files_are_read_flat_as_the_loader_reads_them(tmp_path: Path, seed: int) -> None:
    root = _project(tmp_path)
    rng = random.Random(seed)
    read = sum(check(root, document(rng), {"a.txt", "b.txt"}) for _ in range(600))
    assert 150 < read < 600  # both ways are taken


@pytest.mark.parametrize("text", [
    "source: a.txt\nclaims:\n  - id: s1\n    quote: q\n    subject: Nobody\n    property: p\n    value: '1'\n",
    "source: c.txt\nclaims:\n  - id: s1\n    quote: q\n    subject: HC\n    property: p\n    value: '1'\n",
    "source: a.txt\nclaims:\n  - id: s1\n    quote: q\n    subject: HC\n    property: p\n    value: ' '\n",
    "source: a.txt\nclaims:\n  - id: s1\n    quote: q\n    subject: HC\n    property: p\n",
    "source: a.txt\nclaims:\n  - id: s1\n    quote: q\n    subject: HC\n    property: p\n    value: yes\n",
    "source: a.txt\nclaims:\n  - id: s1\n    quote: q\n    subject: HC\n    property: p\n    value: '1'\n    kind: size\n",
    "source: a.txt\nclaims:\n  - id: s1\n    quote: q\n    subject: HC\n    property: p\n    value: '1'\n    status: x\n",
    "source: a.txt\nclaims:\n  - id: s1\n    quote: q\n    subject: HC\n    property: p\n    value: '1'\n"
    "    certainty: 2\n",
    "source: a.txt\nclaims:\n  - id: s1\n    quote: q\n    subject: HC\n    property: p\n    value: '1'\n"
    "  - id: s1\n    quote: q\n    subject: HC\n    property: p\n    value: '2'\n",
    "source: a.txt\nclaims:\n  - id: -s1\n    quote: q\n    subject: HC\n    property: p\n    value: '1'\n",
    "source: a.txt\nclaims:\n  - id: s1\n    quote: q\n    subject: HC\n    property: p\n    value: '1'\n    when: x\n",
    "source: a/b.txt\nclaims:\n  - id: s1\n    quote: q\n    subject: HC\n    property: p\n    value: '1'\n",
    "claims:\n  - id: s1\n    quote: q\n    subject: HC\n    property: p\n    value: '1'\n",
    "source: a.txt\nnotes: x\n",
])  # fmt: skip
def test_a_file_the_loader_refuses_is_left_to_it(tmp_path: Path, text: str) -> None:
    root = _project(tmp_path)
    file = root / "claims" / "x.yaml"
    file.write_text(text, encoding="utf-8")
    aliases = alias_index(load_entities(root / "claims")[0])
    assert isinstance(_loaded(root, file, aliases, {"a.txt", "b.txt"}), FactcheckError)
    assert FlatReader(aliases, {"a.txt", "b.txt"}).read(text, "claims/x.yaml") is None
