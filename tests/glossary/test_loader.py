"""The loader reports every problem as path:line:col: message."""

from __future__ import annotations

import textwrap

import pytest

from mtcheck import load_glossaries
from mtcheck.errors import GlossaryError
from tests.conftest import SMALL_GLOSSARY

HEADER = "version: 1\nname: g\nlanguage: en\nterms:\n"


def problems(tmp_path, text: str, name: str = "g.yaml") -> list[str]:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    with pytest.raises(GlossaryError) as caught:
        load_glossaries([path])
    return [str(p).replace(str(tmp_path) + "/", "") for p in caught.value.problems]


def test_valid_glossary_loads_with_defaults(tmp_path):
    path = tmp_path / "small.yaml"
    path.write_text(SMALL_GLOSSARY, encoding="utf-8")
    [glossary] = load_glossaries([path])
    terms = {t.id: t for t in glossary.terms}
    assert glossary.name == "small" and glossary.source_language == "sr"
    assert terms["csm"].forbidden == ("Union of Serbian Municipalities", "USO")
    assert terms["csm"].fuzzy == 88 and terms["csm"].severity.label == "major"
    assert terms["zvecan"].severity.label == "minor"


def test_folder_loads_every_yaml_and_yml(tmp_path):
    (tmp_path / "a.yaml").write_text(HEADER.replace("name: g", "name: a") + "  - {id: x, canonical: Xavier}\n")
    (tmp_path / "b.yml").write_text(HEADER.replace("name: g", "name: b") + "  - {id: y, canonical: Yvonne}\n")
    (tmp_path / "notes.txt").write_text("not a glossary")
    assert [g.name for g in load_glossaries([tmp_path])] == ["a", "b"]


def test_yaml_syntax_error_has_line_and_column(tmp_path):
    found = problems(tmp_path, HEADER + "  - id: x\n    canonical: [unclosed\n")
    assert len(found) == 1 and found[0].startswith("g.yaml:7:1: YAML syntax error")


def test_missing_required_keys(tmp_path):
    found = problems(tmp_path, "version: 1\nname: g\nterms:\n  - id: x\n")
    assert "g.yaml:1:1: missing required key 'language'" in found
    assert "g.yaml:4:5: missing required key 'canonical' in terms[0]" in found


def test_unknown_key_with_did_you_mean(tmp_path):
    found = problems(tmp_path, HEADER + "  - id: x\n    canonical: Xavier\n    variant: [Xavi]\n")
    assert found == ["g.yaml:7:5: unknown key 'variant' in terms[0] (did you mean 'variants'?)"]


def test_wrong_types_and_values(tmp_path):
    found = problems(tmp_path, HEADER + textwrap.dedent("""\
      - id: Bad Id
        canonical: Xavier
        severity: huge
        fuzzy: 120
        variants: Xavi
        case_sensitive: yes please
    """).replace("\n", "\n  ").rstrip(" ").replace("- id", "  - id", 1))
    assert any(p.startswith("g.yaml:5:9: terms[0].id: 'Bad Id' does not match") for p in found)
    assert "g.yaml:7:15: terms[0].severity: 'huge' is not one of neutral, minor, major, critical" in found
    assert "g.yaml:8:12: terms[0].fuzzy: 120 is not a similarity threshold (an integer 0-100, or false)" in found
    assert "g.yaml:9:15: terms[0].variants: expected a list, got a string" in found
    assert "g.yaml:10:21: terms[0].case_sensitive: expected a boolean, got a string" in found


def test_unsupported_version(tmp_path):
    found = problems(tmp_path, HEADER.replace("version: 1", "version: 3") + "  - {id: x, canonical: Xavier}\n")
    assert found == ["g.yaml:1:10: version: unsupported version 3 (this mtcheck reads versions 1 and 2)"]


def test_duplicate_ids_across_files(tmp_path):
    (tmp_path / "a.yaml").write_text(HEADER.replace("name: g", "name: a") + "  - {id: x, canonical: Xavier}\n")
    (tmp_path / "b.yaml").write_text(HEADER.replace("name: g", "name: b") + "\n  - id: x\n    canonical: Yvonne\n")
    with pytest.raises(GlossaryError) as caught:
        load_glossaries([tmp_path])
    [problem] = caught.value.problems
    assert str(problem).startswith(f"{tmp_path}/b.yaml:6:9: duplicate term id 'x' (first defined at {tmp_path}/a.yaml:5:10)")


