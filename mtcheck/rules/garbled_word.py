"""garbled-word: a token that is no word of the language but one letter away from an everyday one
("Peleven years" for "Eleven years"), as machine translation and OCR leave them.

What is looked at, in every language wordfreq lists: words of four letters or more that occur once
in the document, are neither ordinary words of the target language (wordfreq's list, offline) nor
words of a glossary match, and are written in lower case, or capitalised only because they open a
sentence (a capitalised word inside a sentence is a name), or, where every noun has a capital
(German), because they follow an article or determiner ("die Regeirung"); in a script without
capitals (Arabic, Hindi), every word. Words of scripts written
without spaces (Chinese, Japanese, Thai) are not looked at. Such a word is flagged when one edit (a
letter added, dropped, changed or two swapped) turns it into an everyday word (Zipf 4 and up); rare
real words, in wordfreq's list however rare, pass.

Fails: "Peleven years after ...", "the presidnet said".  Passes: "Banjska", "Stoltenberg said".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from mtcheck.languages import language
from mtcheck.model import Hit, Severity, Span
from mtcheck.rules.base import CheckContext, Example, Rule, Scope
from mtcheck.similarity.neighbourhood import Neighbourhood
from mtcheck.text import LONGEST_WORD, after_one_of, opens_sentence, words_among

MIN_LENGTH = 4


def check(ctx: CheckContext):
    nearest = _candidates(ctx)
    if not nearest:
        return
    determiners = language(ctx.language).determiners if language(ctx.language).capitalises_nouns else frozenset()
    for base, text in ctx.document.segments():
        for found in words_among(text, nearest):
            word = found.group()
            if word[0].isupper() and not opens_sentence(text, found.start()) \
                    and not after_one_of(determiners, text, found.start()):
                continue  # a capital inside a sentence: a name (in German, unless an article makes it a noun)
            suggestion = nearest[word]
            yield Hit(Span(base + found.start(), base + found.end()), word,
                      f"'{word}' is not a word; did the translation garble '{suggestion}'?", suggestion=suggestion)


def may_be_garbled(word: str, lexicon) -> bool:
    """A word long enough (but no run of junk letters), not an acronym nor a name such as "McDonald",
    no common word, and of a script written with spaces between words (a run of Chinese characters
    is a phrase, not a word)."""
    return (MIN_LENGTH <= len(word) <= LONGEST_WORD and word.isalpha()
            and (word.islower() or word[0].isupper() and word[1:].islower() or _uncased(word))
            and not lexicon.is_common(word.casefold()) and not _spaceless(word))


def _uncased(word: str) -> bool:
    """A word of a script without capitals (Arabic, Hebrew, Devanagari, Hangul): it is written as lower case is."""
    return word == word.casefold() and word == word.upper()


def _spaceless(word: str) -> bool:
    """Whether ``word`` has a letter of a script written without spaces. Each of them lies above
    ``SPACELESS_FROM``: a word of Latin, Cyrillic, Greek, Arabic or Indic letters is answered
    without the regex module (its import takes 10 ms of a run's start)."""
    return max(word) >= SPACELESS_FROM and _spaceless_pattern().search(word) is not None


SPACELESS_FROM = "\u0e00"  # where Thai, the first of them, starts


@lru_cache(maxsize=1)
def _spaceless_pattern():
    import regex

    return regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}\p{Tibetan}]")
def garbled_among(words: Iterable[str], lexicon) -> Iterator[str]:
    return (word for word in words if may_be_garbled(word, lexicon))


def _candidates(ctx: CheckContext) -> dict[str, str]:
    """Words that may be garbled, each with the everyday word it is one edit from."""
    lexicon, found = ctx.lexicon, {}
    for word, count in ctx.counts_of(RULE).items():
        if count > 1 or word in ctx.glossary_words:
            continue
        folded = word.casefold()
        near = _nearest_everyday(folded, lexicon.everyday_words)
        if near and not lexicon.is_listed(folded) and not _inflection_of_listed(folded, ctx):
            found[word] = near.capitalize() if word[0].isupper() else near
    return found


