"""The quick reader of plain registry files gives what the full YAML parser gives, lines included,
or gives up; it never reads a document differently."""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.errors import RegistryError
from factcheck.yamlfile import YamlList, YamlMap, _quick, load_text

REPO = Path(__file__).resolve().parent.parent

TRICKY = [
    "plain words", "yes", "No", "on", "OFF", "true", "null", "Null", "~", "2023", "0123", "089", "1_000", "-5", "+5",
    "0x1F", "0b101", "1:30", "1.5", ".5", "1e3", "1.0e+3", ".inf", ".NaN", "2023-05-01", "2023-5-1",
    "2001-12-14t21:59:43.10-05:00", "a: b", "a #b", "a#b", "#x", "'q'", '"dq"', "it's", "children's services", "&a",
    "*b", "!tag", "!!python/object:os.system", "- x", "-x", "[x]", "{y: 1}", "x, y", "%x", "@x", "`x", "|", ">",
    "?x", "? x", "x\u2028y", "x\u0085y", "\xa0x", "x\xa0", "x\u3000", "tab\there", "", " ", "é à", "£5m", "nearly 4,600",
    "=", "<<", "a \\ b", 'say "hi"', "x'", "'x", "x\ufeffy", "emoji \U0001f600", "x\x7f", "x\x00", "a  b", "x:", "x :y",
    "http://a.b", "a - b", "10 Downing Street", "Ms O'Neill", "it''s",
]  # fmt: skip
KEYS = ["id", "quote", "subject", "value", "kind", "as_of", "yes", "no", "null", "Id", "_x", "a1", "on", "1a", "x y"]


def _same(a: Any, b: Any, where: str = "") -> None:
    assert type(a) is type(b), where
    if isinstance(a, YamlMap):
        assert (a.line, a.key_lines, list(a)) == (b.line, b.key_lines, list(b)), where
        for key in a:
            _same(a[key], b[key], f"{where}.{key}")
    elif isinstance(a, YamlList):
        assert (a.line, a.item_lines, len(a)) == (b.line, b.item_lines, len(b)), where
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _same(x, y, f"{where}[{i}]")
    else:
        assert a == b or (a != a and b != b), where  # NaN


def _full(text: str) -> Any:
    """What the full parser makes of text (the quick path turned off), or the error."""
    import factcheck.yamlfile as yamlfile

    real = yamlfile._quick
    yamlfile._quick = lambda _text: None
    try:
        return load_text(text.encode("utf-8", "surrogatepass"), "x.yaml")
    except RegistryError as exc:
        return exc
    finally:
        yamlfile._quick = real


def check(text: str) -> bool:
    """Whether the quick reader read text; when it did, it must match the full parser."""
    quick = _quick(text)
    if quick is None:
        return False
    full = _full(text)
    assert not isinstance(full, RegistryError), (text, full)
    _same(quick, full, repr(text))
    return True


SAFE = ["s00001-03", "council homes", "nearly 4,600", "£39.1 million", "Bradworth TC", "chief executive", "role", "2019"]


def _scalar(rng: random.Random, bent: bool) -> str:
    value = rng.choice(TRICKY) if bent and rng.random() < 0.15 else rng.choice(SAFE)
    roll = rng.random()
    if roll < 0.3:
        return '"' + value + '"'
    if roll < 0.4:
        return "'" + value + "'"
    return value


