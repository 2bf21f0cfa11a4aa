"""The compiled term index: finds every rendering of every term in a text.

All passes run on the text's bare shadow (``mtcheck.folding``), and none loops
over the terms or over every word in Python:

1. exact: one Aho-Corasick automaton holds the bare key of every form; each hit
   on word boundaries (a plural "s"/"es" may follow) is verified against the
   original text: equal after NFC and lower-casing is an exact match, equal only
   without diacritics is a "diacritics" match. Leftmost-longest wins.
2. fuzzy: only "suspicious" words are visited: words that are neither form words
   nor ordinary words of the language (or that extend a form word, "Serbian" from
   "Serb"). Around each, the forms anchored on nearby words (equal to a form word,
   or one edit away via a SymSpell-style deletion index) are compared with the
   text windows holding the suspicious word, by rapidfuzz's ratio.
3. acronyms: unknown all-capital words one edit from a glossary acronym.
"""

from __future__ import annotations

import bisect
import re
import sys
import zlib
from array import array
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from operator import methodcaller
from typing import NamedTuple

import ahocorasick
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, Levenshtein

from mtcheck.folding import WORD_RE, BareText, bare_text, bare_vocabulary, strip_diacritics, surface_key, valid_gap
from mtcheck.lexicon import Lexicon
from mtcheck.model import Glossary, Term
from mtcheck.text import LONGEST_WORD, drop_invisible, is_acronym, tokens

ACCEPTED = frozenset({"canonical", "variant", "short"})
_ROLE_ORDER = ("canonical", "variant", "short", "source", "forbidden")
MIN_FUZZY_CHARS = 5  # shorter forms are too close to ordinary words to compare by ratio
MIN_EDIT_WORD = 4  # words shorter than this are not looked up one edit away
ANCHOR_MEMO_LIMIT = 10_000  # words whose anchored forms are remembered between texts (a merged entry can be KBs)
MIN_TYPO_WORD = 6  # a single typo is always reported in a form word this long
_PLURAL_AFTER_ES = ("s", "x", "z", "ch", "sh")
# Words of 3-6 letters with no digit and no ASCII lower-case letter: all-capital words, among others.
_HAS_DIGIT = re.compile(r"\d")


class Form(NamedTuple):  # a tuple, not a dataclass: indexes hold 10^5 of them and unpickle them fast
    number: int  # its place in the index, so that matches can travel between processes as numbers
    term: Term
    text: str
    role: str  # canonical | variant | short | forbidden | source
    key: str  # surface key: NFC, lower case, normalised gaps
    cased: str  # surface key keeping case, for case-sensitive forms
    case_sensitive: bool


class Match(NamedTuple):  # a tuple, not a dataclass: a large text has 10^5 of them, made in a hot loop
    start: int
    end: int
    form: Form
    kind: str  # exact | diacritics | fuzzy | acronym
    text: str  # what the document says there
    score: float = 100.0
    suffix: str = ""  # a plural ending that followed the form ("KFORs")

    @property
    def term(self) -> Term:
        return self.form.term

    def rendered(self, base: str) -> str:
        """``base`` with the plural ending this occurrence had."""
        return base + self.suffix