def test_same_form_claimed_by_two_terms(tmp_path):
    found = problems(tmp_path, HEADER + "  - {id: x, canonical: Xavier}\n  - id: y\n    canonical: Yvonne\n    variants: [XAVIER]\n")
    assert found == ["g.yaml:8:16: form 'XAVIER' of term 'y' is also a form of term 'x'"]


def test_form_both_accepted_and_forbidden(tmp_path):
    found = problems(tmp_path, HEADER + "  - id: x\n    canonical: Xavier\n    forbidden: [Xavi, xavier]\n")
    assert found == ["g.yaml:7:23: term 'x': form 'xavier' is both canonical and forbidden"]


def test_duplicate_yaml_keys(tmp_path):
    found = problems(tmp_path, HEADER + "  - id: x\n    canonical: Xavier\n    canonical: Yvonne\n")
    assert found == ["g.yaml:7:5: duplicate key 'canonical'"]


def test_empty_or_blank_form(tmp_path):
    found = problems(tmp_path, HEADER + "  - id: x\n    canonical: Xavier\n    variants: ['   ', '--']\n")
    assert "g.yaml:7:16: terms[0].variants[0]: '   ' is not a usable form (it has no letters or digits)" in found
    assert len(found) == 2


def test_python_tags_are_refused(tmp_path):
    found = problems(tmp_path, HEADER + "  - id: x\n    canonical: !!python/object:os.system Xavier\n")
    assert found[0].startswith("g.yaml:6:16: tag 'tag:yaml.org,2002:python/object:os.system' refused")


def test_not_a_mapping_and_empty_file(tmp_path):
    assert problems(tmp_path, "- a\n- b\n") == ["g.yaml:1:1: a glossary must be a YAML mapping"]
    assert problems(tmp_path, "", "empty.yaml") == ["empty.yaml:1:1: the file is empty; a glossary is a YAML mapping"]


def test_alias_bomb_is_refused(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 8)]
    found = problems(tmp_path, "\n".join(lines) + "\n")
    assert len(found) == 1 and "alias bomb" in found[0]


def test_every_problem_is_reported_not_just_the_first(tmp_path):
    found = problems(tmp_path, HEADER + "  - id: x\n    canonical: Xavier\n    colour: red\n  - id: y\n    note: no canonical\n")
    assert len(found) == 2


def test_missing_path_and_empty_folder(tmp_path):
    with pytest.raises(GlossaryError, match="glossary file or folder not found"):
        load_glossaries([tmp_path / "nope.yaml"])
    with pytest.raises(GlossaryError, match="no \\*.yaml or \\*.yml glossary files"):
        load_glossaries([tmp_path])


def test_invalid_utf8(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_bytes(HEADER.encode() + b"  - {id: x, canonical: \xff}\n")
    with pytest.raises(GlossaryError, match="g.yaml:5:24: not valid UTF-8 \\(byte offset 62\\)"):
        load_glossaries([path])


def test_a_control_character_is_one_line_with_line_and_column(tmp_path):
    # the column counts characters, though libyaml reports the place in UTF-8 bytes
    assert problems(tmp_path, "version: 1\nname: Vu\u010di\u0107\x00\n") == [
        "g.yaml:2:12: YAML syntax error: character '\\x00' is not allowed"]
    assert problems(tmp_path, "version: 1\n\u2028name: \x1b\n") == [  # YAML counts U+2028 as a line break
        "g.yaml:3:7: YAML syntax error: character '\\x1b' is not allowed"]


def test_tags_on_mapping_keys_are_refused_like_tags_on_values(tmp_path):
    found = problems(tmp_path, HEADER + "  - id: x\n    canonical: X\n    !!python/name:os.system note: a\n"
                               "    !!binary aGk=: b\n")
    assert found == ["g.yaml:7:5: tag 'tag:yaml.org,2002:python/name:os.system' refused: only plain YAML is read "
                     "(safe loading)",
                     "g.yaml:8:5: tag 'tag:yaml.org,2002:binary' refused: only plain YAML is read (safe loading)"]


def test_an_explicit_tag_that_does_not_fit_its_scalar_is_a_problem(tmp_path):
    found = problems(tmp_path, HEADER + "  - id: x\n    canonical: X\n    fuzzy: !!int high\n    !!map x: 1\n")
    assert found[:2] == ["g.yaml:7:12: unsupported YAML value: 'high' cannot be read as !!int",
                         "g.yaml:8:5: unsupported YAML key: expected a mapping node, but found scalar"]