def document(rng: random.Random) -> str:
    """A registry-like document; every other one bent, here and there, out of the quick reader's shape."""
    bent = rng.random() < 0.5

    def odd(p: float) -> bool:
        return bent and rng.random() < p

    lines = []
    if rng.random() < 0.3:
        lines.append("# " + rng.choice(TRICKY))
    lines.append(f"{rng.choice(KEYS) if odd(0.3) else 'source'}: {_scalar(rng, bent)}")
    list_indent = rng.choice([0, 2, 2, 2, 4]) if bent else rng.choice([0, 2])
    lines.append(rng.choice(["claims: ", "claims:  # the claims", "claims: x"]) if odd(0.2) else "claims:")
    for _ in range(rng.randint(0, 4)):
        keys = rng.sample(KEYS, rng.randint(1, 5)) if odd(0.3) else ["id", "quote", "value"]
        for n, key in enumerate(keys):
            lead = " " * list_indent + ("- " if n == 0 else "  ")
            if odd(0.05):
                lead = " " * rng.randint(0, 6) + rng.choice(["", "- ", "-  "])
            tail = rng.choice([" ", "  # note", "#x"]) if odd(0.1) else ""
            sep = rng.choice([":  ", ":", " : "]) if odd(0.05) else ": "
            lines.append(f"{lead}{key}{sep}{_scalar(rng, bent)}{tail}")
            if odd(0.05):
                lines.append(rng.choice(["", "   ", "  # comment", "    continued", "---", "...", "\t"]))
    if rng.random() < 0.2:
        lines.append(f"{rng.choice(KEYS)}: {_scalar(rng, bent)}")
    return ("\r\n" if odd(0.1) else "\n").join(lines) + rng.choice(["\n", "", "\n\n"])


