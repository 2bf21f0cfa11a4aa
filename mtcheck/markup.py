"""Markdown and HTML files as the rules read them: the prose, with the code masked.

Code is not prose. In a Markdown file (``.md``, ``.markdown``): fenced code blocks (``` and ~~~,
with or without an info string), indented code blocks and `code spans`; in an HTML file
(``.html``, ``.htm``, ``.xhtml``), and as raw HTML in Markdown: the <code>, <pre>, <script> and
<style> elements. No rule judges code, the term index does not search it, its words are not
counted, and so ``mtcheck fix`` never rewrites it.

Masking replaces every character of code but line breaks with a backtick: the text keeps its
length and its lines, so every offset, line and column is the file's. A backtick is no letter,
space or quotation mark, and the spacing rule takes a token holding one for code, so a masked
span is a token without words; paragraph breaks stay where the file has them.

This is a scanner, not a CommonMark parser: markdown-it-py's block parse alone ran at 1.4 MB/s
on a 5 MB Markdown file, a quarter of the checker's speed. Every search starts with a literal
("```", "\\n", "<", a backtick), which the regular expression engine skips to at C speed: an
alternation of several, or a look-behind at each line start, made it 50 times slower. Where the
scanner departs from CommonMark it errs towards checking: an unclosed fence or element is no code
(a stray ``` must not silence the rest of a file), an indented block after a list item or an
indented line is read as their text, a fence more than 100 characters into its line is none, and
a backslash before a run of backticks makes the whole run literal.
"""

from __future__ import annotations

import bisect
import heapq
import re
from dataclasses import dataclass
from functools import lru_cache

from mtcheck.documents import StreamedDocument
from mtcheck.model import Document, ProseDocument

MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MASK = "`"
HTML_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,30}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
LONGEST_ENTITY = 33  # "&" + 31 letters + ";"
HELD_SEGMENTS_UP_TO = 4_000_000  # characters of a stream held back while a code block stays open
LONGEST_FENCE_PREFIX = 100  # block-quote markers, list markers and indentation before a fence

_LONE_CR = re.compile(r"\r(?!\n)")
_FENCES = (re.compile(r"```+"), re.compile(r"~~~+"))
# What may stand before a fence on its line: block-quote markers and a list marker ("> - ```"),
# indented as deep as nested list items may be. Possessive: a line of spaces is passed once.
_FENCE_PREFIX = re.compile(r"(?:[ \t]*+>)*+[ \t]*+(?P<item>(?:[-+*]|\d{1,9}[.)])[ \t]++)?+")
# A blank line, then a line indented four spaces or a tab (an indented block cannot interrupt a paragraph).
_BLANK_THEN_INDENTED = re.compile(r"\n[ \t]*+\r?\n(?=(?: {4}|[ ]{0,3}\t)[ \t]*+\S)")
_INDENTED_AT_START = re.compile(r"(?: {4}|[ ]{0,3}\t)[ \t]*+\S")
# An indented block's lines: indented ones, with blank lines between them.
_INDENTED_LINES = re.compile(r"(?: {4}|[ ]{0,3}\t)[^\r\n]*+(?:(?:\r?\n[ \t]*+(?=\r?\n))*+\r?\n(?: {4}|[ ]{0,3}\t)[^\r\n]*+)*+")
_LIST_ITEM = re.compile(r"[ ]{0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t\r\n]|\Z)")
# HTML blocks that CommonMark takes as raw text up to their end tag, when they open a line.
_RAW_HTML_BLOCK = re.compile(r"<(?i:(?P<name>pre|script|style))(?=[\s>]|\Z)")
_OPEN_TAG = re.compile(r"<(?i:(?P<name>code|pre|script|style))(?=[\s/>])[^<>]{0,1000}>")
_CLOSE_TAG = re.compile(r"</(?i:(?P<name>code|pre|script|style))\s*>")
_BACKTICKS = re.compile(r"``*+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*+\r?\n")
_NOT_BREAK = re.compile(r"[^\r\n]+")


