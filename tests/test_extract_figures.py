"""Figures, dates and times on real news, class by class (issue 15): what a figure measures, which
figures pair, and the verdict a reader would give. Each class is written in our own sentences, with
cases that must be flagged and cases that must not."""

from __future__ import annotations

from pathlib import Path

from samples import extract_and_verify, news_project

from factcheck.actions.extract import propose

FLAGS = ("conflict", "possible")


def _project(tmp_path: Path, texts: dict[str, tuple[str, str | None]]) -> Path:
    return news_project(tmp_path, texts, "story")


def _flags(root: Path, runner) -> list[dict]:
    return [d for d in extract_and_verify(root, runner)["discrepancies"] if d["verdict"] in FLAGS]


def _flagged(flags: list[dict]) -> set[frozenset[str]]:
    return {frozenset(c["value"] for c in f["claims"]) for f in flags}


def _by_value(root: Path) -> dict[str, object]:
    return {c.value: c for c in propose(root).claims}


# -- a figure that reads as a year on its own is a count when a plural noun follows it ----------------


def test_a_four_digit_count_before_a_plural_noun_is_a_count_not_a_year(tmp_path):
    root = _project(tmp_path, {
        "a.txt": ("The inquiry has looked at the records of 1862 families since it began.\n"
                  "Inspectors traced the files of 1204 patients to one ward.\n"
                  "The fund paid out to 2015 households over the winter.\n", "2022-03-09"),
    })  # fmt: skip
    claims = _by_value(root)
    assert claims["1862"].kind == "number" and claims["1862"].property == "families"
    assert claims["1204"].kind == "number" and claims["1204"].property == "patients"
    assert claims["2015"].kind == "number" and claims["2015"].property == "households"


def test_a_year_on_its_own_is_still_a_date(tmp_path):
    root = _project(tmp_path, {"a.txt": ("Oakfield Hospital closed its maternity ward in 1998.\n", "2022-03-09")})
    assert _by_value(root)["1998"].kind == "date"


def test_two_counts_of_one_review_disagree_though_one_names_the_years_it_covered(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": ("The panel reviewing the hospital trust has examined 2,310 cases between 1998 and 2016.\n",
                  "2021-05-20"),
        "b.txt": ("The panel reviewing the hospital trust has been examining 2,790 cases.\n", "2021-05-02"),
    })  # fmt: skip
    assert frozenset({"2,310", "2,790"}) in _flagged(_flags(root, runner))


def test_figures_for_two_stated_years_are_still_a_change(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": ("The county council overspent by £12m in 2016/17, its auditors said.\n", "2019-05-20"),
        "b.txt": ("The county council overspent by £4m in 2018/19, its auditors said.\n", "2019-06-02"),
    })  # fmt: skip
    assert _flagged(_flags(root, runner)) == set()


# -- a hedge widens a figure for rounding, not past a bound another source states ---------------------


def test_an_approximate_figure_below_a_stated_minimum_is_a_conflict(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": ("The charity said some 8,000 people displaced by the floods were in its shelters.\n"
                  "The storm killed about 60 people across the islands, officials said.\n", "2020-02-03"),
        "b.txt": ("The charity said more than 9,000 people displaced by the floods were in its shelters.\n"
                  "The storm killed at least 66 people across the islands, officials said.\n", "2020-02-03"),
    })  # fmt: skip
    flagged = _flagged(_flags(root, runner))
    assert frozenset({"some 8,000", "more than 9,000"}) in flagged
    assert frozenset({"about 60", "at least 66"}) in flagged


def test_an_approximate_figure_inside_the_bound_is_no_alarm(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": ("The charity said about 420 people displaced by the floods were in its shelters.\n"
                  "Around 100 people were rescued from the roofs, the coastguard said.\n", "2020-02-03"),
        "b.txt": ("The charity said more than 400 people displaced by the floods were in its shelters.\n"
                  "More than 100 people were rescued from the roofs, the coastguard said.\n", "2020-02-03"),
    })  # fmt: skip
    assert _flags(root, runner) == []


# -- a word for many is not a figure to hold another source to -----------------------------------------


