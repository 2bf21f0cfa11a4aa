"""Changing a glossary file (mtcheck/glossary/editing.py), through `mtcheck glossary add`, `edit` and `remove`:
what a person wrote is kept, and an invalid change writes nothing."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml

from tests.cli_runs import glossary
from tests.conftest import BUNDLED_GLOSSARY


def test_add_and_edit_keep_comments_and_order(tmp_path):
    path = tmp_path / "g.yaml"
    shutil.copy(BUNDLED_GLOSSARY / "kosovo-serbia.yaml", path)
    before = path.read_text(encoding="utf-8")
    added = glossary("add", path, "--id", "kaja-kallas-2", "--canonical", "Kaja Kallas Junior", "--forbidden",
                     "Kaya Kalas Junior", "--note", "A test entry.")
    assert added.returncode == 0, added.stderr
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before) and after[len(before):] == (
        "  - id: kaja-kallas-2\n    canonical: Kaja Kallas Junior\n    forbidden: [Kaya Kalas Junior]\n"
        "    note: A test entry.\n")
    edited = glossary("edit", path, "csm", "--add-forbidden", "WSO", "--set-note", "Shorter note.")
    assert edited.returncode == 0, edited.stderr
    text = path.read_text(encoding="utf-8")
    assert "    forbidden: [Union of Serbian Municipalities, USO, WSO]\n" in text and 'note: "Shorter note."' in text
    assert text.count("#") == before.count("#")  # every comment kept
    assert glossary("validate", path).returncode == 0


def test_invalid_changes_are_refused_and_nothing_is_written(small_glossary_file):
    before = small_glossary_file.read_bytes()
    taken = glossary("add", small_glossary_file, "--id", "kurti", "--canonical", "Someone Else")
    assert taken.returncode == 2 and "exists already" in taken.stderr.decode()
    clash = glossary("edit", small_glossary_file, "kurti", "--add-forbidden", "Albin Kurti")
    assert clash.returncode == 2 and "refused" in clash.stderr.decode()
    bad_id = glossary("add", small_glossary_file, "--id", "Bad Id", "--canonical", "X")
    assert bad_id.returncode == 2 and "refused" in bad_id.stderr.decode()
    assert small_glossary_file.read_bytes() == before


# --- edit --remove/--set/--add-example-*/--review/--rename, and remove, on a file full of comments -------

COMMENTED = """\
# A glossary with comments everywhere.
version: 1
name: news
language: en
source_language: sr
defaults: {severity: major}   # the house default

terms:
  # --- Organisations ---
  - id: csm
    canonical: Community of Serb Municipalities   # as in the agreement
    variants: [Association of Serb Municipalities]
    short: [CSM, ASM]
    forbidden: [Union of Serbian Municipalities, USO]
    source: [Zajednica srpskih opština, ZSO]
    note: Name used in the 2013 Brussels Agreement.

  # --- People ---
  - id: kurti
    canonical: Albin Kurti
    short: [Kurti]
    note: The Prime Minister.   # since 2021

  - id: vucic
    canonical: Aleksandar Vučić
    source: [Александар Вучић]
    note: The President.
# end of the terms
"""
CSM_NOTE = "    note: Name used in the 2013 Brussels Agreement.\n"


@pytest.fixture()
def commented(tmp_path):
    path = tmp_path / "news.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    return path


def changed(path, *args) -> str:
    """The file's text after a change that must succeed."""
    result = glossary(*args[:1], path, *args[1:])
    assert result.returncode == 0, result.stderr
    return path.read_text(encoding="utf-8")


def refused(path, *args) -> str:
    """The one error line of a change that must be refused, leaving the file as it was."""
    result = glossary(*args[:1], path, *args[1:])
    assert result.returncode == 2 and path.read_text(encoding="utf-8") == COMMENTED
    [line] = result.stderr.decode().splitlines()
    return line


@pytest.mark.parametrize("form, before, after", [
    ("Association of Serb Municipalities", "    variants: [Association of Serb Municipalities]\n", ""),
    ("ASM", "    short: [CSM, ASM]\n", "    short: [CSM]\n"),
    ("uso", "    forbidden: [Union of Serbian Municipalities, USO]\n", "    forbidden: [Union of Serbian Municipalities]\n"),
    ("ZSO", "    source: [Zajednica srpskih opština, ZSO]\n", "    source: [Zajednica srpskih opština]\n"),
])
def test_remove_takes_a_form_from_whichever_list_holds_it_and_keeps_the_rest_byte_for_byte(commented, form, before, after):
    assert changed(commented, "edit", "csm", "--remove", form) == COMMENTED.replace(before, after)


