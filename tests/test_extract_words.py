"""Facts stated in words, not figures: whose court a judge sits on, a vehicle's colour, where someone lives,
what they are charged with, which way a place lies from another. Each is a claim (subject, property,
value) proposed by extract with its quote and judged with an explanation; the cases are our own words."""

from __future__ import annotations

import pytest
from samples import extract_and_verify, news_project

from factcheck.judge.roles import judge_roles
from factcheck.normalize.claims import TextValue


def _role_verdict(a: str, b: str) -> str:
    return judge_roles(TextValue("role", a, a.lower()), TextValue("role", b, b.lower()))[0].value


@pytest.mark.parametrize(("a", "b", "verdict"), [
    ("U.S. District Judge", "state District Judge", "conflict"),
    ("federal Judge", "Superior Court Judge", "conflict"),
    ("county prosecutor", "U.S. Attorney", "conflict"),
    ("U.S. Magistrate Judge", "federal magistrate judge", "corroborated"),
    ("state District Judge", "District Judge", "corroborated"),  # one side does not say whose court
    ("Superior Court Judge", "Judge", "corroborated"),
    ("federal Judge", "U.S. District Judge", "corroborated"),
])  # fmt: skip
def test_a_judge_sits_on_one_court(a, b, verdict):
    assert _role_verdict(a, b) == verdict


def test_the_explanation_names_both_courts():
    a = TextValue("role", "U.S. District Judge", "u.s. district judge")
    b = TextValue("role", "county Judge", "county judge")
    verdict, why = judge_roles(a, b)
    assert verdict.value == "conflict" and "'U.S. District Judge'" in why and "federal" in why and "'county'" in why


def test_a_judge_given_two_courts_by_two_sources_is_flagged(tmp_path, runner):
    root = news_project(tmp_path, {
        "a.txt": ("Closing arguments were heard on Monday before U.S. District Judge Miriam Okafor in Tulsa.\n",
                  "2024-05-02"),
        "b.txt": ("Judge Miriam Okafor refused a recess.\n\n"
                  "The defence asked state District Judge Miriam Okafor to delay the verdict.\n", "2024-05-03"),
    })  # fmt: skip
    found = extract_and_verify(root, runner)
    roles = [d for d in found["discrepancies"] if d["property"] == "role"]
    # the bare "Judge" of b agrees with a's post; that does not hide the conflict with b's fuller one
    assert [d["verdict"] for d in roles] == ["conflict"]
    assert {c["value"] for c in roles[0]["claims"]} == {"U.S. District Judge", "state District Judge"}


# ---- values read as what they say: the judges of text/wordfacts.py, on cases of our own


def _word_verdict(prop: str, a: str, b: str) -> str:
    from factcheck.judge.wordfacts import judge_word_fact
    from factcheck.text.wordfacts import word_property

    fact = word_property(prop)
    assert fact is not None
    judged = judge_word_fact(fact, TextValue("text", a, a.lower()), TextValue("text", b, b.lower()))
    assert judged is not None
    return judged[0].value


@pytest.mark.parametrize(("a", "b", "verdict"), [
    ("grey", "gray", "corroborated"),  # one colour, two spellings
    ("dark blue", "navy", "corroborated"),
    ("maroon", "red", "corroborated"),
    ("silver", "grey", "conflict"),
    ("white", "black", "conflict"),
    ("black and white", "white", "consistent"),
])  # fmt: skip
def test_colours_are_compared_by_family(a, b, verdict):
    assert _word_verdict("colour", a, b) == verdict


@pytest.mark.parametrize(("a", "b", "verdict"), [
    ("Schenectady, N.Y.", "Schenectady", "corroborated"),
    ("Sterling Heights, Mich.", "Sterling Heights, Michigan", "corroborated"),
    ("South Richmond Hill", "Richmond Hill", "consistent"),  # named more closely
    ("Queens", "College Point", "consistent"),  # a borough holds many neighbourhoods
    ("Maple Grove, Hennepin County", "Hennepin County", "consistent"),
    ("Fenwick Park", "Maple Grove, Hennepin County", "possible"),  # different as written; one may hold the other
    ("Schnectady", "Schenectady", "conflict"),  # one place spelled two ways
])  # fmt: skip
def test_places_differ_only_where_the_words_say_so(a, b, verdict):
    assert _word_verdict("home", a, b) == verdict


@pytest.mark.parametrize(("a", "b", "verdict"), [
    ("murder", "vehicular manslaughter, criminally negligent homicide", "conflict"),
    ("first-degree murder", "second-degree murder", "conflict"),
    ("negligent homicide and fleeing the scene of an accident",
     "criminally negligent homicide, leaving the scene of an accident resulting in death", "consistent"),
    ("DWI, vehicular manslaughter", "DWI and criminally negligent homicide", "consistent"),
    ("murder and attempted murder", "murder", "consistent"),
    ("robbery", "aggravated assault", "consistent"),  # a source may name only some charges
    ("homicide", "second-degree murder", "consistent"),  # the kind named alone
])  # fmt: skip
def test_a_killing_charged_two_ways_conflicts_and_a_shorter_list_does_not(a, b, verdict):
    assert _word_verdict("charged with", a, b) == verdict


@pytest.mark.parametrize(("a", "b", "verdict"), [
    ("northeast", "north-east", "corroborated"),
    ("south", "south-southwest", "consistent"),
    ("west", "south", "conflict"),
    ("north", "southern", "conflict"),
])  # fmt: skip
def test_directions_are_compared_as_bearings(a, b, verdict):
    assert _word_verdict("direction from Palu", a, b) == verdict


# ---- extract proposes them, verify flags what differs and nothing else


