"""Words of inflecting languages: their stems, and corrections that keep a word's inflection.

A glossary gives a term's forms once, uninflected ("Europäische Zentralbank"); a text writes them
as the sentence needs ("der Europäischen Zentralbank", Serbian "Albinom Kurtijem"). The term index
compares words by stem (Snowball, through PyStemmer), and by the endings names take
(``Language.name_endings``), so that inflected forms are found. A fix written into an inflected
span must keep its inflection: ``correction`` gives the form to write, or None when it cannot be
told, and the finding then keeps its suggestion for a person instead of an automatic fix.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import Stemmer

from mtcheck.folding import WORD_RE, strip_diacritics
from mtcheck.languages import Language, language
from mtcheck.lexicon import SERBIAN_CYRILLIC
from mtcheck.text import LONGEST_WORD, TOKEN_RE

_TRANSLITERATIONS = {"serbian": SERBIAN_CYRILLIC}  # the stemmer reads both scripts; prefixes are compared in one


@lru_cache(maxsize=64)
def _stemmer(algorithm: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(algorithm)


class Stems:
    """One language's stems of lower-case words, remembered per word (a text repeats its words)."""

    def __init__(self, known: Language):
        self.language = known
        self._stem = _stemmer(known.stemmer).stemWord if known.stemmer else str
        self._table = _TRANSLITERATIONS.get(known.stemmer or "")
        self._seen: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        """The stem of lower-case ``word``, in one script (diacritics kept: "vucic" is no "vučić")."""
        if len(word) > LONGEST_WORD:
            return word  # junk, not a word: never stemmed, never kept
        stem = self._seen.get(word)
        if stem is None:
            stem = self._seen[word] = self._script(self._stem(word))
            if len(self._seen) > 200_000:  # a hostile text of distinct words must not grow it without end
                self._seen.clear()
        return stem

    def _script(self, word: str) -> str:
        return word.translate(self._table) if self._table is not None else word

    def fold(self, word: str) -> str:
        """``word`` in one script and without diacritics: how stems and endings are compared."""
        return word if word.isascii() else strip_diacritics(self._script(word))

    def same_word(self, text_word: str, form_word: str) -> bool:
        """Whether ``text_word`` is ``form_word`` inflected (both lower case): the same stem, or the
        form with an ending names take."""
        if text_word == form_word or self(text_word) == self(form_word):
            return True
        return self.named_ending(text_word, form_word, fold=False) is not None

    def same_words(self, written: str, form: str) -> bool:
        """Whether ``written`` is the phrase ``form`` inflected word by word, with its diacritics."""
        words, wanted = TOKEN_RE.findall(written.lower()), WORD_RE.findall(unicodedata.normalize("NFC", form).lower())
        return len(words) == len(wanted) and all(self.same_word(w, f) for w, f in zip(words, wanted))

    def same_word_without_diacritics(self, text_word: str, form_word: str) -> bool:
        """Whether ``text_word`` is ``form_word`` inflected once both lose their diacritics."""
        if self.fold(self(text_word)) == self.fold(self(form_word)):
            return True
        return self.named_ending(text_word, form_word) is not None

    def inflected_as_written(self, text_word: str, form_word: str) -> bool:
        """Whether ``text_word`` is ``form_word`` with another ending and the same letters before it
        (both lower case): "serbischen" for "serbischer", not "hören" for "horen", whose stems agree
        only once the stemmer drops the umlaut."""
        stem = self(form_word)
        return self(text_word) == stem and text_word[:len(stem)] == form_word[:len(stem)]

    def name_bases(self, form_word: str) -> list[str]:
        """What a name ending is added to in ``form_word``, folded: the word, and without its final
        vowel ("metohija" -> "metohij" + "e")."""
        return _bases(self.fold(form_word))

    def named_ending(self, text_word: str, form_word: str, fold: bool = True) -> str | None:
        """The ending a name took, if ``text_word`` is ``form_word`` plus one ("kurtijem" = "kurti" +
        "jem"), or with its final vowel replaced by one ("metohije"); compared without diacritics
        unless ``fold`` is false."""
        endings = self.language.name_endings
        if not endings:
            return None
        text, form = (self.fold(text_word), self.fold(form_word)) if fold else (self._script(text_word), self._script(form_word))
        for base in _bases(form):
            if text.startswith(base) and text[len(base):] in endings:
                return text[len(base):]
        return None


