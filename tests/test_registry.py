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


def test_a_new_claims_file_is_written_as_the_round_trip_writer_writes_it(tmp_path):
    """registry.edit.write_new_claims (extract's fast path for a new file) against edit_file from the
    header: the same bytes for plain text, quotes, backslashes and accents; text only ruamel.yaml
    writes exactly (a line separator, a tab, a byte-order mark, a line past its width) is left to it."""
    from factcheck.registry.edit import CLAIMS_HEADER, append_claims, edit_file, write_new_claims

    values = ["£7.6 million", 'He said "no" twice', "a back\\slash", "Zoë Brontë’s – “quoted”", "x" * 5000,
              "line\u2028separator", "tab\there", "\ufeffbom", "", "ends with a space "]  # fmt: skip
    for n, value in enumerate(values):
        fields = {"id": f"a-{n}", "quote": f"The figure was {value}", "subject": "the council",
                  "property": "cost", "value": value, "kind": "money", "status": "proposed",
                  "certainty": 0.48, "basis": "subject: clause, property: words, value: exact"}  # fmt: skip
        fast, slow = tmp_path / f"fast{n}.yaml", tmp_path / f"slow{n}.yaml"
        if not write_new_claims(fast, "a b.txt", [fields, {**fields, "id": f"b-{n}", "certainty": 1.0}]):
            assert value in ("x" * 5000, "line\u2028separator", "tab\there", "\ufeffbom")
            continue
        entries = [("a b.txt", fields), ("a b.txt", {**fields, "id": f"b-{n}", "certainty": 1.0})]
        edit_file(slow, lambda d, es=entries, p=slow: append_claims(d, es, p), CLAIMS_HEADER)
        assert fast.read_bytes() == slow.read_bytes(), value
