"""Quote anchoring: exact through typography, fuzzy with a score, re-found after edits."""

from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from factcheck.anchor import anchor_quote, prepare
from factcheck.models import AnchorStatus, Claim, Source
from factcheck.text.fold import fold, fold_plain


def source(text: str) -> Source:
    return Source("s.txt", "seeds/s.txt", text, hashlib.sha256(text.encode()).hexdigest())


def claim(quote: str) -> Claim:
    return Claim(id="c", source="s.txt", quote=quote, subject="x", property="p", value="v")


def test_typography_is_folded_but_offsets_point_into_the_stored_text():
    text = "Intro.\n\nThe children’s  department is “currently” £7m over budget."
    a = anchor_quote(claim('The children\'s department is "currently" £7m over budget'), prepare(source(text)))
    assert a.status is AnchorStatus.EXACT
    assert text[a.start : a.end] == a.exact == "The children’s  department is “currently” £7m over budget"
    assert (a.line, a.column) == (3, 1)


def test_fold_keeps_a_map_back_to_the_original():
    f = fold("a\u2014b  c\u2026")
    assert f.text == "a-b c..."
    assert f.original_span(2, 3) == (2, 3)


def test_case_differences_still_anchor_exactly():
    a = anchor_quote(claim("the council said"), prepare(source("The Council said no.")))
    assert a.status is AnchorStatus.EXACT and a.start == 0


def test_small_differences_anchor_fuzzily_with_a_score():
    a = anchor_quote(
        claim("the council has spent £7m on road repairs"),
        prepare(source("Last year the council had spent £7m on road repairs.")),
    )
    assert a.status is AnchorStatus.FUZZY
    assert 90 <= a.score < 100
    assert "road repairs" in a.exact


def test_a_quote_that_is_not_there_is_orphaned_with_the_nearest_passage():
    a = anchor_quote(
        claim("the mayor resigned in disgrace on Tuesday"), prepare(source("The council spent £7m on roads."))
    )
    assert a.status is AnchorStatus.ORPHANED and a.score < 90


def test_repeats_are_told_apart_by_recorded_prefix_and_suffix():
    text = "Header\nSally has been in charge since February.\nSally has been in charge since February.\nEnd"
    prep = prepare(source(text))
    first = anchor_quote(claim("Sally has been in charge since February."), prep)
    assert first.line == 2
    recorded = {**anchor_quote(claim("Sally has been in charge since February."), prep).to_dict()}
    recorded.update(start=text.rindex("Sally"), prefix="February.\n", suffix="\nEnd")
    again = anchor_quote(claim("Sally has been in charge since February."), prep, recorded)
    assert again.line == 3


def test_an_edited_source_reports_the_quote_as_moved():
    old = "Intro.\nThe council spent £7m on roads."
    new = "A new first paragraph was added.\n\nIntro.\nThe council spent £7m on roads."
    recorded = anchor_quote(claim("The council spent £7m"), prepare(source(old))).to_dict()
    a = anchor_quote(claim("The council spent £7m"), prepare(source(new)), recorded)
    assert a.status is AnchorStatus.MOVED and a.line == 4
    same = anchor_quote(claim("The council spent £7m"), prepare(source(old)), recorded)
    assert same.status is AnchorStatus.EXACT


@given(
    st.text(
        alphabet=st.sampled_from(list("ab .\n\t\u00a0\u2019\u201c\u2014\u2026\u00ad\u200b\u3000x")) | st.characters()
    )
)
def test_fold_plain_is_the_text_of_fold(text):
    assert fold_plain(text) == fold(text).text


@given(
    st.text(
        alphabet=st.sampled_from(list("ab .\n\t\u00a0\u2019\u201c\u2014\u2026\u00ad\u200b\u3000x")) | st.characters()
    )
)
def test_every_folded_character_points_at_the_character_it_came_from(text):
    folded = fold(text)
    assert len(folded.origin) == len(folded.text) + 1 and folded.origin[-1] == len(text)
    assert list(folded.origin) == sorted(folded.origin)
    for ch, at in zip(folded.text, folded.origin, strict=False):
        source = text[at]
        if source == "\u2026":
            assert ch == "."
        elif ch == " ":
            assert fold_plain(f"a{source}a") == "a a"  # white space, however it was written
        else:
            assert fold_plain(source) == ch