def _bases(form: str) -> list[str]:
    """What a name ending is added to: the word, and the word without its final vowel."""
    bases = [form] + ([form[:-1]] if form[-1:] in "aeiou" else [])
    return [base for base in bases if len(base) >= 3]


@lru_cache(maxsize=64)
def stems_for(code: str | None) -> Stems | None:
    """The stems of a language that inflects and has a stemmer; None for others (English's plurals
    and possessives are the term index's own business)."""
    known = language(code)
    return Stems(known) if known.stemmer else None


def correction(span: str, replacement: str, code: str | None) -> str | None:
    """``replacement`` written as ``span`` is inflected, word by word, in language ``code``; None when
    the inflection cannot be carried over (another number of words, a word whose ending is unknown).

    In a language that does not inflect, ``replacement`` itself. Only a correction of the same words
    (a misspelling, missing diacritics) is carried over: another word may take other endings.
    """
    stems = stems_for(code)
    if stems is None or not language(code).inflects:
        return replacement
    spans = WORD_RE.findall(span)
    words = [(m.start(), m.end()) for m in WORD_RE.finditer(replacement)]
    if len(spans) != len(words):
        return None
    pieces, at = [], 0
    for written, (start, end) in zip(spans, words):
        corrected = _word_correction(written, replacement[start:end], stems)
        if corrected is None:
            return None
        pieces += [replacement[at:start], corrected]
        at = end
    pieces.append(replacement[at:])
    return "".join(pieces)


def _word_correction(written: str, wanted: str, stems: Stems) -> str | None:
    """``wanted`` with the ending ``written`` has, or None."""
    if _cyrillic(written) != _cyrillic(wanted):
        return None  # written in the other script: a correction must not change the text's script
    lower_written, lower_wanted = written.lower(), wanted.lower()
    folded_written, folded_wanted = stems.fold(lower_written), stems.fold(lower_wanted)
    if folded_written == folded_wanted:
        return wanted
    ending = stems.named_ending(lower_written, lower_wanted)
    if ending is None and folded_written.startswith(folded_wanted) and stems.same_word_without_diacritics(lower_written, lower_wanted):
        ending = folded_written[len(folded_wanted):]
    if ending is not None:
        return _with_ending(wanted, ending, written)
    written_ending, wanted_ending = _ending(lower_written, stems), _ending(lower_wanted, stems)
    if written_ending is None or wanted_ending is None:
        return None
    if written_ending == wanted_ending:
        return wanted  # a misspelling inside the stem: the endings already agree
    if not wanted_ending and stems.fold(stems(lower_wanted + written_ending)) == stems.fold(stems(lower_wanted)):
        return _with_ending(wanted, written_ending, written)  # "Aljbinom" -> "Albin" + "om"
    return None


def _ending(word: str, stems: Stems) -> str | None:
    """What the stemmer strips from ``word``, when its stem is a prefix of it."""
    folded, stem = stems.fold(word), stems.fold(stems(word))
    return folded[len(stem):] if folded.startswith(stem) else None


def _with_ending(wanted: str, ending: str, written: str) -> str:
    """``wanted`` + ``ending``, the ending in the case ``written`` has it (and in its script)."""
    tail = written[len(written) - len(ending):]
    if _fold_equal(tail, ending):
        return (wanted[:-1] if _replaces_vowel(wanted, written, ending) else wanted) + tail
    return wanted + (ending.upper() if written.isupper() else ending)


def _fold_equal(a: str, b: str) -> bool:
    return strip_diacritics(a.lower()) == strip_diacritics(b.lower())


def _replaces_vowel(wanted: str, written: str, ending: str) -> bool:
    """Whether the ending took the place of the form's final vowel ("Metohija" -> "Metohije")."""
    return len(written) == len(wanted) - 1 + len(ending) and wanted[-1:].lower() in "aeiou"


def _cyrillic(word: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in word)
