"""Whether two capitalised words are one name spelled two ways: close in spelling, or sounding
alike and still fairly close in spelling ("Lajčák"/"Lejsac", "Kurti"/"Corti", "Thaçi"/"Taci"),
unless the language knows both as names of their own ("Hunan"/"Henan")."""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from mtcheck.folding import strip_diacritics
from mtcheck.similarity.phonetic import sound_key

MIN_NAME_LENGTH = 4  # a shorter capitalised word is too often an ordinary one to be taken for a name
SPELLING_ALONE = 0.8  # similarity at which spelling alone says "same name"
WITH_SOUND = 0.5  # similarity needed when the two also sound alike


def differ_in_diacritics_only(a: str, b: str) -> bool:
    return strip_diacritics(a.lower()) == strip_diacritics(b.lower())


def both_established(a: str, b: str, lexicon) -> bool:
    """Whether the language has settled on both spellings (``Lexicon.is_established``): then they are two
    names, Hunan and Henan, Shanxi and Shaanxi, not one misspelt. Not for spellings that differ in
    diacritics only ("Ríos", "Rios"): those are one name, whatever the list holds of each."""
    return not differ_in_diacritics_only(a, b) and lexicon.is_established(a) and lexicon.is_established(b)


def same_name(a: str, b: str) -> bool:
    bare_a, bare_b = strip_diacritics(a.lower()), strip_diacritics(b.lower())
    if bare_a == bare_b:
        return True
    similarity = Levenshtein.normalized_similarity(bare_a, bare_b)
    if similarity >= SPELLING_ALONE:
        return True
    key = sound_key(a)
    return len(key) >= 2 and similarity >= WITH_SOUND and key == sound_key(b)
