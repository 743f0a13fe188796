"""Verdicts between two sources, on small projects written for each rule."""

from __future__ import annotations

from factcheck.pipeline.verification import verify


def two_sources(mini, a_text, a_date, a_claim, b_text, b_date, b_claim):
    mini.source("a.txt", a_text, a_date)
    mini.source("b.txt", b_text, b_date)
    mini.claims("a.yaml", "source: a.txt\nclaims:\n" + a_claim)
    mini.claims("b.yaml", "source: b.txt\nclaims:\n" + b_claim)
    result = verify(mini.root)
    assert not result.errors, result.errors
    (d,) = result.discrepancies
    return d


def claim(cid, quote, value, prop="spending", extra=""):
    return f'  - id: {cid}\n    quote: "{quote}"\n    subject: the council\n    property: {prop}\n    value: "{value}"\n{extra}'


def test_outside_the_stated_precision_is_a_conflict(mini):
    d = two_sources(
        mini,
        "It is £7m over budget.",
        "2019-10-08",
        claim("a1", "£7m over budget", "£7m"),
        "There is a £7.6 million deficit.",
        "2019-10-08",
        claim("b1", "a £7.6 million deficit", "£7.6 million"),
    )
    assert d.verdict.value == "conflict"
    assert d.explanation == "'£7m', as written, means £6.5m–£7.5m; £7.6m lies outside it"


def test_inside_the_stated_precision_is_rounding(mini):
    d = two_sources(
        mini,
        "It will overspend by £4m.",
        "2019-10-08",
        claim("a1", "overspend by £4m", "£4m"),
        "An overspend of £4.4 million.",
        "2019-10-08",
        claim("b1", "overspend of £4.4 million", "£4.4 million"),
    )
    assert d.verdict.value == "rounding"
    assert "lies inside it" in d.explanation


def test_different_times_are_a_change_not_a_conflict(mini):
    d = two_sources(
        mini,
        "Cases rose to 232.",
        "2019-10-08",
        claim("a1", "Cases rose to 232", "232", "cases"),
        "Cases remain at zero.",
        "2020-07-07",
        claim("b1", "Cases remain at zero", "zero", "cases"),
    )
    assert d.verdict.value == "changed"
    assert "a change over time" in d.explanation


def test_same_figure_is_corroborated(mini):
    d = two_sources(
        mini,
        "It must save £10m.",
        "2019-10-08",
        claim("a1", "save £10m", "£10m"),
        "It needs to save £10 million.",
        "2019-10-11",
        claim("b1", "save £10 million", "£10 million"),
    )
    assert d.verdict.value == "corroborated"


def test_relative_dates_resolve_against_each_source(mini):
    d = two_sources(
        mini,
        "The news comes just a week after he quit.",
        "2019-10-08",
        claim("a1", "just a week after he quit", "just a week after", "left"),
        "He left last September.",
        "2020-07-07",
        claim("b1", "He left last September", "last September", "left"),
    )
    assert d.verdict.value in ("conflict", "possible")
    assert "Sep 2019" in d.explanation


def test_a_rank_word_makes_a_different_role(mini):
    d = two_sources(
        mini,
        "Jo Bloggs, assistant director of finance, left.",
        "2019-10-08",
        claim("a1", "assistant director of finance", "assistant director of finance", "title", "    kind: role\n"),
        "Jo Bloggs, the director of finance.",
        "2019-10-08",
        claim("b1", "the director of finance", "director of finance", "title", "    kind: role\n"),
    )
    assert d.verdict.value == "conflict"
    assert "'assistant' marks a different rank" in d.explanation


def test_a_moved_plan_is_changed(mini):
    d = two_sources(
        mini,
        "The trust will open in 2020.",
        "2019-10-08",
        claim("a1", "open in 2020", "2020", "opening"),
        "It will open early next year.",
        "2020-07-07",
        claim("b1", "open early next year", "early next year", "opening"),
    )
    assert d.verdict.value == "changed" and "the plan moved" in d.explanation


def test_value_must_be_in_its_quote(mini):
    mini.source("a.txt", "It is £7m over budget.", "2019-10-08")
    mini.claims("a.yaml", "source: a.txt\nclaims:\n" + claim("a1", "£7m over budget", "£8m"))
    result = verify(mini.root)
    (problem,) = result.errors
    assert problem.message == "claims/a.yaml:7: value '£8m' of 'a1' does not occur in its quote"


def test_pairing_by_lookup_finds_every_pair_that_scoring_every_pair_finds(shipped):
    """Blocking must lose nothing: with every shipped claim proposed (so all are paired by
    evidence), the pairs found by entity lookup are exactly those found by scoring all pairs."""
    from dataclasses import replace
    from itertools import combinations

    from factcheck.judge.pairing import PAIR_AT, features, pair_confidence, topic_free_pairs
    from factcheck.normalize.claims import glossary_index, normalize_claim
    from factcheck.registry.load import load_registry
    from factcheck.sources.load import load_sources
    from factcheck.text.entities import EntityIndex

    sources = {s.name: s for s in load_sources(shipped)}
    registry = load_registry(shipped, set(sources))
    glossary = glossary_index(registry.terms)
    values = [normalize_claim(replace(c, status="proposed"), sources[c.source], glossary) for c in registry.claims]
    index = EntityIndex(registry.entities)
    feats = {id(v): features(v, index, glossary) for v in values}
    every_pair = set()
    for a, b in combinations(values, 2):
        fa, fb = feats[id(a)], feats[id(b)]
        if a.claim.source != b.claim.source and fa is not None and fb is not None:
            confidence = pair_confidence(fa, fb)
            if confidence >= PAIR_AT:
                every_pair.add((a.claim.id, b.claim.id, confidence))
    by_lookup = {(a.claim.id, b.claim.id, c) for a, b, c in topic_free_pairs(values, registry.entities, glossary)}
    assert len(every_pair) > 20
    assert by_lookup == every_pair
