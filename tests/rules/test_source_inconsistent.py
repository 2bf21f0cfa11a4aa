"""source-inconsistent: one source translated two or more ways in a file, in PO, XLIFF and
line-aligned files; its options; quiet on the clean bilingual test data and on real MT."""

from __future__ import annotations

import pytest

from mtcheck import Checker
from mtcheck.model import Glossary
from mtcheck.rules import RULES
from tests.rules.consistency_runs import CLEAN_BILINGUAL, DATA, findings, places, ted_files

RULE = "source-inconsistent"


def test_a_po_file_flags_the_rarer_translation_of_a_repeated_source():
    found = findings(DATA / "news.de.po", RULE)
    # "Delete the file?" three times: twice "Die Datei löschen?" (once with two spaces), once otherwise.
    # The empty target of "The meeting ended." is empty-target's; "OK" is too short to compare.
    assert places(found) == [(13, 1, "menu|Delete the file?")]
    assert found[0].text == "Datei dauerhaft entfernen?"
    assert found[0].message == ("the same source is translated 'Die Datei löschen?' at line 9 "
                                "(segment 0, unit 'dialog|Delete the file?') and 1 more time")
    assert (found[0].rule, found[0].mqm, found[0].severity.label) == (RULE, "Style/Inconsistent style", "minor")


def test_an_xliff_file_compares_sources_without_case_spacing_or_inline_tags():
    found = findings(DATA / "talks.de.xlf", RULE)
    # talks-3's source differs from talks-1's only in case and spacing: the same source, and
    # translated as talks-1 is, which makes that rendering the dominant one.
    assert places(found) == [(19, 3, "talks-2")]
    assert found[0].message.endswith("at line 15 (segment 2, unit 'talks-1') and 1 more time")


def test_each_comparison_option_makes_what_it_names_count():
    assert places(findings(DATA / "news.de.po", RULE, ignore_whitespace=False)) == [
        (13, 1, "menu|Delete the file?"), (17, 2, "toolbar|Delete the file?")]
    # With case counted, talks-3 has a source of its own: talks-1 and talks-2 tie, the first wins.
    case_counted = findings(DATA / "talks.de.xlf", RULE, ignore_case=False)
    assert places(case_counted) == [(19, 3, "talks-2")]
    assert case_counted[0].message.endswith("(segment 2, unit 'talks-1')")
    # With tags counted, save-2's target lost the <x/> that save-1's keeps.
    tags_counted = findings(DATA / "talks.de.xlf", RULE, ignore_tags=False)
    assert places(tags_counted) == [(11, 1, "save-2"), (19, 3, "talks-2")]
    assert tags_counted[0].message.endswith("(they differ in spacing or inline tags only)")


def test_min_words_lets_short_segments_be_compared():
    assert places(findings(DATA / "news.de.po", RULE, min_words=1)) == [
        (13, 1, "menu|Delete the file?"), (27, 5, "footer|OK")]


def test_the_most_frequent_rendering_dominates_and_ties_go_to_the_first(tmp_path):
    source, target = tmp_path / "source.txt", tmp_path / "target.txt"
    source.write_text("The talks resume on Monday.\n" * 5, encoding="utf-8")
    target.write_text("A b c.\nD e f.\nD e f.\nG h i.\nG h i.\n", encoding="utf-8")
    checker = Checker([Glossary("t", "en", "<t>", (), "en")], rules=[RULES[RULE]])
    checker.sources[str(target)] = str(source)
    found = checker.check_document(checker.read(str(target))).findings
    assert [finding.line for finding in found] == [1, 4, 5]  # "D e f." twice, met before "G h i."
    assert {finding.message for finding in found} == {
        "the same source is translated 'D e f.' at line 2 (segment 1) and 1 more time"}


@pytest.mark.parametrize("path", CLEAN_BILINGUAL, ids=[path.name for path in CLEAN_BILINGUAL])
def test_quiet_on_the_clean_bilingual_test_files(path):
    assert findings(path, RULE, min_words=1) == []


def test_quiet_on_real_mt_of_ted_talks(tmp_path):
    # WMT21 TED en-de, 14 systems: no talk repeats a source; across a system's five talks
    # "(Applause)" and "Thank you." repeat, always rendered alike.
    talks = ted_files(tmp_path)
    assert len(talks) == 70
    assert [path.name for path in talks if findings(path, RULE)] == []
    systems = ted_files(tmp_path, whole_systems=True)
    assert [path.name for path in systems if findings(path, RULE, min_words=1)] == []
