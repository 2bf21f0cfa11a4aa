"""Bilingual checks: each rule on its examples, findings pointing into the translation file."""

from __future__ import annotations

import json

import pytest

from tests.cli_runs import check_json, mtcheck
from tests.conftest import BUNDLED_GLOSSARY

SOURCE = """\
Umrlo je 12 ljudi u Zvečanu.
Zajednica srpskih opština je tema sastanka.
Sastanak je završen danas u podne.
Zdravo {0}, imate %s poruka.
Cena je 1.000,5 evra, a tri osobe su povređene.
Premijer je otputovao u Brisel.
"""
TARGET = """\
13 people died in Zvečan.
The association is the topic of the meeting.
Sastanak je završen danas u podne.
Hello, you have %s messages.
The price is 1,000.5 euros, and three people were injured.

"""
GOOD = """\
12 people died in Zvečan.
The Community of Serb Municipalities is the topic of the meeting.
The meeting ended today at noon.
Hello {0}, you have %s messages.
The price is 1,000.5 euros, and three people were injured.
The Prime Minister travelled to Brussels.
"""


@pytest.fixture()
def line_aligned(tmp_path):
    source, target, good = tmp_path / "src.sr.txt", tmp_path / "tgt.en.txt", tmp_path / "good.en.txt"
    source.write_text(SOURCE, encoding="utf-8")
    target.write_text(TARGET, encoding="utf-8")
    good.write_text(GOOD, encoding="utf-8")
    return source, target, good


def test_each_bilingual_rule_on_a_line_aligned_pair(line_aligned):
    source, target, _ = line_aligned
    report = check_json(target, "--source", source)
    found = [(f["line"], f["column"], f["rule"], f["text"], f["segment"], f["unit"])
             for f in report["files"][0]["findings"]]
    assert found == [
        (1, 1, "number-mismatch", "13", 0, None),  # in place of the source's 12: one finding, on the 13
        (2, 1, "term-missing", "The association is the topic of the meeting.", 1, None),
        (3, 1, "untranslated-segment", "Sastanak je završen danas u podne.", 2, None),
        (4, 1, "placeholder-mismatch", "", 3, None),
        (6, 1, "empty-target", "", 5, None),
    ]
    messages = {f["rule"]: f["message"] for f in report["files"][0]["findings"]}
    assert messages["term-missing"] == ("the source names 'Zajednica srpskih opština', but the target has no form of "
                                        "'Community of Serb Municipalities'")
    assert messages["placeholder-mismatch"] == "'{0}' of the source is missing from the target"


def test_a_good_translation_passes(line_aligned):
    source, _, good = line_aligned
    report = check_json(good, "--source", source)
    assert report["files"][0]["findings"] == []


def test_source_needs_exactly_one_target_file(line_aligned):
    source, target, good = line_aligned
    result = mtcheck("check", target, good, "--source", source, "-g", BUNDLED_GLOSSARY)
    assert result.returncode == 2 and "exactly one TARGET file" in result.stderr.decode()


def test_an_xliff_file_points_findings_at_units_and_lines(tmp_path):
    xliff = tmp_path / "news.xlf"
    xliff.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="sr" target-language="en" datatype="plaintext" original="news.txt">
    <body>
      <trans-unit id="intro">
        <source>Zajednica srpskih opština i <x id="1"/> NATO.</source>
        <target>The Union of Serbian Municipalities and NATO.</target>
      </trans-unit>
      <trans-unit id="count">
        <source>Povređeno je 5 vojnika KFOR-a.</source>
        <target>Six KFOR soldiers were injured.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
""", encoding="utf-8")
    report = check_json(xliff)
    found = [(f["rule"], f["unit"], f["segment"], f["line"], f["column"], f["text"]) for f in report["files"][0]["findings"]]
    assert found == [
        ("placeholder-mismatch", "intro", 0, 7, 17, ""),  # the source's <x id="1"/>
        ("term-forbidden", "intro", 0, 7, 21, "Union of Serbian Municipalities"),
        ("number-mismatch", "count", 1, 11, 17, "Six"),  # six in place of the source's 5
    ]
    forbidden = report["files"][0]["findings"][1]
    assert forbidden["offset"] == 4 and forbidden["length"] == len("Union of Serbian Municipalities")


SR_TO_FR = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="sr" target-language="{language}" datatype="plaintext" original="news.txt">
    <body><trans-unit id="1"><source>Zajednica srpskih opština.</source><target>{target}</target></trans-unit></body>
  </file>
</xliff>
"""


def test_a_translation_into_another_language_than_the_glossarys_is_skipped_with_a_warning(tmp_path):
    """Its targets are no text of the glossary's language: every target rule would misfire on them."""
    (tmp_path / "fr.xlf").write_text(SR_TO_FR.format(language="fr-FR", target="La Union des municipalités."), encoding="utf-8")
    (tmp_path / "en.xlf").write_text(SR_TO_FR.format(language="en-GB", target="The Union of Serbian Municipalities."),
                                     encoding="utf-8")
    result = mtcheck("check", tmp_path / "fr.xlf", tmp_path / "en.xlf", "-g", BUNDLED_GLOSSARY, "-f", "json")
    report = json.loads(result.stdout)
    assert [f["path"] for f in report["files"]] == [str(tmp_path / "en.xlf")]  # en-GB is English: checked
    assert [f["rule"] for f in report["files"][0]["findings"]] == ["term-forbidden"]
    assert report["summary"]["skipped"] == [{"path": str(tmp_path / "fr.xlf"),
                                              "reason": "a translation into 'fr-FR', not the glossary's language 'en'"}]
    why = "a translation into 'fr-FR', not the glossary's language 'en', skipped"
    assert result.stderr.decode() == f"warning: {tmp_path / 'fr.xlf'}: {why}\n"
    assert result.returncode == 1  # the English file's finding; the skipped file changes nothing


def test_a_po_file_declares_its_language_in_its_header(tmp_path):
    po = tmp_path / "sr.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: sr_RS\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "Union"\nmsgstr "Unija"\n', encoding="utf-8")
    report = check_json(po)
    assert report["files"] == [] and report["summary"]["skipped"][0]["reason"].startswith("a translation into 'sr_RS'")
