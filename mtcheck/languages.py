"""What mtcheck knows of each language, in one place: adding a language is adding an entry here.

The rules and the term index ask ``language(code)`` for a BCP 47 tag ("de", "sr-Latn", "pt-BR")
and read the facts they need; a language with no entry gets the defaults of ``Language`` (no
stemming, no number words, Latin-script word spacing), so it is checked, only less cleverly.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class Language:
    code: str  # the primary subtag, lower case
    # The Snowball stemmer (PyStemmer) that takes the words of this language to one stem whatever their
    # inflection ("Europäischen" and "Europäische" -> "europa"): glossary forms are then found inflected.
    stemmer: str | None = None
    # Nouns and adjectives change their ending with their role in the sentence: a replacement written
    # in place of a word must keep that ending, so a fix is applied only where it does (mtcheck.inflection).
    inflects: bool = False
    # Endings that names take beyond what the stemmer strips ("Kurti" -> "Kurtijem"); after a final
    # vowel they replace it ("Metohija" -> "Metohije").
    name_endings: tuple[str, ...] = ()
    # Endings that make an adjective, demonym or plural of a proper name ("Serb" -> "Serbian").
    name_suffixes: tuple[str, ...] = ()
    # Endings of regular inflections of ordinary words, for telling a garbled token from an inflected word.
    word_endings: tuple[str, ...] = ()
    # Words that grammar lets stand twice in a row ("had had", "die die").
    repeatable: frozenset[str] = frozenset()
    # Small numbers written as words, by value from zero.
    number_words: tuple[str, ...] = ()
    decimal_comma: bool = False  # "1.000,5": a comma before the decimals, a dot (or space) between groups
    # A space before ":;!?" is wrong (in French it is the rule).
    no_space_before_punctuation: bool = False


_SERBO_CROATIAN = dict(
    stemmer="serbian", inflects=True, decimal_comma=True, no_space_before_punctuation=True,
    name_endings=("a", "e", "i", "u", "om", "em", "ja", "je", "ji", "ju", "jem", "jom"),
    number_words=("nula", "jedan", "dva", "tri", "četiri", "pet", "šest", "sedam", "osam", "devet", "deset",
                  "jedanaest", "dvanaest"),
)

_ENTRIES: dict[str, dict] = {
    "en": dict(
        # English inflects little: the term index knows its plurals and possessives itself.
        name_suffixes=("s", "es", "n", "an", "ian", "ean", "ese", "i", "ic", "ish", "ist", "ists"),
        word_endings=("s", "es", "ed", "d", "ing", "er", "ers", "ly"),
        repeatable=frozenset({"had", "that", "bye", "no", "yes", "so", "well", "there", "now", "ha", "knock", "tut",
                              "very", "chop", "night", "go", "is", "ylang", "can", "pom", "dum", "tom", "bang", "aye",
                              "mahi", "bora", "walla", "sing", "hee", "ho", "boo", "tsk", "yada", "blah"}),
        number_words=("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                      "twelve"),
        no_space_before_punctuation=True,
    ),
    "sr": _SERBO_CROATIAN, "hr": _SERBO_CROATIAN, "bs": _SERBO_CROATIAN, "sh": _SERBO_CROATIAN,
    "de": dict(stemmer="german", inflects=True, decimal_comma=True, no_space_before_punctuation=True),
    "fr": dict(stemmer="french", inflects=True, decimal_comma=True),
    "es": dict(stemmer="spanish", inflects=True, decimal_comma=True, no_space_before_punctuation=True),
    "it": dict(stemmer="italian", inflects=True, decimal_comma=True, no_space_before_punctuation=True),
    "pt": dict(stemmer="portuguese", inflects=True, decimal_comma=True, no_space_before_punctuation=True),
    "nl": dict(stemmer="dutch", inflects=True, decimal_comma=True, no_space_before_punctuation=True),
    "pl": dict(stemmer="polish", inflects=True, decimal_comma=True, no_space_before_punctuation=True),
    "cs": dict(stemmer="czech", inflects=True, decimal_comma=True, no_space_before_punctuation=True),
    "ru": dict(stemmer="russian", inflects=True, decimal_comma=True),
    "ro": dict(stemmer="romanian", inflects=True, decimal_comma=True),
    "hu": dict(stemmer="hungarian", inflects=True, decimal_comma=True),
    "fi": dict(stemmer="finnish", inflects=True, decimal_comma=True),
    "sv": dict(stemmer="swedish", inflects=True, decimal_comma=True),
    "da": dict(stemmer="danish", inflects=True, decimal_comma=True),
    "no": dict(stemmer="norwegian", inflects=True, decimal_comma=True),
    "nb": dict(stemmer="norwegian", inflects=True, decimal_comma=True),
    "nn": dict(stemmer="norwegian", inflects=True, decimal_comma=True),
    "el": dict(stemmer="greek", inflects=True, decimal_comma=True),
    "tr": dict(stemmer="turkish", inflects=True, decimal_comma=True),
    "lt": dict(stemmer="lithuanian", inflects=True, decimal_comma=True),
    "et": dict(stemmer="estonian", inflects=True, decimal_comma=True),
    "ca": dict(stemmer="catalan", inflects=True, decimal_comma=True),
    "eu": dict(stemmer="basque", inflects=True, decimal_comma=True),
    "ga": dict(stemmer="irish", inflects=True),
    "id": dict(stemmer="indonesian", decimal_comma=True),
    "ar": dict(stemmer="arabic", inflects=True),
    "fa": dict(stemmer="persian"),
    "hi": dict(stemmer="hindi", inflects=True),
    "hy": dict(stemmer="armenian", inflects=True),
    "uk": dict(inflects=True, decimal_comma=True),
    "bg": dict(inflects=True, decimal_comma=True),
    "mk": dict(inflects=True, decimal_comma=True),
    "sl": dict(inflects=True, decimal_comma=True),
    "sk": dict(inflects=True, decimal_comma=True),
    "sq": dict(inflects=True, decimal_comma=True, no_space_before_punctuation=True),
    "vi": dict(decimal_comma=True),
}


@lru_cache(maxsize=256)  # bounded: codes come from input files
def language(code: str | None) -> Language:
    """What is known of the language of BCP 47 tag ``code`` (its primary subtag decides)."""
    primary = (code or "").split("-")[0].split("_")[0].lower()
    return Language(primary, **_ENTRIES.get(primary, {}))