def _flags(tmp_path, runner, texts: dict[str, str], prop: str) -> list[tuple[str, frozenset[str]]]:
    root = news_project(tmp_path, {name: (text, f"2024-06-0{i + 1}") for i, (name, text) in enumerate(texts.items())})
    found = extract_and_verify(root, runner)
    return [(d["verdict"], frozenset(c["value"] for c in d["claims"]))
            for d in found["discrepancies"] if d["property"].startswith(prop)]  # fmt: skip


def test_a_car_seen_in_two_colours_is_flagged(tmp_path, runner):
    flags = _flags(tmp_path, runner, {
        "a.txt": "Witnesses said the cyclist was struck by a silver Honda Accord on Elm Road.\n",
        "b.txt": "Police said a dark grey 2011 Honda Accord hit the cyclist and drove off.\n",
        "c.txt": "The cyclist was hit by a gray Honda Accord, officers said.\n",
    }, "colour")  # fmt: skip
    assert {v for v, _ in flags} == {"conflict"}
    assert all("silver" in values for _, values in flags) and len(flags) == 2  # grey and gray agree


def test_colours_of_different_things_and_names_are_not_compared(tmp_path, runner):
    flags = _flags(tmp_path, runner, {
        "a.txt": "A white van blocked the road while a red car waited behind it.\n\nBlack Friday sales began.\n",
        "b.txt": "The driver of a red car said the white van had stalled, outside the White House.\n",
    }, "colour")  # fmt: skip
    assert flags == []


def test_two_homes_for_one_person_are_flagged_and_one_home_written_two_ways_is_not(tmp_path, runner):
    flags = _flags(tmp_path, runner, {
        "a.txt": "Dana M. Whitlock, 44, of Maple Grove, was taken to hospital.\n",
        "b.txt": "Dana Whitlock, who lived in Fenwick Park, was taken to hospital.\n",
        "c.txt": "Dana Whitlock, a Maple Grove resident, was taken to hospital on Monday.\n",
    }, "home")  # fmt: skip
    assert [(v, sorted(values)) for v, values in flags] == [
        ("possible", ["Fenwick Park", "Maple Grove"]), ("possible", ["Fenwick Park", "Maple Grove"])]


def test_a_killing_charged_as_murder_and_as_manslaughter_is_flagged(tmp_path, runner):
    flags = _flags(tmp_path, runner, {
        "a.txt": ("Colin Marsh, 31, was arrested on Sunday.\n\n"
                  "A man who stabbed a neighbour after an argument has been charged in his murder, police said.\n"),
        "b.txt": "Marsh was charged with manslaughter and possession of a knife after the fight.\n",
        "c.txt": "Colin Marsh was charged with manslaughter, prosecutors said.\n",
    }, "charged with")  # fmt: skip
    assert sorted(sorted(values) for _, values in flags) == [
        ["manslaughter", "murder"], ["manslaughter and possession of a knife", "murder"]]
    assert {v for v, _ in flags} == {"conflict"}


def test_an_epicentre_placed_in_two_directions_is_flagged(tmp_path, runner):
    flags = _flags(tmp_path, runner, {
        "a.txt": "The epicentre was 40 kilometres (25 miles) north of Palu, the survey said.\n",
        "b.txt": "The quake struck at a depth of 10 km, 38 km west of Palu and 60 km north of Donggala.\n",
        "c.txt": "The earthquake hit 41 km north-northwest of Palu, officials said.\n",
    }, "direction from")  # fmt: skip
    # north and north-northwest agree; west is 90 and 67.5 degrees off them; Donggala is another place
    assert sorted((v, tuple(sorted(values))) for v, values in flags) == [
        ("conflict", ("north", "west")), ("conflict", ("north-northwest", "west"))]


def test_a_middle_initial_does_not_make_another_person(tmp_path):
    from factcheck.actions.extract import propose

    root = news_project(tmp_path, {
        "a.txt": ("Ana Ferreira, 52, was named chair on Monday.\n", "2024-06-01"),
        "b.txt": ("Ana M. Ferreira, 52, was named chair on Monday.\n", "2024-06-02"),
    })  # fmt: skip
    result = propose(root)
    assert {c.entity for c in result.claims if c.property == "age"} == {"ana-ferreira"}


def test_a_trial_placed_in_two_towns_is_flagged_and_a_state_or_a_hearing_is_not(tmp_path, runner):
    flags = _flags(tmp_path, runner, {
        "a.txt": "A Tulsa jury convicted Omar Reyes of arson on Friday.\n",
        "b.txt": ("Omar Reyes was sentenced on Monday at district court in Broken Arrow for the warehouse fire.\n\n"
                  "A Dallas grand jury had indicted him in May.\n"),
        "c.txt": "An Oklahoma jury found Omar Reyes guilty of arson.\n\nAt an earlier hearing in Dallas he said little.\n",
    }, "tried in")  # fmt: skip
    assert [(v, sorted(values)) for v, values in flags] == [("possible", ["Broken Arrow", "Tulsa"])]


def test_a_source_that_charges_one_killing_two_ways_is_flagged_against_the_other(tmp_path, runner):
    flags = _flags(tmp_path, runner, {
        "a.txt": ("A driver who fled after hitting a cyclist has been charged in his murder, police said.\n\n"
                  "Ryan Holt, 29, was arrested at his home.\n\n"
                  "Holt was charged with vehicular manslaughter and leaving the scene.\n"),
        "b.txt": "Ryan Holt was charged with vehicular manslaughter, prosecutors said.\n",
    }, "charged with")  # fmt: skip
    # a's second list agrees with b's; that does not hide a's murder against b's manslaughter
    assert [(v, sorted(values)) for v, values in flags] == [("conflict", ["murder", "vehicular manslaughter"])]
