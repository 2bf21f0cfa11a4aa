"""name-inconsistent: one name spelled two ways in a document, no glossary needed.

Two capitalised words that are not ordinary words of the language are taken for one
name when they are close in spelling, or sound alike and are still fairly close in
spelling ("Lajčák"/"Lejsac", "Kurti"/"Corti", "Thaçi"/"Taci"). The rarer spelling is
flagged, suggesting the more frequent one. Words a glossary matched are only ever the
reference spelling: the glossary rules already report on them.

Fails: "Kurti met ... Corti said".  Passes: "Kurti met ... Kurti said".
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import chain, filterfalse

from mtcheck.folding import strip_diacritics
from mtcheck.model import Hit, Severity, Span
from mtcheck.rules.base import CheckContext, Example, Rule, Scope
from mtcheck.similarity.names import MIN_NAME_LENGTH as MIN_LENGTH
from mtcheck.similarity.names import same_name
from mtcheck.similarity.neighbourhood import Neighbourhood
from mtcheck.similarity.phonetic import sound_keys
from mtcheck.text import LONGEST_WORD, is_acronym

MAX_BLOCK = 200  # a sound key shared by more names than this says nothing


def may_be_name(word: str, lexicon) -> bool:
    return (MIN_LENGTH <= len(word) <= LONGEST_WORD and word[0].isupper() and word.isalpha() and not is_acronym(word)
            and not lexicon.is_common(word))


def names_among(words: Iterable[str], lexicon) -> Iterator[str]:
    """The words that may be names, in their order (the lower-case ones skipped at C speed)."""
    return (word for word in filterfalse(str.islower, words) if may_be_name(word, lexicon))


def _candidates(names: list[str], in_glossary: set[str]) -> dict[str, set[str]]:
    """For each name that may be flagged, the names that may be the same one.

    Blocking keeps this near-linear: only names sharing a sound key, or one edit apart,
    are compared. Glossary words are blocked by sound only: their one-edit misspellings
    are the term index's near misses already.
    """
    by_sound: dict[str, list[str]] = defaultdict(list)
    by_spelling = Neighbourhood()
    for name, sound in zip(names, sound_keys(names)):
        by_sound[sound].append(name)
        if name not in in_glossary:
            by_spelling.add(name, keyed_as=strip_diacritics(name.lower()))
    candidates: dict[str, set[str]] = {name: set() for name in names if name not in in_glossary}
    for block in chain(by_sound.values(), by_spelling.blocks()):
        if 1 < len(block) <= MAX_BLOCK:
            for name in block:
                if name in candidates:
                    candidates[name].update(block)
    return candidates


def _pairs(ctx: CheckContext):
    """(rarer, reference) spellings, each rarer spelling once."""
    counts = ctx.counts_of(RULE)
    if len(counts) < 2:
        return
    in_glossary = ctx.glossary_words
    names = sorted(counts, key=lambda w: (-counts[w], w not in in_glossary))  # stable: ties stay in order of appearance
    rank = {name: i for i, name in enumerate(names)}
    candidates = _candidates(names, in_glossary)
    flagged: set[str] = set()
    for i, rarer in enumerate(names):
        if rarer in in_glossary:
            continue
        earlier = sorted((c for c in candidates[rarer] if rank[c] < i and c not in flagged), key=rank.get)
        reference = next((common for common in earlier if same_name(common, rarer)), None)
        if reference is not None:
            flagged.add(rarer)
            yield rarer, reference, counts[reference]


def check(ctx: CheckContext):
    pairs = {rarer: (reference, count) for rarer, reference, count in _pairs(ctx)}
    if not pairs:
        return
    pattern = re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, sorted(pairs, key=len, reverse=True))) + r")(?![^\W_])")
    for base, text in ctx.document.segments():
        for found in pattern.finditer(text):
            yield _hit(found, base, *pairs[found.group()])


def _hit(found: re.Match, base: int, reference: str, count: int) -> Hit:
    return Hit(
        Span(base + found.start(), base + found.end()),
        found.group(),
        f"'{found.group()}' may be a misspelling of '{reference}', used {count} "
        f"time{'s' if count > 1 else ''} in this document",
        suggestion=reference,
    )


RULE = Rule(
    "name-inconsistent", "Terminology/Inconsistent use of terminology", Severity.MINOR,
    "A proper name appears in two spellings in one document; the rarer one is flagged.", check,
    scope=Scope.DOCUMENT,  # word counts and glossary words of the whole document, no matches
    counts=names_among,
    examples=(
        Example("Kurti met the envoy. Kurti said no.\n\nLater ⟦Corti⟧ said yes."),  # sound alike, near in spelling
        Example("Haradinaj met the envoy. Haradinaj said no.\n\nLater ⟦Haradinay⟧ left."),
        Example("Kurti met the envoy. Kurti said no.\n\nLater Kurti said yes."),
    ),
)
