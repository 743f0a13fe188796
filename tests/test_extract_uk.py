"""Facts as British copy writes them: where someone is from ("Tom Hart from Leek", "Leek pensioner Tom Hart",
"Tom Hart, aged 61, from Leek"), a hyphenated surname respelled once ("Mr Ashby-Coles"), times of one incident
told by the alarm and by the start. The cases are our own words; each class has cases that must stay quiet."""

from __future__ import annotations

import pytest
from samples import extract_and_verify, flagged_sets, news_project

from factcheck.judge.wordfacts import judge_places


def _project(tmp_path, texts: dict[str, str], days: list[str] | None = None):
    days = days or [f"2024-03-0{i + 1}" for i in range(len(texts))]
    return news_project(tmp_path, {name: (text, day) for (name, text), day in zip(texts.items(), days, strict=True)})


# ---- where someone is from


def test_homes_written_with_from_and_before_the_name_are_flagged(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": "The family of Leek pensioner Tom Hart said he loved the canal.\n",
        "b.txt": "Mourners remembered Tom Hart, aged 61, from Buxton, at the service.\n",
        "c.txt": "Rescuers named the second man as Owen Price from Macclesfield.\n",
        "d.txt": "Owen Price, 38, from Macclesfield, was treated at the scene.\n",
    })  # fmt: skip
    found = extract_and_verify(root, runner)
    assert flagged_sets(found, prop="home") == [{"Leek", "Buxton"}]  # Owen Price's two homes agree


def test_a_home_told_where_someone_died_does_not_change_with_time(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": "The crash killed Amy Cole from Whitby, who died at the scene.\n",
        "b.txt": "Amy Cole, aged 19, from Scarborough, died in the crash ten years ago today.\n",
    }, ["2014-06-01", "2024-06-01"])  # fmt: skip
    found = extract_and_verify(root, runner)
    assert flagged_sets(found, prop="home") == [{"Whitby", "Scarborough"}]


@pytest.mark.parametrize("text", [
    "Union official Steve Marsh from the Fire Brigades Union said crews were stretched.\n",  # a body, not a town
    "Steve Marsh from Unison said crews were stretched.\n",
    "Labour councillor Steve Marsh said crews were stretched.\n",  # a party's word, not a place
    "Steve Marsh from BBC Radio Leeds said crews were stretched.\n",
])  # fmt: skip
def test_a_body_or_a_party_is_no_home(tmp_path, runner, text):
    root = _project(tmp_path, {"a.txt": text, "b.txt": "Steve Marsh, 52, of Otley, spoke at the rally.\n"})
    found = extract_and_verify(root, runner)
    assert flagged_sets(found, prop="home") == []


@pytest.mark.parametrize(("a", "b", "verdict"), [
    ("Stratford-upon-Avon", "Stratford-on-Avon", "corroborated"),  # one town, two house styles
    ("Stratford", "Stratford-upon-Avon", "consistent"),  # named more fully
    ("Warwickshire", "Rugby", "consistent"),  # a county holds its towns
    ("Rugby", "Stratford", "possible"),
])  # fmt: skip
def test_british_places_are_read_as_written(a, b, verdict):
    assert judge_places(a, b)[0].value == verdict


# ---- a surname respelled once


def test_a_hyphenated_surname_respelled_after_a_title_is_flagged(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": ("The crew named the climbers as Nadia Ashby-Coles and Pete Rudd.\n\n"
                  "Mr Rudd was found first, while Ms Ashby-Colles was found on the ridge.\n"),
        "b.txt": "Nadia Ashby-Coles and Pete Rudd were experienced climbers.\n",
    })  # fmt: skip
    found = extract_and_verify(root, runner)
    assert flagged_sets(found, prop="name") == [{"Ashby-Colles", "Nadia Ashby-Coles"}]


def test_two_people_one_letter_apart_are_not_one_name_respelled(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": ("Police named the drivers as Karen Smith and Dean Smyth.\n\n"
                  "Mr Smyth was unhurt, and Ms Smith was taken to hospital.\n"),
        "b.txt": "Karen Smith and Dean Smyth were both driving home from work.\n",
    })  # fmt: skip
    found = extract_and_verify(root, runner)
    assert flagged_sets(found, prop="name") == []


# ---- times of one incident: the start, the alarm, the arrival


