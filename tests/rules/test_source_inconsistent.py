"""source-inconsistent: one source translated two or more ways in a file, in PO, XLIFF and
line-aligned files; its options; quiet on the clean bilingual test data and on real MT."""

from __future__ import annotations

import json

import pytest

from mtcheck import Checker
from mtcheck.config import Config, RuleSettings
from mtcheck.model import Glossary
from mtcheck.rules import RULES
from tests.cli_runs import mtcheck
from tests.conftest import BUNDLED_GLOSSARY
from tests.rules.consistency_runs import (CLEAN_BILINGUAL, CONSISTENCY_RULES, DATA, findings, places, project_of_two,
                                          ted_files)

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


# Across the files of a run (``across: project``): run through the command line, as a project is.

def _project_report(folder, *args, cache: bool = False) -> tuple[int, dict]:
    result = mtcheck("check", "project", "-g", BUNDLED_GLOSSARY, "-f", "json", *(a for r in CONSISTENCY_RULES
                     for a in ("--select", r)), *args, cwd=folder, cache=cache)
    assert result.returncode in (0, 1), result.stderr
    return result.returncode, json.loads(result.stdout)


def _consistency_findings(report: dict) -> list[tuple[str, str, int, str]]:
    return [(f["rule"], file["path"], f["line"], f["message"]) for file in report["files"] for f in file["findings"]]


PROJECT_FINDINGS = [
    ("source-inconsistent", "project/b.po", 11, "the same source is translated 'Das Treffen endete mittags.' at "
     "project/a.po line 7 (segment 0, unit '0|The meeting ended at noon.') and 1 more time"),
    ("target-inconsistent", "project/b.po", 15, "the same target translates another source, 'Delete the file now.', "
     "at project/a.po line 11 (segment 1, unit '1|Delete the file now.') and 1 more time"),
]


@pytest.mark.parametrize("across", [None, "file"])
def test_each_file_alone_is_consistent_so_the_default_finds_nothing(tmp_path, across):
    project_of_two(tmp_path, across)
    code, report = _project_report(tmp_path, "--fail-on", "minor")
    assert code == 0 and _consistency_findings(report) == []


@pytest.mark.parametrize("jobs", ["1", "2"])  # with two, each file is checked in a worker process
def test_across_project_flags_the_minority_renderings_and_names_the_other_file(tmp_path, jobs):
    project_of_two(tmp_path)
    code, report = _project_report(tmp_path, "--jobs", jobs, "--fail-on", "minor")
    assert code == 1 and _consistency_findings(report) == PROJECT_FINDINGS


def test_across_project_with_the_results_cache_reports_the_same_whatever_the_cache_answers(tmp_path):
    project = project_of_two(tmp_path)
    first = _project_report(tmp_path, cache=True)
    assert len(list((tmp_path / ".mtcheck_cache" / "results").rglob("*/*"))) == 2
    assert _project_report(tmp_path, cache=True) == first  # both files answered by the cache
    assert _consistency_findings(first[1]) == PROJECT_FINDINGS
    # a.po (the dominant renderings) from the cache, b.po checked afresh: still compared with a.po.
    b = project / "b.po"
    b.write_text("# edited\n" + b.read_text(encoding="utf-8"), encoding="utf-8")
    moved = [(rule, path, line + 1, message) for rule, path, line, message in PROJECT_FINDINGS]
    assert _consistency_findings(_project_report(tmp_path, cache=True)[1]) == moved
    # And the other way: b.po from the cache, a.po checked afresh without its dominant renderings.
    a = project / "a.po"
    a.write_text(a.read_text(encoding="utf-8").replace("Das Treffen endete", "Die Sitzung war").replace(
        "mittags.", "mittags zu Ende."), encoding="utf-8")
    assert [f[0] for f in _consistency_findings(_project_report(tmp_path, cache=True)[1])] == ["target-inconsistent"]


def test_a_baseline_holds_the_project_findings_as_any_other(tmp_path):
    project_of_two(tmp_path)
    _project_report(tmp_path, "--write-baseline", "baseline.json")
    code, report = _project_report(tmp_path, "--baseline", "baseline.json", "--fail-on", "minor")
    assert code == 0 and _consistency_findings(report) == []
    assert [(file["path"], file.get("baselined")) for file in report["files"]] == [("project/a.po", None), ("project/b.po", 2)]


def test_in_the_library_a_file_checked_alone_leaves_the_project_findings_to_the_run(tmp_path):
    project = project_of_two(tmp_path)
    config = Config(rules={RULE: RuleSettings(options={"across": "project"})})
    checker = Checker([Glossary("t", "en", "<t>", (), "en")], config, rules=[RULES[RULE]])
    alone = checker.check_document(checker.read(str(project / "b.po")))
    assert alone.findings == () and [p.finding.line for p in alone.pending] == [7, 11, 15]  # every pair compared
    run = checker.check_paths([str(project)])
    assert [(f.path, f.line) for f in run.findings] == [(str(project / "b.po"), 11)]
    assert all(file.pending == () for file in run.files)


def test_an_inline_directive_silences_a_project_finding_and_counts_it(tmp_path):
    project = project_of_two(tmp_path)
    b = project / "b.po"
    b.write_text(b.read_text(encoding="utf-8") + 'msgid "Note."\nmsgstr "mtcheck: ignore-file source-inconsistent"\n',
                 encoding="utf-8")
    config = Config(rules={RULE: RuleSettings(options={"across": "project"})})
    checker = Checker([Glossary("t", "en", "<t>", (), "en")], config, rules=[RULES[RULE]])
    run = checker.check_paths([str(project)])
    assert run.findings == [] and [file.suppressed for file in run.files] == [{}, {RULE: 1}]