@lru_cache(maxsize=8)
def _by_length(suffixes: tuple[str, ...]) -> dict[int, frozenset[str]]:
    lengths = sorted({len(s) for s in suffixes})
    return {n: frozenset(s for s in suffixes if len(s) == n) for n in lengths}


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class TermIndex:
    """Built once from glossaries; ``find`` is then safe to call on any number of texts."""

    def __init__(self, glossaries: list[Glossary], lexicon: Lexicon):
        self.lexicon = lexicon
        self.terms: list[Term] = [t for g in glossaries for t in g.terms]
        self._forms: list[Form] = []
        self._exact: dict[str, list[Form]] = defaultdict(list)  # bare key -> forms
        self._keys: set[str] = set()  # every form's surface key
        self._form_words: set[str] = set()
        self._proper_words: set[str] = set()  # capitalised form words, for derivations
        self._fuzzy_forms: list[tuple[Form, str, int]] = []  # form, bare key, word count
        self._fuzzy_words: list[tuple[str, ...]] = []  # the bare words of each fuzzy form
        self._signatures: list[str | None] = []  # its rarest word, which a window must show
        self._anchors: dict = defaultdict(list)  # word -> (fuzzy form, position)s; an _Anchored once built
        self._near: dict[str, set[str]] = defaultdict(set)  # deletion -> anchor words (a _DeletionIndex once built)
        self._acronyms: dict[str, list[Form]] = defaultdict(list)
        self._acronym_deletes: dict[str, set[str]] = defaultdict(set)
        self._reach = 1
        self._longest_near_miss = 0  # a longer word of a text is in no window that can match (_widest_window)
        for term in self.terms:
            for role, forms in term.forms_by_role().items():
                for text in forms:
                    self._add_form(term, role, text)
        self._near = _DeletionIndex(self._near)
        self._acronym_deletes = {probe: tuple(sorted(words)) for probe, words in self._acronym_deletes.items()}
        self._anchors = {word: self._by_signature(pairs) for word, pairs in self._anchors.items()}
        self._acronyms = dict(self._acronyms)
        self._one_word_keys = frozenset(key for key in self._exact if WORD_RE.fullmatch(key))
        self._plurals = _plurals_of(self._one_word_keys)
        self._rare_anchor_words = frozenset(w for w in self._anchors if not lexicon.is_common(w))  # neighbours that anchor
        self._automaton = self._build_automaton()

    # building -------------------------------------------------------------

    def _add_form(self, term: Term, role: str, text: str) -> None:
        # Interned: equal strings are then one object, stored and unpickled once (10^5 fewer per run).
        bare = sys.intern(bare_text(surface_key(text)).text)
        words = [sys.intern(word) for word in WORD_RE.findall(bare)]
        if not words:
            return
        acronym = len(words) == 1 and is_acronym(text)
        form = Form(len(self._forms), term, sys.intern(text), role, sys.intern(surface_key(text)),
                    sys.intern(surface_key(text, keep_case=True)), term.case_sensitive or acronym)
        self._forms.append(form)
        self._exact[bare].append(form)
        self._keys.add(form.key)
        self._form_words.update(words)
        self._proper_words.update(sys.intern(w.lower()) for w in WORD_RE.findall(strip_diacritics(text))
                                  if w[:1].isupper() and not self.lexicon.is_everyday(w))
        if acronym:
            self._acronyms[text].append(form)
            for deletion in _deletes(text) | {text}:
                self._acronym_deletes[deletion].add(text)
        elif term.fuzzy is not None and len(bare) >= MIN_FUZZY_CHARS and _gaps_valid(bare):
            self._add_fuzzy(form, bare, words)

    def _add_fuzzy(self, form: Form, bare: str, words: list[str]) -> None:
        number = len(self._fuzzy_forms)
        self._fuzzy_forms.append((form, bare, len(words)))
        self._fuzzy_words.append(tuple(words))
        rare = [w for w in words if not self.lexicon.is_common(w)]
        self._signatures.append(max(rare, key=lambda w: (len(w), w)) if rare and len(words) > 1 else None)
        self._reach = max(self._reach, int(len(bare) * 1.3) + 2)  # the widest window that can match
        self._longest_near_miss = max(self._longest_near_miss, _widest_window(len(bare), form.term.fuzzy))
        for position, word in enumerate(words[:_POSITION_MASK + 1]):  # an anchor holds a position of 16 bits
            if len(word) < 3 or self.lexicon.is_function_word(word):
                continue
            known = word in self._anchors
            self._anchors[word].append((number, position))
            if len(word) >= MIN_EDIT_WORD and not known:
                for probe in _deletes(word) | {word}:
                    self._near[probe].add(word)

    def _build_automaton(self):
        """The automaton of keys of several words; one-word keys are looked up among a text's words,
        since as substrings they would hit inside thousands of other words ("igh" in "night")."""
        automaton = ahocorasick.Automaton()
        for bare, forms in self._exact.items():
            forms.sort(key=lambda f: (_ROLE_ORDER.index(f.role), f.text))
            if bare not in self._one_word_keys:
                automaton.add_word(bare, bare)
        if len(automaton):
            automaton.make_automaton()
        return automaton

    # searching ------------------------------------------------------------

    def find(self, text: str, near_misses: bool = True, base: int = 0, words: Iterable[str] | None = None) -> list[Match]:
        """Every match in ``text``, at offsets counted from ``base`` (the text's place in its document).

        ``near_misses=False`` runs the exact pass only. ``words``: the distinct words of ``text``
        (``mtcheck.text.tokens``), when the caller has them: they spare a pass over the text.
        """
        bare = bare_text(text)
        words = set(tokens(text)) if words is None else words
        vocabulary = bare_vocabulary(words)
        one_word = self._one_word_hits(vocabulary)
        suspicious, anchoring = self._fuzzy_words_in(vocabulary) if near_misses else (set(), set())
        acronyms = self._acronym_spellings(words) if near_misses else {}
        located = _locate(bare.text, one_word.keys() | suspicious | anchoring | acronyms.keys())
        exact = self._find_exact(text, bare, [w for w in located if w[2] in one_word], one_word)
        fuzzy, acronyms = self._find_near_misses(text, bare, exact, located, suspicious, anchoring, acronyms) if near_misses else ([], [])
        if fuzzy:  # a fuzzy match may swallow an exact short form of its own term ("Aljbin [Kurti]")
            swallowed = _Intervals((f.start, f.end) for f in fuzzy)
            exact = [m for m in exact if not swallowed.contains(m.start, m.end)]
        matches = sorted(exact + fuzzy + acronyms, key=lambda m: (m.start, m.end, m.form.term.id))
        if not base:
            return matches
        return [Match(start + base, end + base, form, kind, text, score, suffix)
                for start, end, form, kind, text, score, suffix in matches]

    def encode(self, matches: list[Match]) -> EncodedMatches:
        """Matches as arrays and strings (forms by number): cheap to send from a worker process, and
        for a ``MatchStore`` to take in whole."""
        kinds = _KINDS.index
        numbers = array("q", [n for m in matches for n in (m.start, m.end, m.form.number, kinds(m.kind))])
        return EncodedMatches(numbers, array("d", [m.score for m in matches]), [m.text for m in matches],
                              [m.suffix for m in matches])

    def _one_word_hits(self, vocabulary: set[str]) -> dict[str, list[tuple[str, str]]]:
        """The text's words that are one-word keys or their plurals: word -> [(key, plural ending)]."""
        found: dict[str, list[tuple[str, str]]] = {word: [(word, "")] for word in vocabulary & self._one_word_keys}
        for word in vocabulary & self._plurals.keys():
            found.setdefault(word, []).extend(self._plurals[word])
        return found

    def _find_exact(self, text: str, bare: BareText, words: list[tuple[int, int, str]],
                    one_word: dict[str, list[tuple[str, str]]]) -> list[Match]:
        """Exact matches: keys of several words found by the automaton, one-word keys among ``words``
        (the located words that are such keys)."""
        s = bare.text
        candidates = [(start, end - len(suffix), suffix, key)
                      for start, end, word in words for key, suffix in one_word[word]]
        if len(self._automaton):
            for last, key in self._automaton.iter(s):
                start, end = last - len(key) + 1, last + 1
                if start > 0 and s[start - 1].isalnum():
                    continue
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
        hits.sort(key=lambda h: h[:3])  # leftmost, then longest, then a form itself before a plural
        chosen, reach = [], 0
        for start, negative_end, _, match in hits:
            if start >= reach:
                chosen.append(match)
                reach = -negative_end
        return chosen

    def _plural(self, text: str, bare: BareText, start: int, end: int, suffix: str) -> bool:
        """Whether form + suffix really is the form's plural: an ordinary 's'/'es' in the text, and
        not an ordinary word of its own when the form's last word is none ("Genu" + "s" is "genus")."""
        o_end, o_plural_end = bare.span(end, end + len(suffix))
        if text[o_end:o_plural_end].lower() != suffix:
            return False  # "Slagoš": a letter that only looks like an "s" in the bare text
        last_word = WORD_RE.findall(bare.text, start, end)[-1]
        return self.lexicon.is_common(last_word) or not self.lexicon.is_common(last_word + suffix)

    def _verify(self, text: str, bare: BareText, start: int, end: int, suffix: str, key: str) -> Match | None:
        o_start, o_end = bare.span(start, end)
        original = text[o_start:o_end]
        span_end = bare.span(start, end + len(suffix))[1] if suffix else o_end
        lowered = original.lower()
        if lowered not in self._keys:  # only gap variants ("Serb–majority", "of\nSerbian") need the full key
            lowered = surface_key(original)
        fallback = None
        for form in self._exact[key]:
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
        return Match(o_start, span_end, fallback, "diacritics", text[o_start:span_end], suffix=suffix) if fallback else None

    # near misses ----------------------------------------------------------

    def _suspicious_words(self, vocabulary: set[str]) -> set[str]:
        """The words worth a fuzzy look: non-words that no form holds, and derivations of form words.

        Set operations, not a Python step per word: a large document has 10^4-10^5 distinct words.
        """
        unknown = vocabulary - self._form_words - self.lexicon.common_words
        unknown = {w for w in unknown if len(w) >= 3 and (w.isascii() or not self.lexicon.is_common(w))}
        longest = self._longest_near_miss  # a longer word is no near miss, and its deletions cost its length squared
        return {w for w in unknown | self._derived_words(vocabulary) if len(w) <= longest and not _HAS_DIGIT.search(w)}

    def _derived_words(self, words: set[str]) -> set[str]:
        """Words such as 'serbian' that extend a capitalised, not everyday, form word ('Serb') by a
        demonym or plural suffix."""
        proper, found = self._proper_words, set()
        words = list(filter(methodcaller("endswith", tuple(self.lexicon.name_suffixes)), words))  # at C speed
        for length, suffixes in _by_length(self.lexicon.name_suffixes).items():
            found.update(w for w in words if w[-length:] in suffixes and len(w) - length >= 4 and w[:-length] in proper)
        return found

    def _derived(self, word: str) -> bool:
        """``_derived_words`` for one word, without building sets: it runs once per window compared."""
        return any(word[-length:] in suffixes and len(word) - length >= 4 and word[:-length] in self._proper_words
                   for length, suffixes in _by_length(self.lexicon.name_suffixes).items())

    def _fuzzy_words_in(self, vocabulary: set[str]) -> tuple[set[str], set[str]]:
        """The suspicious words of a text's vocabulary, and its rare form words that anchor forms."""
        if not self._fuzzy_forms:
            return set(), set()
        suspicious = self._suspicious_words(vocabulary)
        if not suspicious:
            return set(), set()
        return suspicious, vocabulary & self._rare_anchor_words

    def _find_near_misses(self, text: str, bare: BareText, exact: list[Match], located: list[tuple[int, int, str]],
                          suspicious: set[str], anchoring: set[str], acronym_spellings: dict[str, dict[str, Form]]
                          ) -> tuple[list[Match], list[Match]]:
        covered = _Coverage(bare, exact)
        acronyms = self._find_acronyms(text, bare, covered, located, acronym_spellings)
        if not suspicious:
            return [], acronyms
        s = bare.text
        anchor_at = [start for start, _, word in located if word in anchoring]
        taken = {m.start for m in acronyms}
        windows: dict[tuple[int, int, int], float] = {}
        anchors = self._anchor_memo()
        for start, end, word in located:
            if word not in suspicious or covered.inside(start, end) or (taken and bare.span(start, end)[0] in taken):
                continue
            if self._anchored_near(word, start, anchor_at, anchors):
                self._score_windows(s, start, end, self._reach, covered, windows, anchors)
        return self._best_windows(text, bare, windows), acronyms

    def _acronym_spellings(self, words: Iterable[str]) -> dict[str, dict[str, Form]]:
        """The text's unknown all-capital words one edit from a glossary acronym ("WSO" for "ZSO"):
        bare key -> {spelling: the acronym's form}."""
        if not self._acronyms:
            return {}
        found: dict[str, dict[str, Form]] = defaultdict(dict)
        for word in filter(str.isupper, words):
            if 3 <= len(word) <= 6 and word.isalpha():
                form = self._acronym_form(word)
                if form is not None:
                    found[bare_text(word).text][word] = form
        return found

    def _find_acronyms(self, text: str, bare: BareText, covered, located: list[tuple[int, int, str]],
                       spellings: dict[str, dict[str, Form]]) -> list[Match]:
        found = []
        for start, end, key in located:
            if key in spellings:
                o_start, o_end = bare.span(start, end)
                form = spellings[key].get(drop_invisible(text[o_start:o_end]))  # spelt as its word ("W\u200bSO": "WSO")
                if form is not None and not covered.inside_original(o_start, o_end):
                    found.append(Match(o_start, o_end, form, "acronym", text[o_start:o_end]))
        return found

    def _anchor_memo(self) -> dict[tuple[str, bool], _Anchored]:
        """The forms each word anchors, kept from text to text: the segments of a long document
        share most of their words. Bounded, as a streamed archive has millions of words."""
        memo = self.__dict__.get("_memo")
        if memo is None or len(memo) > ANCHOR_MEMO_LIMIT:
            memo = self._memo = {}
        return memo

    def __getstate__(self) -> dict:
        return {name: value for name, value in self.__dict__.items() if name != "_memo"}

    def _anchored_near(self, word: str, offset: int, anchor_at: list[int], anchors: dict) -> bool:
        """Whether any form can be anchored at ``offset``: by the word or a rare form word close by."""
        if self._anchored(word, True, anchors) is not _NO_ANCHORS:
            return True
        i = bisect.bisect_left(anchor_at, offset - self._reach)
        return i < len(anchor_at) and anchor_at[i] <= offset + self._reach

    def _anchored(self, word: str, centre: bool, anchors: dict) -> _Anchored:
        """The forms ``word`` anchors (as the suspicious word or a neighbour), computed once."""
        key = (word, centre)
        anchored = anchors.get(key)
        if anchored is None:
            anchored = anchors[key] = self._centre_anchors(word) if centre else self._neighbour_anchors(word)
        return anchored

    def _by_signature(self, anchored: list[tuple[int, int]]) -> _Anchored:
        """Anchors split into those that need no other word and those whose form's rarest word
        (its signature) must be in the window: most anchored forms lack theirs, so a lookup by
        signature skips them without a step each."""
        ready, needing = [], defaultdict(list)
        for number, position in anchored:
            signature = self._signatures[number]
            if signature is None or signature == self._fuzzy_words[number][position]:
                ready.append(_anchor(number, position))
            else:
                needing[signature].append(_anchor(number, position))
        return tuple(ready), {signature: tuple(codes) for signature, codes in needing.items()} or _NOT_NEEDING

    def _score_windows(self, s: str, start: int, end: int, reach: int, covered, windows: dict, anchors: dict) -> None:
        """Score the windows around one suspicious word against the forms anchored there.

        The suspicious word anchors the forms holding a word equal to it, one edit from it, or
        that it derives from; a neighbour anchors only as a rare word equal to a form word
        ("Aljbina [Kurti]"): ordinary neighbours ("Ministry", "of") would anchor thousands of forms.
        A form is only compared where its rarest word is present, or stood for by this word.
        """
        # Only the centre's paragraph: no window crosses a paragraph break, and the words beyond one
        # must not decide what is compared here (nor may a segment's edge).
        paragraph_end = s.find("\n", end)
        low = max(s.rfind("\n", 0, start) + 1, start - reach)
        high = min(len(s) if paragraph_end < 0 else paragraph_end, end + reach)
        local = [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(s, low, high)]
        centre = next(i for i, (a, _, _) in enumerate(local) if a == start)
        present = {word for _, _, word in local}
        rare = self._rare_anchor_words
        for j, (_, _, word) in enumerate(local):
            if j != centre and word not in rare:
                continue  # a neighbour anchors nothing unless rare (``_neighbour_anchors``)
            ready, needing = anchors.get((word, j == centre)) or self._anchored(word, j == centre, anchors)
            if needing:
                ready = ready + tuple(code for signature in present & needing.keys() for code in needing[signature])
            for code in ready:
                number, position = code >> _POSITION_BITS, code & _POSITION_MASK
                size = self._fuzzy_forms[number][2]
                first = j - position
                for length in (size - 1, size, size + 1):
                    last = first + length - 1
                    if length < 1 or first < 0 or last >= len(local) or not first <= centre <= last:
                        continue
                    window = (number, local[first][0], local[last][1])
                    if window not in windows:
                        windows[window] = self._window_score(s, local[first:last + 1], window, covered)

    def _neighbour_anchors(self, word: str) -> _Anchored:
        return self._anchors[word] if word in self._rare_anchor_words else _NO_ANCHORS

    def _centre_anchors(self, word: str) -> _Anchored:
        if len(word) < 3 or self.lexicon.is_function_word(word):
            return _NO_ANCHORS
        anchors = {word} if word in self._anchors else set()
        anchors.update(stem for stem in self._stems(word) if stem in self._anchors and stem in self._proper_words)
        if len(word) >= MIN_EDIT_WORD:
            for probe in _deletes(word) | {word}:
                for near in self._near.get(probe, ()):
                    if near not in anchors and OSA.distance(near, word, score_cutoff=1) <= 1:
                        anchors.add(near)
        return _merged([self._anchors[near] for near in sorted(anchors)])

    def _stems(self, word: str) -> list[str]:
        return [word[: -len(suffix)] for suffix in self.lexicon.name_suffixes
                if word.endswith(suffix) and len(word) - len(suffix) >= 3]

    def _window_score(self, s: str, words: list, window: tuple[int, int, int], covered) -> float:
        number, start, end = window
        form, compared, size = self._fuzzy_forms[number]
        span = end - start
        ratio_possible = 200 * min(span, len(compared)) >= form.term.fuzzy * (span + len(compared))
        typo_possible = len(words) == size and abs(span - len(compared)) <= 1
        if not (ratio_possible or typo_possible):
            return 0.0  # the lengths alone rule both tests out
        window_words = [w for _, _, w in words]
        score = (ratio_possible and fuzz.ratio(s[start:end], compared, score_cutoff=form.term.fuzzy)) or (
            typo_possible and self._one_edit_score(window_words, self._fuzzy_words[number]))
        if not score:
            return 0.0
        if any(not valid_gap(s[a[1]:b[0]]) for a, b in zip(words, words[1:])):
            return 0.0
        if not covered.allows(start, end, form.term, compared) or not self._plausible_misspelling(window_words, compared):
            return 0.0
        return score

    @staticmethod
    def _one_edit_score(window_words: list[str], form_words: tuple[str, ...]) -> float:
        """One typo (a letter substituted, added, dropped, or two swapped) in a word of 6+ letters.

        A ratio threshold misses these in short words ("Stoltenbreg" scores 82 against
        "Stoltenberg"), yet they are the commonest misspellings.
        """
        pairs = [(w, f) for w, f in zip(window_words, form_words) if w != f]
        if len(pairs) != 1:
            return 0.0
        word, form_word = pairs[0]
        if len(form_word) < MIN_TYPO_WORD or OSA.distance(word, form_word, score_cutoff=1) > 1:
            return 0.0
        return round(100 * OSA.normalized_similarity(" ".join(window_words), " ".join(form_words)), 1)

    def _plausible_misspelling(self, window: list[str], compared: str) -> bool:
        """Precision guard: every differing word is a non-word or a derivation of a form word."""
        form_words = set(WORD_RE.findall(compared))
        differing = [w for w in window if w not in form_words]
        if not differing:
            return False
        if len(window) == 1:
            return not self.lexicon.is_common(differing[0])
        return all(not self.lexicon.is_common(w) or self._derived(w) for w in differing)

    def _best_windows(self, text: str, bare: BareText, windows: dict) -> list[Match]:
        ranked = sorted(((score, w) for w, score in windows.items() if score),
                        key=lambda item: (-item[0], -(item[1][2] - item[1][1]), item[1][1], item[1][0]))
        taken = _Intervals()
        matches = []
        for score, (number, start, end) in ranked:
            if taken.overlaps(start, end):
                continue
            taken.add(start, end)
            o_start, o_end = bare.span(start, end)
            form = self._fuzzy_forms[number][0]
            matches.append(Match(o_start, o_end, form, "fuzzy", text[o_start:o_end], round(score, 1)))
        return matches

    def _acronym_form(self, word: str) -> Form | None:
        if word in self._acronyms or self.lexicon.is_common(word):
            return None
        near = {a for probe in _deletes(word) | {word} for a in self._acronym_deletes.get(probe, ())}
        forms = sorted(
            (f for a in near if len(a) >= 3 and Levenshtein.distance(a, word) <= 1 for f in self._acronyms[a]),
            key=lambda f: (_ROLE_ORDER.index(f.role), f.text),
        )
        return forms[0] if len({f.term.id for f in forms}) == 1 else None


