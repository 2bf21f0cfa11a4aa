"""Building a term index: every form of every term, filed for the exact and the near-miss pass."""

from __future__ import annotations

import sys
from collections import defaultdict
from typing import NamedTuple

from mtcheck.folding import WORD_RE, bare_text, strip_diacritics, surface_key
from mtcheck.glossary.index.exact import ExactIndex
from mtcheck.glossary.index.forms import Form, role_rank
from mtcheck.glossary.index.inflected import InflectedIndex
from mtcheck.glossary.index.near_miss import AcronymIndex, FuzzyForm, FuzzyIndex, fuzzy_form
from mtcheck.lexicon import Lexicon
from mtcheck.model import Term
from mtcheck.text import is_acronym


class IndexParts(NamedTuple):
    forms: tuple[Form, ...]  # by number
    exact: ExactIndex
    fuzzy: FuzzyIndex
    acronyms: AcronymIndex
    inflected: InflectedIndex


def build_parts(terms: list[Term], lexicon: Lexicon, languages: dict[str, tuple[str, str | None]] | None = None) -> IndexParts:
    """``languages``: glossary name -> (its language, its source language): the languages the forms
    inflect in (none known: no inflected pass)."""
    builder = _Builder(lexicon)
    for term in terms:
        target, source = (languages or {}).get(term.glossary, (None, None))
        for role, forms in term.forms_by_role().items():
            for text in forms:
                builder.add_form(term, role, text, source if role == "source" else target,
                                 foreign=role == "source" and source != target)
    return builder.parts()


class _Builder:
    """What the forms added so far contribute to each pass."""

    def __init__(self, lexicon: Lexicon):
        self._lexicon = lexicon
        self._forms: list[Form] = []
        self._forms_by_key: defaultdict[str, list[Form]] = defaultdict(list)  # bare key -> forms
        self._form_words: set[str] = set()
        self._proper_words: set[str] = set()  # capitalised form words, for derivations
        self._fuzzy: list[FuzzyForm] = []
        self._acronyms: defaultdict[str, list[Form]] = defaultdict(list)
        self._inflected = InflectedIndex()

    def add_form(self, term: Term, role: str, text: str, language: str | None = None, foreign: bool = False) -> None:
        # Interned: equal strings are then one object, stored and unpickled once (10^5 fewer per run).
        bare = sys.intern(bare_text(surface_key(text)).text)
        words = [sys.intern(word) for word in WORD_RE.findall(bare)]
        if not words:
            return
        acronym = len(words) == 1 and is_acronym(text)
        form = Form(len(self._forms), term, sys.intern(text), role, sys.intern(surface_key(text)),
                    sys.intern(surface_key(text, keep_case=True)), term.case_sensitive or acronym)
        self._forms.append(form)
        self._forms_by_key[bare].append(form)
        self._form_words.update(words)
        self._proper_words.update(sys.intern(w.lower()) for w in WORD_RE.findall(strip_diacritics(text))
                                  if w[:1].isupper() and not self._lexicon.is_everyday(w))
        if acronym:
            self._acronyms[text].append(form)
        else:
            if term.morphology != "exact":
                self._inflected.add(form, bare, language, foreign)
            fuzzy = fuzzy_form(form, bare, words)
            if fuzzy is not None:
                self._fuzzy.append(fuzzy)

    def parts(self) -> IndexParts:
        forms_by_key = {bare: sorted(forms, key=role_rank) for bare, forms in self._forms_by_key.items()}
        self._inflected.file()
        return IndexParts(tuple(self._forms), ExactIndex(forms_by_key, self._lexicon),
                          FuzzyIndex(self._fuzzy, self._form_words, self._proper_words, self._lexicon),
                          AcronymIndex(dict(self._acronyms), self._lexicon), self._inflected)
