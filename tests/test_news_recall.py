"""More real discrepancies after `extract`, class by class (issue 15): who an opening date's clause is about,
the date of a sale beside its price, a name respelled by a final s. Each class in our own sentences, with
cases that must be flagged and cases that agree and must stay quiet."""

from __future__ import annotations

from pathlib import Path

from samples import extract_and_verify, flagged_sets, news_project

from factcheck.actions.extract import propose


def _report(tmp_path: Path, runner, texts: dict[str, tuple[str, str | None]]) -> dict:
    return extract_and_verify(news_project(tmp_path, texts, "story"), runner)


def _claims(tmp_path: Path, texts: dict[str, tuple[str, str | None]]) -> list:
    return list(propose(news_project(tmp_path, texts, "story")).claims)


# -- "In 1970, he was indicted": the clause an opening date belongs to is about the person "he" points to ----


def test_an_opening_date_before_he_or_she_is_dated_for_the_person_named_before(tmp_path):
    claims = _claims(tmp_path, {
        "a.txt": ("Marko Penn ran the scrapyard at Eastwick for a decade.\n"
                  "In 2011, he was convicted of handling stolen copper from the Eastwick rail depot.\n"
                  "Ilsa Dorn took over the Fenwick Bakery in Castleford.\n"
                  "On 3 March 2015, she sold the bakery to a chain.\n", "2019-05-02"),
    })  # fmt: skip
    by_value = {c.value: c for c in claims}
    assert by_value["2011"].subject == "Marko Penn"
    assert by_value["3 March 2015"].subject == "Ilsa Dorn"


def test_a_conviction_dated_two_ways_for_one_person_is_flagged(tmp_path, runner):
    report = _report(tmp_path, runner, {
        "a.txt": ("Marko Penn ran the scrapyard at Eastwick for a decade. In 2011, he was convicted of handling "
                  "stolen copper.\n", "2019-05-02"),
        "b.txt": ("Marko Penn was convicted of handling stolen copper in 2012, Eastwick police said.\n", "2019-05-03"),
    })  # fmt: skip
    assert {"2011", "2012"} in flagged_sets(report)


def test_a_place_that_opens_the_sentence_does_not_hand_its_date_to_he(tmp_path):
    claims = _claims(tmp_path, {
        "a.txt": ("Marko Penn ran the scrapyard at Eastwick.\n"
                  "In Leeds in 2011, he opened a second yard with Harwell Metals.\n", "2019-05-02"),
    })  # fmt: skip
    assert all(c.subject != "Marko Penn" for c in claims if c.value == "2011")


def test_the_same_conviction_year_told_twice_stays_quiet(tmp_path, runner):
    report = _report(tmp_path, runner, {
        "a.txt": ("Marko Penn ran the scrapyard at Eastwick. In 2011, he was convicted of handling stolen "
                  "copper.\n", "2019-05-02"),
        "b.txt": ("Marko Penn was convicted of handling stolen copper in 2011, Eastwick police said.\n", "2019-05-03"),
    })  # fmt: skip
    assert flagged_sets(report) == []


# -- a price beside a date dates the deal: "sold for $30 million in 1967" is a date of the sale ------------------


def test_the_date_beside_a_sale_price_is_a_date_of_the_sale(tmp_path):
    claims = _claims(tmp_path, {
        "a.txt": ("The Harwell family sold the Mill Lane depot for a reported £4.2 million in 2011, using the "
                  "money to build a hotel.\n", "2019-05-02"),
    })  # fmt: skip
    by_value = {c.value: c for c in claims}
    assert by_value["£4.2 million"].property == "cost" and by_value["£4.2 million"].period == "2011"
    assert by_value["2011"].kind == "date" and by_value["2011"].property == "sold"


def test_one_sale_at_one_price_dated_years_apart_is_flagged(tmp_path, runner):
    report = _report(tmp_path, runner, {
        "a.txt": ("The Harwell family sold the Mill Lane depot for a reported £4.2 million in 2011, using the "
                  "money to build a hotel.\n", "2019-05-02"),
        "b.txt": ("Their firm built the Mill Lane depot, which the family sold for £4.2 million in 2014.\n",
                  "2019-05-03"),
    })  # fmt: skip
    assert {"2011", "2014"} in flagged_sets(report)


def test_a_purchase_dated_in_two_years_by_two_councils_reports_is_flagged(tmp_path, runner):
    report = _report(tmp_path, runner, {
        "a.txt": ("Brackton Council bought the Orchard Centre in 2016 for £45m.\n", "2021-05-02"),
        "b.txt": ("Brackton Council bought the Orchard Centre for £45m in March 2017.\n", "2021-05-03"),
    })  # fmt: skip
    assert {"2016", "March 2017"} in flagged_sets(report)


