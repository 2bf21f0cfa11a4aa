"""target-inconsistent: one target used for two or more different sources in a file, in PO,
XLIFF and line-aligned files; its options; quiet on the clean bilingual test data and on real MT,
where a looser minimum finds the one real case."""

from __future__ import annotations

import pytest

from mtcheck import Checker
from mtcheck.config import Config, RuleSettings
from mtcheck.model import Glossary
from mtcheck.rules import RULES
from tests.rules.consistency_runs import CLEAN_BILINGUAL, DATA, findings, places, ted_files, write_po

RULE = "target-inconsistent"


def test_a_po_file_flags_a_target_given_to_a_rarer_source():
    found = findings(DATA / "news.de.po", RULE)
    # "Die Datei löschen?" translates "Delete the file?" twice (once with two spaces) and
    # "Delete the files?" once; "%s" and "{author}" are placeholders alike.
    assert places(found) == [(20, 3, "Delete the files?")]
    assert found[0].text == "Die Datei löschen?"
    assert found[0].message == ("the same target translates another source, 'Delete the file?', at line 9 "
                                "(segment 0, unit 'dialog|Delete the file?') and 1 more time")
    assert (found[0].rule, found[0].mqm, found[0].severity.label) == (RULE, "Accuracy/Mistranslation", "minor")


def test_sources_differing_in_case_or_spacing_only_are_one_source():
    assert findings(DATA / "talks.de.xlf", RULE) == []
    for options in ({"ignore_case": False}, {"ignore_whitespace": False}):
        found = findings(DATA / "talks.de.xlf", RULE, **options)
        assert places(found) == [(23, 4, "talks-3")], options
        assert found[0].message == ("the same target translates another source, 'The talks resume on Monday.', "
                                    "at line 15 (segment 2, unit 'talks-1')")


def test_placeholders_count_with_ignore_tags_off(tmp_path):
    source, target = tmp_path / "source.txt", tmp_path / "target.txt"
    source.write_text("Read the article by %s.\nRead the article by {author}.\n", encoding="utf-8")
    target.write_text("Lesen Sie den Artikel von X.\nLesen Sie den Artikel von X.\n", encoding="utf-8")
    assert line_aligned(source, target) == []
    assert [(f.line, f.segment) for f in line_aligned(source, target, ignore_tags=False)] == [(2, 1)]


def line_aligned(source, target, **options):
    config = Config(rules={RULE: RuleSettings(options=options)})
    checker = Checker([Glossary("t", "de", "<t>", (), "en")], config, rules=[RULES[RULE]])
    checker.sources[str(target)] = str(source)
    return list(checker.check_document(checker.read(str(target))).findings)


def test_min_words_counts_the_target_and_not_its_numbers(tmp_path):
    source, target = tmp_path / "source.txt", tmp_path / "target.txt"
    source.write_text("Page 12 of 30\nPage 12 of 31\nOK\nOkay\n", encoding="utf-8")
    target.write_text("Seite 12 von 30\nSeite 12 von 30\nOK\nOK\n", encoding="utf-8")
    assert line_aligned(source, target) == []  # "Seite von" and "OK": under three words
    assert [f.line for f in line_aligned(source, target, min_words=2)] == [2]
    assert [f.line for f in line_aligned(source, target, min_words=1)] == [2, 4]


@pytest.mark.parametrize("path", CLEAN_BILINGUAL, ids=[path.name for path in CLEAN_BILINGUAL])
def test_quiet_on_the_clean_bilingual_test_files(path):
    assert findings(path, RULE, min_words=1) == []


def test_quiet_on_real_mt_of_ted_talks_and_what_two_words_would_flag(tmp_path):
    talks = ted_files(tmp_path)
    assert [path.name for path in talks if findings(path, RULE, min_words=1)] == []
    systems = ted_files(tmp_path, whole_systems=True)
    assert [path.name for path in systems if findings(path, RULE)] == []
    # With two words compared, four systems wrote "Vielen Dank." for "Thank you." (three talks)
    # and for "Thank you very much." (talk 4): right both times, which is why three is the default.
    flagged = {path.stem: [(f.unit, f.text) for f in findings(path, RULE, min_words=2)] for path in systems}
    assert {system: found for system, found in flagged.items() if found} == {
        "UEdin": [("talk.4:376", "Vielen Dank.")], "VolcTrans-GLAT": [("talk.4:376", "Vielen Dank.")],
        "eTranslation": [("talk.4:376", "Vielen Dank.")], "metricsystem3": [("talk.4:376", "Vielen Dank")]}


def test_across_project_names_no_file_when_the_dominant_source_stands_in_the_same_one(tmp_path):
    write_po(tmp_path / "a.po", [("It rained all day.", "Es regnete den ganzen Tag.")])
    write_po(tmp_path / "b.po", [("Delete the file now.", "Die Datei jetzt löschen."),
                                 ("Delete the files now.", "Die Datei jetzt löschen."),
                                 ("Delete the file now.", "Die Datei jetzt löschen.")])
    config = Config(rules={RULE: RuleSettings(options={"across": "project"})})
    checker = Checker([Glossary("t", "en", "<t>", (), "en")], config, rules=[RULES[RULE]])
    run = checker.check_paths([str(tmp_path)])
    assert [(f.path, f.line, f.message) for f in run.findings] == [
        (str(tmp_path / "b.po"), 11, "the same target translates another source, 'Delete the file now.', "
         "at line 7 (segment 0, unit '0|Delete the file now.') and 1 more time")]
    # The same as the rule finds in the file alone.
    assert [f.message for f in findings(tmp_path / "b.po", RULE)] == [run.findings[0].message]
