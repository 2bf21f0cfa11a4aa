"""spelling: a spell check of the target language against a dictionary (pyspellchecker's, MIT,
offline), off by default: turn it on with ``rules: {spelling: {enabled: true}}`` or ``--select
spelling``, and install it with ``pip install 'mtcheck[spelling]'``.

Dictionaries: English, Spanish, French, Portuguese, German, Italian, Russian, Arabic, Latvian,
Basque, Dutch and Persian; for another target language the run stops with a one-line error. A
word is spelt right when the dictionary has it, or when wordfreq's list of the language counts it
an ordinary word (Zipf 3 and up): British "neighbour" and "analyse", which the US-English
dictionary lacks; or a dictionary word with one of the language's regular endings
(``Language.word_endings`` and ``noun_endings``: "lensed", "astrophysically", German "Insekts");
or, in a language that inflects its words (``Language.inflects``: German, French, Serbian...), any
word wordfreq lists as established (``Lexicon.is_established``, Zipf 2.2 and up: its rarest entries
hold typos, German "regirung" at 1.0), as the dictionary holds few of their inflections and
compounds; or, in German and Dutch, two known words joined as a compound
(``Language.compound_links``: "rechenschafts" + "pflichtig").

A word the dictionary lacks is flagged only when it looks like a slip of a dictionary word: one
is two edits away or fewer (the most frequent at the fewest edits is the suggestion). Not flagged:
a word no dictionary word is near ("thermoregulation", German "Rasterelektronenmikroskops": rare
words, not slips); a prefix before a dictionary word (``Language.word_prefixes``: "undeflected",
"rekonfigurierbare"), unless it is one letter from an everyday word ("disfunction", "dysfunction");
in a translation file, a word its source also writes (names, Latin plant names, products copied
as they are). Measured on 9,104 words of TED English: 7 flags, 1 a real error (17 before these
three tests); on the 7,406 German MT segments of the WMT21 TED MQM file: 131 flags (647 before;
comparatives and superlatives of dictionary words pass: German ``word_endings``).

Never looked at, as never misspellings: the words of a glossary match (names and terms, however
written: term-misspelled judges those), capitalised words inside a sentence (names), acronyms,
words with digits, URLs and e-mail addresses, words of one letter or over 100.

How it differs from ``garbled-word``, which is always on: garbled-word flags only a word that
occurs once, is in none of wordfreq's lists however rare, and is one letter from an everyday word
("Peleven" for "Eleven"): few words, almost no false alarms, no dictionary. spelling flags every
word its dictionary lacks ("recieve", "goverment", which wordfreq lists as rare words), at the
price of the rare words and inflections a dictionary does not hold.

Fails: "We recieve the goverment's letter."  Passes: "We receive the government's letter."
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping
from functools import lru_cache

from mtcheck.errors import ConfigError, Problem
from mtcheck.languages import language
from mtcheck.model import Hit, Severity, Span
from mtcheck.rules.base import CheckContext, Example, Rule
from mtcheck.text import LONGEST_WORD, after_one_of, is_acronym, opens_sentence

DICTIONARIES = ("ar", "de", "en", "es", "eu", "fa", "fr", "it", "lv", "nl", "pt", "ru")  # pyspellchecker's
# Letters, with apostrophes inside ("don't", "government's"); hyphens split ("well-known": two words).
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Words that are not words: URLs, e-mail addresses, paths, and tokens holding digits ("G7", "3rd").
_NOT_WORDS = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\w*\d\w*")
_POSSESSIVE = re.compile(r"['’]s$")


def check(ctx: CheckContext) -> Iterator[Hit]:
    base, text = ctx.segment
    speller = _speller(ctx.language.split("-")[0].lower())
    known = language(ctx.language)
    covered = _covered(ctx, base, len(text))
    for found in _WORD.finditer(_without_non_words(text)):
        word = found.group()
        if covered and any(covered[found.start():found.end()]):
            continue  # a glossary match: a name or term, never a misspelling
        if not _looked_at(word, text, found.start(), known):
            continue
        bare = _POSSESSIVE.sub("", word).replace("’", "'")
        lower = bare.lower()
        if _spelt_right(lower, speller, ctx) or lower in _source_words(ctx, base + found.start()):
            continue
        nearest = speller.correction(lower)
        if nearest is None:
            continue  # no dictionary word within two edits: a rare word, not a slip of one
        suggestion, edits = nearest
        if _derived(lower, speller, known.word_prefixes) and not (edits == 1 and ctx.lexicon.is_common(suggestion)):
            continue  # "undeflected", "rekonfigurierbare"; "disfunction" stays: one letter from "dysfunction"
        suggestion = (suggestion.capitalize() if word[0].isupper() else suggestion) + word[len(bare):]
        yield Hit(Span(base + found.start(), base + found.end()), word,
                  f"'{word}' is not in the dictionary; did you mean '{suggestion}'?", suggestion=suggestion, fixable=False)


def _source_words(ctx: CheckContext, offset: int) -> frozenset[str]:
    """The words of the source of the pair whose target holds ``offset``, in lower case (none in a
    text without sources): a word the translation copies from its source (a name, a Latin plant
    name, a product) is written as the source writes it, not misspelt."""
    starts = getattr(ctx.document, "starts", None)
    if not starts:
        return frozenset()
    pair = ctx.pairs[max(0, bisect.bisect_right(starts, offset) - 1)]
    return _words_of(pair.source or "")


@lru_cache(maxsize=256)
def _words_of(text: str) -> frozenset[str]:
    return frozenset(word.lower() for word in _WORD.findall(text))


# A base shorter than this after a prefix is too often a stray letter group ("un" + "der").
MIN_DERIVED_BASE = 4


def _derived(word: str, speller: _Speller, prefixes: tuple[str, ...]) -> bool:
    """Whether ``word`` is one of the language's prefixes before a dictionary word ("un" +
    "deflected", "re" + "konfigurierbare"): dictionaries list few of the words prefixes make."""
    return any(word.startswith(prefix) and len(word) - len(prefix) >= MIN_DERIVED_BASE and word[len(prefix):] in speller
               for prefix in prefixes)


def _without_non_words(text: str) -> str:
    """``text`` with URLs, e-mail addresses and words holding digits blanked, offsets kept."""
    return _NOT_WORDS.sub(lambda m: " " * len(m.group()), text)


def _covered(ctx: CheckContext, base: int, length: int) -> bytearray | None:
    """Which characters of the segment a glossary match covers (None: none does)."""
    matches = list(ctx.matches)
    if not matches:
        return None
    covered = bytearray(length)
    for match in matches:
        start, end = max(0, match.start - base), min(length, match.end - base)
        covered[start:end] = b"\x01" * max(0, end - start)
    return covered


def _looked_at(word: str, text: str, start: int, known) -> bool:
    """Not a name (a capital inside a sentence), an acronym, a letter alone or a run of junk. Where
    every noun has a capital (German), a capitalised word after an article or determiner is a noun,
    and is looked at ("die Regirung")."""
    if len(word) < 2 or len(word) > LONGEST_WORD or is_acronym(word) or word.isupper():
        return False
    return (not word[0].isupper() or opens_sentence(text, start)
            or known.capitalises_nouns and after_one_of(known.determiners, text, start))


def _spelt_right(word: str, speller: _Speller, ctx: CheckContext) -> bool:
    known = language(ctx.language)
    return (word in speller or ctx.lexicon.is_common(word) or all(part in speller for part in word.split("'"))
            or _inflected(word, speller, known.word_endings + known.noun_endings)
            or known.inflects and ctx.lexicon.is_established(word)
            or _a_compound(word, known.compound_links, lambda part: part in speller or ctx.lexicon.is_established(part)))


# Shorter heads and tails are too often a stray letter group: "regirung" is no "regi" + "rung".
MIN_COMPOUND_HEAD = 4
MIN_COMPOUND_TAIL = 5


def _a_compound(word: str, links: tuple[str, ...], known) -> bool:
    """Whether ``word`` is two known words joined by one of the language's links ("rechenschafts" +
    "pflichtig", "super" + "massereiche"): German and Dutch write compounds as one word, and no
    dictionary lists them all."""
    if not links:
        return False
    for cut in range(MIN_COMPOUND_HEAD, len(word) - MIN_COMPOUND_TAIL + 1):
        tail = word[cut:]
        if not known(tail):
            continue
        head = word[:cut]
        if any(head.endswith(link) and len(head) - len(link) >= MIN_COMPOUND_HEAD and known(head[:len(head) - len(link)])
               for link in links):
            return True
    return False


def _inflected(word: str, speller: _Speller, endings: tuple[str, ...]) -> bool:
    """Whether ``word`` is a dictionary word with one of the language's regular endings: a dictionary
    lists "lens" and "astrophysical", not every "lensed" and "astrophysically" ("recieved" stays
    wrong: "recieve" is no word either)."""
    return any(word.endswith(ending) and len(word) - len(ending) >= 3 and word[:-len(ending)] in speller
               for ending in endings)


MAX_EDITS = 2


class _Speller:
    """A dictionary's words with their frequencies, and the best correction of a word it lacks:
    the most frequent word at the fewest edits (OSA: "recieve" is one from "receive"), two at most.
    pyspellchecker's own ``correction`` writes out every string two edits away, in Python: seconds
    for a long word. Here rapidfuzz compares the word with the words of about its length, in C."""

    def __init__(self, frequencies: Mapping[str, int]):
        self._frequencies = frequencies
        self._by_length: dict[int, list[str]] = {}
        for word in frequencies:
            self._by_length.setdefault(len(word), []).append(word)
        self._corrections: dict[str, tuple[str, int] | None] = {}  # a misspelling repeats in a document

    def __contains__(self, word: str) -> bool:
        return word in self._frequencies

    def correction(self, word: str) -> tuple[str, int] | None:
        """The best correction and its number of edits; None when no word is two edits or fewer away."""
        if word not in self._corrections:
            self._corrections[word] = self._nearest(word)
        return self._corrections[word]

    def _nearest(self, word: str) -> tuple[str, int] | None:
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        near = [(distance, -self._frequencies[known], known)
                for length in range(len(word) - MAX_EDITS, len(word) + MAX_EDITS + 1)
                for known, distance, _ in process.extract(word, self._by_length.get(length, ()), scorer=OSA.distance,
                                                          score_cutoff=MAX_EDITS, limit=None)]
        if not near:
            return None
        edits, _, best = min(near)
        return best, int(edits)


@lru_cache(maxsize=4)
def _speller(language: str) -> _Speller:
    """The language's dictionary, loaded once (about 0.2 s for English)."""
    try:
        from spellchecker import SpellChecker
    except ImportError:
        raise ConfigError(Problem("mtcheck", "the spelling rule needs pyspellchecker: pip install 'mtcheck[spelling]'")) from None
    if language not in DICTIONARIES:
        raise ConfigError(Problem("mtcheck", f"the spelling rule has no dictionary for {language!r} (it has: "
                                        f"{', '.join(DICTIONARIES)})"))
    return _Speller(SpellChecker(language=language, distance=1).word_frequency.dictionary)


RULE = Rule(
    "spelling", "Linguistic conventions/Spelling", Severity.MINOR,
    "A word the target language's dictionary lacks (pyspellchecker; off by default).", check,
    enabled_by_default=False,
    examples=(
        Example("We ⟦recieve⟧ the ⟦goverment's⟧ letter."),
        Example("We receive the government's letter, and don't analyse the neighbour's colour."),
        # Names inside a sentence, glossary forms however written, acronyms, URLs, words with digits.
        Example("Stoltenberg met Vucic and the KFOR chief in Belgrade; see https://natoo.int/x or G7."),
        Example("⟦Recieve⟧ it."),  # a capital at a sentence start is no name
        Example("Die Regierung hat ⟦gestren⟧ beschlossen, dass die Schule geschlossen bleibt.", language="de"),
        # Rare words no dictionary word is near, and prefixes before dictionary words, are no slips.
        Example("Thermoregulation keeps the undeflected light; its ⟦disfunction⟧ does not."),
    ),
)
