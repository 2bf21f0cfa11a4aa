"""The inflected pass: forms of inflecting languages written with other endings, word by word.

"der Europäischen Zentralbank" renders "Europäische Zentralbank", Serbian "Albinom Kurtijem"
renders "Albin Kurti", "Zajednice srpskih opština" the source form "Zajednica srpskih opština".
Each form is filed under the first three letters of its first word (folded: one script, no
diacritics); a text's words with such a prefix are stemmed, and where one is a form's first word
inflected, the words after it are compared with the form's, with the same gaps between them.
Forms of English, of languages without a stemmer, acronyms and terms that declare
``morphology: exact`` are left to the exact pass.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

from mtcheck.folding import WORD_RE, BareText, bare_vocabulary
from mtcheck.glossary.index.forms import Form, Match
from mtcheck.glossary.index.spans import locate
from mtcheck.inflection import Stems, stems_for
from mtcheck.text import TOKEN_RE

PREFIX = 3


class _Filed(NamedTuple):
    # The form's words, lower case, as written: stemmers need the letters ("главный" is no "главныи").
    words: tuple[str, ...]
    gaps: tuple[str, ...]  # what stands between them in its bare key (" ", "-")
    form: Form


def _prefix(word: str, stems: Stems) -> str:
    return (word if word.isascii() else stems.fold(word))[:PREFIX]


class InflectedIndex:
    """Forms by language, then by the folded prefix of their first word. Plain data (the stemmers
    are found again by language code), so that it caches as the rest of the index does."""

    def __init__(self) -> None:
        self._by_language: dict[str, dict[str, list[_Filed]]] = {}

    def add(self, form: Form, bare_key: str, language: str | None) -> None:
        stems = stems_for(language)
        if stems is None:
            return
        words = tuple(WORD_RE.findall(unicodedata.normalize("NFC", form.text).lower()))
        gaps = tuple(WORD_RE.split(bare_key)[1:-1])
        if len(words) != len(gaps) + 1:
            return  # a form whose words its bare key splits otherwise: left to the exact pass
        by_prefix = self._by_language.setdefault(stems.language.code, {})
        by_prefix.setdefault(_prefix(words[0], stems), []).append(_Filed(words, gaps, form))

    def __bool__(self) -> bool:
        return bool(self._by_language)

    def find(self, text: str, bare: BareText, words: Iterable[str]) -> list[Match]:
        """Every inflected occurrence of a form in ``text`` (``words``: its distinct words),
        overlapping ones included: ``with_inflected`` chooses among them and the exact matches."""
        found = []
        for code, by_prefix in self._by_language.items():
            stems = stems_for(code)
            starts = _starting_words(by_prefix, stems, words)
            for start, end, word in locate(bare.text, starts.keys()):
                for filed in starts[word]:
                    last = _rest_matches(text, bare, end, filed, stems)
                    if last is not None:
                        match = _match(text, bare, start, last, filed.form, stems)
                        if match is not None:
                            found.append(match)
        return found


def _starting_words(by_prefix: dict[str, list[_Filed]], stems: Stems, words: Iterable[str]) -> dict[str, list[_Filed]]:
    """The text's words that are some form's first word, inflected: bare word -> those forms."""
    starts: dict[str, list[_Filed]] = {}
    for word in words:
        lower = word.lower()
        filed = by_prefix.get(_prefix(lower, stems))
        if filed:
            fitting = [f for f in filed if stems.same_word_without_diacritics(lower, f.words[0])]
            for bare_word in bare_vocabulary((lower,)) if fitting else ():
                known = starts.setdefault(bare_word, [])  # "Vučića" and "Vucica" share a bare word
                known.extend(f for f in fitting if f not in known)
    return starts


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


def _same_words(written: str, form: Form, stems: Stems) -> bool:
    """Whether ``written`` is ``form`` inflected with its diacritics (the bare text has none)."""
    words, wanted = TOKEN_RE.findall(written.lower()), WORD_RE.findall(unicodedata.normalize("NFC", form.text).lower())
    return len(words) == len(wanted) and all(stems.same_word(w, f) for w, f in zip(words, wanted))


def _match(text: str, bare: BareText, start: int, end: int, form: Form, stems: Stems) -> Match | None:
    o_start, o_end = bare.span(start, end)
    written = text[o_start:o_end]
    if form.case_sensitive and written[:1].isupper() != form.text[:1].isupper():
        return None
    return Match(o_start, o_end, form, "inflected" if _same_words(written, form, stems) else "diacritics", written)


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
