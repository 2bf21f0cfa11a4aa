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
_SOFT_C = re.compile(r"c(?=[eiy])|(?<=i)c$")  # before e/i/y, and the Slavic "-ić" written "-ic"
_VOWELS = re.compile(r"[aeiouy]")
_REPEATS = re.compile(r"(.)\1+")


@lru_cache(maxsize=100_000)
def sound_key(name: str) -> str:
    word = name.lower()
    for old, new in _ASCII_BEFORE_FOLDING if word.isascii() else _BEFORE_FOLDING:
        word = word.replace(old, new)
    word = strip_diacritics(word)
    for old, new in _AFTER_FOLDING:
        word = word.replace(old, new)
    word = _SOFT_C.sub("S", word.translate(_LAST_LETTERS)).replace("c", "k").replace("s", "S").replace("z", "S")
    head, tail = word[:1], _VOWELS.sub("", word[1:])
    if head in "aeiouy":
        head = "a"
    return _REPEATS.sub(r"\1", head + tail)