def test_removing_the_canonical_or_an_unknown_form_is_refused(commented):
    assert refused(commented, "edit", "csm", "--remove", "Community of Serb Municipalities") == (
        f"error: {commented}: term 'csm': 'Community of Serb Municipalities' is its canonical form: give the term "
        "another with --set canonical=FORM (the old one is then gone; --add-variant keeps it as a variant)")
    assert refused(commented, "edit", "csm", "--remove", "WSO") == f"error: {commented}: term 'csm' has no form 'WSO'"


def test_set_writes_each_option_with_its_type_after_the_last_key_and_before_the_next_comments(commented):
    text = changed(commented, "edit", "kurti", "--set", "severity=minor", "--set", "fuzzy=75", "--set", "case_sensitive=true",
                   "--set", "morphology=exact", "--set", "type=true")
    assert text == COMMENTED.replace("    note: The Prime Minister.   # since 2021\n",
                                     "    note: The Prime Minister.   # since 2021\n    severity: minor\n    fuzzy: 75\n"
                                     "    case_sensitive: true\n    morphology: exact\n    type: 'true'\n")
    text = changed(commented, "edit", "kurti", "--set", "fuzzy=false", "--set", "note=90", "--set", "severity=",
                   "--set", "type=", "--set", "canonical=Albin Kurti (PM)")
    kurti = yaml.safe_load(text)["terms"][1]
    assert kurti == {"id": "kurti", "canonical": "Albin Kurti (PM)", "short": ["Kurti"], "note": "90", "fuzzy": False,
                     "case_sensitive": True, "morphology": "exact"}
    assert re.search(r"\n    note: '90' +# since 2021\n", text) and "\n  # --- People ---\n  - id: kurti\n" in text


def test_set_at_the_end_of_a_section_keeps_the_next_sections_heading_below(commented):
    assert changed(commented, "edit", "csm", "--set", "severity=minor") == COMMENTED.replace(
        CSM_NOTE, CSM_NOTE + "    severity: minor\n")


@pytest.mark.parametrize("setting, message", [
    ("fuzzy=abc", "terms[0].fuzzy: 'abc' is not a similarity threshold (an integer 0-100, or false)"),
    ("fuzzy=101", "terms[0].fuzzy: 101 is not a similarity threshold (an integer 0-100, or false)"),
    ("case_sensitive=maybe", "terms[0].case_sensitive: expected a boolean, got a string"),
    ("severity=huge", "terms[0].severity: 'huge' is not one of neutral, minor, major, critical"),
    ("morphology=stem", "terms[0].morphology: 'stem' is not one of inflect, exact"),
    ("canonical=", "missing required key 'canonical' in terms[0]"),
])
def test_a_bad_value_is_refused_naming_the_key(commented, setting, message):
    assert refused(commented, "edit", "csm", "--set", setting).endswith(f": refused: {message}")


def test_set_refuses_what_is_no_option(commented):
    for setting in ("colour=red", "variants=X", "id=x", "severity"):
        assert refused(commented, "edit", "csm", "--set", setting) == (
            f"error: mtcheck: --set {setting!r}: expected KEY=VALUE with KEY one of canonical, type, note, severity, "
            "fuzzy, case_sensitive, morphology")


def test_examples_added_are_run_by_glossary_test(commented):
    text = changed(commented, "edit", "csm", "--add-example-flag", "The USO met.", "--add-example-pass", "The CSM met, at last.")
    assert text == COMMENTED.replace(CSM_NOTE, CSM_NOTE + '    examples:\n      flag: ["The USO met."]\n'
                                                          '      pass: ["The CSM met, at last."]\n')
    tested = glossary("test", commented)
    assert tested.returncode == 0 and tested.stderr.decode() == "2 examples passed.\n"
    text = changed(commented, "edit", "csm", "--add-example-pass", "The USO met again.")
    assert '      pass: ["The CSM met, at last.", "The USO met again."]\n' in text
    failing = glossary("test", commented)
    assert failing.returncode == 1 and "expected no finding in 'The USO met again.'" in failing.stdout.decode()