def test_a_vague_count_is_not_flagged_against_a_figure(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": ("Dozens of villagers were injured when the bridge gave way, the district office said.\n"
                  "Several houses were flattened by the landslide near the river.\n", "2020-02-03"),
        "b.txt": ("More than 200 villagers were injured when the bridge gave way, the district office said.\n"
                  "Eleven houses were flattened by the landslide near the river.\n", "2020-02-03"),
    })  # fmt: skip
    assert _flags(root, runner) == []


# -- "put the crowd at 30,000": what the estimate is of ------------------------------------------------


def test_an_estimate_put_at_a_figure_measures_what_was_put(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": ("Northvale Police put the rally, held on the eve of the vote, at roughly 40,000 people.\n"
                  "Northvale Police estimated the death toll at 31.\n", "2020-02-03"),
        "b.txt": ("Northvale Police said as many as 25,000 people marched through the capital before the vote.\n"
                  "At least 45 people were killed, Northvale Police said.\n", "2020-02-03"),
    })  # fmt: skip
    claims = _by_value(root)
    assert claims["roughly 40,000"].property == "crowd size"
    assert claims["31"].property == "deaths"
    flagged = _flagged(_flags(root, runner))
    assert frozenset({"roughly 40,000", "as many as 25,000"}) in flagged


# -- times of day --------------------------------------------------------------------------------------


def test_one_school_named_two_ways_gives_two_times_of_its_attack(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": ("The mortar hit the Hill Road boys school in the camp at 10.40am on Monday, killing 12.\n",
                  "2019-04-02"),
        "b.txt": ("Two rounds struck Al Noor, a boys secondary school in the camp, at about 10am on Monday.\n",
                  "2019-04-02"),
    })  # fmt: skip
    assert frozenset({"10.40am", "10am"}) in _flagged(_flags(root, runner))


def test_two_bodies_with_nothing_in_their_names_in_common_stay_apart(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": ("The Riverside primary school closed at 2pm on Monday after the flood warning.\n", "2019-04-02"),
        "b.txt": ("The Northgate fire station closed at 4pm on Monday after the flood warning.\n", "2019-04-02"),
    })  # fmt: skip
    assert _flags(root, runner) == []


def test_a_time_in_brackets_after_a_time_is_the_same_moment_in_another_zone(tmp_path):
    root = _project(tmp_path, {
        "a.txt": ("The rocket landed at about 3pm on Tuesday (1am yesterday in Sydney), the army said.\n"
                  "The ferry sank at 0915 GMT (5.15pm local time) off the coast.\n", "2019-04-03"),
    })  # fmt: skip
    values = set(_by_value(root))
    assert {"3pm", "0915 GMT"} <= values
    assert not {"1am", "yesterday", "5.15pm", "5.15pm local time"} & values


# -- a rank or a label does not take the date beside it: the date is the event's -----------------------


def test_the_date_beside_a_rank_is_the_date_of_the_event(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": ("Westbury Council, which issued its second 114 notice last year, has raised council tax.\n",
                  "2023-06-07"),
        "b.txt": ("Westbury Council issued its second section 114 notice in November 2021, the report said.\n",
                  "2023-06-20"),
    })  # fmt: skip
    claims = _by_value(root)
    assert claims["last year"].kind == "date" and claims["November 2021"].kind == "date"
    assert frozenset({"last year", "November 2021"}) in _flagged(_flags(root, runner))


def test_a_count_still_takes_the_date_beside_it(tmp_path):
    root = _project(tmp_path, {"a.txt": ("The trust overspent by £35m in 2017, and 45 patients died in 2018.\n",
                                         "2020-06-20")})  # fmt: skip
    claims = _by_value(root)
    assert claims["£35m"].period == "2017" and claims["45"].period == "2018"
    assert "2017" not in claims


# -- rounds fired and times hit are two counts of one shooting -----------------------------------------


def test_shots_fired_and_times_hit_are_measured_apart(tmp_path):
    root = _project(tmp_path, {
        "a.txt": ("Two Harbour Town officers fired 14 shots, and nine bullets struck the driver, Lee Moss.\n"
                  "Lee Moss was hit by nine bullets, the coroner said.\n"
                  "Lee Moss was shot six times, Harbour Town police said.\n"
                  "A rifle loaded with five bullets lay in the car of Lee Moss.\n"
                  "Officers fired a total of 20 rounds at the car of Lee Moss.\n", "2015-06-02"),
    })  # fmt: skip
    by_quote = {(c.quote, c.value): c.property for c in propose(root).claims}
    props = {v: p for (_q, v), p in by_quote.items()}
    assert props["14"] == "shots fired" and props["20"] == "shots fired"
    assert props["six"] == "times hit"
    assert {p for (q, v), p in by_quote.items() if v == "nine"} == {"times hit"}
    assert props["five"] == "bullets"


