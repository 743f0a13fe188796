"""Names: two spellings of one entity's name, as `name` claims give them (text/names.py decides).

- The same name as written (a title, a suffix, the surname alone, spacing, case, a transliteration's
  vowels) is corroborated.
- A near respelling (a letter changed, a particle dropped, initials swapped) is a conflict: one of the
  sources has the name wrong, and the explanation says which letters.
- Two different names for one entity may be a nickname, a maiden name or two people taken for one:
  possible, for a person to check.
"""

from __future__ import annotations

from factcheck.models import Verdict
from factcheck.normalize.claims import TextValue
from factcheck.text.names import compare_names


def judge_names(va: TextValue, vb: TextValue) -> tuple[Verdict, str]:
    a, b = f"'{va.text}'", f"'{vb.text}'"
    verdict, why = compare_names(va.text, vb.text)
    if verdict == "same":
        return Verdict.CORROBORATED, f"both say {a}" if va.text == vb.text else f"{a} and {b} are one name as written"
    if verdict == "respelled":
        return Verdict.CONFLICT, f"{a} and {b} spell one name two ways: {why}"
    return Verdict.POSSIBLE, f"{a} and {b} are different names for one entity: a nickname, or two people taken for one"
