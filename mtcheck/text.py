"""Words and positions of the original text (matching works on ``mtcheck.folding``)."""

from __future__ import annotations

import bisect
import math
import re
from array import array
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache

_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
# Format characters that show nothing, which HTML hyphenation, web copy and joined files leave inside
# words ("secu\u00adrity", "U\u200bSO"): soft hyphen, zero-width space, non-joiner and joiner, word
# joiner, and a byte-order mark past the start. Words and matching look through them.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")
TOKEN_RE = re.compile(rf"[^\W_](?:[^\W_]|[{_MARKS}])*")
_PLAIN_TOKEN_RE = re.compile(r"[^\W_]+")  # the same tokens in a text with no combining marks, 2x faster
_UNUSUAL_RE = re.compile(f"[{_MARKS}{INVISIBLE}]")  # what the plain tokens would cut words at


# What stands before a word that opens a sentence: the text's start, a full stop and space, a line
# break, an opening quote. A capital there says nothing of whether the word is a name.
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"'”’)\]]*\s+|\n\s*|[“\"]\s*)$")


def opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence (a capital there is no sign of a name)."""
    return _SENTENCE_START.search(text, max(0, start - 40), start) is not None


_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+$")


def after_one_of(words: frozenset[str], text: str, start: int) -> bool:
    """Whether the word at ``start`` follows one of ``words`` on its line ("die Regeirung": a noun
    after an article, where every noun has a capital)."""
    if not words:
        return False
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return before is not None and before.group(1).casefold() in words


_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s|\n")


def sentence_span(text: str, start: int, end: int, reach: int) -> tuple[int, int]:
    """Where the sentence around ``text[start:end]`` starts and ends, looked for ``reach`` characters
    either side at most (a text without full stops is not searched to its ends for each word)."""
    before = list(_SENTENCE_END.finditer(text, max(0, start - reach), start))
    after = _SENTENCE_END.search(text, end, end + reach)
    return (before[-1].end() if before else max(0, start - reach),
            after.start() if after else min(len(text), end + reach))


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """NFC and case-fold: the key for case-insensitive comparison."""
    return unicodedata.normalize("NFC", word).casefold()


def is_acronym(word: str) -> bool:
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper()


def tokens(text: str) -> list[str]:
    """The words of ``text`` (letters and digits, with any combining marks they carry; invisible
    characters left out, so that "secu\u00adrity" is "security")."""
    if not _UNUSUAL_RE.search(text):
        return _PLAIN_TOKEN_RE.findall(text)
    return TOKEN_RE.findall(drop_invisible(text))


def words_among(text: str, wanted) -> Iterator[re.Match]:
    """The places of ``text``'s words (as ``tokens`` reads them) that are in ``wanted``, in order.

    An automaton of the wanted words proposes where they stand, at C speed, and each proposal that
    is a whole token is that token's match: a scan of every token with a lookup each took three
    to four times as long (a name rule looks for a few thousand names in a whole document), and an
    alternation of a thousand words tries each at every position. A text with combining marks or
    invisible characters, where a token may run on past a letter, is read token by token.
    """
    if not wanted:
        return iter(())
    if _UNUSUAL_RE.search(text):
        return (found for found in TOKEN_RE.finditer(text) if found.group() in wanted)
    automaton = _automaton_of(frozenset(wanted))
    return _whole_tokens(text, automaton) if automaton is not None else iter(())


def _whole_tokens(text: str, automaton) -> Iterator[re.Match]:
    for last, length in automaton.iter(text):
        start = last - length + 1
        if start and _PLAIN_TOKEN_RE.match(text, start - 1, start):
            continue  # inside a longer token
        found = _PLAIN_TOKEN_RE.match(text, start)
        if found.end() == last + 1:
            yield found


@lru_cache(maxsize=4)
def _automaton_of(words: frozenset[str]):
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for word in words:
        if word:
            automaton.add_word(word, len(word))
    if not len(automaton):
        return None
    automaton.make_automaton()
    return automaton


def drop_invisible(text: str) -> str:
    return INVISIBLE_RE.sub("", text) if not text.isascii() else text


def count_words(text: str) -> int:
    return word_count(tokens(text), text)


# Scripts written without spaces between words: Han, kana, Thai, Lao, Khmer, Myanmar. A run of them is
# one token; for word counts (MQM normalises penalties per word) and for finding terms inside such a
# run, its characters count instead.
SPACELESS = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
SPACELESS_RE = re.compile(f"[{SPACELESS}]")
HAN_OR_KANA = "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Chinese and Japanese
_HAN_OR_KANA_RE = re.compile(f"[{HAN_OR_KANA}]")
# Characters per word, the mean length of a word in segmented text: about 1.5 characters in Chinese
# and Japanese, about 5 in Thai and its neighbours. A run of n such characters counts n / this
# (rounded up) words, so that a Chinese article and its English translation count alike.
CHARACTERS_PER_WORD_HAN = 1.5
CHARACTERS_PER_WORD_SOUTHEAST_ASIAN = 5.0


_SPACELESS_RUN_RE = re.compile(f"[{SPACELESS}]+")
_SPACED_LETTER_RE = re.compile(f"[^\\W_{SPACELESS}]")


def word_count(words: list[str], text: str) -> int:
    """How many words ``text``, whose tokens are ``words``, counts: one per token of letters of
    spaced scripts (those glued to a run of another script too: "GDP增长"), and for each run of a
    script without spaces, its characters divided by that script's mean word length."""
    if text.isascii() or not SPACELESS_RE.search(text):
        return len(words)
    spaced = sum(1 for word in words if _SPACED_LETTER_RE.search(word))
    return spaced + sum(_run_words(run) for run in _SPACELESS_RUN_RE.findall(text))


