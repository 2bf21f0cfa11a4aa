"""The compiled term index: finds every rendering of every term in a text.

All passes run on the text's bare shadow (``mtcheck.folding``), and none loops over the terms or
over every word in Python:

1. exact (``exact``): every form as written, or differing only in diacritics;
2. fuzzy (``near_miss``): misspelt forms, around the words that are no ordinary words;
3. acronyms (``near_miss``): unknown all-capital words one edit from a glossary acronym.

``building`` files the glossaries' forms for each pass; ``term_index`` holds the passes and runs
them; ``store`` keeps many matches compactly; ``forms`` defines what is found; ``spans`` locates
words and holds sets of spans for both passes.
"""

from mtcheck.glossary.index.forms import ACCEPTED, WRITTEN_AS_GIVEN, Form, Match
from mtcheck.glossary.index.store import EncodedMatches, MatchStore
from mtcheck.glossary.index.term_index import TermIndex

__all__ = ["ACCEPTED", "WRITTEN_AS_GIVEN", "EncodedMatches", "Form", "Match", "MatchStore", "TermIndex"]
