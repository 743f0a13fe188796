"""text/entities.standing_alone finds a name where the word-boundary patterns it replaced found it."""

import random
import re

from factcheck.text.entities import _APOS, standing_alone


def test_same_places_as_the_patterns_on_random_texts() -> None:
    rng = random.Random(7)
    letters = [*"ab_-'’ é1xAB.", "\u00b2", "\u0660", "ß"]  # word characters of several classes, apostrophes, hyphens
    for _ in range(20000):
        text = "".join(rng.choice(letters) for _ in range(rng.randint(0, 14)))
        word = "".join(rng.choice("abA") for _ in range(rng.randint(1, 3)))
        person = [m.start() for m in re.finditer(rf"(?<![\w{_APOS}-]){re.escape(word)}(?![\w-])", text)]
        name = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)]
        assert list(standing_alone(text, word, before=_APOS + "-", after="-")) == person, (text, word)
        assert list(standing_alone(text, word)) == name, (text, word)


def test_a_name_inside_a_longer_word_or_after_an_apostrophe_is_not_found() -> None:
    text = "Gray said Grayson's and O'Gray and Gray-Smith knew Gray."
    assert list(standing_alone(text, "Gray", before=_APOS + "-", after="-")) == [0, 51]
    assert list(standing_alone(text, "Gray")) == [0, 26, 35, 51]