def _run_words(run: str) -> int:
    han = len(_HAN_OR_KANA_RE.findall(run))
    return math.ceil(han / CHARACTERS_PER_WORD_HAN) + math.ceil((len(run) - han) / CHARACTERS_PER_WORD_SOUTHEAST_ASIAN)


# The longest word worth comparing letter by letter with terms, names and everyday words. The longest
# place name has 85 letters and everyday words stay under 30; a longer run of letters is junk (a
# base64 blob, words run together), and what the comparisons build for a word (all its one-letter
# deletions, an edit distance) costs its length squared: 3.5 GB for 60,000 random letters.
LONGEST_WORD = 100


def token_start_finder(text: str):
    """A function giving where the token around an offset of ``text`` starts: just after the last
    space or line break before it. Offsets asked in increasing order are each searched back to the
    one before only (a lower one starts the search again): searched back to the token's start each
    time, the offsets of every comma in a 10 MB token took the token's length squared."""
    searched = start = 0  # the text before ``searched`` has been searched: its last token starts at ``start``

    def token_start(at: int) -> int:
        nonlocal searched, start
        if at < searched:
            searched = start = 0
        start = max(start, text.rfind(" ", searched, at) + 1, text.rfind("\n", searched, at) + 1)
        searched = at
        return start

    return token_start


LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")


def count_line_breaks(text: str) -> int:
    """How many line breaks (CRLF, CR or LF) ``text`` holds."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")


class Positions:
    """1-based (line, column) of a set of offsets, held in compact arrays."""

    def __init__(self, offsets: array, lines: array, columns: array):
        self._offsets, self._lines, self._columns = offsets, lines, columns

    @classmethod
    def joined(cls, parts: list[Positions]) -> Positions:
        """The positions of consecutive segments as one."""
        offsets, lines, columns = array("q"), array("q"), array("q")
        for part in parts:
            offsets.extend(part._offsets)
            lines.extend(part._lines)
            columns.extend(part._columns)
        return cls(offsets, lines, columns)

    def at(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_left(self._offsets, offset)
        return self._lines[i], self._columns[i]

    def __eq__(self, other) -> bool:
        return dict(self.items()) == (dict(other.items()) if isinstance(other, Positions) else other)

    def items(self):
        return ((offset, (line, column)) for offset, line, column in zip(self._offsets, self._lines, self._columns))


class LineTracker:
    """1-based (line, column) of offsets in a document read segment by segment, in order.

    CRLF, CR and LF each end a line. Segments never split a CRLF.
    """

    def __init__(self, start: tuple[int, int] = (1, 0)):
        self._line, self._line_start = start  # the line the next segment starts on, and that line's offset

    def positions(self, base: int, text: str, offsets: Iterable[int]) -> Positions:
        """The positions of ``offsets`` (up to the end of this segment, or later: those are clamped
        to its last line), then move on past the segment."""
        wanted = array("q", sorted(set(offsets)))
        lines, columns = array("q", bytes(8 * len(wanted))), array("q", bytes(8 * len(wanted)))
        if wanted and "\r" not in text:
            self._count_lines(base, text, wanted, lines, columns)
        elif wanted:
            starts = [base + m.end() for m in LINE_BREAK_RE.finditer(text)]
            for i, offset in enumerate(wanted):
                k = bisect.bisect_right(starts, offset)
                lines[i], columns[i] = self._line + k, offset - (starts[k - 1] if k else self._line_start) + 1
            if starts:
                self._line, self._line_start = self._line + len(starts), starts[-1]
        else:
            self.skip(base, text)
        return Positions(wanted, lines, columns)

    def _count_lines(self, base: int, text: str, wanted: array, lines: array, columns: array) -> None:
        """``positions`` for a text whose only line breaks are LF: counted between the offsets
        wanted, with no step for each line of the text."""
        line, line_start, at = self._line, self._line_start, 0
        for i, offset in enumerate(wanted):
            local = min(offset - base, len(text))
            if local > at:
                if breaks := text.count("\n", at, local):
                    line, line_start = line + breaks, base + text.rfind("\n", at, local) + 1
                at = local
            lines[i], columns[i] = line, offset - line_start + 1
        if breaks := text.count("\n", at):
            line, line_start = line + breaks, base + text.rfind("\n", at) + 1
        self._line, self._line_start = line, line_start

    @property
    def line(self) -> int:
        """The line the next segment starts on."""
        return self._line

    @property
    def start(self) -> tuple[int, int]:
        """Where the next segment starts: its line, and that line's offset (a ``LineTracker`` start)."""
        return self._line, self._line_start

    def skip(self, base: int, text: str) -> None:
        if breaks := count_line_breaks(text):
            self._line += breaks
            self._line_start = base + max(text.rfind("\n"), text.rfind("\r")) + 1


