"""Loading and validating the registry: every mistake names file, line and field."""

from __future__ import annotations

import pytest
from samples import ROADS_CLAIMS as GOOD

from factcheck.errors import RegistryError, SourceError
from factcheck.registry import load_registry
from factcheck.verification import verify

SOURCE = "The council spent £7m on roads in 2019. Ms Bloggs said so."


def load(mini):
    mini.source("a.txt", SOURCE, "2020-01-10")
    return load_registry(mini.root, {"a.txt"})


def test_a_good_file_loads_with_aliases_resolved(mini):
    mini.claims("a.yaml", GOOD)
    reg = load(mini)
    (claim,) = reg.claims
    assert claim.subject == "council" and claim.subject_as_written == "the council"
    assert claim.file == "claims/a.yaml" and claim.line == 3
    assert claim.line_of("value") == 7


@pytest.mark.parametrize(
    ("text", "where", "says"),
    [
        (
            GOOD.replace("    value: £7m", "    value: £7m\n    colour: red"),
            "claims/a.yaml:8 field 'colour'",
            "unknown field 'colour'",
        ),
        (GOOD.replace("    value: £7m\n", ""), "claims/a.yaml:3 field 'value'", "missing field 'value'"),
        (GOOD.replace("source: a.txt", "source: b.txt"), "claims/a.yaml:3 field 'source'", "does not exist in seeds/"),
        (
            GOOD.replace("source: a.txt", "source: ../a.txt"),
            "claims/a.yaml:3 field 'source'",
            "not a file name in seeds/",
        ),
        (
            GOOD.replace("subject: the council", "subject: the mayor"),
            "claims/a.yaml:5 field 'subject'",
            "unknown subject 'the mayor'",
        ),
        (
            GOOD.replace("    value: £7m", "    value: £7m\n    kind: colour"),
            "claims/a.yaml:8 field 'kind'",
            "unknown kind",
        ),
        (GOOD.replace("claims:\n", "claims:\n  - [oops\n"), "claims/a.yaml:", "invalid YAML"),
        (
            GOOD.replace("    value: £7m", "    value: £7m\n    value: £8m"),
            "claims/a.yaml:8 field 'value'",
            "duplicate key 'value'",
        ),
        (GOOD.replace("    value: £7m", "    value: !!python/object:os.system ls"), "claims/a.yaml:7", "tag"),
        (
            GOOD.replace("    value: £7m", "    value: &v £7m\n    note: *v"),
            "claims/a.yaml:",
            "aliases are not allowed",
        ),
        (GOOD.replace("  - id: a-roads", "\t- id: a-roads"), "claims/a.yaml:3", "tabs"),
        (GOOD + GOOD.split("claims:\n")[1], "claims/a.yaml:8 field 'id'", "duplicate id 'a-roads'"),
    ],
)
def test_each_mistake_is_one_line_with_file_line_and_field(mini, text, where, says):
    mini.claims("a.yaml", text)
    with pytest.raises(RegistryError) as err:
        load(mini)
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith(where), message
    assert says in message


def test_duplicate_id_across_files(mini):
    mini.claims("a.yaml", GOOD)
    mini.claims("b.yaml", GOOD)
    with pytest.raises(
        RegistryError, match=r"claims/b.yaml:3 field 'id': duplicate id 'a-roads' \(also in claims/a.yaml:3\)"
    ):
        load(mini)


def test_billion_laughs_is_refused_quickly(mini):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    mini.claims("a.yaml", bomb)
    with pytest.raises(RegistryError, match="aliases are not allowed"):
        load(mini)


def test_manifest_entry_for_a_missing_file(mini):
    mini.source("a.txt", SOURCE, "2020-01-10")
    (mini.root / "seeds" / "manifest.yaml").write_text("sources:\n  - file: a.txt\n  - file: gone.txt\n")
    with pytest.raises(SourceError, match=r"seeds/manifest.yaml:3 field 'file': lists 'gone.txt'"):
        verify(mini.root)


def test_bad_publication_date(mini):
    mini.source("a.txt", SOURCE)
    (mini.root / "seeds" / "manifest.yaml").write_text("sources:\n  - file: a.txt\n    published: last week\n")
    with pytest.raises(RegistryError, match=r"seeds/manifest.yaml:3 field 'published'"):
        verify(mini.root)


def test_non_utf8_source_is_named(mini):
    mini.source("a.txt", SOURCE)
    (mini.root / "seeds" / "b.txt").write_bytes("café “quoted”".encode("cp1252"))
    with pytest.raises(SourceError, match=r"seeds/b.txt:1: not UTF-8"):
        verify(mini.root)
