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
    assert "9 months apart" in d.explanation


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
    assert "different rank" in d.explanation and "'assistant'" in d.explanation


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
    assert d.verdict.value == "changed" and "time enough for a planned date to change" in d.explanation


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


# A change needs evidence (docs/verdicts.md, rule 1)


def test_a_head_count_a_day_apart_is_a_conflict_not_a_change(mini):
    d = two_sources(
        mini,
        "The council employs 412 staff.",
        "2025-03-04",
        claim("a1", "employs 412 staff", "412", "staff employed"),
        "The council's 450 staff were told.",
        "2025-03-05",
        claim("b1", "450 staff were told", "450", "staff employed"),
    )
    assert d.verdict.value == "conflict"


def test_a_change_cue_by_the_later_value_makes_a_change_and_is_named(mini):
    d = two_sources(
        mini,
        "The council employs 412 staff.",
        "2025-03-04",
        claim("a1", "employs 412 staff", "412", "staff employed"),
        "Staff numbers have since increased to 450.",
        "2025-03-05",
        claim("b1", "have since increased to 450", "450", "staff employed"),
    )
    assert d.verdict.value == "changed"
    assert "the later source says 'increased'" in d.explanation


def test_a_cue_that_points_the_wrong_way_is_no_evidence(mini):
    d = two_sources(
        mini,
        "The council employs 412 staff.",
        "2025-03-04",
        claim("a1", "employs 412 staff", "412", "staff employed"),
        "Staff numbers have fallen to 450.",
        "2025-03-05",
        claim("b1", "have fallen to 450", "450", "staff employed"),
    )
    assert d.verdict.value == "conflict"


def test_a_planned_date_that_moves_within_a_week_without_a_word_is_a_conflict(mini):
    d = two_sources(
        mini,
        "The bridge will reopen in spring 2026.",
        "2025-09-01",
        claim("a1", "reopen in spring 2026", "spring 2026", "reopening"),
        "The bridge will reopen in autumn 2026.",
        "2025-09-05",
        claim("b1", "reopen in autumn 2026", "autumn 2026", "reopening"),
    )
    assert d.verdict.value == "conflict"


def test_a_planned_date_pushed_back_is_a_change(mini):
    d = two_sources(
        mini,
        "The bridge will reopen in spring 2026.",
        "2025-09-01",
        claim("a1", "reopen in spring 2026", "spring 2026", "reopening"),
        "The reopening has been pushed back to autumn 2026.",
        "2025-09-05",
        claim("b1", "pushed back to autumn 2026", "autumn 2026", "reopening"),
    )
    assert d.verdict.value == "changed" and "'pushed back'" in d.explanation


def test_two_tolls_of_one_event_a_day_apart_with_no_word_of_change_disagree(mini):
    d = two_sources(
        mini,
        "The flood killed 17 people in the valley.",
        "2024-11-02",
        claim("a1", "The flood killed 17 people", "17", "deaths"),
        "Officials said 21 people died in the flood.",
        "2024-11-03",
        claim("b1", "21 people died in the flood", "21", "deaths"),
    )
    assert d.verdict.value == "conflict"


def test_a_toll_the_later_source_says_is_still_being_counted_is_a_change(mini):
    d = two_sources(
        mini,
        "At least nine passengers were injured in the crash.",
        "2024-05-10",
        claim("a1", "nine passengers were injured", "nine", "injured"),
        "Hospitals have so far treated 14 injured passengers.",
        "2024-05-11",
        claim("b1", "so far treated 14 injured passengers", "14", "injured"),
    )
    assert d.verdict.value == "changed" and "'so far'" in d.explanation


def test_a_still_being_counted_tally_that_went_down_is_no_evidence(mini):
    d = two_sources(
        mini,
        "The storm left 30 people missing on the island.",
        "2024-09-01",
        claim("a1", "left 30 people missing", "30", "missing"),
        "So far 12 people are missing, police said.",
        "2024-09-02",
        claim("b1", "So far 12 people are missing", "12", "missing"),
    )
    assert d.verdict.value == "conflict"


