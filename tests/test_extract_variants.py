"""extract and verify on figures news gives for one of several things: the price of each model of a product
(the verbs that say a price, a list of prices, the size or tier that says which model), and the age of a
person named only by a sort ("a 12-year-old girl"), told apart from others of that sort by what the words
say of each. Each class in several wordings of our own; what must stay apart stays apart."""

from __future__ import annotations

from samples import extract_and_verify, flagged_sets, news_project

from factcheck.actions.extract import propose


def test_the_words_that_say_a_price_name_one_measure(tmp_path):
    text = ("The Tarn Kettle retails for $89 in Orvel.\n\n"
            "Orvel Appliances will charge $120 for the Tarn Toaster.\n\n"
            "The Tarn Blender is priced at $64.\n\n"
            "The Tarn Grill starts at $199, and the Tarn Oven will set you back $349.\n\n"
            "A Tarn Fridge sells for $899 and the Tarn Freezer goes for $749.\n")  # fmt: skip
    claims = propose(news_project(tmp_path, {"a.txt": (text, "2024-06-12")})).claims
    money = {c.value: c.property for c in claims if c.kind == "money"}
    assert set(money) == {"$89", "$120", "$64", "$199", "$349", "$899", "$749"}
    assert set(money.values()) == {"cost"}


def test_each_item_of_a_list_of_prices_is_a_price(tmp_path):
    text = ("Orvel Zoo will ask £18 for an adult ticket and £9 for a child's, with a family pass going for £45.\n\n"
            "The Orvel Ferry charges £4 per crossing for cars, £2 for bikes and £1 for walkers.\n")  # fmt: skip
    claims = propose(news_project(tmp_path, {"a.txt": (text, "2024-06-12")})).claims
    money = {c.value: c.property for c in claims if c.kind == "money"}
    assert {"£18", "£9", "£45", "£4", "£2", "£1"} <= set(money)
    assert {money[v] for v in ("£18", "£9", "£45", "£4", "£2", "£1")} == {"cost"}


def test_the_price_of_one_model_is_compared_only_with_that_models(tmp_path, runner):
    root = news_project(tmp_path, {
        "a.txt": ("The Lumo Book will cost $899 for the entry 14-inch version and $1,499 for a 16-inch version, "
                  "with a souped-up 16-inch model going for $1,999.\n", "2024-06-12"),
        "b.txt": ("The new Lumo Book range starts at $999 for the 14-inch option.\n\n"
                  "The 16-inch Lumo Book starts off at $1,499.\n", "2024-06-12"),
        "c.txt": ("The 14-inch Lumo Book comes in $999 and $1,299 versions; the 16-inch model is offered in "
                  "$1,499 and $1,999 versions.\n", "2024-06-12"),
    })  # fmt: skip
    flagged = flagged_sets(extract_and_verify(root, runner))
    assert {"$899", "$999"} in flagged  # the 14-inch: $899 against $999
    assert {"$899", "$999 and $1,299"} in flagged
    assert not any("$1,999" in f and "$1,499" in f for f in flagged)  # the dearer 16-inch is another model
    assert not any("$1,499" in f and ("$999" in f or "$899" in f) for f in flagged)  # 16-inch against 14-inch


def test_a_size_written_with_inch_marks_names_the_model(tmp_path, runner):
    root = news_project(tmp_path, {
        "a.txt": ('The 13" Tarn Slate gets a new screen, and the price stays at $649.\n', "2024-06-12"),
        "b.txt": ("The 13-inch Tarn Slate costs $699, while the 11-inch Tarn Slate costs $649.\n", "2024-06-12"),
    })  # fmt: skip
    flagged = flagged_sets(extract_and_verify(root, runner))
    assert {"$649", "$699"} in flagged
    assert len(flagged) == 1  # the 11-inch's $649 is another model's


def test_an_unnamed_persons_age_is_compared_with_the_same_sort_and_deed(tmp_path, runner):
    root = news_project(tmp_path, {
        "a.txt": ("Dan Merrow was convicted of sexually assaulting the 11-year-old girl, prosecutors said.\n\n"
                  "Dan Merrow also married a 15-year-old girl.\n", "2024-03-05"),
        "b.txt": ("Dan Merrow was jailed for the assault of a 12-year-old girl and for marrying a 16-year-old "
                  "girl.\n", "2024-03-05"),
        "c.txt": ("Jurors heard a recording of Dan Merrow assaulting a 15-year-old girl.\n\n"
                  "A photograph showed Dan Merrow kissing a 13-year-old girl.\n", "2024-03-05"),
        "d.txt": ("A 12-year-old boy was stabbed in Orvel, and a 40-year-old man was arrested.\n", "2024-03-05"),
        "e.txt": ("Orvel Police said a 13-year-old boy was stabbed, and a 44-year-old man was arrested.\n",
                  "2024-03-05"),
    })  # fmt: skip
    flagged = flagged_sets(extract_and_verify(root, runner))
    assert {"11", "12"} in flagged  # one girl assaulted, at 11 or at 12
    assert {"15", "16"} in flagged  # one girl married, at 15 or 16
    assert {"12", "13"} in flagged  # one boy stabbed
    assert {"11", "15"} not in flagged and {"12", "15"} not in flagged  # assaulted at 12 and at 15: two girls
    assert {"11", "13"} not in flagged  # assaulted, kissed: what the words say of each differs
    assert {"40", "44"} not in flagged  # four years apart: two men


def test_a_slipped_decimal_point_is_compared_whatever_the_scale(tmp_path, runner):
    root = news_project(tmp_path, {
        "a.txt": ("The Orvel quake struck at 2:09 a.m. near Kettle Hill with a depth of 12 miles.\n", "2024-03-05"),
        "b.txt": ("The Orvel quake struck at 2:09 a.m. near Kettle Hill and had a depth of 1.2 miles.\n",
                  "2024-03-05"),
        "c.txt": ("The Orvel quake struck at 2:09 a.m. near Kettle Hill and had a depth of 0.3 miles.\n",
                  "2024-03-05"),
    })  # fmt: skip
    flagged = flagged_sets(extract_and_verify(root, runner))
    assert {"12", "1.2"} in flagged  # the same digits: a decimal point slipped
    assert {"12", "0.3"} not in flagged  # forty times, in other digits: another scope