def prose_view(document, read_as: str | None = None):
    """``document`` as the rules read it: a Markdown or HTML file with its code masked; anything
    else (plain text, a translation file, a document already masked) as it is. ``read_as`` (a
    documents.INPUT_FORMATS name) overrides what the path's suffix says."""
    kind = markup_kind(document.path) if read_as is None else read_as if read_as in ("markdown", "html") else None
    if kind is None:
        return document
    if type(document) is Document:
        return ProseDocument(document.path, mask_code(document.text, kind))
    if type(document) is StreamedDocument:
        return ProseStream(document.path, document.segment_chars, document.encoding, kind)
    return document


def markup_kind(path: str) -> str | None:
    """"markdown", "html", or None for any other file."""
    lowered = path.lower()
    if lowered.endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    if lowered.endswith(HTML_SUFFIXES):
        return "html"
    return None


def mask_code(text: str, kind: str) -> str:
    """``text`` with each character of its code, line breaks excepted, replaced with a backtick."""
    return _masked(text, code_spans(text, kind))


def code_spans(text: str, kind: str) -> list[tuple[int, int]]:
    """(start, end) of each piece of code in ``text``, in order, none overlapping."""
    return _Scanner(text).code(kind)


def ends_entity(text: str, semicolon: int) -> bool:
    """Whether the ";" at ``semicolon`` ends an HTML entity ("&quot;", "&#8220;"): one character
    of text, not punctuation."""
    amp = text.rfind("&", max(0, semicolon - LONGEST_ENTITY), semicolon)
    return amp >= 0 and HTML_ENTITY.fullmatch(text, amp, semicolon + 1) is not None


class _Scanner:
    """The code of one text, found in time linear in its length whatever the text: a search that
    finds nothing is remembered, so that no later one repeats it."""

    def __init__(self, text: str):
        # Searched with "\n" as the line break: a lone "\r" (old Mac files) becomes one, in place.
        self.text = _LONE_CR.sub("\n", text) if "\r" in text else text
        self.unclosed: set[str] = set()  # elements with no closing tag after the last one tried
        self.left_open = False  # whether a fence or element was opened and never closed

    def code(self, kind: str) -> list[tuple[int, int]]:
        text = self.text
        if kind == "html":
            return self.elements()
        spans, at = [], 0
        for start, end in self.markdown_blocks() + [(len(text), len(text))]:
            spans += _inline_code(text, at, start)
            spans.append((start, end))
            at = end
        return spans[:-1]

    def markdown_blocks(self) -> list[tuple[int, int]]:
        text = self.text
        fences = _FenceLines(text)
        starts = heapq.merge(((line.start, "fence", line) for line in fences.openers),
                             ((start, "indented", None) for start in _indented_starts(text)),
                             ((found.start(), "element", found.group("name")) for found in _RAW_HTML_BLOCK.finditer(text)
                              if _opens_line(text, found.start())))
        blocks, at = [], 0
        for start, kind, detail in starts:
            if start < at:
                continue  # inside a block already found
            if kind == "fence":
                end = fences.end(detail)
                self.left_open |= end is None
            elif kind == "indented":
                end = _indented_block_end(text, start) if _at_top_level(text, at, start) else None
            else:
                end = self.element_end(detail, start)
            if end is not None:
                blocks.append((start, end))
                at = end
        return blocks

    def element_end(self, name: str, start: int) -> int | None:
        """The end of the closing tag of element ``name`` opened at ``start``; None if it never closes."""
        name = name.lower()
        closing = None if name in self.unclosed else _closing_tag(name).search(self.text, start)
        if closing is None:
            self.unclosed.add(name)  # and so does any later one
            self.left_open = True
        return closing.end() if closing else None

    def elements(self) -> list[tuple[int, int]]:
        """The code elements of HTML, each from its opening tag to its closing tag."""
        spans, at = [], 0
        while found := _OPEN_TAG.search(self.text, at):
            at = found.end()
            if found.group().endswith("/>"):
                continue  # <script src="..."/>: no content
            if closed := self.element_end(found.group("name"), at):
                spans.append((found.start(), closed))
                at = closed
        return spans