def _time_flags(tmp_path, runner, texts: dict[str, str], days: list[str]) -> list[set[str]]:
    found = extract_and_verify(_project(tmp_path, texts, days), runner)
    return [{c["value"] for c in d["claims"]} for d in found["discrepancies"]
            if d["verdict"] in ("conflict", "possible") and all(c.get("reading", "").count(":") for c in d["claims"])]  # fmt: skip


def test_a_start_after_the_alarm_and_two_starts_are_flagged(tmp_path, runner):
    flags = _time_flags(tmp_path, runner, {
        "a.txt": "Crews from Kent Fire and Rescue Service fought the blaze, which broke out at 9pm last night.\n",
        "b.txt": "Staff at Dunmore Mills were sent home. Police were called at just after 8pm on Tuesday.\n",
        "c.txt": "The fire at Dunmore Mills started at 2045 GMT on Tuesday.\n",
    }, ["2023-05-10", "2023-05-10", "2023-05-10"])  # fmt: skip
    assert {"9pm", "8pm"} in flags  # the fire cannot break out an hour after the police were called
    assert {"2045 GMT", "8pm"} in flags
    assert {"9pm", "2045 GMT"} in flags  # two starts a quarter of an hour apart


def test_times_that_agree_or_tell_of_other_moments_are_quiet(tmp_path, runner):
    flags = _time_flags(tmp_path, runner, {
        "a.txt": "Thieves raided Gold Star Jewellers in Barking. The raid happened at about 10.30am on Monday.\n",
        "b.txt": "Staff at Gold Star Jewellers said police were called at 10.40am on Monday.\n",  # after the start
        "c.txt": "Officers from the Metropolitan Police arrived at Gold Star Jewellers at 11.05am on Monday.\n",
        "d.txt": "A second shop, Bright Gems in Ilford, was robbed at 4pm on Wednesday.\n",  # another day
        "e.txt": "The raid on Gold Star Jewellers happened shortly after 10.30am on Monday.\n",  # the same, hedged
    }, ["2022-03-08", "2022-03-08", "2022-03-08", "2022-03-10", "2022-03-09"])  # fmt: skip
    assert flags == []


def test_a_time_years_later_is_another_day(tmp_path, runner):
    flags = _time_flags(tmp_path, runner, {
        "a.txt": "The fire at Dunmore Mills started at 9pm on Tuesday, Kent Fire and Rescue Service said.\n",
        "b.txt": "A memorial service at Dunmore Mills started at 2pm, Kent Fire and Rescue Service said.\n",
    }, ["2013-05-08", "2023-05-08"])  # fmt: skip
    assert flags == []


@pytest.mark.parametrize(("text", "day"), [
    ("The blaze started at 7pm last night.", "2007-11-02"),
    ("Last night, a man was arrested.", "2007-11-02"),
    ("It was the last night of the festival.", None),  # a last night of something, not yesterday's
    ("She spent her last night in Leeds.", None),
])  # fmt: skip
def test_last_night_is_the_day_before(text, day):
    from factcheck.normalize import parse
    from factcheck.normalize.values import DateValue

    dates = [v for v in parse(text, "2007-11-03") if isinstance(v, DateValue)]
    assert [str(d.range.start) for d in dates if d.range] == ([day] if day else [])


# ---- posts: a standing in other words, a rank, whose post it is


@pytest.mark.parametrize(("a", "b", "verdict"), [
    ("acting director of finance", "Interim Director of Finance", "corroborated"),  # both hold it for now
    ("the council's acting chief constable", "temporary chief constable", "corroborated"),
    ("Kirklees Council's deputy finance officer", "interim director of finance", "possible"),  # other posts
    ("Kirklees Council's deputy director of finance", "acting director of finance", "conflict"),  # another rank
    ("interim chief executive", "chief executive", "conflict"),  # a source that drops 'interim' misstates it
    ("Acme's general manager", "Bolt's general manager", "consistent"),  # posts at two bodies
])  # fmt: skip
def test_a_post_held_for_now_is_one_standing_in_any_words(a, b, verdict):
    from factcheck.judge.roles import judge_roles
    from factcheck.normalize.claims import TextValue

    assert judge_roles(TextValue("role", a, a.lower()), TextValue("role", b, b.lower()))[0].value == verdict


