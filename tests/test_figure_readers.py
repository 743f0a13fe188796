"""The figure and quantity readers' shortcuts hold to the plain rules they stand for (hypothesis).

Each shortcut (a cheap look before a pattern, a reading made without its pattern) is checked against
the rule written the plain way, on random text and on text made of the characters the rules turn on.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.normalize.numbers import Scan

# Characters the readers look at around a figure, and some that change length or case when lowered.
TRICKY = st.text(
    alphabet=st.sampled_from(list("aeEpsmkx×*0123456789 .,-−\t\n\u00a0\u2009$£€½İKﬀ٣²(") + ["\ud800"]),
    max_size=40,
)
TEXTS = st.one_of(st.text(max_size=80), TRICKY)


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_a_scan_has_the_words_and_digits_of_its_text(text):
    scan = Scan.of(text)
    assert len(scan.lower) == len(text)
    assert scan.words == frozenset(re.findall(r"[a-z]+", scan.lower))
    assert scan.has_digit == (re.search(r"[0-9]", text) is not None)
    assert scan.has_year == (re.search(r"[0-9]{4}", text) is not None)