class _DeletionIndex:
    """Deletion -> the words it comes from, for SymSpell-style lookups one edit away.

    Kept as two sorted arrays, the deletions' CRC-32 and their words' numbers, not as a dict of
    10^5 strings: a run loads it in no time, where the dict took 50 ms to unpickle. A hash shared
    by two deletions only adds candidates, which the caller's edit-distance test then drops.
    """

    def __init__(self, deletions: dict[str, set[str]]):
        self._words = sorted({word for words in deletions.values() for word in words})
        number = {word: i for i, word in enumerate(self._words)}
        entries = sorted((_crc(deletion), number[word]) for deletion, words in deletions.items() for word in words)
        self._hashes = array("q", (h for h, _ in entries))
        self._numbers = array("q", (n for _, n in entries))

    def get(self, deletion: str, default=()) -> tuple[str, ...]:
        h = _crc(deletion)
        i = bisect.bisect_left(self._hashes, h)
        j = i
        while j < len(self._hashes) and self._hashes[j] == h:
            j += 1
        return tuple(self._words[n] for n in self._numbers[i:j]) if j > i else default


def _crc(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


# The forms a word anchors: (ready, needing). Ready: anchors (a fuzzy form and the position of the
# word in it, one int: ``_anchor``) that need no other word; needing: signature -> the anchors whose
# form's signature must be present. Plain tuples and ints: the index holds 10^4-10^5 of them, and
# unpickles them three times faster than named tuples of pairs.
_Anchored = tuple[tuple[int, ...], dict[str, tuple[int, ...]]]
_POSITION_BITS = 16
_POSITION_MASK = (1 << _POSITION_BITS) - 1
_NOT_NEEDING: dict[str, tuple[int, ...]] = {}  # shared, never changed: stored once in the cache
_NO_ANCHORS: _Anchored = ((), _NOT_NEEDING)


def _anchor(number: int, position: int) -> int:
    return number << _POSITION_BITS | position


def _merged(parts: list[_Anchored]) -> _Anchored:
    if len(parts) <= 1:
        return parts[0] if parts else _NO_ANCHORS
    needing = defaultdict(tuple)
    for _, part_needing in parts:
        for signature, codes in part_needing.items():
            needing[signature] += codes
    return tuple(code for ready, _ in parts for code in ready), dict(needing)


_KINDS = ("exact", "diacritics", "fuzzy", "acronym")


class EncodedMatches(NamedTuple):
    numbers: array  # start, end, form number, kind (its place in _KINDS), interleaved
    scores: array
    texts: list[str]
    suffixes: list[str]


class MatchStore:
    """Many matches kept in flat arrays (about 40 bytes each instead of 250), read back as Matches.

    Clean news is full of correct terms: a 500 MB archive holds millions of them.
    """

    def __init__(self, index: TermIndex):
        self._forms = index._forms
        self._numbers = array("q")  # start, end, form number, kind, interleaved
        self._scores = array("d")
        self._texts: list[str] = []  # interned: the same term written the same way is one string
        self._suffixes: list[str] = []

    def add_encoded(self, matches: EncodedMatches) -> None:
        """Take in the matches ``TermIndex.encode`` made (in a worker process, say)."""
        self._numbers.extend(matches.numbers)
        self._scores.extend(matches.scores)
        self._texts.extend(map(sys.intern, matches.texts))
        self._suffixes.extend(matches.suffixes)

    def __len__(self) -> int:
        return len(self._texts)

    def forms_and_kinds(self):
        """(form, kind) of each match, in order, without making the Matches: for rules that count."""
        return zip(map(self._forms.__getitem__, self._numbers[2::4]), map(_KINDS.__getitem__, self._numbers[3::4]))

    def __iter__(self):
        forms, numbers = self._forms, self._numbers
        for start, end, form, kind, text, score, suffix in zip(numbers[0::4], numbers[1::4], numbers[2::4], numbers[3::4],
                                                               self._texts, self._scores, self._suffixes):
            yield Match(start, end, forms[form], _KINDS[kind], text, score, suffix)


class _Coverage:
    """Exact matches by bare position: a fuzzy window may only hold its own term's accepted forms."""

    def __init__(self, bare: BareText, exact: list[Match]):
        self._spans = [(m.start, m.end, m) for m in exact]
        self._bare = bare
        self._starts = [s for s, _, _ in self._spans]

    def inside(self, start: int, end: int) -> bool:
        return self.inside_original(*self._bare.span(start, end))

    def inside_original(self, o_start: int, o_end: int) -> bool:
        i = bisect.bisect_right(self._starts, o_start)
        return i > 0 and self._spans[i - 1][1] >= o_end

    def allows(self, start: int, end: int, term: Term, compared: str) -> bool:
        """Matches inside a window must lie wholly inside it and be its own term's accepted forms,
        or words of the form it is compared with ("Slagoš", a term of its own, in "Jejudim Slagoš")."""
        o_start, o_end = self._bare.span(start, end)
        i = bisect.bisect_left(self._starts, o_start)
        if i > 0 and self._spans[i - 1][1] > o_start:
            return False  # a match straddles the window's start
        while i < len(self._spans) and self._spans[i][0] < o_end:
            _, e, match = self._spans[i]
            if e > o_end:
                return False
            own = match.term is term and match.kind == "exact" and match.form.role in ACCEPTED
            if not own and f" {bare_text(surface_key(match.text)).text} " not in f" {compared} ":
                return False
            i += 1
        return True


class _Intervals:
    """Disjoint half-open intervals, kept sorted: overlap and containment tests in O(log n)."""

    def __init__(self, intervals=()):
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in sorted(intervals):
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, end)  # intervals starting before ``end``
        return i > 0 and self._ends[i - 1] > start

    def contains(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._starts, start)
        return i > 0 and self._ends[i - 1] >= end


