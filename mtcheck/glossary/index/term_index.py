"""The term index: finds every rendering of every term in a text, by the exact and near-miss passes."""

from __future__ import annotations

from collections.abc import Iterable

from mtcheck.folding import BareText, bare_text, bare_vocabulary
from mtcheck.glossary.index.building import build_parts
from mtcheck.glossary.index.exact import ExactIndex, LocatedWord
from mtcheck.glossary.index.forms import Form, Match
from mtcheck.glossary.index.inflected import InflectedIndex, misspelt_matches, with_inflected
from mtcheck.glossary.index.near_miss import AcronymIndex, Coverage, FuzzyIndex
from mtcheck.glossary.index.spans import Intervals, locate
from mtcheck.glossary.index.store import EncodedMatches, encode
from mtcheck.lexicon import Lexicon
from mtcheck.model import Glossary, Term
from mtcheck.text import tokens


class TermIndex:
    """Built once from glossaries; ``find`` is then safe to call on any number of texts."""

    def __init__(self, glossaries: list[Glossary], lexicon: Lexicon):
        self.lexicon = lexicon
        self.terms: list[Term] = [t for g in glossaries for t in g.terms]
        parts = build_parts(self.terms, lexicon, {g.name: (g.language, g.source_language) for g in glossaries})
        self.forms: tuple[Form, ...] = parts.forms  # by number: ``encode`` names them so
        self.exact: ExactIndex = parts.exact
        self.fuzzy: FuzzyIndex = parts.fuzzy
        self.acronyms: AcronymIndex = parts.acronyms
        self.inflected: InflectedIndex = parts.inflected

    def find(self, text: str, near_misses: bool = True, base: int = 0, words: Iterable[str] | None = None) -> list[Match]:
        """Every match in ``text``, at offsets counted from ``base`` (the text's place in its document).

        ``near_misses=False`` runs the exact pass only. ``words``: the distinct words of ``text``
        (``mtcheck.text.tokens``), when the caller has them: they spare a pass over the text.
        """
        bare = bare_text(text)
        words = set(tokens(text)) if words is None else words
        vocabulary = bare_vocabulary(words)
        one_word = self.exact.one_word_hits(vocabulary)
        suspicious, anchoring = self.fuzzy.words_to_look_at(vocabulary, words) if near_misses else (set(), set())
        spellings = self.acronyms.spellings(words) if near_misses else {}
        inflected = self.inflected.starting_words(words, self.lexicon) if self.inflected else {}
        misspelt = self.inflected.misspelt_words(words, self.lexicon, inflected) if self.inflected and near_misses else {}
        located = locate(bare.text, one_word.keys() | suspicious | anchoring | spellings.keys() | inflected.keys()
                         | misspelt.keys())
        exact = self.exact.find(text, bare, [w for w in located if w[2] in one_word], one_word)
        if inflected or misspelt:
            found = self.inflected.find(text, bare, [w for w in located if w[2] in inflected], inflected, self.lexicon)
            found += misspelt_matches(text, bare, [w for w in located if w[2] in misspelt], misspelt)
            exact = with_inflected(exact, found)
        fuzzy, acronyms = (self._near_misses(text, bare, exact, located, suspicious, anchoring, spellings)
                           if near_misses else ([], []))
        if fuzzy:  # a fuzzy match may swallow an exact short form of its own term ("Aljbin [Kurti]")
            swallowed = Intervals((f.start, f.end) for f in fuzzy)
            exact = [m for m in exact if not swallowed.contains(m.start, m.end)]
        matches = sorted(exact + fuzzy + acronyms, key=lambda m: (m.start, m.end, m.form.term.id))
        if not base:
            return matches
        return [Match(start + base, end + base, form, kind, text, score, suffix)
                for start, end, form, kind, text, score, suffix in matches]

    def encode(self, matches: list[Match]) -> EncodedMatches:
        """Matches as arrays and strings (forms by number): cheap to send from a worker process, and
        for a ``MatchStore`` to take in whole."""
        return encode(matches)

    def _near_misses(self, text: str, bare: BareText, exact: list[Match], located: list[LocatedWord],
                     suspicious: set[str], anchoring: set[str], spellings) -> tuple[list[Match], list[Match]]:
        covered = Coverage(bare, exact)
        acronyms = self.acronyms.find(text, bare, covered, located, spellings)
        fuzzy = self.fuzzy.find(text, bare, located, suspicious, anchoring, covered, {m.start for m in acronyms})
        return fuzzy, acronyms
