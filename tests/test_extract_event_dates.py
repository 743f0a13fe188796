"""extract on whose event a date is and which event: a place the event happened at ("checked into the Nolan
Clinic", "arrived in Orvel") is not whose it is, and a date set off by commas after the place ("..., in
Orvel, Calif., on Thursday night,") dates the clause that names the event. Several wordings of our own."""

from __future__ import annotations

from pathlib import Path

from samples import extract_and_verify, flagged_sets, news_project

from factcheck.actions.extract import propose


def _dates(tmp_path: Path, text: str, day: str = "2024-03-09") -> dict[str, tuple[str, str]]:
    claims = propose(news_project(tmp_path, {"a.txt": (text, day)})).claims
    return {c.value: (c.entity, c.property) for c in claims if c.kind == "date"}


def test_a_place_after_into_or_at_is_where_not_whose(tmp_path):
    text = ("Nadia Orbel is a singer from Orvel.\n\n"
            "Early Friday morning, the singer checked into Nolan Clinic in Orvel.\n\n"
            "Tom Varga, her manager, finally arrived at the Orvel Town Hall late Thursday.\n")  # fmt: skip
    dates = _dates(tmp_path, text)
    assert dates["Friday"][0] == "nadia-orbel"  # nobody named in the sentence: the piece's person
    assert dates["Thursday"] == ("tom-varga", "arrived")  # not the town hall's


def test_a_date_after_the_place_dates_the_event_before_it(tmp_path):
    text = ("Nadia Orbel checked into the Nolan Clinic in Orvel, Calif., on Thursday night, for a long stay.\n\n"
            "Tom Varga resigned from the Orvel Council in Orvel, Kent, last Monday, his office said.\n")  # fmt: skip
    dates = _dates(tmp_path, text)
    assert dates["Thursday"] == ("nadia-orbel", "checked into")
    assert dates["last Monday"] == ("tom-varga", "resigned")


def test_the_day_someone_checked_in_is_compared_across_wordings(tmp_path, runner):
    root = news_project(tmp_path, {
        "a.txt": ("Nadia Orbel, the singer, was ordered into treatment.\n\n"
                  "Early Friday morning, around 1:30 a.m., the 31-year-old singer checked into Nolan Clinic "
                  "in Orvel.\n", "2024-03-09"),
        "b.txt": ("Nadia Orbel checked into the Nolan Clinic in Orvel, Calif., on Thursday night, for what is to "
                  "be a three-month stay.\n", "2024-03-09"),
        "c.txt": ("Nadia Orbel checked into Orvel's Nolan Clinic facility late Thursday, dodging arrest.\n",
                  "2024-03-09"),
    })  # fmt: skip
    report = extract_and_verify(root, runner)
    flagged = flagged_sets(report, "source", "checked into")
    assert {"a.txt", "b.txt"} in flagged and {"a.txt", "c.txt"} in flagged
    assert {"b.txt", "c.txt"} not in flagged  # Thursday night and late Thursday agree


def test_a_place_the_piece_names_most_is_still_not_whose_event_it_is(tmp_path):
    text = ("Nadia Orbel goes to rehab at Nolan Clinic\n\n"
            "Early Friday morning, around 1:30 a.m., the 31-year-old singer checked into Nolan Clinic in Orvel.\n")
    assert _dates(tmp_path, text)["Friday"] == ("nadia-orbel", "checked into")


def test_court_events_in_other_words_are_compared(tmp_path, runner):
    root = news_project(tmp_path, {
        "a.txt": ("Tom Varga pleaded guilty to fraud in July 1998.\n\n"
                  "In 1969, Tom Varga was indicted in Kent.\n", "2004-07-29"),
        "b.txt": ("On June 27, 1998, Tom Varga pleaded guilty to one count of fraud.\n\n"
                  "In 1970, Tom Varga was indicted for bribing police.\n", "2004-07-29"),
        "c.txt": ("Tom Varga pleaded not guilty in March 1998, and a grand jury indicted him in 1969.\n",
                  "2004-07-29"),
    })  # fmt: skip
    flagged = flagged_sets(extract_and_verify(root, runner))
    assert {"July 1998", "June 27, 1998"} in flagged  # one guilty plea, two months
    assert {"1969", "1970"} in flagged  # one indictment, two years
    assert not any("March 1998" in f for f in flagged)  # a plea of not guilty is another day in court


def test_a_length_served_and_a_sentence_are_one_measure(tmp_path, runner):
    root = news_project(tmp_path, {
        "a.txt": ("Tom Varga served four and a half months in prison for his part in the fraud.\n", "2004-07-29"),
        "b.txt": ("Tom Varga returned to Kent after serving more than four years for his part in the fraud.\n",
                  "2004-07-29"),
        "c.txt": ("Tom Varga served a sentence of 4 1/2 months for his part in the fraud.\n", "2004-07-29"),
    })  # fmt: skip
    flagged = flagged_sets(extract_and_verify(root, runner), "source")
    assert {"a.txt", "b.txt"} in flagged and {"b.txt", "c.txt"} in flagged
    assert {"a.txt", "c.txt"} not in flagged  # four and a half months, written two ways


def test_two_plain_lengths_ten_times_apart_are_not_one_sentence(tmp_path, runner):
    root = news_project(tmp_path, {
        "a.txt": ("Tom Varga served 412 months in prison for his part in the fraud.\n", "2004-07-29"),
        "b.txt": ("Tom Varga served six months in prison for his part in the fraud.\n", "2004-07-29"),
        "c.txt": ("Tom Varga served five months in prison for his part in the fraud.\n", "2004-07-29"),
    })  # fmt: skip
    flagged = flagged_sets(extract_and_verify(root, runner), "source")
    assert {"b.txt", "c.txt"} in flagged  # five or six months
    assert not any("a.txt" in f for f in flagged)  # 412 months is no misreading of either
