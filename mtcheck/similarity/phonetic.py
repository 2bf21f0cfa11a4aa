"""A sound key for names transliterated from Slavic and Albanian into English.

Generic keys (Soundex, Metaphone) are built for English spellings and miss the
alternations machine translation produces for these names: "č/ć/ç" vs "c/ch/s",
"Lajčák"/"Lejsac", "Thaçi"/"Taci", "Kurti"/"Corti". The key keeps the first
letter's sound class and the consonant skeleton, with sibilants merged.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mtcheck.folding import strip_diacritics

_BEFORE_FOLDING = [
    ("dž", "J"), ("đ", "J"), ("dj", "J"), ("lj", "L"), ("nj", "N"),
    ("č", "S"), ("ć", "S"), ("ç", "S"), ("š", "S"), ("ž", "S"), ("ś", "S"), ("ź", "S"), ("ş", "S"), ("ș", "S"),
]
_ASCII_BEFORE_FOLDING = [(old, new) for old, new in _BEFORE_FOLDING if old.isascii()]
_AFTER_FOLDING = [
    ("sch", "S"), ("tch", "S"), ("sh", "S"), ("zh", "S"), ("ch", "S"), ("cz", "S"), ("sz", "S"), ("ts", "S"),
    ("th", "t"), ("ph", "f"), ("ck", "k"), ("qu", "kv"), ("gj", "J"),
]
_LAST_LETTERS = str.maketrans({"x": "ks", "w": "v", "q": "k"})  # after the pairs: "qu" goes first
# Keys are made for all the names of a document at once, one per line of a joined string: a few
# passes over one string instead of two dozen steps per name.
_SOFT_C = re.compile(r"c(?=[eiy])|(?<=i)c$", re.M)  # before e/i/y, and the Slavic "-ić" written "-ic"
_HEAD_VOWEL = re.compile(r"^[aeiouy]", re.M)  # a name's first letter: every other vowel is dropped
_NO_VOWELS = str.maketrans("", "", "aeiouy")
_REPEATS = re.compile(r"(.)\1+")


def sound_keys(names: list[str]) -> list[str]:
    """The sound key of each name."""
    if not names:
        return []
    joined = "\n".join(names).lower()
    for old, new in _ASCII_BEFORE_FOLDING if joined.isascii() else _BEFORE_FOLDING:
        joined = joined.replace(old, new)
    if not joined.isascii():
        joined = "\n".join(map(strip_diacritics, joined.split("\n")))
    for old, new in _AFTER_FOLDING:
        joined = joined.replace(old, new)
    joined = _SOFT_C.sub("S", joined.translate(_LAST_LETTERS)).replace("c", "k").replace("s", "S").replace("z", "S")
    joined = _HEAD_VOWEL.sub("\0", joined).translate(_NO_VOWELS).replace("\0", "a")  # names hold no NUL
    return _REPEATS.sub(r"\1", joined).split("\n")


@lru_cache(maxsize=100_000)
def sound_key(name: str) -> str:
    return sound_keys([name])[0]