def test_a_purchase_and_a_later_sale_at_other_prices_stay_apart(tmp_path, runner):
    report = _report(tmp_path, runner, {
        "a.txt": ("Brackton Council bought the Orchard Centre for £45m in 2016.\n", "2023-05-02"),
        "b.txt": ("Brackton Council sold the Orchard Centre for £21m in 2022.\n", "2023-05-03"),
    })  # fmt: skip
    assert flagged_sets(report) == []


def test_a_sum_that_held_at_a_time_is_still_only_dated(tmp_path):
    claims = _claims(tmp_path, {
        "a.txt": ("Brackton Council overspent by £4m in 2019, its auditors said.\n", "2021-05-02"),
    })  # fmt: skip
    assert "2019" not in {c.value for c in claims}


# -- a name respelled by a final s: "Roberts" and "Robert" are two spellings, "CPU" and "CPUs" one thing -------


def test_a_surname_written_with_and_without_a_final_s_is_flagged(tmp_path, runner):
    report = _report(tmp_path, runner, {
        "a.txt": ("The shop was robbed by a man who threatened the owner, Dean Roberts, with a hammer.\n",
                  "2019-05-02"),
        "b.txt": ("Shop owner Dean Robert said the man threatened him with a hammer.\n", "2019-05-03"),
    })  # fmt: skip
    assert {"Dean Roberts", "Dean Robert"} in flagged_sets(report, prop="name")


def test_one_thing_and_many_in_capitals_are_not_a_respelling(tmp_path, runner):
    report = _report(tmp_path, runner, {
        "a.txt": ("Each Harwell GPU draws 300 watts, Harwell said.\n", "2019-05-02"),
        "b.txt": ("The Harwell GPUs draw 300 watts each, Harwell said.\n", "2019-05-03"),
    })  # fmt: skip
    assert flagged_sets(report, prop="name") == []


def test_a_plural_of_a_word_for_one_who_does_something_is_not_a_respelling(tmp_path, runner):
    report = _report(tmp_path, runner, {
        "a.txt": ("Tom Hale, a Harwell Forester, found the car in the woods.\n", "2019-05-02"),
        "b.txt": ("Harwell Foresters found the car in the woods on Friday.\n", "2019-05-03"),
    })  # fmt: skip
    assert flagged_sets(report, prop="name") == []


# -- "he" points back to who the last sentence was about, not to whom something was done --------------------


def test_he_points_back_to_the_subject_not_to_the_person_shot(tmp_path):
    claims = _claims(tmp_path, {
        "a.txt": ("In 1957 Dario Venn was charged with attempted murder in the shooting of Frank Orsini. "
                  "A year later, he was convicted of assault.\n", "2019-05-02"),
    })  # fmt: skip
    assert {c.subject for c in claims if c.value == "A year later"} == {"Dario Venn"}


# -- what a fire or a robbery story tells: the time it broke out, who went to hospital, what was stolen ------


FIRE_A = ("Fire crews were called to a blaze at a block of flats on Carr Road in Eastwick at 2.15am on Monday.\n"
          "Two residents were taken to hospital with smoke inhalation.\n")
FIRE_B = ("Firefighters tackled the fire, which broke out at about 2.45am on Monday at the building on Carr Road.\n"
          "Three people were taken to hospital, the fire service said.\n")


def test_the_time_a_fire_broke_out_and_the_time_crews_were_called_to_it_are_one_moment(tmp_path, runner):
    report = _report(tmp_path, runner, {"a.txt": (FIRE_A, "2024-03-05"), "b.txt": (FIRE_B, "2024-03-05")})
    assert {"2.15am", "about 2.45am"} & set().union(*flagged_sets(report, prop="time of the incident"))


def test_the_same_time_of_a_blaze_told_twice_stays_quiet(tmp_path, runner):
    report = _report(tmp_path, runner, {
        "a.txt": ("Fire crews were called to a blaze at a barn on Mill Lane at 11.20pm on Friday.\n", "2024-03-05"),
        "b.txt": ("The fire at the barn on Mill Lane broke out at about 11.20pm on Friday.\n", "2024-03-05"),
    })  # fmt: skip
    assert flagged_sets(report) == []