class _FenceLine:
    __slots__ = ("start", "mark", "length", "end", "closes")

    def __init__(self, start: int, fence: str, end: int, closes: bool):
        self.start, self.mark, self.length, self.end, self.closes = start, fence[0], len(fence), end, closes


class _FenceLines:
    """The lines of a text that open or close a fence, and where each opened fence closes."""

    def __init__(self, text: str):
        lines = sorted((line for pattern in _FENCES for line in _fence_lines(text, pattern)), key=lambda line: line.start)
        self.openers = [line for line in lines if line.mark == "~" or MASK not in text[line.start + line.length : line.end]]
        self.closers = [line for line in lines if line.closes]
        self.starts = [line.start for line in self.closers]
        # The longest closing fence of each mark from each closer on: a fence longer than any after
        # it stays open, and is known to without a search.
        self.longest = {mark: [0] * (len(self.closers) + 1) for mark in "`~"}
        for i in range(len(self.closers) - 1, -1, -1):
            line = self.closers[i]
            for mark, longest in self.longest.items():
                longest[i] = max(longest[i + 1], line.length) if mark == line.mark else longest[i + 1]

    def end(self, opener: _FenceLine) -> int | None:
        """The end of the first closing fence of ``opener``'s mark, as long or longer, on a later line."""
        i = bisect.bisect_left(self.starts, opener.end)
        if self.longest[opener.mark][i] < opener.length:
            return None
        while not (self.closers[i].mark == opener.mark and self.closers[i].length >= opener.length):
            i += 1  # lines inside the block: no later fence looks at them again
        return self.closers[i].end


def _fence_lines(text: str, pattern: re.Pattern):
    """The runs of three or more backticks (or tildes) that begin a line but for a fence's prefix."""
    for found in pattern.finditer(text):
        start = found.start()
        line_start = text.rfind("\n", max(0, start - LONGEST_FENCE_PREFIX), start) + 1
        if line_start == 0 and start > LONGEST_FENCE_PREFIX:
            continue
        prefix = _FENCE_PREFIX.fullmatch(text, line_start, start)
        if prefix is None:
            continue
        end = _line_end(text, found.end())
        closes = not prefix.group("item") and not text[found.end() : end].strip()
        yield _FenceLine(start, found.group(), end, closes)


def _indented_starts(text: str):
    """Where each indented line that follows a blank line (or starts the text) starts."""
    if _INDENTED_AT_START.match(text):
        yield 0
    for found in _BLANK_THEN_INDENTED.finditer(text):
        yield found.end()


def _opens_line(text: str, at: int) -> bool:
    """Whether only up to three spaces stand before ``at`` on its line."""
    line_start = text.rfind("\n", max(0, at - 4), at) + 1
    return (line_start > 0 or at < 4) and not text[line_start:at].strip(" ")


@lru_cache(maxsize=8)
def _closing_tag(name: str) -> re.Pattern:
    return re.compile(rf"</(?i:{name})\s*>")


def _at_top_level(text: str, floor: int, start: int) -> bool:
    """Whether an indented line at ``start``, after a blank line, is at the top level, so code:
    not when the line before the blank is indented, or its paragraph starts with a list item (the
    indentation is then the item's). The text before ``floor`` is looked at no more: it was passed,
    and ends in code or in a paragraph already judged."""
    end = start
    while end > floor and text[end - 1] in " \t\r\n":
        end -= 1
    if end == floor:
        return True
    line = text.rfind("\n", floor, end) + 1 or floor
    if text[line] in " \t":
        return False
    while line > floor:  # back to the first line of that paragraph
        above = text.rfind("\n", floor, line - 1) + 1 or floor
        if not text[above:line].strip():
            break
        line = above
    return not _LIST_ITEM.match(text, line)


