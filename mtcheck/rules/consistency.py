"""What the two segment-consistency rules share: segments compared as a translator reads them
(case, whitespace, placeholders and inline tags set aside, as the options say), grouped by one
side, and the occurrences whose other side differs from the group's dominant rendering.

``source-inconsistent`` groups by source and compares targets; ``target-inconsistent`` groups by
target and compares sources. The dominant rendering of a group is its most frequent one, ties going
to the one met first in the file; every occurrence of every other rendering is flagged, at its
target.

Consistency is judged within each file, unless the option ``across`` is ``project``: then all the
pairs of all the bilingual files of a run are compared together (``RunWide``). Each file, checked
alone (in a worker process, or answered by the results cache), keeps the target of every pair it
would compare as a pending finding, keyed by its group and rendering; once the run's files are all
checked, ``decided`` finds the dominant renderings among them all (ties going to the one met first
in path order) and reports the others, naming the file of the dominant rendering when it is another.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from typing import TYPE_CHECKING

from mtcheck.model import Hit, Pending
from mtcheck.rules.base import CheckContext, Option, Rule, target_span, translated_pairs
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
# "file": each file is judged alone; "project": the pairs of all the files of a run together.
ACROSS = Option("across", {"enum": ["file", "project"]}, default="file")
OPTIONS = (IGNORE_CASE, IGNORE_WHITESPACE, IGNORE_TAGS, MIN_WORDS, ACROSS)


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
    keyed = list(_compared(ctx, rule, grouped_by, compared))
    hits = []
    for at, dominant in _minorities((group, rendering) for _, group, rendering in keyed):
        first = [keyed[d][0] for d in dominant]
        rendering = _quoted(_side(ctx.pairs[first[0]], compared)[0])
        # Renderings that read alike as quoted differ in what quoting drops.
        alike = _quoted(_side(ctx.pairs[keyed[at][0]], compared)[0]) == rendering
        message = describe.format(where=_where(ctx.pairs, first), rendering=rendering)
        hits.append((keyed[at][0], message + ALIKE * alike))
    for index, message in sorted(hits):
        yield Hit(target_span(ctx, index), ctx.pairs[index].target, message)


ALIKE = " (they differ in spacing or inline tags only)"


def across_project(ctx: CheckContext, rule: Rule) -> bool:
    """Whether ``rule`` compares the pairs of all the files of the run (``RunWide.wanted``)."""
    return ctx.option(rule, ACROSS.name) == "project"


def pending_targets(ctx: CheckContext, rule: Rule, grouped_by: str, compared: str) -> Iterator[tuple[Hit, tuple]]:
    """For the run to decide (``RunWide.collect``): the target of each pair that ``inconsistencies``
    would compare, keyed by (group, rendering, the ``compared`` side as quoted, the pair's line and
    segment as messages name them)."""
    for index, group, rendering in _compared(ctx, rule, grouped_by, compared):
        pair = ctx.pairs[index]
        yield (Hit(target_span(ctx, index), pair.target, ""),
               (group, rendering, _quoted(_side(pair, compared)[0]), pair.line, index))


def decided(found: Sequence[Pending], describe: str) -> Iterator[tuple[int, str]]:
    """(position, message) of each pending target whose rendering is not its group's dominant one
    among all the files of the run (``RunWide.decide``); messages as ``inconsistencies`` writes them,
    with the file named where the dominant rendering stands in another."""
    for at, dominant in _minorities(p.key[:2] for p in found):
        first = found[dominant[0]]
        rendering = first.key[2]
        where = _place(first.key[3], first.key[4], first.finding.unit)
        if first.finding.path != found[at].finding.path:
            where = f"{first.finding.path} {where}"
        if len(dominant) > 1:
            where += f" and {len(dominant) - 1} more time{'s' * (len(dominant) > 2)}"
        yield at, describe.format(where=where, rendering=rendering) + ALIKE * (found[at].key[2] == rendering)


def _compared(ctx: CheckContext, rule: Rule, grouped_by: str, compared: str) -> Iterator[tuple[int, str, str]]:
    """(pair index, group key, rendering key) of each pair to compare, in file order: not an empty
    target (empty-target's business), nor one whose grouped side is shorter than ``min_words``."""
    comparison, min_words = Comparison.configured(ctx, rule), ctx.option(rule, MIN_WORDS.name)
    for index, pair, _ in translated_pairs(ctx):
        shared, other = _side(pair, grouped_by), _side(pair, compared)
        if words(shared[0]) < min_words:
            continue
        group, rendering = comparison.key(*shared), comparison.key(*other)
        if group and rendering:
            yield index, group, rendering


def _minorities(keys: Iterable[tuple[str, str]]) -> Iterator[tuple[int, list[int]]]:
    """For (group, rendering) keys in order: (position, positions of its group's dominant rendering)
    of each key whose rendering is not the dominant one of its group, group by group. The dominant
    rendering is the most frequent, the first met on a tie."""
    groups: dict[str, dict[str, list[int]]] = {}  # group key -> rendering key -> positions, in order
    for at, (group, rendering) in enumerate(keys):
        groups.setdefault(group, {}).setdefault(rendering, []).append(at)
    for renderings in groups.values():
        if len(renderings) < 2:
            continue
        dominant = max(renderings.values(), key=len)  # the first of the most frequent: met first
        for positions in renderings.values():
            if positions is not dominant:
                yield from ((at, dominant) for at in positions)


def _side(pair: Pair, side: str) -> tuple[str, tuple[str, ...]]:
    if side == "source":
        return pair.source, pair.source_tags
    return pair.target or "", pair.target_tags


def _where(pairs: tuple[Pair, ...], indexes: list[int]) -> str:
    """Where a rendering stands: its first place, and how often it occurs."""
    first = pairs[indexes[0]]
    place = _place(first.line, indexes[0], first.unit)
    return place if len(indexes) == 1 else f"{place} and {len(indexes) - 1} more time{'s' * (len(indexes) > 2)}"


def _place(line: int, segment: int | None, unit: str | None) -> str:
    return f"line {line} (segment {segment}" + (f", unit {unit!r})" if unit else ")")


def _quoted(text: str) -> str:
    text = WHITESPACE.sub(" ", text).strip()
    return f"'{text}'" if len(text) <= QUOTED_LENGTH else f"'{text[:QUOTED_LENGTH - 1]}…'"