def test_two_counts_of_shots_fired_disagree_but_fired_and_hit_do_not(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": ("Harbour Town police said the two officers fired 14 shots at Lee Moss.\n", "2015-06-02"),
        "b.txt": ("The coroner said Lee Moss was hit by nine of the 16 bullets fired by the officers.\n"
                  "Nine bullets struck Lee Moss, the coroner said.\n", "2015-06-03"),
        "c.txt": ("Lee Moss was shot 12 times by the Harbour Town officers, his family said.\n", "2015-06-03"),
    })  # fmt: skip
    flagged = _flagged(_flags(root, runner))
    assert frozenset({"14", "16"}) in flagged
    assert frozenset({"Nine", "12"}) in flagged or frozenset({"nine", "12"}) in flagged
    assert not any({"14", "16"} & f and {"nine", "Nine", "12"} & f for f in flagged)


# -- a distance says where a thing lies: two things, two distances -------------------------------------


def test_distances_of_two_things_from_one_town_are_not_compared(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": ("The Millbrook depot is about 12 miles east of Carford, Millbrook police said.\n", "2016-01-05"),
        "b.txt": ("A lorry driver 40 miles east of Carford saw the van, Millbrook police said.\n"
                  "Officers stopped the van near Dunmore, about 35 miles east of Carford, Millbrook police said.\n",
                  "2016-01-05"),
    })  # fmt: skip
    assert _flags(root, runner) == []


def test_one_thing_placed_at_two_distances_is_flagged(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": ("The Millbrook depot is about 12 miles east of Carford, Millbrook police said.\n", "2016-01-05"),
        "b.txt": ("The Millbrook depot is 30 miles east of Carford, Millbrook police said.\n", "2016-01-05"),
    })  # fmt: skip
    assert frozenset({"about 12", "30"}) in _flagged(_flags(root, runner))


# -- side counts: increments and groups ----------------------------------------------------------------


def test_two_increments_to_counts_the_words_do_not_give_are_not_compared(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": ("Another three people died in hospital in the district, the Westvale health office said.\n",
                  "2018-09-10"),
        "b.txt": ("Five other people died in hospital in the district, the Westvale health office said.\n",
                  "2018-09-10"),
    })  # fmt: skip
    assert _flags(root, runner) == []


def test_a_count_of_one_group_is_not_held_against_a_count_of_all_people(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": ("Four pupils were killed when the roof collapsed, the Westvale health office said.\n", "2018-09-10"),
        "b.txt": ("Nine people were killed when the roof collapsed, the Westvale health office said.\n"
                  "Seven pupils were killed when the roof collapsed, the Westvale health office said.\n", "2018-09-10"),
    })  # fmt: skip
    flagged = _flagged(_flags(root, runner))
    assert frozenset({"Four", "Seven"}) in flagged
    assert frozenset({"Four", "Nine"}) not in flagged


# -- a date that belongs to another clause -------------------------------------------------------------


def test_a_when_clause_after_an_old_date_happened_then(tmp_path):
    root = _project(tmp_path, {
        "a.txt": ("The rebels broke the truce on 2 March 2015, when Northern Army troops killed eight fighters.\n",
                  "2016-01-05"),
    })  # fmt: skip
    assert _by_value(root)["eight"].as_of == "2 March 2015"


def test_an_old_date_in_a_clause_after_the_figure_is_not_its_time(tmp_path):
    root = _project(tmp_path, {
        "a.txt": ("The 5.8-magnitude quake shook a region of Ardent Province that was flattened by floods in 2009.\n",
                  "2016-01-05"),
    })  # fmt: skip
    claims = _by_value(root)
    assert claims["5.8"].period is None and claims["5.8"].as_of is None