def test_a_post_written_with_its_owner_before_a_name_is_proposed_and_compared(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": "Kirklees Council’s interim director of finance, Priya Nand, has issued the notice.\n",
        "b.txt": "The notice came from Priya Nand, the council’s acting director of finance and Section 151 Officer.\n",
        "c.txt": "Priya Nand, Kirklees Council’s deputy director of finance, told councillors on Thursday.\n",
    })  # fmt: skip
    found = extract_and_verify(root, runner)
    flagged = flagged_sets(found, prop="role")
    assert flagged and all(any("deputy" in v for v in values) for values in flagged)  # interim = acting


# ---- counts of one thing the story tells of, whoever the subject was guessed to be


def test_two_counts_of_one_thing_are_compared_and_counts_of_people_are_not(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": "The crew struck five warehouses in two weeks, loading vans and driving off before Kent Police came.\n",
        "b.txt": "Little was recovered from the four warehouses, detectives told Maidstone Crown Court.\n",
        "c.txt": "Kent Police said the crew had struck five warehouses.\n",  # agrees
    })  # fmt: skip
    found = extract_and_verify(root, runner)
    assert sorted(sorted(v) for v in flagged_sets(found)) == [["five", "four"], ["five", "four"]]


def test_a_body_s_name_does_not_take_the_words_before_it(tmp_path):
    from factcheck.models import Entity
    from factcheck.text.entities import EntityIndex, find_mentions

    text = ("They fled in minutes before police could respond, detectives told Maidstone Crown Court, and drove "
            "off before Kent Police came.")
    names = {m.text for m in find_mentions(text, EntityIndex([Entity("x", "Xavier Lowe", (), "person")]))}
    assert {"Maidstone Crown Court", "Kent Police"} <= names and not any("before" in n or "told" in n for n in names)


# ---- dates: a deadline, a date in another clause


def test_a_deadline_holds_for_a_day_before_it_and_not_after(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": "Slough Borough Council, which has a £470 million deficit, will issue the notice before Christmas.\n",
        "b.txt": "Slough Borough Council will issue the notice today, a week before Christmas.\n",
        "c.txt": "Slough Borough Council said it would issue the notice on 28 December.\n",
    }, ["2022-12-08", "2022-12-18", "2022-12-20"])  # fmt: skip
    from factcheck.normalize.claims import DEADLINE

    assert DEADLINE.match("before Christmas") and not DEADLINE.match("the day before")
    found = extract_and_verify(root, runner)
    assert not any("today" in values for values in flagged_sets(found))


def test_a_date_is_its_own_clauses_event_not_the_next_clauses(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": ("The eight men from Leicester all pleaded guilty to the thefts between May and July 2019 and were "
                  "sentenced at Leicester Crown Court on Friday.\n"),
        "b.txt": "Eight men have admitted theft at Leicester Crown Court and will be sentenced tomorrow.\n",
    }, ["2019-11-09", "2019-11-07"])  # fmt: skip
    found = extract_and_verify(root, runner)
    assert not any("between May and July 2019" in values for values in flagged_sets(found))


# ---- figures one apart in their last place


@pytest.mark.parametrize(("a", "b", "verdict"), [
    ("£469m", "£470 million", "rounding"),  # one cut short, one rounded: £469.6m
    ("£1.2bn", "£1.3 billion", "rounding"),
    ("8.6", "8.7", "possible"),  # a magnitude to one place is a measure, not a figure cut short
    ("£468m", "£470m", "conflict"),  # two apart is no rounding
    ("42", "43", "conflict"),  # a count is exact as written
    ("£7m", "£7.6 million", "conflict"),  # not the same place
])  # fmt: skip
def test_figures_one_apart_in_their_last_place_are_rounding(a, b, verdict):
    from factcheck.judge.verdicts import judge
    from factcheck.models import Claim
    from factcheck.normalize import parse_value
    from factcheck.normalize.claims import ClaimValue

    def cv(value: str, name: str) -> ClaimValue:
        return ClaimValue(Claim(name, f"{name}.txt", value, "s", "p", value), None, parse_value(value), None, "", ())

    judged = judge(cv(a, "a"), cv(b, "b"))
    assert judged is not None and judged[0].value == verdict


