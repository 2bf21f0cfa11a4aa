"""Markdown and HTML files: their code is no prose, neither checked, counted nor fixed, and every
position stays the file's; an HTML entity is one character to the spacing rule (issue 15, items 7
and 8)."""

from __future__ import annotations

import time

import pytest

from mtcheck.documents import StreamedDocument, examination_segments
from mtcheck.markup import code_spans, mask_code
from mtcheck.model import ProseDocument
from mtcheck.text import count_words
from tests.conftest import glossary_file
from tests.test_fixer import GLOSSARY, fix

ARTICLE = """\
The USO met on Monday.

```text
the USO
```

~~~python
x = "USO"
~~~

Inline `USO` and ``a `USO` b`` and <code>USO</code> stay as written.

    indented USO code

After the code, the USO met again.
"""
PROSE_USO = [ARTICLE.index("USO"), ARTICLE.rindex("USO")]


def forbidden(result):
    return [f for f in result.findings if f.rule == "term-forbidden"]


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


@pytest.mark.parametrize("name", ["article.md", "article.markdown", "ARTICLE.MD"])
def test_markdown_code_is_not_checked_and_findings_after_it_are_where_the_file_has_them(checker, name):
    found = forbidden(checker.check_text(ARTICLE, name))
    assert [f.offset for f in found] == PROSE_USO
    for finding in found:
        assert ARTICLE[finding.offset : finding.offset + finding.length] == finding.text == "USO"
        assert (finding.line, finding.column) == line_and_column(ARTICLE, finding.offset)
        assert (finding.end_line, finding.end_column) == line_and_column(ARTICLE, finding.offset + finding.length)
    assert found[-1].line == 15


def test_plain_text_is_read_whole_code_or_not(checker):
    assert len(forbidden(checker.check_text(ARTICLE, "article.txt"))) == ARTICLE.count("USO")


def test_the_words_of_code_are_not_counted(checker):
    prose = "The USO met on Monday. Inline and and stay as written. After the code, the USO met again."
    assert checker.check_text(ARTICLE, "article.md").words == count_words(prose)


@pytest.fixture()
def glossary(tmp_path):
    return glossary_file(tmp_path, GLOSSARY, "glossary.yaml")


def test_fix_rewrites_the_prose_and_leaves_the_code_as_it_was(tmp_path, glossary):
    article = tmp_path / "article.md"
    article.write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    assert fix(article, "-g", glossary, "--write").returncode == 0
    expected = ARTICLE[: PROSE_USO[0]] + "CSM" + ARTICLE[PROSE_USO[0] + 3 : PROSE_USO[1]] + "CSM" + ARTICLE[PROSE_USO[1] + 3 :]
    assert article.read_bytes() == expected.replace("\n", "\r\n").encode("utf-8")


PAGE = """\
<p>The USO met. <code>USO</code> and <CODE class="x">the
USO</CODE>.</p>
<pre>
the USO
</pre>
<script src="a.js"/>
<script>var USO = 1;</script>
<style>.USO { color: red }</style>
<p>After them, the USO again.</p>
"""


@pytest.mark.parametrize("name", ["page.html", "page.htm", "page.xhtml"])
def test_html_code_pre_script_and_style_are_not_checked(checker, name):
    found = forbidden(checker.check_text(PAGE, name))
    assert [f.offset for f in found] == [PAGE.index("USO"), PAGE.rindex("USO")]
    assert [(f.line, f.column) for f in found] == [line_and_column(PAGE, f.offset) for f in found]


def test_an_unclosed_fence_leaves_the_rest_of_the_file_checked(checker):
    text = "Before.\n\n```\nthe USO and the rest\n"
    assert [f.offset for f in forbidden(checker.check_text(text, "a.md"))] == [text.index("USO")]


