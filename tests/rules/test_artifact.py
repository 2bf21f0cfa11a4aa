"""artifact: leftovers of markup, placeholders, mojibake, and configured boilerplate."""

from __future__ import annotations

import pytest

from mtcheck import Checker, load_glossaries
from mtcheck.config import load_config
from tests.conftest import BUNDLED_GLOSSARY


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
