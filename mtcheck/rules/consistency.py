"""What the two segment-consistency rules share: segments compared as a translator reads them
(case, whitespace, placeholders and inline tags set aside, as the options say), grouped by one
side, and the occurrences whose other side differs from the group's dominant rendering.

``source-inconsistent`` groups by source and compares targets; ``target-inconsistent`` groups by
target and compares sources. The dominant rendering of a group is its most frequent one, ties going
to the one met first in the file; every occurrence of every other rendering is flagged, at its
target. Consistency is judged within one file: mtcheck checks files one by one (in worker
processes, with a results cache per file), and has no step that sees the findings of a whole run.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from typing import TYPE_CHECKING

from mtcheck.model import Hit
from mtcheck.rules.base import CheckContext, Option, Rule, target_span
from mtcheck.rules.placeholder_mismatch import PLACEHOLDER
from mtcheck.text import drop_invisible, tokens, word_count

if TYPE_CHECKING:
    from mtcheck.bilingual.formats import Pair

WHITESPACE = re.compile(r"\s+")
QUOTED_LENGTH = 80  # a rendering quoted in a message is cut to this many characters

IGNORE_CASE = Option("ignore_case", {"type": "boolean"}, default=True)
IGNORE_WHITESPACE = Option("ignore_whitespace", {"type": "boolean"}, default=True)
# Placeholders ("{0}", "%s", HTML tags written in the text) and the inline tags of XLIFF and TMX.
IGNORE_TAGS = Option("ignore_tags", {"type": "boolean"}, default=True)
# Segments shorter than this (in words, numbers not counted) are not compared: "OK", "Next page" or
# "2021" stand in many places and are rightly rendered in several ways. Three, not two: on the WMT21
# TED talks (en-de MT, all of a system's talks as one file) "Thank you." and "Thank you very much."
# both rightly became "Vielen Dank.", the only pair two words would have flagged.
MIN_WORDS = Option("min_words", {"type": "integer", "minimum": 1}, default=3)
OPTIONS = (IGNORE_CASE, IGNORE_WHITESPACE, IGNORE_TAGS, MIN_WORDS)


@dataclass(frozen=True, slots=True)
class Comparison:
    """How two segments are compared: what is set aside before they must be equal."""

    ignore_case: bool = True
    ignore_whitespace: bool = True
    ignore_tags: bool = True

    @classmethod
    def configured(cls, ctx: CheckContext, rule: Rule) -> Comparison:
        return cls(ctx.option(rule, IGNORE_CASE.name), ctx.option(rule, IGNORE_WHITESPACE.name),
                   ctx.option(rule, IGNORE_TAGS.name))

    def key(self, text: str, tags: tuple[str, ...] = ()) -> str:
        """``text`` as compared: NFC always (one text written two ways in Unicode is one text)."""
        text = unicodedata.normalize("NFC", text)
        if self.ignore_tags:
            text = PLACEHOLDER.sub(" ", text)
        elif tags:
            text += "\x00" + " ".join(tags)  # the inline tags the reader took out count as written
        if self.ignore_whitespace:
            text = WHITESPACE.sub(" ", drop_invisible(text)).strip()
        return text.casefold() if self.ignore_case else text


def words(text: str) -> int:
    """The words of ``text`` that a minimum length counts: numbers and placeholders are no words here."""
    text = PLACEHOLDER.sub(" ", text)
    return word_count([word for word in tokens(text) if not word.isdigit()], text)


def inconsistencies(ctx: CheckContext, rule: Rule, grouped_by: str, compared: str,
                    describe: str) -> Iterator[Hit]:
    """A hit at the target of each pair whose ``compared`` side ("source" or "target") differs from
    the dominant one among the pairs that share its ``grouped_by`` side. ``describe`` is the
    message, formatted with ``where`` (the dominant rendering's first place) and ``rendering``."""
    comparison, min_words = Comparison.configured(ctx, rule), ctx.option(rule, MIN_WORDS.name)
    groups: dict[str, dict[str, list[int]]] = {}  # group key -> rendering key -> pair indexes, in file order
    for index, pair in enumerate(ctx.pairs):
        if not (pair.target or "").strip():
            continue  # empty-target's business
        shared, other = _side(pair, grouped_by), _side(pair, compared)
        if words(shared[0]) < min_words:
            continue
        group, rendering = comparison.key(*shared), comparison.key(*other)
        if group and rendering:
            groups.setdefault(group, {}).setdefault(rendering, []).append(index)
    hits = []
    for renderings in groups.values():
        if len(renderings) < 2:
            continue
        dominant = max(renderings.values(), key=len)  # the first of the most frequent: met first in the file
        rendering = _quoted(_side(ctx.pairs[dominant[0]], compared)[0])
        message = describe.format(where=_where(ctx.pairs, dominant), rendering=rendering)
        for indexes in renderings.values():
            if indexes is not dominant:
                # Renderings that read alike as quoted differ in what quoting drops.
                alike = _quoted(_side(ctx.pairs[indexes[0]], compared)[0]) == rendering
                hits += [(index, message + " (they differ in spacing or inline tags only)" * alike) for index in indexes]
    for index, message in sorted(hits):
        yield Hit(target_span(ctx, index), ctx.pairs[index].target, message)


def _side(pair: Pair, side: str) -> tuple[str, tuple[str, ...]]:
    if side == "source":
        return pair.source, pair.source_tags
    return pair.target or "", pair.target_tags


def _where(pairs: tuple[Pair, ...], indexes: list[int]) -> str:
    """Where a rendering stands: its first place, and how often it occurs."""
    first = pairs[indexes[0]]
    place = f"line {first.line} (segment {indexes[0]}" + (f", unit {first.unit!r})" if first.unit else ")")
    return place if len(indexes) == 1 else f"{place} and {len(indexes) - 1} more time{'s' * (len(indexes) > 2)}"


def _quoted(text: str) -> str:
    text = WHITESPACE.sub(" ", text).strip()
    return f"'{text}'" if len(text) <= QUOTED_LENGTH else f"'{text[:QUOTED_LENGTH - 1]}…'"
