"""artifact: scraping and pipeline residue left in the text.

- "[email protected]": what a scraper keeps of an e-mail address a site hid from it;
- HTML entities ("&amp;", "&#8217;") and tags ("<p>", "</div>") in a plain-text file (Markdown
  and HTML files may hold them on purpose);
- unreplaced placeholders: "{0}", "{name}", "{{name}}", "${name}", "%s", "%1$d" (not in translation
  files, where they are meant to be: ``placeholder-mismatch`` compares them with the source);
- mojibake, UTF-8 read as Windows-1252 ("cafÃ©", "â€œ"), confirmed by ftfy, with its repair
  as the suggestion;
- the site's own boilerplate, configured as regular expressions:
  ``rules: {artifact: {patterns: ["Follow us on Facebook.*"]}}``. They run on the ``regex`` engine
  (Python ``re`` syntax) with a time limit: a pattern that backtracks catastrophically on a text
  ("(a|a)+$" on "aaaa...b") stops the run with a one-line config error instead of hanging it.

Fails: "contact us [email protected]", "Ã©tÃ©", "Hello {0}".  Passes: "AT&T", "50% of", "{ }".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from mtcheck.errors import ConfigError, Problem
from mtcheck.markup import HTML_ENTITY, MASK
from mtcheck.model import Hit, Severity, Span
from mtcheck.pattern_cost import MAX_COMPILED_ITEMS, compiled_items
from mtcheck.rules.base import CheckContext, Example, Option, Rule
from mtcheck.text import token_start_finder

if TYPE_CHECKING:
    import regex

MARKUP_SUFFIXES = (".md", ".markdown", ".html", ".htm", ".xml", ".xhtml")
_EMAIL_RESIDUE = re.compile(r"\[email(?:\u00a0|&#160;|&nbsp;|\s)protected\]", re.IGNORECASE)
_TAG = re.compile(r"</?(?:a|abbr|b|blockquote|br|div|em|figure|figcaption|h[1-6]|hr|i|iframe|img|li|ol|p|script"
                  r"|span|strong|style|table|td|th|tr|u|ul)(?:\s[^<>\n]{0,200})?/?>", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\{\d+\}|\{\{\s*[\w.]+\s*\}\}|\$\{[\w.]+\}|\{[A-Za-z_]\w*\}|(?<![\w%])%(?:\d+\$)?[sd](?!\w)")
# A lead byte of a UTF-8 sequence read as Windows-1252 or Latin-1, then a continuation byte so read.
_MOJIBAKE = re.compile("[ÂÃÄÅÆÇÐÑØÙâãäåæ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                       "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")
# A word stops at masked code (markup.MASK): "Â\x93000`00`" in Markdown is mojibake then a code span.
_WORD = re.compile(rf"[^\s{MASK}]+")
# The time a configured pattern may take on one segment of a document: a floor, plus time for the
# text's length at a rate any sane pattern beats by far (a 1M-character segment gets 4 s).
PATTERN_SECONDS = 2.0
PATTERN_CHARS_PER_SECOND = 500_000


def check(ctx: CheckContext):
    base, text = ctx.segment
    plain = not ctx.document.path.lower().endswith(MARKUP_SUFFIXES)
    found = [(m, "scraping residue: an e-mail address the site hid", None) for m in _EMAIL_RESIDUE.finditer(text)]
    if not ctx.pairs:  # in a translation file, placeholders are meant: placeholder-mismatch compares them
        found += [(m, "an unreplaced placeholder", None) for m in _PLACEHOLDER.finditer(text)]
    if plain:
        found += [(m, "an HTML entity in plain text", _entity_text(m.group())) for m in HTML_ENTITY.finditer(text)]
        found += [(m, "an HTML tag in plain text", None) for m in _TAG.finditer(text)]
    for pattern in _patterns(tuple(ctx.option(RULE, "patterns"))):
        found += [(m, "boilerplate (a configured pattern)", None) for m in _boilerplate(pattern, text, ctx.document.path)]
    for match, message, suggestion in found:
        yield Hit(Span(base + match.start(), base + match.end()), match.group(), f"'{match.group()}': {message}",
                  suggestion=suggestion)
    yield from _mojibake(base, text)


def _mojibake(base: int, text: str):
    if not _MOJIBAKE.search(text):
        return
    import ftfy
    from ftfy.badness import is_bad

    word_start, judged = token_start_finder(text), -1
    for lead in _MOJIBAKE.finditer(text):
        start = word_start(lead.start())
        if start == judged:
            continue  # in the word around the lead before, judged already
        judged = start
        word = _WORD.match(text, start)
        if word is None or not is_bad(word.group()):
            continue
        repaired = ftfy.fix_encoding(word.group())
        yield Hit(Span(base + word.start(), base + word.end()), word.group(),
                  f"'{word.group()}' looks like mojibake (UTF-8 read as another encoding)",
                  suggestion=repaired if repaired != word.group() else None)


def _entity_text(entity: str) -> str | None:
    import html

    text = html.unescape(entity)
    return text if text != entity else None


def _boilerplate(pattern: regex.Pattern, text: str, path: str) -> list:
    """The non-empty matches of a configured pattern, within its time limit."""
    limit = PATTERN_SECONDS + len(text) / PATTERN_CHARS_PER_SECOND
    try:  # the limit covers the whole iteration, not each match
        return [m for m in pattern.finditer(text, timeout=limit) if m.end() > m.start()]
    except TimeoutError:
        raise ConfigError(Problem(path, f"rules.artifact.patterns: {pattern.pattern!r} took over {limit:.0f} s on "
                                        "this text (catastrophic backtracking?): make the pattern simpler")) from None


@lru_cache(maxsize=32)
def _patterns(sources: tuple[str, ...]) -> tuple[regex.Pattern, ...]:
    # The regex engine, for its timeout; the config checked that each compiles with it (PATTERNS).
    # Imported here, and only for patterns: most runs configure none, and start-up time counts.
    if not sources:
        return ()
    import regex

    return tuple(regex.compile(source) for source in sources)


def _pattern_problems(patterns: list[str]) -> Iterator[tuple[tuple, str]]:
    """Each pattern must compile with the engine that runs it, ``regex``, in reasonable time and memory."""
    import regex

    for i, pattern in enumerate(patterns):
        if (items := compiled_items(pattern)) > MAX_COMPILED_ITEMS:  # compiling it would take minutes and gigabytes
            yield (i,), (f"{_short(pattern)!r} is too large once its repeats are written out (about {items:,} items, "
                         f"at most {MAX_COMPILED_ITEMS:,}): use smaller repeat counts")
            continue
        try:
            regex.compile(pattern)
        except regex.error as error:
            yield (i,), f"not a regular expression: {error}"


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


PATTERNS = Option("patterns", {"type": "array", "items": {"type": "string", "minLength": 1}}, default=(),
                  problems=_pattern_problems, read=tuple)

RULE = Rule(
    "artifact", "Design and markup/Markup tag", Severity.MAJOR,
    "Scraping or pipeline residue: hidden e-mail residue, HTML, placeholders, mojibake, boilerplate.", check,
    options=(PATTERNS,),
    examples=(
        Example("contact us ⟦[email protected]⟧"),
        Example("the summer ⟦Ã©tÃ©⟧ ended"),
        Example("Hello ⟦{0}⟧, you have ⟦%s⟧ messages"),
        Example("Tom ⟦&amp;⟧ Jerry ⟦<br>⟧"),
        Example("The talks ended. ⟦Follow us on Facebook⟧", options={"patterns": ["Follow us on [A-Z]\\w+"]}),
        Example("AT&T, 50% of them, { }"),
        Example("Tom &amp; Jerry <br>", path="example.md"),  # Markdown and HTML may hold markup on purpose
        Example("The talks ended. Follow us on Facebook"),  # boilerplate only when configured
    ),
)
