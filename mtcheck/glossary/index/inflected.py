"""The inflected pass: forms of inflecting languages written with other endings, word by word.

"der Europäischen Zentralbank" renders "Europäische Zentralbank", Serbian "Albinom Kurtijem"
renders "Albin Kurti", "Zajednice srpskih opština" the source form "Zajednica srpskih opština".
Each form is filed under the folded stem of its first word (one script, no diacritics) and under
the bases a name ending is added to; a text's words whose first letters begin such a key are
stemmed, and where one is a form's first word inflected, the words after it are compared with the
form's, with the same gaps between them. A word that is no word of the language and whose stem is
one edit from a one-word form's is that form inflected and misspelt ("Fahrzuges"). Forms of
English, of languages without a stemmer, acronyms and terms that declare ``morphology: exact``
are left to the exact and near-miss passes.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from mtcheck.folding import WORD_RE, BareText, bare_vocabulary
from mtcheck.glossary.index.forms import Form, Match
from mtcheck.inflection import Stems, stems_for
from mtcheck.lexicon import Lexicon
from mtcheck.similarity.neighbourhood import Neighbourhood
from mtcheck.text import LONGEST_WORD, tokens


class _Filed(NamedTuple):
    # The form's words, lower case, as written: stemmers need the letters ("главный" is no "главныи").
    words: tuple[str, ...]
    gaps: tuple[str, ...]  # what stands between them in its bare key (" ", "-")
    form: Form
    # A form of another language than the text's (a source form in a translation): an inflection of
    # it that is an ordinary word of the text's language is that word ("home" is no "Homi").
    foreign: bool


class _LanguageForms(NamedTuple):
    """One language's forms by what their first word's inflections share: the folded stem, and the
    base a name ending is added to ("kurti" for "kurtijem", "metohij" for "metohije")."""

    by_stem: dict[str, list[_Filed]]
    by_base: dict[str, list[_Filed]]
    # A cheap first sieve: a word whose first letters begin no stem or surface is none of them. The
    # first four letters of the keys of four or more, and the keys of three.
    heads: frozenset[str]
    short: frozenset[str]
    foreign: bool  # every form is of another language than the texts' (the glossaries' source language)
    # The folded stems of one-word forms of MISSPELT_MIN letters or more, by their one-edit keys: an
    # inflected word with a typo ("Abbilxungen") has a stem one edit from its form's.
    misspelt: Neighbourhood
    misspelt_heads: frozenset[str]  # their first three letters: a typo after them is looked for (a sieve)


MISSPELT_MIN = 6  # shorter stems are one edit from too many words


class InflectedIndex:
    """Forms by language. Plain data (the stemmers are found again by language code), so that it
    caches as the rest of the index does."""

    def __init__(self) -> None:
        self._filed: dict[str, list[_Filed]] = {}  # language code -> forms
        self._by_language: dict[str, _LanguageForms] = {}

    def add(self, form: Form, bare_key: str, language: str | None, foreign: bool = False) -> None:
        stems = stems_for(language)
        if stems is None:
            return
        words = tuple(WORD_RE.findall(unicodedata.normalize("NFC", form.text).lower()))
        gaps = tuple(WORD_RE.split(bare_key)[1:-1])
        if len(words) != len(gaps) + 1:
            return  # a form whose words its bare key splits otherwise: left to the exact pass
        self._filed.setdefault(stems.language.code, []).append(_Filed(words, gaps, form, foreign))
        self._by_language = {}

    def __bool__(self) -> bool:
        return bool(self._filed)

    def file(self) -> None:
        """File the forms added for lookup (once they are all added)."""
        self._by_language = {code: _file(filed, stems_for(code)) for code, filed in self._filed.items()}

    def _languages(self) -> dict[str, _LanguageForms]:
        if len(self._by_language) != len(self._filed):
            self.file()
        return self._by_language

    def starting_words(self, words: Iterable[str], lexicon: Lexicon) -> dict[str, list[tuple[str, _Filed]]]:
        """The text's words (``words``: distinct, as written) that are some form's first word
        inflected: bare word -> (language, form) pairs. For forms of another language than the
        text's, an ordinary word of the text's language (``lexicon``) starts none: it is that word,
        and the most words of a text are, so they need no stemming."""
        starts: dict[str, list[tuple[str, _Filed]]] = {}
        for code, forms in self._languages().items():
            stems = stems_for(code)
            candidates = [w for w in words if not lexicon.is_common(w)] if forms.foreign else words
            for word in candidates:
                if len(word) > LONGEST_WORD:
                    continue  # junk, not a word (mtcheck.text.LONGEST_WORD)
                head = word[:4].lower()
                if not head.isascii():
                    head = stems.fold(word.lower())[:4]
                if head not in forms.heads and head[:3] not in forms.short:
                    continue
                lower = word.lower()
                folded = lower if lower.isascii() else stems.fold(lower)
                fitting = _named(forms, folded, stems.language.name_endings) + forms.by_stem.get(stems.fold(stems(lower)), [])
                for bare_word in bare_vocabulary((lower,)) if fitting else ():
                    known = starts.setdefault(bare_word, [])  # "Vučića" and "Vucica" share a bare word
                    known.extend((code, f) for f in fitting if (code, f) not in known)
        return starts

    def misspelt_words(self, words: Iterable[str], lexicon: Lexicon, starts: dict) -> dict[str, list[tuple[str, _Filed]]]:
        """The text's words that are no word of the language (``lexicon``) and whose stem is one
        edit from a one-word form's: an inflected form with a typo, which the surface comparison
        misses (the ending and the typo together are too far from the uninflected form). Bare word
        -> (language, form) pairs. Forms of another language than the text's are left out: their
        inflections with a typo are as likely ordinary words of the text's language."""
        found: dict[str, list[tuple[str, _Filed]]] = {}
        for code, forms in self._languages().items():
            if forms.foreign:
                continue
            stems = stems_for(code)
            for word in words:
                if not MISSPELT_MIN <= len(word) <= LONGEST_WORD:
                    continue
                lower = word.lower()
                if (lower if lower.isascii() else stems.fold(lower))[:3] not in forms.misspelt_heads:
                    continue
                if lexicon.is_listed(word):
                    continue  # a word of the language, however rare, is no typo
                stem = stems.fold(stems(lower))
                near = [c for c in forms.misspelt.near(stem) if c != stem and OSA.distance(c, stem) == 1]
                fitting = [(code, f) for c in near for f in forms.by_stem.get(c, ()) if len(f.words) == 1]
                for bare_word in bare_vocabulary((lower,)) if fitting else ():
                    if bare_word not in starts:
                        found.setdefault(bare_word, []).extend(fitting)
        return found

    def find(self, text: str, bare: BareText, located: list[tuple[int, int, str]],
             starts: dict[str, list[tuple[str, _Filed]]], lexicon: Lexicon) -> list[Match]:
        """Every inflected occurrence of a form in ``text``, overlapping ones included
        (``with_inflected`` chooses among them and the exact matches). ``located``: where the
        words of ``starts`` (``starting_words``) are in the bare text."""
        found = []
        for start, end, word in located:
            for code, filed in starts.get(word, ()):
                stems = stems_for(code)
                last = _rest_matches(text, bare, end, filed, stems)
                if last is None:
                    continue
                match = _match(text, bare, start, last, filed.form, stems)
                if match is None or lexicon.a_word_for_another(tokens(match.text), filed.words,
                                                                stems.inflected_as_written):
                    continue
                if not (filed.foreign and _a_word_of_the_text(match, lexicon)):
                    found.append(match)
        return found


