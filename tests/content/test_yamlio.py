"""The safe YAML reader: plain data, line numbers, and refusal of what PyYAML lets through."""
from kennisbank.content.frontmatter import split_front_matter
from kennisbank.content.yamlio import parse_yaml


def test_plain_data_and_lines():
    doc, problems = parse_yaml("title: Hallo\nitems:\n  - een\n  - twee\nages: {min: 3, max: 12}\n", "x.yaml")
    assert problems == []
    assert doc.data == {"title": "Hallo", "items": ["een", "twee"], "ages": {"min": 3, "max": 12}}
    assert doc.line_of(("items", 1)) == 4
    assert doc.line_of(("ages", "max")) == 5
    assert doc.line_of(("title",), key=True) == 1


def test_dates_stay_text_for_the_schema_to_check():
    doc, _ = parse_yaml("last_reviewed: 2026-11-23\n", "x.yaml")
    assert doc.data["last_reviewed"] == "2026-11-23"


def test_yes_no_and_numbers_are_typed_like_yaml():
    doc, _ = parse_yaml("a: yes\nb: 12\nc: 1.5\nd: ~\n", "x.yaml")
    assert doc.data == {"a": True, "b": 12, "c": 1.5, "d": None}


def test_duplicate_key_names_both_lines():
    _, problems = parse_yaml("title: a\nsummary: b\ntitle: c\n", "x.yaml")
    assert [str(p).split(" — ")[0] for p in problems] == ["x.yaml:3: veld 'title' staat er twee keer (ook op regel 1)"]


def test_object_constructing_tag_is_refused():
    _, problems = parse_yaml("a: !!python/object/apply:os.system ['echo hi']\n", "x.yaml")
    assert len(problems) == 1 and "niet toegestaan" in problems[0].message


def test_custom_tag_is_refused():
    _, problems = parse_yaml("a: !geheim waarde\n", "x.yaml")
    assert "YAML-tag '!geheim'" in problems[0].message


def test_alias_bomb_is_refused_without_expanding():
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for prev, name in zip("abcdefghi", "bcdefghij", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    doc, problems = parse_yaml("\n".join(lines) + "\n", "x.yaml")
    assert problems and all("alias" in p.message for p in problems)
    assert len(problems) == 81  # one per alias, not one per expansion


def test_syntax_error_line_is_shifted_by_the_front_matter_offset():
    _, problems = parse_yaml("a: [1, 2\nb: 3\n", "x.md", line_offset=1)
    assert problems[0].line == 3 and problems[0].message.startswith("YAML-fout")


def test_front_matter_split_keeps_line_numbers():
    split, problems = split_front_matter("---\ntitle: x\n---\n\nTekst\n", "p.md")
    assert problems == [] and split.yaml_text == "title: x\n"
    assert split.yaml_first_line == 2 and split.body_first_line == 4 and split.body.strip() == "Tekst"