def test_one_source_giving_two_counts_of_one_thing_is_flagged_within_it(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": ("The crew carried out nine burglaries in a month, escaping before Cumbria Police could respond.\n\n"
                  "Little was recovered from the eight burglaries, leaving the crew with £40,000.\n"),
        "b.txt": "Little had been recovered from the eight burglaries, Carlisle Crown Court heard.\n",
        "c.txt": ("The crew carried out nine burglaries, escaping in a van.\n\n"
                  "Another two burglaries failed when alarms went off.\n"),  # a part: another set, not the total
    })  # fmt: skip
    found = extract_and_verify(root, runner)
    pairs = [(values, sources) for values, sources in zip(flagged_sets(found), flagged_sets(found, "source"),
                                                           strict=True)]  # fmt: skip
    assert ({"nine", "eight"}, {"a.txt"}) in pairs  # a contradicts itself
    assert not any("two" in values for values, _ in pairs)


def test_whom_a_speaker_told_is_not_the_speaker(tmp_path, runner):
    from factcheck.actions.extract.statements import _TOLD

    assert _TOLD.search("she told the ") and _TOLD.search("he said to ") and not _TOLD.search("Holt said ")
    root = _project(tmp_path, {
        "a.txt": ("Prime Minister Dana Holt spoke after the vote.\n\n"
                  "\"We are deeply shocked by this senseless act,\" she told Parliament.\n"),
    })  # fmt: skip
    extract_and_verify(root, runner)
    claims = (root / "claims" / "a.yaml").read_text(encoding="utf-8")
    assert 'subject: "Dana Holt"\n    property: "said"' in claims and 'subject: "Parliament"' not in claims


# ---- who owns the building


def test_an_owner_given_as_a_former_owner_or_another_owner_is_flagged(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": "Crews entered the warehouse, owned by the company Harlow Foods, shortly before the roof fell.\n",
        "b.txt": "The warehouse's previous owners, Harlow Foods, were fined last year.\n",
        "c.txt": "The fire destroyed a depot owned by Pellow Logistics Ltd, police said.\n",
        "d.txt": "The factory, owned by Harlow Foods, had no sprinklers.\n",  # agrees with a
    }, ["2019-02-01", "2019-02-02", "2019-02-02", "2019-02-03"])  # fmt: skip
    found = extract_and_verify(root, runner)
    flagged = flagged_sets(found, prop="owned by")
    assert {"the company Harlow Foods", "previous owners, Harlow Foods"} in flagged
    assert {"the company Harlow Foods", "Pellow Logistics Ltd"} in flagged
    assert not any({"the company Harlow Foods", "Harlow Foods"} == v for v in flagged)


@pytest.mark.parametrize(("a", "b", "verdict"), [
    ("the company Harlow Foods", "Harlow Foods", "corroborated"),
    ("previous owners, Harlow Foods", "Pellow Logistics Ltd", "consistent"),  # the old owner and the new
    ("Harlow Foods", "former owner, Harlow Foods", "conflict"),
    ("Harlow Foods", "Pellow Logistics", "possible"),
])  # fmt: skip
def test_owners_are_read_as_written(a, b, verdict):
    from factcheck.judge.wordfacts import judge_word_fact
    from factcheck.normalize.claims import TextValue

    judged = judge_word_fact("owned by", TextValue("text", a, a.lower()), TextValue("text", b, b.lower()))
    assert judged is not None and judged[0].value == verdict


def test_a_house_owned_by_a_relative_is_not_an_owner_claim(tmp_path, runner):
    root = _project(tmp_path, {"a.txt": "The site was owned by his mother until Tom Reed paid £4m for it in 2001.\n"})
    extract_and_verify(root, runner)
    claims = (root / "claims" / "a.yaml").read_text(encoding="utf-8")
    assert "£4m" in claims and 'property: "owned by"' not in claims


@pytest.mark.parametrize(("a", "b"), [("six months", "five months"), ("4,600", "4,700"), ("4.6%", "4.7%")])
def test_whole_units_one_apart_are_no_rounding(a, b):
    from factcheck.judge.verdicts import _ROUNDED

    assert not (_ROUNDED.search(a) and _ROUNDED.search(b))


@pytest.mark.parametrize(("text", "code"), [
    ("a variant that used Xeon E3-1260L processors", True),  # a model's number, not 1260 processors
    ("they shipped 1260 processors", False),
    ("she ran a 10K race", False),  # ten thousand metres
])  # fmt: skip
def test_a_letter_written_onto_a_number_names_a_model(text, code):
    from factcheck.actions.extract.noise import is_code
    from factcheck.normalize import parse

    values = [v for v in parse(text) if v.kind == "number"]
    assert values and is_code(text, values[0]) is code
