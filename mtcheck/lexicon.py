"""Which words are ordinary words of a language: the guard that keeps fuzzy matching precise."""

from __future__ import annotations

from functools import lru_cache

# Zipf 3 is about once per million words: common enough that a match on it is a real word.
COMMON_ZIPF = 3.0
# Zipf 4 and up are everyday words ("bank", "court"): too plain to take name derivations ("banks").
EVERYDAY_ZIPF = 4.0
# Zipf 5.5 and up are function words ("the", "of", "and"): useless as anchors for fuzzy search.
FUNCTION_ZIPF = 5.5


# Endings that make an adjective, demonym or plural of a proper name ("Serb" -> "Serbian").
NAME_SUFFIXES = {"en": ("s", "es", "n", "an", "ian", "ean", "ese", "i", "ic", "ish", "ist", "ists")}


class Lexicon:
    def __init__(self, frequencies: dict[str, float], name_suffixes: tuple[str, ...] = ()):
        self.name_suffixes = name_suffixes
        self._common = frozenset(w for w, f in frequencies.items() if f >= 10 ** (COMMON_ZIPF - 9))
        self._everyday = frozenset(w for w, f in frequencies.items() if f >= 10 ** (EVERYDAY_ZIPF - 9))
        self._function = frozenset(w for w, f in frequencies.items() if f >= 10 ** (FUNCTION_ZIPF - 9))

    @property
    def common_words(self) -> frozenset[str]:
        """The ordinary words, case-folded: for set operations over a whole vocabulary."""
        return self._common

    def is_common(self, word: str) -> bool:
        """True for an ordinary word of the language (case-insensitive)."""
        return word.casefold() in self._common

    def is_everyday(self, word: str) -> bool:
        return word.casefold() in self._everyday

    def is_function_word(self, word: str) -> bool:
        return word.casefold() in self._function

    def __len__(self) -> int:
        return len(self._common)


@lru_cache(maxsize=8)
def lexicon_for(language: str) -> Lexicon:
    """The lexicon of a BCP 47 language, from wordfreq's offline data; empty if it has none."""
    import wordfreq

    base = language.split("-")[0].lower()
    try:
        frequencies = wordfreq.get_frequency_dict(base)
    except (LookupError, ValueError):
        frequencies = {}
    return Lexicon(frequencies, NAME_SUFFIXES.get(base, ()))