def test_review_records_a_reason_and_takes_it_back(commented):
    text = changed(commented, "edit", "kurti", "--review", "nested-form=A name of its own.")
    assert text == COMMENTED.replace("# since 2021\n", "# since 2021\n    reviewed:\n      nested-form: A name of its own.\n")
    assert changed(commented, "edit", "kurti", "--review", "nested-form=") == COMMENTED
    assert refused(commented, "edit", "kurti", "--review", "nested=x").endswith(
        "refused: unknown key 'nested' in terms[1].reviewed (did you mean 'nested-form'?)")
    assert refused(commented, "edit", "kurti", "--review", "no-note=") == (
        f"error: {commented}: term 'kurti' records no review of 'no-note' to take back")


def test_rename_changes_the_id_only_and_refuses_a_taken_or_bad_one(commented):
    assert changed(commented, "edit", "csm", "--rename", "community") == COMMENTED.replace("- id: csm\n", "- id: community\n")
    commented.write_text(COMMENTED, encoding="utf-8")
    assert refused(commented, "edit", "csm", "--rename", "kurti") == (
        f"error: {commented}: term 'kurti' exists already: choose another id")
    assert refused(commented, "edit", "csm", "--rename", "Bad Id").endswith("refused: terms[0].id: 'Bad Id' does not match ^[a-z0-9._-]+$")


def lines_without(text: str, first: str, last: str) -> str:
    """``text`` without the lines from the one starting ``first`` to the one starting ``last``."""
    start = text.index(first)
    end = text.index("\n", text.index(last, start)) + 1
    return text[:start] + text[end:]


@pytest.mark.parametrize("term_id, first, last", [
    ("kurti", "  - id: kurti", "    note: The Prime"),
    ("vucic", "  - id: vucic", "    note: The President."),
])
def test_remove_takes_out_the_terms_lines_only(commented, term_id, first, last):
    assert changed(commented, "remove", term_id) == lines_without(COMMENTED, first, last)
    assert glossary("validate", commented).returncode == 0


def test_removing_the_first_term_keeps_the_comments_before_the_next(commented):
    text = changed(commented, "remove", "csm")
    assert text == lines_without(COMMENTED, "  - id: csm", CSM_NOTE).replace("\n\n  # --- People", "\n  # --- People")


def test_an_unknown_term_is_one_line_and_exit_2(commented):
    assert refused(commented, "remove", "nobody") == f"error: {commented}: no term 'nobody' in this glossary"
    assert refused(commented, "edit", "nobody", "--set", "note=x") == f"error: {commented}: no term 'nobody' in this glossary"


def test_a_variant_becomes_the_canonical_and_the_old_canonical_a_variant(commented):
    text = changed(commented, "edit", "csm", "--remove", "Association of Serb Municipalities",
                   "--add-variant", "Community of Serb Municipalities", "--set", "canonical=Association of Serb Municipalities")
    assert text == COMMENTED.replace("canonical: Community of Serb Municipalities   #", "canonical: Association of Serb Municipalities #")\
        .replace("variants: [Association of Serb Municipalities]", "variants: [Community of Serb Municipalities]")


def test_removing_a_term_after_an_inline_mapping_keeps_the_heading_above_it(tmp_path):
    """After an inline mapping ruamel holds the comments above the next term on that term, not on
    the mapping: removing the term must not take the section's heading with it."""
    path = tmp_path / "g.yaml"
    text = COMMENTED.replace(CSM_NOTE, CSM_NOTE + '    examples: {pass: ["the CSM met"]}\n')
    path.write_text(text, encoding="utf-8")
    removed = glossary("remove", path, "kurti")
    assert removed.returncode == 0, removed.stderr
    assert path.read_text(encoding="utf-8") == lines_without(text, "  - id: kurti", "    note: The Prime Minister.")


def test_a_term_added_after_a_closing_comment_goes_above_it(commented):
    """A comment after the last term stays last (a plain dict here once crashed: no ruamel comment slots)."""
    text = changed(commented, "add", "--id", "eulex", "--canonical", "EULEX")
    assert text == COMMENTED.replace("# end of the terms\n", "  - id: eulex\n    canonical: EULEX\n# end of the terms\n")