def _indented_block_end(text: str, start: int) -> int:
    lines = _INDENTED_LINES.match(text, start)
    return lines.end() if lines else start


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    if end < 0:
        return len(text)
    return end - 1 if end > at and text[end - 1] == "\r" else end


def _inline_code(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Code spans and code elements in text[start:end], left to right: a run of backticks opens a
    span that the next run as long closes; an opening tag an element that the next closing tag of
    its name closes; whatever opens first wins, and what it holds is code. Neither runs on over a
    paragraph break."""
    # Marks: (start, end, key, opens); a run's key is its length, a tag's its name.
    marks: list[tuple[int, int, int | str, bool]] = [
        (found.start(), found.end(), found.end() - found.start(), True) for found in _BACKTICKS.finditer(text, start, end)]
    tags: list[tuple[int, int, int | str, bool]] = [
        (found.start(), found.end(), found.group("name").lower(), True) for found in _OPEN_TAG.finditer(text, start, end)
            if not found.group().endswith("/>")]
    tags += [(found.start(), found.end(), found.group("name").lower(), False) for found in _CLOSE_TAG.finditer(text, start, end)]
    if tags:
        marks = sorted(marks + tags)
    # What closes each opening mark: the next mark of its key in the same paragraph.
    keys: list[tuple[int, int | str]] = []  # (paragraph, key)
    paragraph, last = 0, start
    for mark_start, mark_end, key, _ in marks:
        if _PARAGRAPH_BREAK.search(text, last, mark_start):
            paragraph += 1
        keys.append((paragraph, key))
        last = mark_end
    closer: list[int | None] = [None] * len(marks)
    next_of: dict[tuple[int, int | str], int] = {}
    for i in range(len(marks) - 1, -1, -1):
        opens = marks[i][3]
        if opens:
            closer[i] = next_of.get(keys[i])
        if not opens or isinstance(keys[i][1], int):  # a run of backticks closes as well as opens
            next_of[keys[i]] = i
    spans, i = [], 0
    while i < len(marks):
        j = closer[i]
        if j is None or isinstance(keys[i][1], int) and _escaped(text, marks[i][0]):
            i += 1
            continue
        spans.append((marks[i][0], marks[j][1]))
        i = j + 1
    return spans


def _escaped(text: str, at: int) -> bool:
    """Whether an odd number of backslashes precedes ``at``."""
    before = at
    while before > 0 and text[before - 1] == "\\":
        before -= 1
    return (at - before) % 2 == 1


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    pieces, at = [], 0
    for start, end in spans:
        pieces.append(text[at:start])
        one_line = text.find("\n", start, end) < 0 and text.find("\r", start, end) < 0
        pieces.append(MASK * (end - start) if one_line else _NOT_BREAK.sub(_backticks, text[start:end]))
        at = end
    pieces.append(text[at:])
    return "".join(pieces)


def _backticks(run: re.Match) -> str:
    return MASK * len(run.group())


@dataclass(frozen=True, slots=True)
class ProseStream(StreamedDocument):
    """A large Markdown or HTML file read segment by segment, each masked. A segment that ends in
    a code block still open is held and masked with the next (up to HELD_SEGMENTS_UP_TO
    characters), so a block cut by a segment's end is masked as in the whole text."""

    kind: str = "markdown"  # or "html"

    def segments(self, size: int | None = None):
        kind = self.kind
        held_base, held = 0, ""
        for base, text in StreamedDocument.segments(self, size):
            if held:
                base, text, held = held_base, held + text, ""
            scanner = _Scanner(text)
            spans = scanner.code(kind)
            if scanner.left_open and len(text) < HELD_SEGMENTS_UP_TO:
                held_base, held = base, text
                continue
            yield base, _masked(text, spans)
        if held:
            yield held_base, mask_code(held, kind)