def test_several_dozen_is_not_a_count_of_twelve(tmp_path):
    root = _project(tmp_path, {
        "a.txt": ("Several dozen people were hurt in the crush at Eastgate Stadium, its owners said.\n"
                  "A few hundred fans waited outside Eastgate Stadium.\n", "2018-09-10"),
    })  # fmt: skip
    assert not {"dozen", "hundred", "several", "A few"} & set(_by_value(root))


# -- the place a figure's verb acts on is where it holds: "hit the school in Marwa camp" ----------------


def test_a_place_the_figure_acts_on_is_its_scope_with_the_place_around_it(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": ("Two mortar rounds wrecked the hospital in Marwa camp, spraying glass over the patients, the Marwa health office said.\n",
                  "2019-04-02"),
        "b.txt": ("The Marwa health office said four mortar rounds fell at the gate of the hospital.\n", "2019-04-02"),
    })  # fmt: skip
    assert frozenset({"Two", "four"}) in _flagged(_flags(root, runner))


def test_rounds_that_hit_two_different_places_are_not_compared(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": ("Two mortar rounds hit the hospital in Marwa camp, the Marwa health office said.\n", "2019-04-02"),
        "b.txt": ("Four mortar rounds hit a house in Dera village, the Marwa health office said.\n", "2019-04-02"),
    })  # fmt: skip
    assert _flags(root, runner) == []


# -- a sum in one form of payment is a part; in every form, the whole ---------------------------------


def test_a_price_in_cash_and_stock_is_the_whole_not_its_cash_part(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": ("Halden Bank will pay $410 million in cash and stock for Kettle Labs, Halden Bank said.\n", "2022-03-01"),
        "b.txt": ("Halden Bank said $352 million of the price for Kettle Labs will be paid in cash.\n"
                  "Halden Bank will pay $352m in cash and $58m in shares for Kettle Labs, Halden Bank said.\n", "2022-03-01"),
    })  # fmt: skip
    assert _flags(root, runner) == []


def test_two_prices_in_cash_and_stock_are_compared(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": ("Halden Bank will pay $410 million in cash and stock for Kettle Labs, Halden Bank said.\n", "2022-03-01"),
        "b.txt": ("Halden Bank will pay $450 million in stock and cash for Kettle Labs, Halden Bank said.\n", "2022-03-01"),
    })  # fmt: skip
    assert frozenset({"$410 million", "$450 million"}) in _flagged(_flags(root, runner))


# -- a measure of one event (a quake's magnitude) never changes: the date beside it is the event's ------


def test_one_quakes_magnitude_dated_two_ways_is_a_disagreement_not_a_change(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": ("In March last year a 7.1-magnitude quake struck 300 kilometres off Port Reyes, the Pacific "
                  "Geophysics Agency said.\n", "2024-02-10"),
        "b.txt": ("A 7.3-magnitude earthquake also hit off Port Reyes in April 2023, the Pacific Geophysics "
                  "Agency said.\n", "2024-02-10"),
    })  # fmt: skip
    assert frozenset({"7.1", "7.3"}) in _flagged(_flags(root, runner))


def test_a_count_dated_two_ways_is_still_a_change(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": ("In March last year the Pacific Geophysics Agency had 300 staff, the agency said.\n", "2024-02-10"),
        "b.txt": ("The Pacific Geophysics Agency had 420 staff in January 2024, the agency said.\n", "2024-02-10"),
    })  # fmt: skip
    assert frozenset({"300", "420"}) not in _flagged(_flags(root, runner))


def test_magnitudes_of_quakes_years_apart_are_two_events(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": ("A 6.2-magnitude quake struck off Port Reyes on Tuesday, the Pacific Geophysics Agency said.\n",
                  "2024-02-10"),
        "b.txt": ("In 2009 a 7.9-magnitude quake struck off Port Reyes, the Pacific Geophysics Agency said.\n"
                  "A 6.2-magnitude earthquake hit off Port Reyes on Tuesday, the Pacific Geophysics Agency said.\n",
                  "2024-02-10"),
    })  # fmt: skip
    assert _flags(root, runner) == []


# -- a date set off by a comma dates the clause before it; an event in several words is still an event ----


