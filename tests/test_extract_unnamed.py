"""extract on what a figure is part of and whom an age is of: a number inside a name (an address, a model,
a version) is no figure; an age belongs to the person its noun phrase names, and is not proposed when it
names nobody; a time stamp is nobody's name; what someone's lawyer said is not theirs. Each class with
several wordings of our own, and cases that must still be proposed."""

from __future__ import annotations

from pathlib import Path

from samples import extract_and_verify, flagged_sets, news_project

from factcheck.actions.extract import propose
from factcheck.text.sentences import sentences


def _claims(tmp_path: Path, texts: dict[str, tuple[str, str | None]]):
    return propose(news_project(tmp_path, texts)).claims


def test_an_ordinal_in_an_address_or_a_name_is_not_a_figure(tmp_path):
    text = ("The van hit a cyclist at 214th Street and 88th Avenue in Orvel on Monday.\n\n"
            "Officers from the 61st Precinct found the driver at 3rd Ave. and 52nd St., police said.\n\n"
            "The 42nd Regiment paraded past the Orvel Hall.\n")  # fmt: skip
    claims = _claims(tmp_path, {"a.txt": (text, "2024-03-05")})
    assert {"214", "88", "61", "3", "52", "42"}.isdisjoint({c.value for c in claims})
    assert not any(c.property.startswith(("th ", "st ", "nd ", "rd ")) for c in claims)


def test_a_rank_that_is_a_figure_is_still_proposed(tmp_path):
    text = "Orvel Council said it was the 3rd time in five years that the bridge had closed.\n"
    values = {c.value for c in _claims(tmp_path, {"a.txt": (text, "2024-03-05")})}
    assert "five years" in values or "five" in values


def test_a_number_that_names_a_model_or_a_version_is_not_a_figure(tmp_path):
    text = ("Pellam Computer Company unveiled the 14-inch and 16-inch Lumo laptops on Tuesday.\n\n"
            "The 14-inch model starts at $1,299, and the 16-inch costs $1,899.\n\n"
            "The patch fixes only 64-bit versions of NaviOS 7 and adds two USB 4.0 ports.\n\n"
            "Each has a 2.4GHz eight-core Kestrel X2 chip and an HD 620 screen.\n")  # fmt: skip
    claims = _claims(tmp_path, {"a.txt": (text, "2024-06-12")})
    values = {c.value for c in claims}
    assert {"14", "16", "64", "only 64", "7", "4.0", "2.4", "eight", "620"}.isdisjoint(values)
    assert not any("inch" in c.property or "bit" in c.property for c in claims)
    assert {"$1,299", "$1,899"} <= values  # the prices are figures; the sizes only say which model
    assert "two" in values  # a count of ports is a figure


def test_a_size_or_a_speed_that_measures_is_still_proposed(tmp_path):
    text = ("The Lumo screen is 15.6 inches across and the chip runs at up to 3.1GHz.\n\n"
            "Orvel Council approved a 12-storey tower and a 20-year lease.\n")  # fmt: skip
    values = {c.value for c in _claims(tmp_path, {"a.txt": (text, "2024-06-12")})}
    assert "15.6" in values or "15.6 inches" in values
    assert any("3.1" in v for v in values)
    assert "12" in values


def test_a_model_year_is_part_of_the_car_not_a_date(tmp_path):
    text = ("The victim was struck by a blue 2019 Honda Civic on Friday night.\n\n"
            "Police seized the 2011 Ford Transit used in the raid.\n\n"
            "In 2019 Honda recalled the model, and a 2017 ruling was overturned.\n")  # fmt: skip
    claims = _claims(tmp_path, {"a.txt": (text, "2024-03-05")})
    dated = [c for c in claims if c.kind == "date"]
    quotes = " ".join(c.quote for c in dated if c.value == "2019")
    assert "Honda Civic" not in quotes and "2011" not in {c.value for c in dated}
    assert "In 2019 Honda recalled" in quotes  # a year after "in" is a date
    assert "2017" in {c.value for c in dated}  # a year written onto an event's noun is its date


