"""spelling: off unless enabled, a dictionary's words and wordfreq's ordinary ones pass, names and
glossary forms are never misspellings, and what it needs missing is a one-line error."""

from __future__ import annotations

import json
import sys

from mtcheck.rules import spelling
from tests.cli_runs import mtcheck
from tests.conftest import BUNDLED_GLOSSARY, CORRECTED_SAMPLE, ROOT


def findings(folder, *args) -> tuple[int, list[tuple]]:
    result = mtcheck("check", *args, "-g", BUNDLED_GLOSSARY, "-f", "json", cwd=folder)
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    return result.returncode, [(f["rule"], f["text"], f["suggestion"], f["severity"])
                               for file in report["files"] for f in file["findings"]]


def test_off_by_default_and_on_when_the_config_enables_it(tmp_path):
    (tmp_path / "a.txt").write_text("We recieve letters.\n", encoding="utf-8")
    (tmp_path / "mtcheck.yaml").write_text("rules: {}\n", encoding="utf-8")
    assert findings(tmp_path, "a.txt") == (0, [])
    (tmp_path / "mtcheck.yaml").write_text("rules:\n  spelling: {enabled: true}\n", encoding="utf-8")
    assert findings(tmp_path, "a.txt") == (0, [("spelling", "recieve", "receive", "minor")])


def test_glossary_forms_names_acronyms_and_urls_are_never_misspellings(tmp_path):
    # "Vucic" is term-misspelled's (a glossary match), "Stoltenber" a capital inside a sentence.
    text = "Then Stoltenber met Vucic and the KFORR chief at www.natoo.int in 2022; the goverment said so.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    _, found = findings(tmp_path, "a.txt", "--select", "spelling")
    assert found == [("spelling", "goverment", "government", "minor")]


def test_a_dictionary_word_with_a_regular_ending_is_spelt_right(tmp_path):
    (tmp_path / "a.txt").write_text("The light was lensed astrophysically, and we recieved it.\n", encoding="utf-8")
    _, found = findings(tmp_path, "a.txt", "--select", "spelling")
    assert found == [("spelling", "recieved", "received", "minor")]  # "recieve" is no word either


def test_quiet_on_the_corrected_sample():
    assert findings(ROOT, CORRECTED_SAMPLE, "--select", "spelling") == (0, [])


def test_a_language_without_a_dictionary_is_a_one_line_error(tmp_path):
    (tmp_path / "g.yaml").write_text("version: 1\nname: sr\nlanguage: sr\nterms: []\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Dobar dan.\n", encoding="utf-8")
    result = mtcheck("check", "a.txt", "-g", "g.yaml", "--select", "spelling", cwd=tmp_path, text=True)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == ("error: mtcheck: the spelling rule has no dictionary for 'sr' (it has: ar, de, en, es, "
                             "eu, fa, fr, it, lv, nl, pt, ru)\n")


def test_without_pyspellchecker_it_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "spellchecker", None)  # as if not installed: importing it fails
    spelling._speller.cache_clear()
    (tmp_path / "a.txt").write_text("Text.\n", encoding="utf-8")
    result = mtcheck("check", "a.txt", "-g", BUNDLED_GLOSSARY, "--select", "spelling", cwd=tmp_path, text=True)
    spelling._speller.cache_clear()
    assert (result.returncode, result.stderr) == (
        2, "error: mtcheck: the spelling rule needs pyspellchecker: pip install 'mtcheck[spelling]'\n")


def test_german_compounds_pass_and_nouns_after_an_article_are_looked_at(tmp_path):
    (tmp_path / "g.yaml").write_text("version: 1\nname: de\nlanguage: de\nterms:\n  - id: x\n    canonical: Xylofonia\n",
                                     encoding="utf-8")
    (tmp_path / "a.txt").write_text("Die Bundesregierung ist rechenschaftspflichtig, sagte Merkelow. "
                                    "Die Bundesregirung hat es gesagt, und die Regirung auch.\n", encoding="utf-8")
    result = mtcheck("check", "a.txt", "-g", "g.yaml", "--select", "spelling", "-f", "json", cwd=tmp_path)
    found = [(f["text"], f["suggestion"]) for f in json.loads(result.stdout)["files"][0]["findings"]]
    # "rechenschafts" + "pflichtig" is a compound of known words; "Merkelow" a name (no article before it);
    # "regirung", though wordfreq lists it (a typo, Zipf 1.0), is no established word.
    assert found == [("Bundesregirung", "Bundesregierung"), ("Regirung", "Regierung")]


def test_a_word_the_source_writes_too_is_no_misspelling(tmp_path):
    # A Latin plant name copied from the source; "Blütte" (Blüte) is a slip the source does not write.
    (tmp_path / "g.yaml").write_text("version: 1\nname: de\nlanguage: de\nsource_language: en\nterms: []\n",
                                     encoding="utf-8")
    (tmp_path / "a.tsv").write_text("source\ttarget\n"
                                    "The arum maculatum flower.\tDie Blütte von arum maculatum.\n"
                                    "Its blossom is brief.\tDie arum blüht kurz.\n", encoding="utf-8")
    result = mtcheck("check", "a.tsv", "-g", "g.yaml", "--select", "spelling", "-f", "json", cwd=tmp_path)
    found = [(f["text"], f["line"]) for f in json.loads(result.stdout)["files"][0]["findings"]]
    # The second "arum" is not in its own pair's source: only the words of a pair's source count.
    assert found == [("Blütte", 2), ("arum", 3)]


def test_a_prefix_before_a_dictionary_word_passes_unless_one_letter_from_an_everyday_word(tmp_path):
    (tmp_path / "a.txt").write_text("The undeflected, reconfigured beam; a disfunction and a misplacment.\n",
                                    encoding="utf-8")
    _, found = findings(tmp_path, "a.txt", "--select", "spelling")
    assert [text for _, text, _, _ in found] == ["disfunction", "misplacment"]


def test_german_comparatives_and_superlatives_of_dictionary_words_pass(tmp_path):
    (tmp_path / "g.yaml").write_text("version: 1\nname: de\nlanguage: de\nterms: []\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Es sind gleichberechtigtere Gruppen, und das ist die grundlegendste Frage "
                                    "der fundamentalsten Art, sagte die Regirung.\n", encoding="utf-8")
    result = mtcheck("check", "a.txt", "-g", "g.yaml", "--select", "spelling", "-f", "json", cwd=tmp_path)
    assert [f["text"] for f in json.loads(result.stdout)["files"][0]["findings"]] == ["Regirung"]
