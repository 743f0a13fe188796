"""Currencies: the signs, codes and names that make a figure money, and the ISO 4217 code of each.

A currency can stand before a figure ("£5", "HK$3.7", "USD 250", "USD250", "Rs 500", "RM23.50")
or after it ("19,99 €", "500 EUR", "9 billion yuan", "7.5 million Danish crowns"). A sign shared by
several currencies is read as the one most papers mean by it ("$" dollars of the US, "kr" Swedish
kronor, "¥" yen) unless a name nearby says otherwise ("Danish", "yuan").
"""

from __future__ import annotations

import re

# ISO 4217 codes common in news copy. Codes that are also English words in capitals ("ALL", "TOP",
# "CUP", "BOB") are left out: in a headline they are words far more often than money.
CODES = frozenset(
    "USD EUR GBP JPY CNY INR AUD CAD HKD NZD SGD CHF SEK NOK DKK ISK PLN CZK HUF RON BGN RUB UAH "
    "TRY ILS AED SAR QAR KWD BHD OMR EGP NGN KES GHS ZAR MAD TND BRL MXN ARS CLP COP VES KRW TWD THB "
    "MYR IDR PHP VND PKR BDT LKR NPR IRR IQD JOD KZT ZMW XOF XAF BTC".split()
)
# Not ISO codes, but written as if they were.
CODE_ALIASES = {"RMB": "CNY", "NIS": "ILS", "STG": "GBP", "YEN": "JPY"}
SIGNS = {
    "£": "GBP", "$": "USD", "€": "EUR", "¥": "JPY", "₹": "INR", "₩": "KRW", "₪": "ILS", "₽": "RUB",
    "₺": "TRY", "₦": "NGN", "₱": "PHP", "฿": "THB", "₫": "VND", "₴": "UAH",
}  # fmt: skip
# The letters before "$" that name whose dollar it is ("A$", "HK$", "US$"), and the one after ("$US").
DOLLARS = {
    "US": "USD", "U.S.": "USD", "A": "AUD", "AU": "AUD", "C": "CAD", "CA": "CAD", "NZ": "NZD", "HK": "HKD",
    "S": "SGD", "SG": "SGD", "NT": "TWD", "MX": "MXN", "R": "BRL",
}  # fmt: skip
# Abbreviations written before a figure, with or without a space ("Rs 500", "RM23.50").
LETTER_SIGNS = {
    "rs": "INR", "rs.": "INR", "rm": "MYR", "rp": "IDR", "kr": "SEK", "kr.": "SEK", "fr.": "CHF",
    "sfr": "CHF", "y=": "JPY", "dlrs": "USD", "dlr": "USD", "dlrs.": "USD", "cn¥": "CNY", "ksh": "KES",
}  # fmt: skip
_SIGN_CHARS = "".join(SIGNS)
# Matched against the few characters before a figure; it must end where the figure starts.
PREFIX = re.compile(
    r"(?:(?<![A-Za-z.])(?P<dp>U\.S\.|US|AU|CA|NZ|HK|SG|NT|MX|A|C|S|R)(?P<sp>\s?)\$(?:US)?"
    r"|\$(?P<us>US)?"
    rf"|(?P<sign>[{_SIGN_CHARS}])"
    r"|(?<![A-Za-z])(?P<code>[A-Z]{3})"
    r"|(?<![A-Za-z])(?P<letters>Rs\.?|RM|Rp|kr\.?|Fr\.|SFr|Y=|dlrs?\.?|CN¥|K[Ss]h))"
    r"(?P<gap>\s?)(?P<minus>[-−]?)$"
)
# The adjective that says whose dollar, pound, peso or crown it is ("Hong Kong dollars").
ADJECTIVES = {
    "us": "USD", "u.s.": "USD", "american": "USD", "australian": "AUD", "canadian": "CAD",
    "hong kong": "HKD", "singapore": "SGD", "new zealand": "NZD", "taiwan": "TWD", "taiwanese": "TWD",
    "mexican": "MXN", "chinese": "CNY", "japanese": "JPY", "indian": "INR", "pakistani": "PKR",
    "sri lankan": "LKR", "danish": "DKK", "norwegian": "NOK", "swedish": "SEK", "icelandic": "ISK",
    "swiss": "CHF", "czech": "CZK", "south african": "ZAR", "philippine": "PHP", "argentine": "ARS",
    "brazilian": "BRL", "egyptian": "EGP", "turkish": "TRY", "russian": "RUB", "israeli": "ILS",
    "nigerian": "NGN", "kenyan": "KES", "thai": "THB", "south korean": "KRW", "korean": "KRW",
    "malaysian": "MYR", "indonesian": "IDR", "saudi": "SAR", "jamaican": "JMD", "zimbabwean": "ZWL",
    "fijian": "FJD", "polish": "PLN", "hungarian": "HUF", "chilean": "CLP", "colombian": "COP",
    "ukrainian": "UAH", "british": "GBP", "scottish": "GBP", "irish": "EUR",
}  # fmt: skip
# Currency names after a figure: the code they stand for alone, and the share of a unit they are.
NAMES = {
    "dollar": "USD", "dollars": "USD", "bucks": "USD", "pound": "GBP", "pounds": "GBP", "sterling": "GBP",
    "quid": "GBP", "euro": "EUR", "euros": "EUR", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "rupee": "INR", "rupees": "INR", "won": "KRW", "shekel": "ILS", "shekels": "ILS", "rouble": "RUB",
    "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "ringgit": "MYR", "baht": "THB", "peso": "MXN",
    "pesos": "MXN", "reais": "BRL", "rand": "ZAR", "franc": "CHF", "francs": "CHF", "krona": "SEK",
    "kronor": "SEK", "krone": "NOK", "kroner": "NOK", "crowns": "CZK", "naira": "NGN", "lira": "TRY",
    "dirham": "AED", "dirhams": "AED", "riyal": "SAR", "riyals": "SAR", "zloty": "PLN", "zlotys": "PLN",
    "forint": "HUF", "rupiah": "IDR", "dong": "VND", "hryvnia": "UAH", "shillings": "KES", "cedi": "GHS",
    "cedis": "GHS", "taka": "BDT", "dinar": "KWD", "dinars": "KWD",
    "pence": "GBP", "penny": "GBP", "p": "GBP", "cents": "USD", "cent": "USD", "sen": "MYR", "paise": "INR",
    "kopecks": "RUB",
}  # fmt: skip
SUBUNITS = frozenset({"pence", "penny", "p", "cents", "cent", "sen", "paise", "kopecks"})
# Names that are also everyday words: money only after a scale word or a figure with separators.
_AMBIGUOUS_NAMES = frozenset({"won", "rand", "dong", "real", "p", "cent", "penny"})
_ADJ = "|".join(sorted((re.escape(a).replace(r"\ ", r"\s+") for a in ADJECTIVES), key=len, reverse=True))
_NAMES = "|".join(sorted((n for n in NAMES if n != "p"), key=len, reverse=True))
AFTER = re.compile(
    rf"(?:[ \t\u00a0]?(?P<sign>[{_SIGN_CHARS}]|zł|Kč|kr\b\.?)"
    r"|[ \t\u00a0](?P<code>(?-i:[A-Z]{3}))\b(?!-[a-z])"
    rf"|(?:[ \t\u00a0]|-)(?:(?P<adj>{_ADJ})[ \t]+)?(?P<name>{_NAMES})\b"
    r"|(?P<p>p)\b(?!\.[a-z]))",
    re.IGNORECASE,
)
AFTER_SIGNS = {"zł": "PLN", "kč": "CZK", "kr": "SEK", "kr.": "SEK"}
# The first two letters of every word AFTER can start with, for a cheap look before running it.
_AFTER_HEADS = frozenset(w[:2] for w in (*ADJECTIVES, *NAMES, *AFTER_SIGNS))
# A name nearby that says which of several currencies a shared sign means.
_CONTEXT = {
    "SEK": (("danish", "denmark", "copenhagen"), "DKK"),
    "NOK": (("danish", "denmark", "copenhagen"), "DKK"),
    "JPY": (("yuan", "china", "chinese", "renminbi", "rmb"), "CNY"),
}