def _named(forms: _LanguageForms, folded: str, endings: tuple[str, ...]) -> list[_Filed]:
    """The forms whose first word ``folded`` is, with an ending names take."""
    found = []
    for ending in endings:
        if folded.endswith(ending) and len(folded) - len(ending) >= 3:
            found += forms.by_base.get(folded[:-len(ending)], ())
    return found


def _file(filed: list[_Filed], stems: Stems) -> _LanguageForms:
    by_stem: dict[str, list[_Filed]] = {}
    by_base: dict[str, list[_Filed]] = {}
    for entry in filed:
        first = entry.words[0]
        by_stem.setdefault(stems.fold(stems(first)), []).append(entry)
        if stems.language.name_endings:
            for base in stems.name_bases(first):
                by_base.setdefault(base, []).append(entry)
    keys = (*by_stem, *by_base)
    one_word = [stem for stem, entries in by_stem.items() if len(stem) >= MISSPELT_MIN and any(len(e.words) == 1 for e in entries)]
    return _LanguageForms(by_stem, by_base, frozenset(key[:4] for key in keys if len(key) >= 4),
                          frozenset(key for key in keys if len(key) == 3), all(entry.foreign for entry in filed),
                          Neighbourhood(one_word), frozenset(stem[:3] for stem in one_word))