def with_line_starts(segments):
    """Each (offset, text) segment with where it starts (``LineTracker.start``): then segments can
    be located apart, by worker processes, say."""
    tracker = LineTracker()
    for segment in segments:
        yield segment, tracker.start
        tracker.skip(*segment)


def line_columns(segments, offsets) -> Positions:
    """1-based (line, column) of each offset, in one pass over the document's segments."""
    wanted = sorted(set(offsets))
    if not wanted:  # nor read a streamed document again for nothing
        return Positions(array("q"), array("q"), array("q"))
    tracker, parts, i, end = LineTracker(), [], 0, 0
    for base, text in segments:
        if i >= len(wanted):
            break
        end = base + len(text)
        j = bisect.bisect_right(wanted, end, i)
        parts.append(tracker.positions(base, text, wanted[i:j]))
        i = j
    parts.append(tracker.positions(end, "", wanted[i:]))  # past the end: clamped to the last line
    return Positions.joined(parts)


# A line break followed by an empty line: the break between two paragraphs.
_PARAGRAPH_RE = re.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)")
CUT_SEARCH = 1_000_000  # how far back from a segment's limit to look for a break


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of ``text``: the pieces between paragraph breaks."""
    bounds, at = [], 0
    for brk in _PARAGRAPH_RE.finditer(text):
        bounds.append((at, brk.start()))
        at = brk.end()
    bounds.append((at, len(text)))
    return bounds


def document_paragraphs(segments, carry_limit: int = 4_000_000):
    """(offset, text) of each paragraph of a document read as (offset, text) segments, in order,
    the same as the paragraphs of the whole text: the piece after a segment's last break is carried
    into the next segment. A paragraph longer than ``carry_limit`` is given in pieces instead."""
    carry_base, carry = 0, ""
    for base, text in segments:
        if carry:
            base, text = carry_base, carry + text
        bounds = paragraph_bounds(text)
        for start, end in bounds[:-1]:
            yield base + start, text[start:end]
        last = bounds[-1][0]
        carry_base, carry = base + last, text[last:]
        if len(carry) > carry_limit:
            yield carry_base, carry
            carry_base, carry = carry_base + len(carry), ""
    yield carry_base, carry


def cut_point(text: str, limit: int) -> int:
    """Where to end a segment of at most ``limit`` characters: after a paragraph, line or word."""
    if (last_break := _last_paragraph_break(text, limit)) is not None:
        return last_break
    for separator in ("\n", " "):
        cut = text.rfind(separator, max(0, limit - CUT_SEARCH), limit)
        if cut > 0:
            return cut + 1
    return limit


def _last_paragraph_break(text: str, limit: int) -> int | None:
    """The end of the last paragraph break within CUT_SEARCH characters before ``limit``, looked for
    near ``limit`` first: a segment of 10^6 characters has thousands of them."""
    start = max(0, limit - CUT_SEARCH)
    for reach in (10_000, 100_000):
        low = max(start, limit - reach)
        while low > start and text[low - 1] in " \t\r\n":
            low -= 1  # no break may straddle where the search starts: then the breaks are those of the whole
        if low == start:
            break
        breaks = [m.end() for m in _PARAGRAPH_RE.finditer(text, low, limit)]
        if breaks:
            return breaks[-1]
    breaks = [m.end() for m in _PARAGRAPH_RE.finditer(text, start, limit)]
    return breaks[-1] if breaks else None


def split_evenly(text: str, pieces: int, size: int):
    """``split``, with the cuts moved back to even shares of the text where paragraphs allow: about
    ``pieces`` segments of about equal size."""
    base = 0
    for left in range(pieces, 1, -1):
        if len(text) - base <= size:
            break
        share = -(-(len(text) - base) // left)
        window = text[base : base + size + 1]
        cut = _last_paragraph_break(window, share) or cut_point(window, size)
        yield base, text[base : base + cut]
        base += cut
    yield from split(text, size, base)


def split(text: str, size: int, base: int = 0):
    """(offset, piece) segments of ``text`` from ``base`` on, each at most ``size`` characters, cut at breaks."""
    while len(text) - base > size:
        cut = cut_point(text[base : base + size + 1], size)
        yield base, text[base : base + cut]
        base += cut
    yield base, text[base:]
