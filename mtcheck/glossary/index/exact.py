"""The exact pass: every form written as it is, or differing only in diacritics.

One Aho-Corasick automaton holds the bare key of every form of several words; one-word keys are
looked up among a text's words instead. Each hit on word boundaries (a plural "s"/"es" may
follow) is verified against the original text: equal after NFC and lower-casing is an exact
match, equal only without diacritics is a "diacritics" match. Leftmost-longest wins.
"""

from __future__ import annotations

from collections import defaultdict

import ahocorasick

from mtcheck.folding import WORD_RE, BareText, strip_diacritics, surface_key
from mtcheck.glossary.index.forms import Form, Match
from mtcheck.lexicon import Lexicon
from mtcheck.text import SPACELESS_RE, tokens

_PLURAL_AFTER_ES = ("s", "x", "z", "ch", "sh")

LocatedWord = tuple[int, int, str]  # start, end, word, in the bare text
OneWordHits = dict[str, list[tuple[str, str]]]  # a text's word -> [(one-word key, plural ending)]


class ExactIndex:
    """Forms by bare key, with what finds the keys in a text."""

    def __init__(self, forms_by_key: dict[str, list[Form]], lexicon: Lexicon):
        """``forms_by_key``: bare key -> its forms, in the order they are to be tried."""
        self._forms_by_key = forms_by_key
        self._keys = frozenset(form.key for forms in forms_by_key.values() for form in forms)  # surface keys
        self._lexicon = lexicon
        # A key of a script without spaces is found inside a run of that script, by the automaton.
        self._one_word_keys = frozenset(key for key in forms_by_key if WORD_RE.fullmatch(key) and not SPACELESS_RE.search(key))
        self._plurals = _plurals_of(self._one_word_keys)
        self._automaton = self._build_automaton()

    def _build_automaton(self):
        """The automaton of keys of several words; one-word keys are looked up among a text's words,
        since as substrings they would hit inside thousands of other words ("igh" in "night")."""
        automaton = ahocorasick.Automaton()
        for bare in self._forms_by_key:
            if bare not in self._one_word_keys:
                automaton.add_word(bare, bare)
        if len(automaton):
            automaton.make_automaton()
        return automaton

    def one_word_hits(self, vocabulary: set[str]) -> OneWordHits:
        """The text's words that are one-word keys or their plurals: word -> [(key, plural ending)]."""
        found: OneWordHits = {word: [(word, "")] for word in vocabulary & self._one_word_keys}
        for word in vocabulary & self._plurals.keys():
            found.setdefault(word, []).extend(self._plurals[word])
        return found

    def find(self, text: str, bare: BareText, words: list[LocatedWord], one_word: OneWordHits) -> list[Match]:
        """Exact matches: keys of several words found by the automaton, one-word keys among ``words``
        (the located words that are such keys)."""
        s = bare.text
        candidates = [(start, end - len(suffix), suffix, key)
                      for start, end, word in words for key, suffix in one_word[word]]
        if len(self._automaton):
            for last, key in self._automaton.iter(s):
                start, end = last - len(key) + 1, last + 1
                if start > 0 and s[start - 1].isalnum() and not SPACELESS_RE.match(s, start):
                    continue  # inside a word (a key that starts in a script without spaces has no word edge)
                suffix = _plural_suffix(s, end, key)
                if suffix is not None:
                    candidates.append((start, end, suffix, key))
        hits = []
        for start, end, suffix, key in candidates:
            if suffix and not self._plural(text, bare, start, end, suffix):
                continue
            match = self._verify(text, bare, start, end, suffix, key)
            if match is not None:
                hits.append((start, -(end + len(suffix)), len(suffix), match))
        return _leftmost_longest(hits)

    def _plural(self, text: str, bare: BareText, start: int, end: int, suffix: str) -> bool:
        """Whether form + suffix really is the form's plural: an ordinary 's'/'es' in the text, and
        not an ordinary word of its own when the form's last word is none ("Genu" + "s" is "genus")."""
        o_end, o_plural_end = bare.span(end, end + len(suffix))
        if text[o_end:o_plural_end].lower() != suffix:
            return False  # "Slagoš": a letter that only looks like an "s" in the bare text
        last_word = WORD_RE.findall(bare.text, start, end)[-1]
        return self._lexicon.is_common(last_word) or not self._lexicon.is_common(last_word + suffix)

    def _verify(self, text: str, bare: BareText, start: int, end: int, suffix: str, key: str) -> Match | None:
        o_start, o_end = bare.span(start, end)
        original = text[o_start:o_end]
        span_end = bare.span(start, end + len(suffix))[1] if suffix else o_end
        lowered = original.lower()
        if lowered not in self._keys:  # only gap variants ("Serb–majority", "of\nSerbian") need the full key
            lowered = surface_key(original)
        fallback = None
        for form in self._forms_by_key[key]:
            if form.case_sensitive:
                cased = surface_key(original, keep_case=True)
                if cased == form.cased:
                    return Match(o_start, span_end, form, "exact", text[o_start:span_end], suffix=suffix)
                if fallback is None and strip_diacritics(cased) == strip_diacritics(form.cased):
                    fallback = form
            elif lowered == form.key:
                return Match(o_start, span_end, form, "exact", text[o_start:span_end], suffix=suffix)
            elif fallback is None:
                fallback = form
        if fallback is None or self._lexicon.a_word_for_another(tokens(original), tokens(fallback.text)):
            return None  # "hören" is a word of its own, not "Horen" with letters changed
        return Match(o_start, span_end, fallback, "diacritics", text[o_start:span_end], suffix=suffix)


def _leftmost_longest(hits: list[tuple[int, int, int, Match]]) -> list[Match]:
    """Of overlapping hits (start, -end, plural ending's length, match), the leftmost, then the
    longest, then a form itself before a plural."""
    hits.sort(key=lambda h: h[:3])
    chosen, reach = [], 0
    for start, negative_end, _, match in hits:
        if start >= reach:
            chosen.append(match)
            reach = -negative_end
    return chosen


def _plurals_of(keys: frozenset[str]) -> dict[str, tuple[tuple[str, str], ...]]:
    """Each plural a one-word key can take -> (key, ending)s, "s" before "es" ("boxes": "boxe"+"s",
    "box"+"es"): a text's plurals of keys are then one set intersection away."""
    plurals: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key in sorted(keys):
        plurals[key + "s"].append((key, "s"))
    for key in sorted(keys):
        if key.endswith(_PLURAL_AFTER_ES):
            plurals[key + "es"].append((key, "es"))
    return {plural: tuple(pairs) for plural, pairs in plurals.items()}


def _plural_suffix(s: str, end: int, key: str) -> str | None:
    """'' at a word boundary, 's'/'es' for a plural ending there, None inside a word."""
    if end >= len(s) or not s[end].isalnum() or SPACELESS_RE.match(key, len(key) - 1):
        return ""
    if s[end] == "s" and (end + 1 >= len(s) or not s[end + 1].isalnum()):
        return "s"
    if key.endswith(_PLURAL_AFTER_ES) and s[end:end + 2] == "es" and (end + 2 >= len(s) or not s[end + 2].isalnum()):
        return "es"
    return None