def test_a_streamed_markdown_file_masks_a_fence_that_segments_cut(checker, tmp_path):
    fenced = "```\n" + "\n\n".join(f"USO line {i}" for i in range(40)) + "\n```\n\n"
    text = "The USO.\n\n" + fenced + "And the USO.\n"
    path = tmp_path / "big.md"
    path.write_text(text, encoding="utf-8")
    streamed = StreamedDocument(str(path), segment_chars=100)
    assert len(list(streamed.segments())) > 3  # the fence spans several segments
    found = forbidden(checker.check_document(streamed))
    assert [f.offset for f in found] == [text.index("USO"), text.rindex("USO")]
    assert found[-1].line == text.count("\n")


def test_a_long_markdown_text_is_still_examined_in_pieces():
    pieces = list(examination_segments(ProseDocument("a.md", "Some words here.\n\n" * 150_000)))
    assert len(pieces) > 1


ENTITIES = "&quot;Serb List&quot; won; &#8220;Srpska&#8221; and &#x201C;Lista&#x201D; did not.\n"


@pytest.mark.parametrize("name", ["a.md", "a.html"])
def test_an_entity_in_markup_is_no_punctuation_to_the_spacing_rule(checker, name):
    assert [f for f in checker.check_text(ENTITIES, name).findings if f.rule in ("spacing", "artifact")] == []


def test_an_entity_in_plain_text_is_reported_once_by_the_artifact_rule(checker):
    found = [(f.rule, f.text) for f in checker.check_text(ENTITIES, "a.txt").findings]
    assert found == [("artifact", entity) for entity in ("&quot;", "&quot;", "&#8220;", "&#8221;", "&#x201C;", "&#x201D;")]


def test_a_missing_space_after_a_semicolon_is_still_found_next_to_an_entity(checker):
    text = "He said &quot;no&quot; and left;then came back.\n"
    found = [(f.rule, f.column) for f in checker.check_text(text, "a.md").findings]
    assert found == [("spacing", text.index(";then") + 1)]


@pytest.mark.parametrize("text, masked", [
    ("a `x` b", "a ``` b"),
    ("a ``x ` y`` b", "a ````````` b"),
    ("\\`x` `y`", "\\`x```y`"),  # an escaped backtick opens nothing: the next two pair
    ("`a\n\nb`", "`a\n\nb`"),  # no span over a paragraph break
    ("`a\r\nb`", "``\r\n``"),  # line breaks kept
    ("```a``` b", "``````` b"),  # a fence's info string holds no backtick: a span
    ("> ```\n> x\n> ```\n> y", "> ```\n```\n`````\n> y"),  # in a block quote
    ("- a\n\n    b", "- a\n\n    b"),  # a list item's paragraph, not an indented block
    ("p\n\n    code\n\n    more\n\nq", "p\n\n````````\n\n````````\n\nq"),
    ("p\r\r```\rx\r```\rq", "p\r\r```\r`\r```\rq"),  # old Mac line breaks
    ("````\nx\n```\ny\n````\nz", "````\n`\n```\n`\n````\nz"),  # closed by a fence at least as long
    ("use `<pre>` for that\n\n<pre>\nx\n</pre>", "use ``````` for that\n\n`````\n`\n``````"),
])
def test_markdown_code_is_masked_character_for_character(text, masked):
    assert mask_code(text, "markdown") == masked


@pytest.mark.parametrize("text", [
    "".join("\n" + "`" * n + "\n" for n in range(2_500, 3, -1)),  # fences that never close, each shorter
    "".join("`" * n + " x\n" for n in range(3, 2_500)),  # fences with an info string, each longer
    "".join(" " + "`" * n for n in range(1, 2_500)),  # one paragraph of runs that close nothing
    "\\" * 1_000_000 + "` x `",  # backslashes before a run
    "<code>" * 100_000,  # tags that never close
    " " * 2_000_000 + "x",  # a line of spaces
    "- a\n\n" + "    b\n\n" * 100_000,  # indented lines after list items
])
def test_scanning_takes_linear_time_whatever_the_text(text):
    started = time.perf_counter()
    for kind in ("markdown", "html"):
        code_spans(text, kind)
    assert time.perf_counter() - started < 5  # quadratic: minutes