def test_the_shipped_and_generated_registry_files_are_read_quickly_and_the_same(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from gen_dense import generate_dense

    generate_dense(30, tmp_path)
    files = sorted(REPO.glob("claims/*.yaml")) + sorted(tmp_path.glob("claims/*.yaml"))
    read = [check(f.read_text(encoding="utf-8")) for f in files]
    assert sum(read) >= len(files) - 3  # all but a few: a colon in a value leaves a file to the parser


@pytest.mark.parametrize("seed", range(4))
def test_random_documents_are_read_as_the_full_parser_reads_them(seed: int) -> None:
    rng = random.Random(seed)
    read = sum(check(document(rng)) for _ in range(1500))
    assert 150 < read < 1500  # both paths are exercised


def test_documents_the_quick_reader_leaves_to_the_parser() -> None:
    for text in [
        "source: x\nclaims:\n  - id: a\n    value: 10:30\n",  # a colon in a plain value
        "source: x\nclaims:\n  - id: a\n    quote: \"say \\\"hi\\\"\"\n",  # an escape
        "source: x\nsource: y\n",  # a duplicate key: the parser's error names both lines
        "source: x\nclaims:\n  - id: a\n    id: b\n",
        "source: [a,\n  b]\n",  # a list over several lines
        "source: {a: b}\n",
        "source: x\nclaims:\n  - id: a\n    quote: two\n      lines\n",
        "- id: a\n",
        "source: x\r\nclaims: []\r\n",
        "claims:\n",
    ]:
        assert _quick(text) is None, text
    assert _quick("source: \"x.txt\"\nclaims:\n  - id: a\n    value: 2023\n") == {"source": "x.txt",
                                                                                 "claims": [{"id": "a", "value": 2023}]}  # fmt: skip


def test_the_parser_refuses_what_the_quick_reader_gives_up_on() -> None:
    with pytest.raises(RegistryError, match="duplicate key 'source' \\(first on line 1\\)"):
        load_text(b"source: x\nsource: y\n", "claims/x.yaml")
    assert yaml.safe_load("a: yes\n") == {"a": True}
    assert load_text(b"a: yes\n", "x.yaml") == {"a": True}


FLOWS = ['[]', '[ ]', '["a"]', "['a']", '["a", "b"]', "[ 'it''s' ,\"x\" ]", '["a",]', '[a]', '["a", b]', '["a" "b"]',
         '["a\\"b"]', '["a", ["b"]]', '[{"a": 1}]', '["a"', '"a"]', "['']", '[""]', '["a, b"]', '["[x]"]', "['#x']",
         '["a"] # note', '["a"]#x', '["a"] x', '["a"] ]', "['x'y']", '["é £5m"]', '["tab\there"]', '["a: b"]', '[a, b]',
         '[Ms Hodges, Hodges , Sally]', '[a,b]', '[yes, 2019, null, ~, 1.5, 0x1F, 2023-05-01]', '[a  b]', '[-x]', '[- x]',
         '[a:b]', '[a: b]', '[a #b]', '[a#b]', '[?x]', '[&a x]', '[*b]', '[!x y]', '[x!]', '[a, "b", \'c\']', '[ a ]',
         "[it's]", '[£5m, é]', '[.inf, .NaN]', '[<<]', '[=]', '[a ]]']  # fmt: skip


def test_one_line_lists_of_quoted_texts_are_read_as_the_full_parser_reads_them() -> None:
    read = 0
    for flow in FLOWS:
        for text in (f"aliases: {flow}\n", f"entities:\n  - id: a\n    aliases: {flow}\n    name: x\n",
                     f"entities:\n  - aliases: {flow}\n  - id: b\n    aliases: {flow}\n"):  # fmt: skip
            read += check(text)
    assert read >= 3 * 25  # the plain lists are read quickly, the others left to the parser


def test_the_entities_files_are_read_quickly(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from gen_dense import generate_dense

    generate_dense(30, tmp_path)
    for file in [REPO / "claims" / "entities.yaml", tmp_path / "claims" / "entities.yaml"]:
        assert check(file.read_text(encoding="utf-8")), file


def _pyyaml_tag(value: str) -> str:
    return str(yaml.resolver.Resolver().resolve(yaml.ScalarNode, value, (True, False)))


def test_tables_of_plain_types_are_pyyamls() -> None:
    """The first characters, booleans and nulls written out in yamlfile are PyYAML's own."""
    from factcheck.yamlfile import BOOL_WORDS, NULL_WORDS, TYPED_FIRST

    assert set(yaml.resolver.Resolver.yaml_implicit_resolvers) == TYPED_FIRST
    letters = [w for w in TRICKY + KEYS if w.isascii() and w.isalpha()] + sorted(BOOL_WORDS | NULL_WORDS)
    assert {w for w in letters if _pyyaml_tag(w).endswith(":bool")} == BOOL_WORDS & set(letters)
    assert {w for w in letters if _pyyaml_tag(w).endswith(":null")} == NULL_WORDS


def test_plain_types_without_pyyaml_agree_with_it() -> None:
    """Words and plain counts are typed without PyYAML's resolver, as it types them; so is every
    other plain scalar, random ones included."""
    from factcheck.yamlfile import _plain_tag

    rng = random.Random(18)
    alphabet = "aeoOnNyYtTfFlLsSuU019_.:-+e~ "
    made = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6))) for _ in range(3000)]
    for value in TRICKY + KEYS + made + [str(n) for n in range(-20, 3000, 7)]:
        assert _plain_tag(value) == _pyyaml_tag(value), value


def test_a_registry_of_words_and_counts_is_read_without_importing_pyyaml(tmp_path: Path) -> None:
    """A claims file of the shape factcheck writes, with words, counts and dates as plain values, is
    read by the flat reader (as search reads a hit's file) without importing yaml."""
    import subprocess

    file = tmp_path / "c.yaml"
    file.write_text("source: a.txt\nclaims:\n  - id: a-1\n    quote: \"spent 2021 pounds\"\n    subject: Harrow\n"
                    "    property: spending\n    value: 2021\n    as_of: October 2021\n    kind: number\n",
                    encoding="utf-8")  # fmt: skip
    code = ("import sys\nfrom factcheck.yamlfile import load_text\n"
            f"data = load_text(open({str(file)!r}, 'rb').read(), 'c.yaml')\n"
            "assert data['claims'][0]['value'] == 2021, data\n"
            "assert data['claims'][0]['as_of'] == 'October 2021'\n"
            "print('yaml' in sys.modules)\n")  # fmt: skip
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert done.stdout.strip() == "False"
