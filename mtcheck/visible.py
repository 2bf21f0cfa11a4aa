"""Text from checked files, file names and glossaries, made safe to show to a person.

A terminal obeys ESC sequences ("\\x1b[8m" hides what follows, "\\x1b]0;...\\x07" retitles the
window), a CR rewrites the line, and bidi overrides reorder what a terminal, a CI log or a browser
shows ("Trojan Source"). Every report a person reads (text, github, markdown, junit, html, the
score report) and every problem the CLI prints passes its text through ``visible``, which shows
these characters as escapes in Python's ``\\xHH`` and ``\\uHHHH`` forms (a line feed is ``\\x0a``,
not ``\\n``, so that a "\\n" in ordinary text needs no escaping):

- C0 controls but tab (and line feed and CR when ``keep_line_breaks``), DEL and C1 controls:
  ``\\x1b``, ``\\x07``, ``\\x9b``;
- bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), line and paragraph
  separators (U+2028, U+2029) and lone surrogates (undecodable bytes of a file name, which would
  otherwise be written out as raw bytes): ``\\u202e``, ``\\udc9b``.

So that an escape cannot be confused with the same characters in the text, a backslash of the
text is doubled when a run of backslashes ends just before an escape or before what reads as one
(``x`` and two hex digits, ``u`` and four): the text ``\\x1b`` is shown as ``\\\\x1b``, ESC as
``\\x1b``. Reading back: a run of backslashes before such an escape holds doubled backslashes,
and one more when the escape is real; every other backslash is itself. Ordinary text, including
"C:\\Users\\news" or "\\d+", is shown unchanged. Problem lines, whose messages quote values with
``repr`` (itself unambiguous), keep their backslashes as they are.

Bidi marks (LRM, RLM, ALM) and joiners are left alone: right-to-left text needs them, and they
only set the direction of neighbouring punctuation, where an override reverses whole runs of text.
"""

from __future__ import annotations

import re

_ALWAYS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_LINE_BREAKS = "\n\r"
_LOOKS_LIKE_AN_ESCAPE = "x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}"


def _pattern(keep_line_breaks: bool, double_backslashes: bool) -> re.Pattern:
    """A character to escape, or (if ``double_backslashes``) a backslash in a run that ends before
    an escape or its look-alike."""
    escaped = _ALWAYS if keep_line_breaks else _ALWAYS + _LINE_BREAKS
    backslash = f"|\\\\(?=\\\\*(?:[{escaped}]|{_LOOKS_LIKE_AN_ESCAPE}))" if double_backslashes else ""
    return re.compile(f"[{escaped}]{backslash}")


_PATTERNS = {(keep, double): _pattern(keep, double) for keep in (False, True) for double in (False, True)}


def visible(text: str, *, keep_line_breaks: bool = False, double_backslashes: bool = True) -> str:
    """``text`` with its control characters and bidi overrides shown as escapes (see above).

    Line feeds and CRs are escaped too unless ``keep_line_breaks``: in a report of one line per
    finding, a line break in a message would start a line that looks like another finding.
    ``double_backslashes=False`` is for messages that quote their values with ``repr`` (the CLI's
    problem lines): their backslashes are escapes already, and doubling them would show repr's
    '\\x00' as '\\\\x00'.
    """
    if text.isprintable() and ("\\" not in text or not double_backslashes):  # the common case, without the regex
        return text
    return _PATTERNS[keep_line_breaks, double_backslashes].sub(_escape, text)


def _escape(match: re.Match) -> str:
    char = match.group()
    if char == "\\":
        return "\\\\"
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