PREFIX_WORD_ENDS = ("Rs", "Rs.", "Rp", "kr", "kr.", "Fr.", "dlrs", "dlr", "dlrs.", "Ksh", "KSh", "Y=")
# The last character of a currency written before a figure, capitals aside: a sign or an abbreviation's end.
PREFIX_LAST_CHARS = frozenset(SIGNS) | {w[-1] for w in PREFIX_WORD_ENDS}


def may_end_prefix(before: str) -> bool:
    """A cheap look at the text just before a figure: could a currency end there? (Most figures
    follow a plain word, and the prefix pattern is not worth running for them.)"""
    t = before.rstrip(" -−")
    last = t[-1:]
    if not last:
        return False
    return last in SIGNS or last.isupper() or t.endswith(PREFIX_WORD_ENDS)


def may_start_after(text: str, pos: int) -> bool:
    """A cheap look at the text just after a figure: could a currency start there? (Most figures
    are followed by a plain word or nothing, and the pattern after, with its long list of names
    matched without regard to case, is not worth running for them.) Never False where AFTER matches."""
    gap = text[pos : pos + 1]
    if not gap:
        return False
    head = text[pos + 1 : pos + 3] if gap in " \t\u00a0-" else text[pos : pos + 2]
    if not head:
        return False
    first = head[0]
    # a code is three capitals: two in a row may start one
    return not head.isascii() or head.isupper() or first in "$pP" or head.lower() in _AFTER_HEADS