def _nearest_everyday(word: str, everyday: frozenset[str]) -> str | None:
    close = sorted(c for c in _everyday_near(everyday).near(word) if c != word)
    return close[0] if close else None


NEIGHBOURHOOD_AFTER = 400  # words compared one by one (~0.13 ms each) before a Neighbourhood (~45 ms to build) pays


class _EverydayNear:
    """The everyday words one edit (OSA) from a word. An article asks about a few words: each is
    compared with the everyday words of its length and the lengths beside it (in C, by rapidfuzz);
    a long text asks about thousands, and after ``NEIGHBOURHOOD_AFTER`` a ``Neighbourhood`` of them
    all (7,000 English words, 45 ms) answers instead. Both give the same words."""

    def __init__(self, everyday: frozenset[str]):
        self._words = [word for word in everyday if len(word) >= MIN_LENGTH - 1]  # one letter short of a looked-at word
        self._by_length: dict[int, list[str]] | None = None
        self._neighbourhood: Neighbourhood | None = None
        self._lookups = 0

    def near(self, word: str) -> list[str]:
        self._lookups += 1
        if self._neighbourhood is None and self._lookups > NEIGHBOURHOOD_AFTER:
            self._neighbourhood = Neighbourhood(self._words)
        if self._neighbourhood is not None:
            return [c for c in self._neighbourhood.near(word) if OSA.distance(c, word, score_cutoff=1) <= 1]
        if self._by_length is None:
            self._by_length = {}
            for everyday in self._words:
                self._by_length.setdefault(len(everyday), []).append(everyday)
        n = len(word)
        return [c for length in (n - 1, n, n + 1)
                for c, _, _ in process.extract(word, self._by_length.get(length, ()), scorer=OSA.distance,
                                               score_cutoff=1, limit=None)]


@lru_cache(maxsize=4)
def _everyday_near(everyday: frozenset[str]) -> _EverydayNear:
    return _EverydayNear(everyday)


# Endings that make a real word of a known one ("whop" + "s"): an inflection wordfreq lacks is no garble.
def _inflection_of_listed(word: str, ctx: CheckContext) -> bool:
    endings = language(ctx.language).word_endings
    return any(word.endswith(e) and len(word) - len(e) >= 3 and ctx.lexicon.is_listed(word[: -len(e)]) for e in endings)


RULE = Rule("garbled-word", "Linguistic conventions/Spelling", Severity.MAJOR,
            "A token that is no word but one letter away from an everyday word.", check,
            scope=Scope.DOCUMENT,  # it needs each word's count in the whole document
            counts=garbled_among,
            examples=(
                Example("⟦Peleven⟧ years after the war, the ⟦presidnet⟧ said it again."),
                Example("Stoltenberg said it in Banjska."),
                Example("The presidnet said it, and the presidnet said it again."),  # twice: a word, not a slip
                # Every wordfreq language: German nouns after an article, names and rare compounds left alone.
                Example("Die ⟦Regeirung⟧ hat ⟦gestren⟧ beschlossen, dass Stoltenberg die Eisberge fotografiert.",
                        language="de"),
                Example("Die Regierung hat gestern beschlossen, dass die Rasterelektronenmikroskope bleiben.", language="de"),
                Example("La escuela permanecerá ⟦cerarda⟧ mañana.", language="es"),
                Example("Школа останется закрытой ⟦затвра⟧.", language="ru"),
                Example("政府昨天决定学校明天继续关闭。天气很好，我们去公园散步吧。", language="zh"),
                # A script without capitals is looked at as lower case is.
                Example("قررت الحكومة أمس أن ⟦المدرشة⟧ ستبقى مغلقة غدا", language="ar"),
                Example("قررت الحكومة أمس أن المدرسة ستبقى مغلقة غدا", language="ar"),
            ))
