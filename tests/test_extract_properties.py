"""Property tests for the text-reading parts of extraction: they never crash, and what they
return always points back into the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.models import Entity
from factcheck.normalize.publication import infer_publication
from factcheck.text.entities import EntityIndex, find_mentions
from factcheck.text.sentences import clauses, sentences

WORDS = st.sampled_from([
    "The", "council", "Ms", "Hodges", "said", "£7m", "over", "budget", "in", "March", "2019", ".", ",",
    "Mr.", "Smith", "“quote”", "\n\n", "–", "last", "September", "232", "cases", "who", "which", "the",
    "Friday,", "October", "25", "Updated", "department", "Sally", "2020/21", "trust", "(", ")", "’s",
])  # fmt: skip
NEWSY = st.lists(WORDS, max_size=60).map(" ".join)
TEXT = st.one_of(NEWSY, st.text(max_size=300))
INDEX = EntityIndex([Entity("sh", "Sally Hodges", ("Ms Hodges",), "person"), Entity("c", "Anytown Council",
                     ("the council",), "organisation")])  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_sentences_and_clauses_are_spans_of_the_text(text):
    for s in sentences(text):
        assert text[s.start : s.end] == s.text and s.text.strip() == s.text and s.text
        for c in clauses(s):
            assert text[c.start : c.end] == c.text and s.start <= c.start <= c.end <= s.end


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_mentions_are_spans_of_the_text_and_do_not_overlap(text):
    found = find_mentions(text, INDEX)
    for m in found:
        assert text[m.start : m.end] == m.text
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_publication_inference_never_crashes_and_always_explains(text):
    pub = infer_publication(text)
    assert pub.evidence
    if pub.published is not None:
        assert pub.published.start <= pub.published.end