def _locate(s: str, words: set[str]) -> list[tuple[int, int, str]]:
    """(start, end, word) of every occurrence of ``words`` as a whole word of ``s``, in text order.

    An automaton of just these words, each between spaces, runs over a copy of the text whose
    non-word characters are spaces: every hit is a whole word, and the words a wanted word is part
    of ("national" for a misspelt "nationa") cost nothing.
    """
    if not words:
        return []
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(f" {word} ", len(word))
    automaton.make_automaton()
    spaced = s.translate(_ASCII_NON_WORD)
    if not spaced.isascii():
        spaced = _OTHER_NON_WORD.sub(" ", spaced)
    return [(last - length - 1, last - 1, s[last - length - 1:last - 1])
            for last, length in automaton.iter(f" {spaced} ")]


_ASCII_NON_WORD = str.maketrans({c: " " for c in map(chr, range(128)) if not c.isalnum()})
_OTHER_NON_WORD = re.compile(r"[^\w\x00-\x7f]")  # beyond ASCII, what isalnum() refuses ("_" is ASCII)


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
    if end >= len(s) or not s[end].isalnum():
        return ""
    if s[end] == "s" and (end + 1 >= len(s) or not s[end + 1].isalnum()):
        return "s"
    if key.endswith(_PLURAL_AFTER_ES) and s[end:end + 2] == "es" and (end + 2 >= len(s) or not s[end + 2].isalnum()):
        return "es"
    return None


def _widest_window(length: int, fuzzy: int) -> int:
    """The widest text window that can still match a fuzzy form of ``length`` characters by the tests
    of ``TermIndex._window_score``: a ratio of ``fuzzy`` % (2 * length / (width + length)), or one
    typo (a letter more); never over ``LONGEST_WORD``, whatever a tiny ``fuzzy`` allows."""
    by_ratio = length * (200 - fuzzy) // fuzzy if fuzzy else LONGEST_WORD
    return min(max(by_ratio, length + 1), LONGEST_WORD)


def _gaps_valid(bare: str) -> bool:
    positions = [m.span() for m in WORD_RE.finditer(bare)]
    return all(valid_gap(bare[a[1]:b[0]]) for a, b in zip(positions, positions[1:]))