def test_taken_to_hospital_counts_the_injured(tmp_path):
    claims = _claims(tmp_path, {"a.txt": (FIRE_A, "2024-03-05"), "b.txt": (FIRE_B, "2024-03-05")})
    assert {c.value: c.property for c in claims if c.value in ("Two", "Three")} == {"Two": "injured",
                                                                                   "Three": "injured"}


ROBBERY_A = ("Two men armed with a knife robbed the Spar shop on High Street in Dunmere at about 9.40pm on Tuesday.\n"
             "They escaped with £2,300 in cash and cigarettes, Dunmere Police said.\n")
ROBBERY_B = "Three masked men raided the Spar store on High Street at 9.15pm on Tuesday and stole around £3,000.\n"


def test_robbers_counted_as_men_and_the_time_of_the_raid_are_compared(tmp_path, runner):
    report = _report(tmp_path, runner, {"a.txt": (ROBBERY_A, "2024-06-12"), "b.txt": (ROBBERY_B, "2024-06-12")})
    flagged = flagged_sets(report)
    assert {"Two", "Three"} in flagged
    assert {"9.40pm", "9.15pm"} in flagged


def test_what_was_stolen_is_one_measure_in_other_words(tmp_path):
    claims = _claims(tmp_path, {"a.txt": (ROBBERY_A, "2024-06-12"), "b.txt": (ROBBERY_B, "2024-06-12")})
    assert {c.value: c.property for c in claims if c.kind == "money"} == {"£2,300": "stolen",
                                                                         "around £3,000": "stolen"}


def test_one_gang_counted_the_same_in_other_words_stays_quiet(tmp_path, runner):
    report = _report(tmp_path, runner, {
        "a.txt": ("Two men armed with a knife robbed the Spar shop on High Street in Dunmere on Tuesday night.\n",
                  "2024-06-12"),
        "b.txt": ("Two masked men raided the Spar store on High Street in Dunmere on Tuesday night.\n", "2024-06-12"),
    })  # fmt: skip
    assert flagged_sets(report) == []


# -- two digits swapped: "34" and "43" are one age mistyped, not two people --------------------------------------


def test_an_age_with_its_digits_swapped_is_flagged_for_one_unnamed_man(tmp_path, runner):
    report = _report(tmp_path, runner, {
        "a.txt": ("A 34-year-old man has been arrested on suspicion of arson, Eastwick Police said.\n", "2024-03-05"),
        "b.txt": ("Eastwick Police arrested a 43-year-old man on suspicion of arson.\n", "2024-03-06"),
    })  # fmt: skip
    assert {"34", "43"} in flagged_sets(report)


def test_ages_far_apart_in_other_digits_stay_two_people(tmp_path, runner):
    report = _report(tmp_path, runner, {
        "a.txt": ("A 34-year-old man has been arrested on suspicion of arson, Eastwick Police said.\n", "2024-03-05"),
        "b.txt": ("Eastwick Police arrested a 52-year-old man on suspicion of arson.\n", "2024-03-06"),
    })  # fmt: skip
    assert flagged_sets(report) == []


# -- what a council owes and its debts are one measure ---------------------------------------------------------


def test_debts_and_what_a_council_owes_are_compared(tmp_path, runner):
    report = _report(tmp_path, runner, {
        "a.txt": ("Brackton Borough Council has issued a section 114 notice.\nThe council has debts of £1.4bn, its "
                  "accounts show.\n", "2024-02-20"),
        "b.txt": ("Brackton Council, which owes £1.2bn, declared effective bankruptcy on Monday.\n", "2024-02-21"),
    })  # fmt: skip
    assert {"£1.4bn", "£1.2bn"} in flagged_sets(report)


def test_the_same_debt_told_as_owed_stays_quiet_and_a_small_bill_is_another_thing(tmp_path, runner):
    report = _report(tmp_path, runner, {
        "a.txt": ("Brackton Borough Council has issued a section 114 notice.\nThe council has debts of £1.2bn, its "
                  "accounts show.\n", "2024-02-20"),
        "b.txt": ("Brackton Council, which owes £1.2bn, declared effective bankruptcy on Monday.\n"
                  "Brackton Council also owes £300,000 to a bus operator.\n", "2024-02-21"),
    })  # fmt: skip
    assert flagged_sets(report) == []


# -- a rank said of someone or something: "the third council to issue", "Matt Smith, the 12th Doctor" ------------


