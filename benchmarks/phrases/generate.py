"""Write benchmarks/phrases/generated.txt: templated news sentences with labels worked out here.

The labels come from the values the generator chose (an amount and its currency, a day and how it
is written), never from factcheck's parser. Run it again to rebuild the file; the seed is fixed so
the file is reproducible:  python benchmarks/phrases/generate.py
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
from pathlib import Path

OUT = Path(__file__).with_name("generated.txt")
RNG = random.Random(20261123)

SUBJECTS = [
    "The council",
    "The trust",
    "Ministers",
    "The hospital",
    "The university",
    "The charity",
    "The regulator",
    "The club",
    "The airline",
    "The police force",
    "The water company",
]
MONEY_VERBS = [
    "has set aside",
    "was fined",
    "will spend",
    "has overspent by",
    "must save",
    "received",
    "is facing a shortfall of",
    "paid out",
    "borrowed",
    "lost",
]
COUNT_NOUNS = [
    "jobs",
    "patients",
    "complaints",
    "homes",
    "pupils",
    "cases",
    "arrests",
    "visitors",
    "applications",
    "staff",
]
CURRENCIES = [("£", "GBP", "pounds"), ("$", "USD", "dollars"), ("€", "EUR", "euros")]
TEENS = {10: "ten", 11: "eleven", 12: "twelve", 13: "thirteen", 14: "fourteen", 15: "fifteen", 16: "sixteen",
         17: "seventeen", 18: "eighteen", 19: "nineteen"}  # fmt: skip
TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty", 90: "ninety"}
UNITS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}
REFS = [
    dt.date(2018, 11, 2),
    dt.date(2019, 10, 8),
    dt.date(2020, 7, 7),
    dt.date(2021, 3, 15),
    dt.date(2022, 5, 19),
    dt.date(2023, 1, 10),
    dt.date(2024, 9, 27),
    dt.date(2025, 2, 4),
]


def fmt_thousands(n: int) -> str:
    return f"{n:,}"


def money() -> tuple[str, str]:
    symbol, code, word = RNG.choice(CURRENCIES)
    style = RNG.choice(["m", " million", "bn", " billion", "k", "plain", "word", "decimal_m"])
    if style in ("m", " million", "bn", " billion"):
        top, factor = (950, 1_000_000) if style in ("m", " million") else (60, 1_000_000_000)
        whole = RNG.randint(1, top)
        tenths = RNG.choice([None, RNG.randint(1, 9)])
        figure = f"{whole}" if tenths is None else f"{whole}.{tenths}"
        value = (whole + (tenths or 0) / 10) * factor
        text = f"{symbol}{figure}{style}"
    elif style == "k":
        whole = RNG.randint(5, 900)
        value = whole * 1000
        text = f"{symbol}{whole}k"
    elif style == "plain":
        value = RNG.choice([RNG.randint(100, 999), RNG.randint(1000, 999_999)])
        text = f"{symbol}{fmt_thousands(value)}"
    elif style == "word":
        value = RNG.randint(2, 900) * 1000
        text = f"{fmt_thousands(value)} {word}"
    else:
        whole, hundredths = RNG.randint(1, 99), RNG.randint(10, 99)
        value = (whole + hundredths / 100) * 1_000_000
        text = f"{symbol}{whole}.{hundredths}m"
    lead = RNG.choice(["", "", "more than ", "about ", "nearly ", "up to ", "at least ", "some "])
    sentence = f"{RNG.choice(SUBJECTS)} {RNG.choice(MONEY_VERBS)} {lead}{text}, figures show."
    return sentence, f"money {value:g} {code}".replace("e+", "e")


def words_for(n: int) -> str:
    if n in UNITS:
        return UNITS[n]
    if n in TEENS:
        return TEENS[n]
    tens, units = divmod(n, 10)
    return TENS[tens * 10] + ("-" + UNITS[units] if units else "")


def number() -> tuple[str, str]:
    style = RNG.choice(["numeral", "comma", "words", "percent", "percent_words", "ratio", "million"])
    noun = RNG.choice(COUNT_NOUNS)
    lead = RNG.choice(["", "", "more than ", "around ", "almost ", "over ", "fewer than ", "at least "])
    if style == "numeral":
        n = RNG.randint(2, 999)
        return f"{RNG.choice(SUBJECTS)} reported {lead}{n} {noun} this quarter.", f"number {n}"
    if style == "comma":
        n = RNG.randint(1000, 250_000)
        return f"Officials said {lead}{fmt_thousands(n)} {noun} were affected.", f"number {n}"
    if style == "words":
        n = RNG.randint(21, 99)
        text = words_for(n)
        return f"{text.capitalize()} {noun} were recorded, the report said.", f"number {n}"
    if style == "percent":
        whole = RNG.randint(1, 99)
        dec = RNG.choice([None, RNG.randint(1, 9)])
        figure = f"{whole}" if dec is None else f"{whole}.{dec}"
        mark = RNG.choice(["%", " per cent", " percent"])
        return f"Turnout among {noun} was {lead}{figure}{mark} last time.", f"number {figure}"
    if style == "percent_words":
        n = RNG.randint(21, 99)
        return f"{words_for(n).capitalize()} per cent of {noun} agreed.", f"number {n}"
    if style == "ratio":
        a = RNG.randint(1, 9)
        b = RNG.choice([x for x in (2, 3, 4, 5, 10) if x > a])
        join = RNG.choice(["in", "out of"])
        return (f"{UNITS[a].capitalize()} {join} {words_for(b)} {noun} said they were worried.", f"number {a / b:.4f}")
    whole, dec = RNG.randint(1, 40), RNG.randint(1, 9)
    return f"The service now has {whole}.{dec} million {noun}.", f"number {(whole + dec / 10) * 1e6:g}"


def absolute_date() -> tuple[str, str, dt.date]:
    ref = RNG.choice(REFS)
    day = ref - dt.timedelta(days=RNG.randint(30, 3000))
    month = calendar.month_name[day.month]
    wd = calendar.day_name[day.weekday()]
    style = RNG.choice(["dmy", "mdy", "wdmy", "month_year", "ord", "iso", "quarter", "season"])
    if style == "dmy":
        return f"The decision was taken on {day.day} {month} {day.year}.", f"date {day}", ref
    if style == "mdy":
        return f"The rules took effect on {month} {day.day}, {day.year}.", f"date {day}", ref
    if style == "wdmy":
        return f"It happened on {wd}, {day.day} {month} {day.year}.", f"date {day}", ref
    if style == "ord":
        suffix = "th" if 11 <= day.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10, "th")
        return f"The hearing was held on the {day.day}{suffix} of {month} {day.year}.", f"date {day}", ref
    if style == "iso":
        return f"Record updated {day.isoformat()} by the clerk.", f"date {day}", ref
    last = calendar.monthrange(day.year, day.month)[1]
    if style == "month_year":
        abbr = RNG.choice([month, calendar.month_abbr[day.month]])
        return (
            f"The inspection took place in {abbr} {day.year}.",
            f"date {day.replace(day=1)}..{day.replace(day=last)}",
            ref,
        )
    if style == "quarter":
        q = (day.month - 1) // 3 + 1
        end_month = 3 * q
        end = dt.date(day.year, end_month, calendar.monthrange(day.year, end_month)[1])
        text = RNG.choice(
            [f"Q{q} {day.year}", f"the {['first', 'second', 'third', 'fourth'][q - 1]} quarter of {day.year}"]
        )
        return f"Sales fell in {text}.", f"date {dt.date(day.year, 3 * q - 2, 1)}..{end}", ref
    season, months = RNG.choice([("spring", (3, 5)), ("summer", (6, 8)), ("autumn", (9, 11))])
    end = dt.date(day.year, months[1], calendar.monthrange(day.year, months[1])[1])
    return (f"The works were finished in {season} {day.year}.", f"date {dt.date(day.year, months[0], 1)}..{end}", ref)


def week_of(day: dt.date, shift: int) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=shift)
    return monday, monday + dt.timedelta(days=6)


def month_of(year: int, month: int) -> tuple[dt.date, dt.date]:
    while month < 1:
        year, month = year - 1, month + 12
    while month > 12:
        year, month = year + 1, month - 12
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def relative_date() -> tuple[str, str, dt.date]:
    ref = RNG.choice(REFS) + dt.timedelta(days=RNG.randint(-20, 20))
    style = RNG.choice(
        [
            "yesterday",
            "today",
            "tomorrow",
            "last_week",
            "next_week",
            "last_month",
            "next_month",
            "last_year",
            "next_year",
            "days_ago",
            "days_later",
            "last_named",
        ]
    )
    if style in ("yesterday", "today", "tomorrow"):
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[style]
        verb = {"yesterday": "met", "today": "meets", "tomorrow": "will meet"}[style]
        return f"The committee {verb} {style} to discuss it.", f"date {ref + dt.timedelta(days=shift)}", ref
    if style in ("last_week", "next_week"):
        a, b = week_of(ref, -1 if style == "last_week" else 1)
        phrase = style.replace("_", " ")
        return f"Talks {'ended' if style == 'last_week' else 'resume'} {phrase}.", f"date {a}..{b}", ref
    if style in ("last_month", "next_month"):
        a, b = month_of(ref.year, ref.month + (-1 if style == "last_month" else 1))
        return (
            f"The figures were {'published' if style == 'last_month' else 'due'} {style.replace('_', ' ')}.",
            f"date {a}..{b}",
            ref,
        )
    if style in ("last_year", "next_year"):
        y = ref.year + (-1 if style == "last_year" else 1)
        return f"Costs rose sharply {style.replace('_', ' ')}.", f"date {y}-01-01..{y}-12-31", ref
    if style in ("days_ago", "days_later"):
        n = RNG.randint(2, 12)
        word = RNG.choice([str(n), words_for(n)])
        if style == "days_ago":
            return f"The body was found {word} days ago.", f"date {ref - dt.timedelta(days=n)}", ref
        return f"{word.capitalize()} days later the order was lifted.", f"date {ref + dt.timedelta(days=n)}", ref
    month = RNG.choice([m for m in range(1, 13) if m != ref.month])
    year = ref.year if month < ref.month else ref.year - 1
    a, b = month_of(year, month)
    return f"The plan was first floated last {calendar.month_name[month]}.", f"date {a}..{b}", ref


def main() -> None:
    lines = ["# Generated by benchmarks/phrases/generate.py; labels from the generator's own choices."]
    makers = [(money, 110), (number, 110), (absolute_date, 80), (relative_date, 80)]
    for maker, count in makers:
        for _ in range(count):
            out = maker()
            if len(out) == 2:
                text, label = out
                ref = RNG.choice(REFS)
            else:
                text, label, ref = out
            lines.append(f"{ref} | {text} | {label}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines) - 1} phrases to {OUT}")


if __name__ == "__main__":
    main()