def test_an_age_belongs_to_the_person_its_noun_phrase_names(tmp_path):
    text = ("Mara Quell, a 34-year-old nurse, was hurt in the Orvel Council car park.\n\n"
            "Orvel Police said 27-year-old Teo Brannick was arrested.\n\n"
            "The 61-year-old Brannick senior was not at home, Orvel Police said.\n")  # fmt: skip
    ages = {(c.value, c.entity) for c in _claims(tmp_path, {"a.txt": (text, "2024-03-05")}) if c.property == "age"}
    assert ("34", "mara-quell") in ages and ("27", "teo-brannick") in ages
    assert not any(e == "orvel-police" or e == "orvel-council" for _v, e in ages)


def test_the_ages_of_people_the_text_does_not_name_are_not_compared(tmp_path, runner):
    root = news_project(tmp_path, {
        "a.txt": ("The Orvel Church leader was convicted of assaulting a 13-year-old girl, the Orvel "
                  "Attorney's Office said.\n", "2024-03-05"),
        "b.txt": ("Prosecutors said the Orvel Church leader married a 16-year-old girl in 2005, the Orvel "
                  "Attorney's Office said.\n", "2024-03-05"),
        "c.txt": ("Orvel Police said the 16-year-old had testified, and the 13-year-old's mother wept.\n",
                  "2024-03-05"),
    })  # fmt: skip
    claims = propose(root).claims
    ages = sorted((c.source, c.value, c.entity) for c in claims if c.property == "age")
    # a girl is "the girl", told apart by what is said of her; "the 16-year-old" names no sort: no age
    assert ages == [("a.txt", "13", "girl"), ("b.txt", "16", "girl")]
    report = extract_and_verify(root, runner)
    flagged = [d for d in report["discrepancies"] if d["verdict"] in ("conflict", "possible")]
    assert not [d for d in flagged if d["property"] == "age"]  # assaulted at 13, married at 16: two girls


def test_no_organisation_or_place_has_an_age(tmp_path):
    text = ("Orvel Police said the suspect, whose victims were under age 17, fled.\n\n"
            "The Orvel County Council said 40 of the pupils were aged 11.\n")  # fmt: skip
    claims = _claims(tmp_path, {"a.txt": (text, "2024-03-05")})
    assert not [c for c in claims if c.property == "age"]


def test_a_time_stamp_is_nobodys_name(tmp_path, runner):
    root = news_project(tmp_path, {
        "a.txt": ("Storm hits Orvel\nUPDATED 05 / 03 / 2024 at 11:00 AM EDT\n\n"
                  "Orvel Council said 12 homes were flooded.\n", "2024-03-05"),
        "b.txt": ("Storm hits Orvel\nMarch 5, 2024 at 7:31 AM ET\n\nOrvel Council said 12 homes flooded.\n",
                  "2024-03-05"),
        "c.txt": ("Storm in Orvel\nMarch 5, 2024 9:02 PM PDT\n\nTwelve homes flooded, Orvel Council said.\n",
                  "2024-03-05"),
    })  # fmt: skip
    report = extract_and_verify(root, runner)
    assert not [d for d in report["discrepancies"] if d["property"] == "name"]
    extraction = propose(root)
    assert not [e for e in extraction.entities if any(w in e.name.split() for w in ("AM", "PM", "EDT", "ET"))]


def test_what_someones_lawyer_said_is_not_theirs(tmp_path):
    text = ("Nadia Orbel's attorney said Thursday the singer had checked into a clinic in Orvel.\n\n"
            "Nadia Orbel's brother told reporters she was doing well.\n\n"
            "Nadia Orbel said she was grateful for the support of her fans.\n")  # fmt: skip
    said = [c for c in _claims(tmp_path, {"a.txt": (text, "2024-03-05")}) if c.property == "said"]
    assert [c.value.split()[0] for c in said] == ["she"]  # only what she said herself is hers
    assert all(c.entity == "nadia-orbel" for c in said)