def test_two_ranks_of_one_council_among_those_that_issued_a_notice_are_flagged(tmp_path, runner):
    report = _report(tmp_path, runner, {
        "a.txt": ("Brackton Borough Council has issued a section 114 notice.\nBrackton Borough Council is the "
                  "third council in England to issue such a notice this year.\n", "2024-02-20"),
        "b.txt": ("Brackton Council declared effective bankruptcy on Monday.\nIt is the second council to issue a "
                  "section 114 notice in 2024.\n", "2024-02-21"),
    })  # fmt: skip
    assert {"third", "second"} in flagged_sets(report)


def test_a_rank_written_in_digits_beside_a_name_is_the_persons(tmp_path, runner):
    texts = {
        "a.txt": ("The actor Tom Vale, the 12th Warden, will leave the show at Christmas.\n", "2024-02-20"),
        "b.txt": ("Tom Vale joined the series in 2019. He left the cast last year, becoming the 11th Warden to "
                  "quit.\n", "2024-02-21"),
    }  # fmt: skip
    assert {(c.value, c.subject) for c in _claims(tmp_path / "x", texts) if c.property.startswith("warden")} == {
        ("12th", "Tom Vale"), ("11th", "Tom Vale")}
    assert {"12th", "11th"} in flagged_sets(_report(tmp_path, runner, texts))


def test_ranks_of_two_people_or_a_name_with_an_ordinal_stay_quiet(tmp_path, runner):
    report = _report(tmp_path, runner, {
        "a.txt": ("The actor Tom Vale, the 12th Warden, will leave the show at Christmas.\n"
                  "Filming moved to 117th Street in March.\n", "2024-02-20"),
        "b.txt": ("Ann Roe, the 13th Warden, starts filming next year on 118th Street.\n"
                  "It was the first time the show had moved.\n", "2024-02-21"),
    })  # fmt: skip
    assert flagged_sets(report) == []


# -- a hedged time holds within a quarter of an hour: "at about 7 p.m." and "7:01 p.m." are one moment ------------


def test_a_hedged_time_and_a_time_a_minute_later_are_consistent(tmp_path, runner):
    report = _report(tmp_path, runner, {
        "a.txt": ("Raj Chohan was hit at 97th Avenue in Richmond Hill at about 7 p.m. on Friday.\n", "2024-02-20"),
        "b.txt": ("Police responded to the Richmond Hill crash on 97th Avenue at 7:01 p.m. on Friday.\n",
                  "2024-02-21"),
    })  # fmt: skip
    assert flagged_sets(report) == []


def test_two_hedged_times_half_an_hour_apart_are_still_flagged(tmp_path, runner):
    report = _report(tmp_path, runner, {
        "a.txt": ("The gunman came into the Eastfield office at around 10 a.m. and opened fire.\n", "2024-02-20"),
        "b.txt": ("Witnesses heard the gunman open fire in the Eastfield office at around 10:30 a.m.\n",
                  "2024-02-21"),
    })  # fmt: skip
    assert {"10 a.m.", "10:30 a.m."} in flagged_sets(report)


# -- nobody counted: "No one was hurt", "no injuries were reported" are counts of none ----------------------------


def test_no_one_hurt_against_two_injured_is_flagged(tmp_path, runner):
    report = _report(tmp_path, runner, {
        "a.txt": ("No one was hurt in the fire at the Eastwick warehouse, the fire service said.\n", "2024-02-20"),
        "b.txt": ("Two people were injured in the fire at the Eastwick warehouse, the fire service said.\n",
                  "2024-02-21"),
    })  # fmt: skip
    assert {"No one", "Two"} in flagged_sets(report)


def test_no_injuries_reported_is_a_count_of_the_injured(tmp_path):
    claims = _claims(tmp_path, {
        "a.txt": ("No injuries were reported after the crash on the A46 at Carby, police said.\n"
                  "Nobody was seriously hurt in a crash at Hexley.\nNo arrests have been made.\n", "2024-02-20"),
    })  # fmt: skip
    assert {(c.value, c.property) for c in claims if c.kind == "number"} == {
        ("No injuries", "injured"), ("Nobody", "critically injured"), ("No arrests", "arrests")}


def test_nobody_else_and_nobody_twice_stay_quiet(tmp_path, runner):
    report = _report(tmp_path, runner, {
        "a.txt": ("No one was hurt in the fire at the Eastwick warehouse, the fire service said.\n", "2024-02-20"),
        "b.txt": ("Nobody was injured in the fire at the Eastwick warehouse, the fire service said.\n"
                  "Two firefighters fought the fire at the Eastwick warehouse. No one else was hurt.\n", "2024-02-21"),
    })  # fmt: skip
    assert flagged_sets(report) == []
