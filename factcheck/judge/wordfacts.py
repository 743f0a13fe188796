"""Facts stated in words (text/wordfacts.py): a colour, where someone lives, a charge, a direction.

- **Colour**: one family of colour ("grey", "gray", "dark grey"; "navy" and "blue") is corroborated; two
  families ("silver", "gray") are a conflict; a two-tone value that shares a colour with the other is
  consistent.
- **Home**, a place: the same place is corroborated; a place named more closely ("South Richmond Hill",
  "Richmond Hill"), or inside a wide area ("College Point" and "Queens", "Troy" and "Troy, Mich."), is
  consistent; one name spelled two ways is a conflict; two other places are possible: they differ as far
  as the words say, but one may lie within the other, so a person checks.
- **Where a trial is held** is a place, judged as a home is.
- **Charge**: a killing charged as murder in one source and only as manslaughter or negligent homicide in
  the other ("murder" against "vehicular manslaughter, criminally negligent homicide"), or murder in two
  degrees, is a conflict: one act is charged one way or the other. Other lists are consistent: a source
  may name only some of the charges, and several charges without intent go together.
- **Owner** of a building: the same owner is corroborated; one source's owner written as another's former
  owner ("owned by Bomfords", "its previous owners, Bomfords") is a conflict; a former owner and another
  owner are consistent; two other owners are possible.
- **Direction** from one place: within 45 degrees ("south", "south-southwest") consistent, further apart
  ("west", "south") a conflict.
"""

from __future__ import annotations

from factcheck.models import Verdict
from factcheck.normalize.claims import TextValue
from factcheck.text.names import compare_names
from factcheck.text.wordfacts import (
    CHARGE,
    COLOUR,
    DIRECTION,
    GENERAL,
    HOME,
    KILLING,
    OWNER,
    TRIAL,
    bearing,
    bearing_gap,
    charge_items,
    colours,
    is_wide_area,
    owner_reading,
    place_key,
    place_parts,
)


def _q(text: str) -> str:
    return f"'{text}'"


def judge_word_fact(fact: str, va: TextValue, vb: TextValue) -> tuple[Verdict, str] | None:
    """The verdict on two values of one fact in words, or None when the values do not read as it."""
    if fact == COLOUR:
        return _colours(va, vb)
    if fact in (HOME, TRIAL):
        return judge_places(va.text, vb.text)
    if fact == CHARGE:
        return _charges(va, vb)
    if fact == DIRECTION:
        return _directions(va, vb)
    if fact == OWNER:
        return _owners(va, vb)
    return None


def _owners(va: TextValue, vb: TextValue) -> tuple[Verdict, str]:
    (na, former_a), (nb, former_b) = owner_reading(va.text), owner_reading(vb.text)
    a, b = _q(va.text), _q(vb.text)
    verdict, why = compare_names(na, nb)
    if verdict == "same" or place_key(na) == place_key(nb):
        if former_a == former_b:
            return Verdict.CORROBORATED, f"both say {a}" if va.text == vb.text else f"{a} and {b} name one owner"
        former, owner = (a, b) if former_a else (b, a)
        return Verdict.CONFLICT, f"{former} makes a former owner of the one {owner} gives as the owner"
    if former_a != former_b:
        return Verdict.CONSISTENT, f"{a} and {b}: a former owner and an owner"
    if verdict == "respelled":
        return Verdict.CONFLICT, f"{a} and {b} spell one owner two ways: {why.lower()}"
    return Verdict.POSSIBLE, f"{a} and {b} are different owners as written: check which is right"


def _colours(va: TextValue, vb: TextValue) -> tuple[Verdict, str] | None:
    ca, cb = colours(va.text), colours(vb.text)
    if not ca or not cb:
        return None
    a, b = _q(va.text), _q(vb.text)
    if ca == cb:
        if va.key == vb.key:
            return Verdict.CORROBORATED, f"both say {a}"
        return Verdict.CORROBORATED, f"{a} and {b} are one colour"
    if ca & cb:
        return Verdict.CONSISTENT, f"{a} and {b} share a colour: one may name it more fully"
    return Verdict.CONFLICT, f"{a} and {b} are different colours"