# The first four letters of every word AFTER can start with after a gap (a shorter word whole; a name
# of two words by its first): "p" alone is left out, as AFTER reads it only against the figure.
_AFTER_STARTS = frozenset(w.split()[0][:4] for w in (*ADJECTIVES, *NAMES, *AFTER_SIGNS) if w != "p")
_GAPS = frozenset(" \t\u00a0")


def may_start_after_closely(head: str) -> bool:
    """A closer look than may_start_after, at head, the five characters after a figure (or all the
    text has): could AFTER match there? It looks at up to four letters of the word after a gap, where
    may_start_after looks at two and lets through many plain words ("years", "percent", "people").
    Never False where AFTER matches; any character outside ASCII may be one it matches (a sign, or a
    letter that case-folds onto one of its names)."""
    if not head.isascii():
        return True
    first = head[:1]
    if first in _GAPS or first == "-":
        word = head[1:].lower()
        if first != "-" and (word[:1] == "$" or (len(head) > 3 and "A" <= head[1] <= "Z" and "A" <= head[2] <= "Z"
                                                 and "A" <= head[3] <= "Z")):  # fmt: skip
            return True  # a sign or a code after a space ("5 $", "500 EUR")
        return any(word[:n] in _AFTER_STARTS for n in (1, 2, 3, 4))
    # against the figure: "$", "p" (pence), or "kr" ("19kr"); "zł" and "Kč" hold a character outside ASCII
    return first in ("$", "p", "P") or head[:2].lower() == "kr"


def code_of_prefix(m: re.Match[str]) -> str | None:
    """The ISO code a matched prefix stands for, or None where it is not a currency after all."""
    if m.group("dp"):
        if m.group("sp") and m.group("dp") == "A":
            return "USD"  # "A $5 fee": the article, then dollars
        return DOLLARS[m.group("dp")]
    if m.group("sign"):
        return SIGNS[m.group("sign")]
    if m.group("code"):
        code = m.group("code")
        return code if code in CODES else CODE_ALIASES.get(code)
    if m.group("letters"):
        return LETTER_SIGNS[m.group("letters").lower()]
    return "USD"  # "$", "$US"


def code_after(m: re.Match[str]) -> str | None:
    """The ISO code of a currency matched after a figure, or None."""
    if m.group("sign"):
        sign = m.group("sign").lower()
        return SIGNS.get(m.group("sign")) or AFTER_SIGNS.get(sign)
    if m.group("code"):
        code = m.group("code")
        return code if code in CODES else CODE_ALIASES.get(code)
    if m.group("p"):
        return "GBP"
    name = m.group("name").lower()
    adj = m.group("adj")
    if adj:
        return ADJECTIVES[re.sub(r"\s+", " ", adj.lower())]
    if name == "crowns":
        return None  # Danish, Swedish, Norwegian, Czech...: only with its adjective
    return NAMES[name]


def by_context(code: str, text: str, pos: int) -> str:
    """A shared sign read again in the light of the words around it ("kr" beside "Danish")."""
    other = _CONTEXT.get(code)
    if other is None:
        return code
    around = text[max(0, pos - 200) : pos + 200].lower()
    return other[1] if any(w in around for w in other[0]) else code


def needs_support(name: str) -> bool:
    """Whether a currency name is also an everyday word ("won", "rand"), money only with support."""
    return name.lower() in _AMBIGUOUS_NAMES