def test_a_date_that_opens_a_sentence_dates_the_main_clauses_event(tmp_path):
    text = ("On Tuesday, the Orvel Council leader resigned.\n\n"
            "Early Friday morning, around 6 a.m., the Orvel Bridge reopened, Orvel Council said.\n\n"
            "Late on Sunday, Orvel Police arrested two men.\n")  # fmt: skip
    dates = {c.value: c.property for c in _claims(tmp_path, {"a.txt": (text, "2024-03-12")}) if c.kind == "date"}
    assert dates["Tuesday"] == "resigned"
    assert dates["Friday"] == "reopened"
    assert dates["Sunday"] == "arrested"


def test_checking_into_a_clinic_is_one_event_however_far_from_the_day(tmp_path, runner):
    root = news_project(tmp_path, {
        "a.txt": ("Nadia Orbel was ordered into treatment.\n\n"
                  "Early Friday morning, around 1:30 a.m., the 31-year-old singer checked into the Nolan "
                  "Clinic in Orvel.\n", "2024-03-09"),
        "b.txt": ("The singer Nadia Orbel finally checked into court-ordered treatment at the Nolan Clinic late "
                  "Thursday.\n", "2024-03-09"),
        "c.txt": ("Nadia Orbel checked into the Nolan Clinic in May as part of a deal over her June 2022 car "
                  "crash case.\n", "2024-03-09"),
    })  # fmt: skip
    report = extract_and_verify(root, runner)
    flagged = flagged_sets(report)
    assert {"Friday", "Thursday"} in flagged or any({"Friday", "late Thursday"} <= f for f in flagged)
    assert not any("June 2022" in f for f in flagged)  # the crash's date, not the day she checked in


def test_a_court_undoing_a_conviction_is_one_event_in_other_words(tmp_path, runner):
    root = news_project(tmp_path, {
        "a.txt": ("In August, the Orvel Supreme Court tossed out the fraud conviction of Dan Merrow.\n",
                  "2021-12-10"),
        "b.txt": ("In July, the Orvel Supreme Court overturned the fraud conviction of Dan Merrow.\n",
                  "2021-12-10"),
        "c.txt": ("In May, the Orvel Supreme Court heard the appeal of Dan Merrow.\n", "2021-12-10"),
    })  # fmt: skip
    dates = {(c.source, c.property) for c in propose(root).claims if c.kind == "date"}
    assert ("a.txt", "tossed out") in dates and ("b.txt", "overturned") in dates
    report = extract_and_verify(root, runner)
    flagged = flagged_sets(report)
    assert any({"August", "July"} <= f for f in flagged)
    assert not any("May" in f for f in flagged)  # hearing an appeal is another event


def test_a_name_with_a_middle_initial_is_one_name_not_a_respelling(tmp_path, runner):
    root = news_project(tmp_path, {
        "a.txt": ("The case was heard by Judge Ellen Walther in Orvel.\n", "2024-03-05"),
        "b.txt": ("\"He is at peace,\" his attorney Walter F. Brogden told the Orvel Times.\n\n"
                  "Judge Ellen Walther adjourned the case.\n", "2024-03-05"),
        "c.txt": ("Nadia K. Orbel, 31, of Orvel, was hurt. Nadia Orbel was taken to hospital.\n", "2024-03-05"),
    })  # fmt: skip
    report = extract_and_verify(root, runner)
    names = [d for d in report["discrepancies"] if d["property"] == "name" and d["verdict"] in ("conflict", "possible")]
    assert not names  # "Walter" is Brogden's first name, not "Walther" respelt; "Nadia K. Orbel" is Nadia Orbel


def test_whose_court_or_office_is_part_of_a_title(tmp_path):
    text = ("Orbel failed to remove state District Judge Ellen Walther from the case.\n\n"
            "\"Sit down,\" said U.S. District Judge Ellen Walther.\n\n"
            "He lives in the U.S. Orvel Council said so.\n")  # fmt: skip
    claims = _claims(tmp_path, {"a.txt": (text, "2024-03-05")})
    roles = {c.value for c in claims if c.property == "role"}
    assert {"state District Judge", "U.S. District Judge"} <= roles
    parts = [s.text for s in sentences(text)]
    assert "He lives in the U.S." in parts and "Orvel Council said so." in parts  # there it ends a sentence