def judge_places(a_text: str, b_text: str) -> tuple[Verdict, str]:
    """Two places given for one fact ("of College Point", "lived in South Ozone Park")."""
    pa, pb = place_parts(a_text), place_parts(b_text)
    a, b = _q(a_text), _q(b_text)
    if not pa or not pb:
        return Verdict.CONSISTENT, f"{a} and {b}: nothing to compare"
    if pa[0] == pb[0]:
        return Verdict.CORROBORATED, f"both say {a}" if a_text == b_text else f"{a} and {b} are one place"
    wa, wb = set(pa[0].split()), set(pb[0].split())
    if wa <= wb or wb <= wa:
        return Verdict.CONSISTENT, f"{a} and {b} name one place, one more closely"
    if pa[0] in pb[1:] or pb[0] in pa[1:]:
        return Verdict.CONSISTENT, f"{a} and {b}: one is where the other lies, as written"
    if is_wide_area(pa[0]) or is_wide_area(pb[0]):
        return Verdict.CONSISTENT, f"{a} and {b}: one names a wide area the other may lie in"
    verdict, why = compare_names(pa[0].title(), pb[0].title())
    if verdict == "respelled":
        return Verdict.CONFLICT, f"{a} and {b} spell one place two ways: {why.lower()}"
    if verdict == "same":
        return Verdict.CONSISTENT, f"{a} and {b} are one place, written more or less fully"
    return Verdict.POSSIBLE, (
        f"{a} and {b} are different places as written; one may lie within the other: check which is right"
    )


def _charges(va: TextValue, vb: TextValue) -> tuple[Verdict, str] | None:
    ia, ib = charge_items(va.text), charge_items(vb.text)
    if not ia or not ib:
        return None
    a, b = _q(va.text), _q(vb.text)
    killing_a = [(k, w) for k, w in ia if k in KILLING and not w <= GENERAL]
    killing_b = [(k, w) for k, w in ib if k in KILLING and not w <= GENERAL]
    if killing_a and killing_b:
        murder_a = [w for k, w in killing_a if k == "murder"]
        murder_b = [w for k, w in killing_b if k == "murder"]
        if bool(murder_a) != bool(murder_b):
            murder, other = (a, b) if murder_a else (b, a)
            return Verdict.CONFLICT, (
                f"{murder} charges the killing as murder, {other} as manslaughter or negligent homicide: one act is "
                "charged one way or the other"
            )
        degrees_a = {d for w in murder_a for d in w if d.endswith("-degree")}
        degrees_b = {d for w in murder_b for d in w if d.endswith("-degree")}
        if degrees_a and degrees_b and not degrees_a & degrees_b:
            return Verdict.CONFLICT, f"{a} and {b} charge murder in different degrees"
    if va.key == vb.key:
        return Verdict.CORROBORATED, f"both say {a}"
    kinds_a, kinds_b = {k for k, _ in ia}, {k for k, _ in ib}
    if kinds_a <= kinds_b or kinds_b <= kinds_a:
        return Verdict.CONSISTENT, f"{a} and {b} agree: one list holds the other"
    return Verdict.CONSISTENT, f"{a} and {b} name different charges: a source may name only some of them"


def _directions(va: TextValue, vb: TextValue) -> tuple[Verdict, str] | None:
    ba, bb = bearing(va.text), bearing(vb.text)
    if ba is None or bb is None:
        return None
    a, b = _q(va.text), _q(vb.text)
    gap = bearing_gap(ba, bb)
    if gap == 0:
        return Verdict.CORROBORATED, f"both say {a}" if va.text == vb.text else f"{a} and {b} are one direction"
    if gap <= 45:
        return Verdict.CONSISTENT, f"{a} and {b} are {gap:g} degrees apart: one direction told more or less finely"
    return Verdict.CONFLICT, f"{a} and {b} are {gap:g} degrees apart: different directions from the same place"
