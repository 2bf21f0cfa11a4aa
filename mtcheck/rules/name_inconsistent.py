"""name-inconsistent: one name spelled two ways in a document, no glossary needed.

Two capitalised words that are not ordinary words of the language are taken for one
name when they are close in spelling, or sound alike and are still fairly close in
spelling ("Lajčák"/"Lejsac", "Kurti"/"Corti", "Thaçi"/"Taci"). The rarer spelling is
flagged, suggesting the more frequent one. Words a glossary matched are only ever the
reference spelling: the glossary rules already report on them.

Fails: "Kurti met ... Corti said".  Passes: "Kurti met ... Kurti said".
"""

from __future__ import annotations

from collections import Counter

from rapidfuzz.distance import Levenshtein

from mtcheck.model import Hit, Severity, Span
from mtcheck.rules.base import CheckContext, Rule
from mtcheck.rules.phonetic import sound_key
from mtcheck.text import is_acronym, strip_diacritics

MIN_LENGTH = 4
SPELLING_ALONE = 0.8  # similarity at which spelling alone says "same name"
WITH_SOUND = 0.5  # similarity needed when the two also sound alike


def _names(ctx: CheckContext) -> tuple[Counter, dict[str, list], set[str]]:
    counts: Counter = Counter()
    places: dict[str, list] = {}
    in_glossary: set[str] = set()
    covered = [(m.start, m.end) for m in ctx.matches]
    for token in ctx.tokens:
        word = token.text
        if len(word) < MIN_LENGTH or not word[0].isupper() or is_acronym(word) or not word.isalpha():
            continue
        if ctx.lexicon.is_common(word):
            continue
        counts[word] += 1
        places.setdefault(word, []).append(token)
        if any(s <= token.start and token.end <= e for s, e in covered):
            in_glossary.add(word)
    return counts, places, in_glossary


def same_name(a: str, b: str) -> bool:
    bare_a, bare_b = strip_diacritics(a.lower()), strip_diacritics(b.lower())
    if bare_a == bare_b:
        return True
    similarity = Levenshtein.normalized_similarity(bare_a, bare_b)
    if similarity >= SPELLING_ALONE:
        return True
    key = sound_key(a)
    return len(key) >= 2 and similarity >= WITH_SOUND and key == sound_key(b)


def check(ctx: CheckContext):
    counts, places, in_glossary = _names(ctx)
    names = sorted(counts, key=lambda w: (-counts[w], w not in in_glossary, places[w][0].start))
    flagged: set[str] = set()
    for i, rarer in enumerate(names):
        if rarer in in_glossary:
            continue
        for common in names[:i]:
            if common in flagged or not same_name(common, rarer):
                continue
            flagged.add(rarer)
            for token in places[rarer]:
                yield Hit(
                    Span(token.start, token.end),
                    f"'{rarer}' may be a misspelling of '{common}', used {counts[common]} "
                    f"time{'s' if counts[common] > 1 else ''} in this document",
                    suggestion=common,
                )
            break


RULE = Rule(
    "name-inconsistent", "terminology", Severity.MINOR,
    "A proper name appears in two spellings in one document; the rarer one is flagged.", check,
)
