"""The MT defect rules beyond terms: each catches its examples and stays quiet on clean English."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck import Checker, load_glossaries
from mtcheck.config import load_config
from tests.conftest import BUNDLED_GLOSSARY, CORRECTED_SAMPLE

CLEAN_TED = Path(__file__).parent.parent / "data" / "clean" / "ted-talks-en.txt"
DEFECT_RULES = ["garbled-word", "untranslated-text", "spacing", "repeated-word", "artifact", "quote-balance"]


@pytest.fixture(scope="module")
def defects():
    checker = Checker(load_glossaries([BUNDLED_GLOSSARY]))

    def found(text: str, rule: str, path: str = "<text>") -> list[tuple[str, str | None]]:
        return [(f.text, f.suggestion) for f in checker.check_text(text, path).findings if f.rule == rule]

    return found


@pytest.mark.parametrize("text, expected", [
    ("Peleven years after the declaration of independence.", [("Peleven", "Eleven")]),
    ("The presidnet said so.", [("presidnet", "president")]),
    ("Stoltenberg said that Banjska was calm.", []),  # names, and a capital inside a sentence
    ("The anther whops it on the back.", []),  # an inflection of a rare real word
    ("Peleven years later. Peleven more.", []),  # twice: a name, not a garble
])
def test_garbled_word(defects, text, expected):
    assert defects(text, "garbled-word") == expected


@pytest.mark.parametrize("text, expected", [
    ("Vučić met Stoltenberg in Belgrade on Tuesday.", []),
    ("Vučić je rekao da Srbija neće priznati nezavisnost Kosova. He left.",
     [("Vučić je rekao da Srbija neće priznati nezavisnost Kosova.", None)]),
    ("Председник Србије је рекао да неће бити признања.", [("Председник Србије је рекао да неће бити признања.", None)]),
    ("The Zajednica srpskih opština was discussed.", []),  # a glossary source form: term-untranslated's business
])
def test_untranslated_text(defects, text, expected):
    assert defects(text, "untranslated-text") == expected


@pytest.mark.parametrize("text, expected", [
    ("Follow us on Facebook,Twitter and Viber.", [(",", None)]),
    ("It ended.The next day began.", [(".", None)]),
    ("the  meeting", [("  ", None)]),
    ("he said , then left", [(",", None)]),
    ("Over 1,000 people; see bbc.com/news,today or mail a.b@c.org,now. Done.  Next: 3.5 p.m. (at 10:30)!", []),
    ("Well... maybe :) or not?", []),
])
def test_spacing(defects, text, expected):
    assert defects(text, "spacing") == expected


@pytest.mark.parametrize("text, expected", [
    ("We met at the the meeting.", [("the", None)]),
    ("The the meeting, and of\nof course.", [("the", None), ("of", None)]),
    ("He had had enough, and that that is so. Bye bye.", []),
    ("Walla Walla is a town.\n\nTown town.", [("town", None)]),
    ("The end\n\nthe start", []),  # a paragraph break ends the sentence
])
def test_repeated_word(defects, text, expected):
    assert defects(text, "repeated-word") == expected


@pytest.mark.parametrize("text, path, expected", [
    ("please contact us [email\u00a0protected]", "a.txt", [("[email\u00a0protected]", None)]),
    ("Tom &amp; Jerry <p>were</p> here", "a.txt", [("&amp;", "&"), ("<p>", None), ("</p>", None)]),
    ("Tom &amp; Jerry <p>were</p> here", "a.md", []),  # Markdown may hold HTML
    ("Hello {0}, you have %s messages from {{name}} and ${user}.", "a.txt",
     [("{0}", None), ("%s", None), ("{{name}}", None), ("${user}", None)]),
    ("It was a cafÃ© in Ã©tÃ© time.", "a.txt", [("cafÃ©", "café"), ("Ã©tÃ©", "été")]),
    ("AT&T grew 50% in {a b} time; Vučić, café, naïve.", "a.txt", []),
])
def test_artifact(defects, text, path, expected):
    assert sorted(defects(text, "artifact", path)) == sorted(expected)


def test_artifact_boilerplate_patterns_from_the_config(tmp_path):
    config = tmp_path / "mtcheck.yaml"
    config.write_text("rules:\n  artifact:\n    patterns: ['Follow us on [^.]*\\.']\n", encoding="utf-8")
    checker = Checker(load_glossaries([BUNDLED_GLOSSARY]), load_config(config))
    found = [f.text for f in checker.check_text("News. Follow us on Facebook and Viber. More.").findings]
    assert found == ["Follow us on Facebook and Viber."]
    config.write_text("rules:\n  artifact:\n    patterns: ['Follow (us']\n", encoding="utf-8")
    with pytest.raises(Exception) as caught:
        load_config(config)
    assert str(caught.value).startswith(f"{config}:3:") and "not a regular expression" in str(caught.value)


@pytest.mark.parametrize("text, expected", [
    ("He said: “we will not form it.", [("“", None)]),
    ("the CSM (the Community", [("(", None)]),
    ("a) first\n1) second\nsmile :) and a stray ] here", [("]", None)]),
    ("“Yes,” he said (twice) [sic].", []),
    ("“A quote that runs on\n\n“and on,” she said.", []),  # the multi-paragraph convention
    ('He said "yes" and "no.', [('"', None)]),
])
def test_quote_balance(defects, text, expected):
    assert defects(text, "quote-balance") == expected


@pytest.mark.parametrize("path", [CORRECTED_SAMPLE, CLEAN_TED])
def test_quiet_on_clean_professional_english(path):
    checker = Checker(load_glossaries([BUNDLED_GLOSSARY]))
    result = checker.check_text(path.read_text(encoding="utf-8"), str(path))
    assert [(f.line, f.rule, f.text) for f in result.findings] == []
    assert result.words > 1500
