"""Which words are ordinary words of a language: the guard that keeps fuzzy matching precise."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

from mtcheck import languages

# Zipf 3 is about once per million words: common enough that a match on it is a real word.
COMMON_ZIPF = 3.0
# Zipf 4 and up are everyday words ("bank", "court"): too plain to take name derivations ("banks").
EVERYDAY_ZIPF = 4.0
# Zipf 5.5 and up are function words ("the", "of", "and"): useless as anchors for fuzzy search.
FUNCTION_ZIPF = 5.5
# Zipf 2.2 and up (once in 160 million words) is a word or name the language has settled on: two
# Chinese provinces, Hunan (2.8) and Henan (2.6), Shanxi (2.5) and Shaanxi (2.4), are above it; the
# misspelt names of news MT are below ("Yonggang" 1.05, the list's floor; "Kahramanmarash" unlisted),
# and so are names as rare as "Kurti" and "Corti" (2.0).
ESTABLISHED_ZIPF = 2.2
LISTED_SEARCHES = 5_000  # lookups by binary search of the list's text (~5 us) before a set of it (60 ms) pays


# wordfreq lists Serbian, Croatian and Bosnian as one language, in Latin script.
WORDFREQ_CODES = {"sr": "sh", "hr": "sh", "bs": "sh"}
SERBIAN_CYRILLIC = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "đ", "е": "e", "ж": "ž", "з": "z", "и": "i", "ј": "j",
    "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "ћ": "ć", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "č", "џ": "dž", "ш": "š",
})


class Lexicon:
    def __init__(self, frequencies: dict[str, float], name_suffixes: tuple[str, ...] = (), script=None,
                 capitalises_nouns: bool = False):
        self.name_suffixes = name_suffixes
        self.capitalises_nouns = capitalises_nouns  # a capital is no sign of a name (German "Proton")
        self._script = script  # a transliteration into the script of the word list, if it has one
        self._common = frozenset(w for w, f in frequencies.items() if f >= 10 ** (COMMON_ZIPF - 9))
        self._everyday = frozenset(w for w, f in frequencies.items() if f >= 10 ** (EVERYDAY_ZIPF - 9))
        self._function = frozenset(w for w, f in frequencies.items() if f >= 10 ** (FUNCTION_ZIPF - 9))
        # Every word of the list, however rare, one per line in byte order, in UTF-8: one bytes object
        # loads in no time, where a set of 3 * 10^5 words takes 60 ms, and a binary search of its lines
        # answers a lookup in microseconds. The established words have a list of their own.
        self._listed = _sorted_lines(frequencies) if frequencies else None
        self._established = _sorted_lines(w for w, f in frequencies.items() if f >= 10 ** (ESTABLISHED_ZIPF - 9))
        self._listed_set: frozenset[str] | None = None
        self._lookups = 0

    @property
    def common_words(self) -> frozenset[str]:
        """The ordinary words, case-folded: for set operations over a whole vocabulary."""
        return self._common

    @property
    def everyday_words(self) -> frozenset[str]:
        return self._everyday

    def is_common(self, word: str) -> bool:
        """True for an ordinary word of the language (case-insensitive)."""
        return self._key(word) in self._common

    def is_everyday(self, word: str) -> bool:
        return self._key(word) in self._everyday

    def _key(self, word: str) -> str:
        folded = word.casefold()
        return folded.translate(self._script) if self._script and not folded.isascii() else folded

    @property
    def has_word_list(self) -> bool:
        """Whether the language has a word list: without one, no word can be told from a non-word."""
        return self._listed is not None

    def is_listed(self, word: str) -> bool:
        """True for a word in the language's word list at all, however rare (case-insensitive); always
        True for a language without a list: then nothing can be called a non-word."""
        if self._listed is None:
            return True
        key = self._key(word)
        if self._listed_set is None:
            self._lookups += 1
            if self._lookups <= LISTED_SEARCHES:
                return _has_line(self._listed, key)
            self._listed_set = frozenset(self._listed.decode("utf-8").split("\n"))  # many lookups: a set pays
        return key in self._listed_set

    def listed_among(self, words: Iterable[str]) -> set[str]:
        """Those of ``words`` that ``is_listed``: many at once make the set of the list at once, rather
        than first paying the binary searches it would soon replace."""
        words = list(words)
        if self._listed is not None and self._listed_set is None and self._lookups + len(words) > LISTED_SEARCHES:
            self._lookups = LISTED_SEARCHES
        return set(filter(self.is_listed, words))

    def is_established(self, word: str) -> bool:
        """True for a word the language's list gives at least ``ESTABLISHED_ZIPF`` (case-insensitive):
        a settled spelling, not a slip. False for a language without a list: nothing is known."""
        return self._listed is not None and _has_line(self._established, self._key(word))

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_listed_set": None, "_lookups": 0}

    def a_word_for_another(self, written: Iterable[str], meant: Iterable[str],
                           inflection: Callable[[str, str], bool] | None = None) -> bool:
        """Whether one of the ``written`` words is an ordinary word of the language where the word
        of ``meant`` in its place is not: "den" is no "Đene" inflected, "hören" no "Horen" with
        letters changed, however their stems or bare letters agree. Where both are words ("der
        Europäischen" for "Europäische"), the written one may stand for the other, and so may a
        word that ``inflection`` (lower-case written, meant) calls the meant one inflected as
        written where the meant one is an established word too ("dem Serbischen Gemeindebund" for
        "Serbischer Gemeindebund": "serbischer" is rarer, not unknown; "Big" is still no "Bige")."""
        return any(w.casefold() != m.casefold() and self.is_common(w) and not self.is_common(m)
                   and not (inflection and self.is_established(m) and inflection(w.lower(), m.lower()))
                   for w, m in zip(written, meant))

    def is_function_word(self, word: str) -> bool:
        return word.casefold() in self._function

    def __len__(self) -> int:
        return len(self._common)


def _sorted_lines(words) -> bytes:
    """The words one per line, in UTF-8 byte order, with a line break before the first and after the last
    (no words: one line break, and no empty line)."""
    encoded = sorted(word.encode("utf-8") for word in words)
    return b"\n" + b"\n".join(encoded) + b"\n" if encoded else b"\n"


def _has_line(lines: bytes, word: str) -> bool:
    """Whether ``word`` is a line of ``lines`` (``_sorted_lines``): a binary search over byte offsets,
    each step comparing the line around the middle."""
    key = word.encode("utf-8")
    low, high = 1, len(lines)  # the lines that may hold ``key`` start in [low, high)
    while low < high:
        start = lines.rfind(b"\n", 0, (low + high) // 2) + 1
        if start < low:  # the middle falls in the line before ``low``: look at the first line from it
            start = low
        end = lines.find(b"\n", start)
        line = lines[start:end]
        if line == key:
            return True
        if line < key:
            low = end + 1
        else:
            high = start
    return False


def lexicon_version() -> str:
    """The installed wordfreq's version, for cache keys: read from the name of its metadata folder,
    without importing wordfreq or importlib.metadata (7 ms of every run's start)."""
    import importlib.util
    import os

    spec = importlib.util.find_spec("wordfreq")
    if spec is not None and spec.origin:
        site = os.path.dirname(os.path.dirname(spec.origin))
        found = sorted(name for name in os.listdir(site) if name.startswith("wordfreq-") and name.endswith(".dist-info"))
        if len(found) == 1:
            return found[0][len("wordfreq-"):-len(".dist-info")]
    from importlib import metadata

    return metadata.version("wordfreq")


def lexicon_for(language: str) -> Lexicon:
    """The lexicon of a BCP 47 language, from wordfreq's offline data; empty if it has none."""
    return _lexicon_of(language.split("-")[0].lower())


@lru_cache(maxsize=8)
def _lexicon_of(base: str) -> Lexicon:
    """Kept per base language: "en", "en-US" and "EN" share one (a load takes about half a second)."""
    import wordfreq

    try:
        frequencies = wordfreq.get_frequency_dict(WORDFREQ_CODES.get(base, base))
    except (LookupError, ValueError):
        frequencies = {}
    known = languages.language(base)
    return Lexicon(frequencies, known.name_suffixes, SERBIAN_CYRILLIC if base == "sr" else None, known.capitalises_nouns)
