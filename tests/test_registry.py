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


def test_entries_in_a_file_init_left_are_written_as_the_round_trip_writer_writes_them(tmp_path):
    """registry.edit.write_new_entries (extract's fast path for the entities file and the manifest as
    `init` leaves them) against edit_file: the same bytes for block lists, flow lists of aliases and
    awkward text; a file holding anything but its header, or text only ruamel.yaml writes exactly, is
    left to it."""
    from factcheck.registry.edit import (
        ENTITIES_HEADER,
        MANIFEST_HEADER,
        edit_file,
        entry_list,
        flow_list,
        mapping,
        write_new_entries,
    )

    values = ["Zoë Brontë’s – “quoted”", 'He said "no"', "a back\\slash", "a: b", "!x", "x" * 5000, "tab\there"]
    for n, value in enumerate(values):
        cases = [
            (ENTITIES_HEADER, "entities", [{"id": f"e-{n}", "name": value, "kind": "person", "status": "proposed",
                                            "proposed_aliases": [value, "Plain"]},
                                           {"id": "f", "name": "F", "kind": "organisation", "status": "proposed"}]),
            (MANIFEST_HEADER, "sources", [{"file": f"{n}.txt", "title": value, "published": "2010-05-05",
                                           "evidence": [f'Line 2: "{value}".', "Line 3"], "status": "proposed"}]),
        ]  # fmt: skip
        for header, key, entries in cases:
            fast, slow = tmp_path / f"fast-{key}-{n}.yaml", tmp_path / f"slow-{key}-{n}.yaml"
            fast.write_text(header)
            slow.write_text(header)

            def add(data, key=key, entries=entries, file=slow):
                items = entry_list(data, key, file.name)
                for fields in entries:
                    entry = mapping({k: v for k, v in fields.items() if k != "proposed_aliases"})
                    if "proposed_aliases" in fields:
                        entry["proposed_aliases"] = flow_list(fields["proposed_aliases"])
                    items.append(entry)
                return True

            edit_file(slow, add, header)
            if not write_new_entries(fast, header, key, entries):
                assert value in ("x" * 5000, "tab\there"), value
                assert fast.read_text() == header  # nothing written
                continue
            assert fast.read_bytes() == slow.read_bytes(), (key, value)
    edited = tmp_path / "edited.yaml"
    edited.write_text(ENTITIES_HEADER + "# mine\n")
    assert not write_new_entries(edited, ENTITIES_HEADER, "entities", [{"id": "a", "name": "A"}])
    assert edited.read_text() == ENTITIES_HEADER + "# mine\n"
    assert not write_new_entries(tmp_path / "none.yaml", ENTITIES_HEADER, "entities", [])


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