def test_reported_speech_in_the_pluperfect_is_not_a_word_of_change(mini):
    d = two_sources(
        mini,
        "Police said 12 people were hurt in the clashes.",
        "2024-06-20",
        claim("a1", "12 people were hurt", "12", "injured"),
        "Police said 18 people had been injured in the clashes.",
        "2024-06-20",
        claim("b1", "18 people had been injured", "18", "injured"),
    )
    assert d.verdict.value == "conflict"


def test_a_running_count_weeks_apart_may_have_moved(mini):
    d = two_sources(
        mini,
        "The outbreak has infected 40 residents.",
        "2024-02-01",
        claim("a1", "has infected 40 residents", "40", "infected"),
        "The outbreak infected 55 residents.",
        "2024-03-01",
        claim("b1", "infected 55 residents", "55", "infected"),
    )
    assert d.verdict.value == "changed" and "running count" in d.explanation


# Qualifiers and roles (rule 2)


def test_interim_is_never_corroborated_by_the_bare_title(mini):
    d = two_sources(
        mini,
        "Interim chief executive Jo Bloggs spoke.",
        "2025-03-04",
        claim("a1", "Interim chief executive Jo Bloggs", "Interim chief executive", "title", "    kind: role\n"),
        "Chief executive Jo Bloggs spoke.",
        "2025-03-05",
        claim("b1", "Chief executive Jo Bloggs", "Chief executive", "title", "    kind: role\n"),
    )
    assert d.verdict.value == "conflict" and "'interim'" in d.explanation


def test_two_different_posts_for_one_person_are_possible(mini):
    d = two_sources(
        mini,
        "Finance director Jo Bloggs spoke.",
        "2025-03-04",
        claim("a1", "Finance director Jo Bloggs", "Finance director", "title", "    kind: role\n"),
        "Chief operating officer Jo Bloggs spoke.",
        "2025-03-05",
        claim("b1", "Chief operating officer Jo Bloggs", "Chief operating officer", "title", "    kind: role\n"),
    )
    assert d.verdict.value == "possible"


# Hedges, exact edges, kinds (rules 4, 5, 8)


def test_two_hedges_that_can_both_hold_are_consistent(mini):
    d = two_sources(
        mini,
        "It cost nearly £194 million.",
        "2025-03-04",
        claim("a1", "cost nearly £194 million", "nearly £194 million"),
        "It cost over £193 million.",
        "2025-03-04",
        claim("b1", "cost over £193 million", "over £193 million"),
    )
    assert d.verdict.value == "consistent"


def test_an_edge_in_exact_decimals_lies_inside(mini):
    d = two_sources(
        mini,
        "It cost £8.2m.",
        "2025-03-04",
        claim("a1", "cost £8.2m", "£8.2m"),
        "It cost £8,250,000.",
        "2025-03-04",
        claim("b1", "cost £8,250,000", "£8,250,000"),
    )
    assert d.verdict.value == "rounding"


def test_values_of_different_kinds_are_not_compared(mini):
    mini.source("a.txt", "It cost £8m.", "2025-03-04")
    mini.source("b.txt", "It cost €8m.", "2025-03-04")
    mini.claims("a.yaml", "source: a.txt\nclaims:\n" + claim("a1", "cost £8m", "£8m"))
    mini.claims("b.yaml", "source: b.txt\nclaims:\n" + claim("b1", "cost €8m", "€8m"))
    assert verify(mini.root).discrepancies == ()


# Within one source (rule 7)


def test_a_headline_against_its_own_body_is_compared(mini):
    mini.source("a.txt", "Council admits £1.9m hole\n\nThe council will overspend by £1.3m.", "2025-03-04")
    mini.claims("a.yaml", "source: a.txt\nclaims:\n" + claim("a1", "Council admits £1.9m hole", "£1.9m")
                + claim("a2", "will overspend by £1.3m", "£1.3m"))
    (d,) = verify(mini.root).discrepancies
    assert d.verdict.value == "conflict"