def test_a_date_after_a_comma_dates_the_event_of_the_clause_before(tmp_path):
    root = _project(tmp_path, {
        "a.txt": ("A landslide buried the Kerrow road, killing three drivers, on Sunday, the Kerrow council said.\n"
                  "Two climbers lost their lives on Saturday, the Kerrow council said.\n"
                  "The mayor of Kerrow stepped down on Friday, the Kerrow council said.\n", "2020-11-03"),
    })  # fmt: skip
    claims = _by_value(root)
    from factcheck.text.vocabulary import terms

    for value in ("Sunday", "Saturday", "Friday"):
        assert any(t.startswith("~") for t, _s, _e in terms(claims[value].property)), claims[value].property


def test_one_toll_dated_on_two_days_is_flagged(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": ("A landslide buried the Kerrow road, killing three drivers, on Sunday, the Kerrow council said.\n",
                  "2020-11-03"),
        "b.txt": ("Three drivers lost their lives on Saturday when a landslide buried the Kerrow road, the Kerrow "
                  "council said.\n", "2020-11-03"),
    })  # fmt: skip
    assert frozenset({"Sunday", "Saturday"}) in _flagged(_flags(root, runner))


def test_one_toll_dated_one_day_two_ways_is_no_alarm(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": ("A landslide buried the Kerrow road, killing three drivers, on Sunday, the Kerrow council said.\n",
                  "2020-11-03"),
        "b.txt": ("Three drivers lost their lives on 1 November when a landslide buried the Kerrow road, the Kerrow "
                  "council said.\n", "2020-11-03"),
    })  # fmt: skip
    assert _flags(root, runner) == []


# -- who speaks, with their post and body, is not what the words they report are about ----------------


def test_the_speakers_body_is_not_the_subject_of_the_figures_they_report(tmp_path):
    root = _project(tmp_path, {
        "a.txt": ("Mara Lindqvist, head of relief for KARA, the Kestrel Aid and Relief Agency, said that two rockets "
                  "hit the hospital where 200 people were sheltering.\n", "2019-04-02"),
    })  # fmt: skip
    claims = _by_value(root)
    assert claims["200"].subject == "hospital"
    assert claims["two"].subject == "hospital"


# -- a person and the body named after them ("Holt's panel") are one subject --------------------------


def test_a_person_and_their_own_panel_are_one_subject(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": ("Senior surgeon Mira Holt has examined the cases of 1,204 patients as part of her inquiry.\n",
                  "2021-05-04"),
        "b.txt": ("Holt's panel said on Monday it had finished its work.\n\n"
                  "It examined cases involving 1,090 patients between 2010 and 2020, and reviewed 300 complaints.\n",
                  "2021-05-04"),
    })  # fmt: skip
    assert frozenset({"1,204", "1,090"}) in _flagged(_flags(root, runner))


def test_another_persons_panel_is_another_subject(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": ("Senior surgeon Mira Holt has examined the cases of 1,204 patients as part of her inquiry.\n",
                  "2021-05-04"),
        "b.txt": ("Senior surgeon Kay Brand leads a second review. Brand's panel said on Monday it had finished.\n\n"
                  "It examined cases involving 1,090 patients between 2010 and 2020, and reviewed 300 complaints.\n",
                  "2021-05-04"),
    })  # fmt: skip
    assert frozenset({"1,204", "1,090"}) not in _flagged(_flags(root, runner))


# -- a count after an event (", killing seven") holds where that event happened --------------------------


def test_tolls_of_events_in_two_places_are_not_compared(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": ("Earlier that day, a rocket hit a house in the Dera camp, killing at least six people, the Marwa "
                  "health office said.\n", "2019-04-02"),
        "b.txt": ("Two people were killed when a rocket hit a UN school in the southern town of Kessa, the Marwa health office "
                  "said.\n", "2019-04-02"),
    })  # fmt: skip
    assert _flags(root, runner) == []


def test_tolls_of_one_event_told_two_ways_are_compared(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": ("Earlier that day, a rocket hit a house in the Dera camp, killing at least six people, the Marwa "
                  "health office said.\n", "2019-04-02"),
        "b.txt": ("Two people were killed when a rocket hit a house in the Dera camp, the Marwa health office "
                  "said.\n", "2019-04-02"),
    })  # fmt: skip
    assert frozenset({"at least six", "Two"}) in _flagged(_flags(root, runner))