def _a_word_of_the_text(match: Match, lexicon: Lexicon) -> bool:
    """Whether a source form's inflection is a word of the text's language instead: an ordinary
    word ("home" is no "Homi"), or a listed one in lower case where the form is a name ("voce" is
    no "Vočo")."""
    words = WORD_RE.findall(match.text.lower())
    if all(lexicon.is_common(word) for word in words):
        return True
    return match.text[:1].islower() and match.form.text[:1].isupper() and all(lexicon.is_listed(w) for w in words)


def _rest_matches(text: str, bare: BareText, end: int, filed: _Filed, stems: Stems) -> int | None:
    """Where the form ends in the bare text when its first word ends at ``end`` and the others
    follow, inflected, with the same gaps; None if they do not. Words compare as ``text`` has them."""
    s = bare.text
    for gap, wanted in zip(filed.gaps, filed.words[1:]):
        if not s.startswith(gap, end):
            return None
        word = WORD_RE.match(s, end + len(gap))
        if word is None:
            return None
        o_start, o_end = bare.span(word.start(), word.end())
        if not stems.same_word_without_diacritics(text[o_start:o_end].lower(), wanted):
            return None
        end = word.end()
    return end


MISSPELT_SIMILARITY = 75  # the written word against the form: an ending and a typo apart, no further


def misspelt_matches(text: str, bare: BareText, located: list[tuple[int, int, str]],
                     misspelt: dict[str, list[tuple[str, _Filed]]]) -> list[Match]:
    """Fuzzy matches for the located words of ``misspelt`` (``InflectedIndex.misspelt_words``):
    written with the form's initial case (a lower-case German verb is no misspelt noun), and
    MISSPELT_SIMILARITY alike on the surface."""
    found = []
    for start, end, word in located:
        o_start, o_end = bare.span(start, end)
        written = text[o_start:o_end]
        for _, filed in misspelt.get(word, ()):
            score = round(fuzz.ratio(written.lower(), filed.form.text.lower()), 1)
            if written[:1].isupper() == filed.form.text[:1].isupper() and score >= MISSPELT_SIMILARITY:
                found.append(Match(o_start, o_end, filed.form, "fuzzy", written, score))
                break  # one suggestion for a word: the first form, in filing order
    return found


def _match(text: str, bare: BareText, start: int, end: int, form: Form, stems: Stems) -> Match | None:
    o_start, o_end = bare.span(start, end)
    written = text[o_start:o_end]
    if form.case_sensitive and written[:1].isupper() != form.text[:1].isupper():
        return None
    return Match(o_start, o_end, form, "inflected" if stems.same_words(written, form.text) else "diacritics", written)


def with_inflected(exact: list[Match], inflected: list[Match]) -> list[Match]:
    """The exact matches and the inflected ones that no exact match overlaps, leftmost-longest
    among the inflected ("Zajednice srpskih opština" over its "srpskih opština")."""
    if not inflected:
        return exact
    taken = sorted((m.start, m.end) for m in exact)
    chosen, reach = [], -1
    for match in sorted(inflected, key=lambda m: (m.start, -m.end, m.form.number)):
        if match.start >= reach and not _overlaps(taken, match):
            chosen.append(match)
            reach = match.end
    return sorted(exact + chosen, key=lambda m: (m.start, m.end))


def _overlaps(spans: list[tuple[int, int]], match: Match) -> bool:
    """Whether ``match`` overlaps one of ``spans`` (sorted, disjoint): only the last that starts
    before it ends can."""
    at = bisect.bisect_left(spans, (match.end, match.end))
    return at > 0 and spans[at - 1][1] > match.start
