"""Loading and validating the registry: every mistake names file, line and field."""

from __future__ import annotations

from samples import ROADS_CLAIMS as GOOD

from factcheck.registry.load import load_registry

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
