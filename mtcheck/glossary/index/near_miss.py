"""The near-miss pass: forms misspelt ("fuzzy") and acronyms one letter off ("acronym").

Fuzzy: only "suspicious" words are visited: words that are neither form words nor ordinary
words of the language (or that extend a form word, "Serbian" from "Serb"). Around each, the
forms anchored on nearby words (equal to a form word, or one edit away via a SymSpell-style
deletion index) are compared with the text windows holding the suspicious word, by rapidfuzz's
ratio. Acronyms: unknown all-capital words one edit from a glossary acronym.

Neither loops over the terms or over every word of a text in Python.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain, filterfalse
from operator import methodcaller
from typing import NamedTuple

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, Levenshtein

from mtcheck.folding import WORD_RE, BareText, bare_text, bare_vocabulary, surface_key, valid_gap
from mtcheck.glossary.index.forms import ACCEPTED, WRITTEN_AS_GIVEN, Form, Match, role_rank
from mtcheck.glossary.index.spans import Intervals
from mtcheck.lexicon import Lexicon
from mtcheck.model import Term
from mtcheck.similarity.neighbourhood import CompactNeighbourhood, Neighbourhood
from mtcheck.text import LONGEST_WORD, TOKEN_RE, drop_invisible, opens_sentence

MIN_FUZZY_CHARS = 5  # shorter forms are too close to ordinary words to compare by ratio
MIN_EDIT_WORD = 4  # words shorter than this are not looked up one edit away
ANCHOR_MEMO_LIMIT = 10_000  # words whose anchored forms are remembered between texts (a merged entry can be KBs)
MIN_TYPO_WORD = 6  # a single typo is always reported in a form word this long
MIN_ACRONYM_INDEL = 4  # acronyms shorter than this are near-missed by a substituted letter only
# A word with a digit ("B92", "2nd") is never taken for a misspelt form.
_HAS_DIGIT = re.compile(r"\d")

LocatedWord = tuple[int, int, str]  # start, end, word, in the bare text


class FuzzyForm(NamedTuple):
    form: Form
    bare: str  # its bare key, which text windows are compared with
    words: tuple[str, ...]  # the words of ``bare``


def fuzzy_form(form: Form, bare: str, words: list[str]) -> FuzzyForm | None:
    """The form as the fuzzy pass compares it, or None when it is not compared."""
    if form.term.fuzzy is None or len(bare) < MIN_FUZZY_CHARS or not _gaps_valid(bare):
        return None
    return FuzzyForm(form, bare, tuple(words))


# The forms a word anchors: (ready, needing). Ready: anchors (a fuzzy form and the position of the
# word in it, one int: ``_anchor``) that need no other word; needing: signature -> the anchors whose
# form's signature must be present. Plain tuples and ints: the index holds 10^4-10^5 of them, and
# unpickles them three times faster than named tuples of pairs.
_Anchored = tuple[tuple[int, ...], dict[str, tuple[int, ...]]]
_POSITION_BITS = 16
_POSITION_MASK = (1 << _POSITION_BITS) - 1
_NOT_NEEDING: dict[str, tuple[int, ...]] = {}  # shared, never changed: stored once in the cache
_NO_ANCHORS: _Anchored = ((), _NOT_NEEDING)


class FuzzyIndex:
    """The forms compared by ratio, with the words that anchor them."""

    def __init__(self, forms: list[FuzzyForm], form_words: set[str], proper_words: set[str], lexicon: Lexicon):
        """``form_words``: the words of every form; ``proper_words``: the capitalised, not everyday,
        ones among them (lower case), which derivations extend."""
        self._lexicon = lexicon
        # (form, bare key, word count), the words of each, and its rarest word, which a window must show
        self._forms = [(f.form, f.bare, len(f.words)) for f in forms]
        self._words = [f.words for f in forms]
        self._signatures = [self._signature(f.words) for f in forms]
        self._form_words = form_words
        self._proper_words = proper_words
        self._reach = max([1] + [int(len(f.bare) * 1.3) + 2 for f in forms])  # the widest window that can match
        # a longer word of a text is in no window that can match
        self._longest_near_miss = max([0] + [_widest_window(len(f.bare), f.form.term.fuzzy) for f in forms])
        anchored, self._near = self._anchor_words(forms)
        self._anchors: dict[str, _Anchored] = {word: self._by_signature(pairs) for word, pairs in anchored.items()}
        self._rare_anchor_words = frozenset(w for w in self._anchors if not lexicon.is_common(w))  # neighbours that anchor
        self._names_only = all(f.form.text[:1].isupper() for f in forms)  # every form compared is a name
        self._memo: dict[tuple[str, bool], _Anchored] = {}

    # building -------------------------------------------------------------

    def _signature(self, words: tuple[str, ...]) -> str | None:
        rare = [w for w in words if not self._lexicon.is_common(w)]
        return max(rare, key=lambda w: (len(w), w)) if rare and len(words) > 1 else None

    def _anchor_words(self, forms: list[FuzzyForm]) -> tuple[dict[str, list[tuple[int, int]]], CompactNeighbourhood]:
        """Word -> the (fuzzy form, position)s it anchors, and the anchor words by their one-edit keys."""
        anchored: dict[str, list[tuple[int, int]]] = defaultdict(list)
        near = Neighbourhood()
        for number, fuzzy in enumerate(forms):
            for position, word in enumerate(fuzzy.words[:_POSITION_MASK + 1]):  # an anchor holds a position of 16 bits
                if len(word) < 3 or self._lexicon.is_function_word(word):
                    continue
                known = word in anchored
                anchored[word].append((number, position))
                if len(word) >= MIN_EDIT_WORD and not known:
                    near.add(word)
        return anchored, near.compact()

    def _by_signature(self, anchored: list[tuple[int, int]]) -> _Anchored:
        """Anchors split into those that need no other word and those whose form's rarest word
        (its signature) must be in the window: most anchored forms lack theirs, so a lookup by
        signature skips them without a step each."""
        ready, needing = [], defaultdict(list)
        for number, position in anchored:
            signature = self._signatures[number]
            if signature is None or signature == self._words[number][position]:
                ready.append(_anchor(number, position))
            else:
                needing[signature].append(_anchor(number, position))
        return tuple(ready), {signature: tuple(codes) for signature, codes in needing.items()} or _NOT_NEEDING

    def __getstate__(self) -> dict:
        return {name: value for name, value in self.__dict__.items() if name != "_memo"}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._memo = {}

    # searching ------------------------------------------------------------

    def words_to_look_at(self, vocabulary: set[str], written: set[str] | None = None) -> tuple[set[str], set[str]]:
        """The suspicious words of a text's vocabulary, and its rare form words that anchor forms.

        ``written``: the text's words as written (``mtcheck.text.tokens``), if known; then a word
        the text only ever writes as a word of the language (``_words_only_written_as_words``) is
        no suspicious word where every form compared is a name."""
        if not self._forms:
            return set(), set()
        suspicious = self._suspicious_words(vocabulary)
        if written is not None and self._names_only:
            suspicious -= self._words_only_written_as_words(suspicious, written)
        if not suspicious:
            return set(), set()
        return suspicious, vocabulary & self._rare_anchor_words

    def find(self, text: str, bare: BareText, located: list[LocatedWord], suspicious: set[str], anchoring: set[str],
             covered: Coverage, taken: set[int]) -> list[Match]:
        """Fuzzy matches around the ``suspicious`` words, anchored by them or by ``anchoring`` words
        nearby; none where an exact match is (``covered``) nor where an acronym match starts (``taken``)."""
        if not suspicious:
            return []
        s = bare.text
        anchor_at = [start for start, _, word in located if word in anchoring]
        windows: dict[tuple[int, int, int], float] = {}
        anchors = self._anchor_memo()
        for start, end, word in located:
            if word not in suspicious or covered.inside(start, end) or (taken and bare.span(start, end)[0] in taken):
                continue
            if self._anchored_near(word, start, anchor_at, anchors):
                self._score_windows(s, start, end, self._reach, covered, windows, anchors)
        return self._best_windows(text, bare, windows)

    def _suspicious_words(self, vocabulary: set[str]) -> set[str]:
        """The words worth a fuzzy look: non-words that no form holds, and derivations of form words.

        Set operations, not a Python step per word: a large document has 10^4-10^5 distinct words.
        """
        unknown = vocabulary - self._form_words - self._lexicon.common_words
        unknown = {w for w in unknown if len(w) >= 3 and (w.isascii() or not self._lexicon.is_common(w))}
        longest = self._longest_near_miss  # a longer word is no near miss, and its deletions cost its length squared
        return {w for w in unknown | self._derived_words(vocabulary) if len(w) <= longest and not _HAS_DIGIT.search(w)}

    def _words_only_written_as_words(self, suspicious: set[str], written: Iterable[str]) -> set[str]:
        """The suspicious words that the text writes in lower case only, each a word of the language's
        list, however rare ("mimosa", "elan"): no misspelling of a name (``_a_word_not_a_name``),
        and in rare-word-heavy text most of what would be looked at. A word also written otherwise
        anywhere (capitalised, or with diacritics that its bare key lost) is kept. Set operations
        and C-speed filters: a large document has 10^5 distinct words."""
        lower = list(filter(str.islower, written))
        candidates = suspicious.intersection(lower)  # a bare key written as it is: plain lower case
        if not candidates:
            return set()
        others = list(filterfalse(str.islower, written))
        spelt_otherwise = set(map(str.lower, filter(str.isascii, others)))
        spelt_otherwise |= bare_vocabulary(chain(filterfalse(str.isascii, others), filterfalse(str.isascii, lower)))
        return self._lexicon.listed_among(candidates - spelt_otherwise)

    def _derived_words(self, words: set[str]) -> set[str]:
        """Words such as 'serbian' that extend a capitalised, not everyday, form word ('Serb') by a
        demonym or plural suffix."""
        proper, found = self._proper_words, set()
        words = list(filter(methodcaller("endswith", tuple(self._lexicon.name_suffixes)), words))  # at C speed
        for length, suffixes in _by_length(self._lexicon.name_suffixes).items():
            found.update(w for w in words if w[-length:] in suffixes and len(w) - length >= 4 and w[:-length] in proper)
        return found

    def _derived(self, word: str) -> bool:
        """``_derived_words`` for one word, without building sets: it runs once per window compared."""
        return any(word[-length:] in suffixes and len(word) - length >= 4 and word[:-length] in self._proper_words
                   for length, suffixes in _by_length(self._lexicon.name_suffixes).items())

    def _anchor_memo(self) -> dict[tuple[str, bool], _Anchored]:
        """The forms each word anchors, kept from text to text: the segments of a long document
        share most of their words. Bounded, as a streamed archive has millions of words."""
        if len(self._memo) > ANCHOR_MEMO_LIMIT:
            self._memo = {}
        return self._memo

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
                size = self._forms[number][2]
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
        if len(word) < 3 or self._lexicon.is_function_word(word):
            return _NO_ANCHORS
        anchors = {word} if word in self._anchors else set()
        anchors.update(stem for stem in self._stems(word) if stem in self._anchors and stem in self._proper_words)
        if len(word) >= MIN_EDIT_WORD:
            anchors.update(near for near in self._near.near(word) - anchors
                           if OSA.distance(near, word, score_cutoff=1) <= 1)
        return _merged([self._anchors[near] for near in sorted(anchors)])

    def _stems(self, word: str) -> list[str]:
        return [word[: -len(suffix)] for suffix in self._lexicon.name_suffixes
                if word.endswith(suffix) and len(word) - len(suffix) >= 3]

    def _window_score(self, s: str, words: list, window: tuple[int, int, int], covered) -> float:
        number, start, end = window
        form, compared, size = self._forms[number]
        span = end - start
        ratio_possible = 200 * min(span, len(compared)) >= form.term.fuzzy * (span + len(compared))
        typo_possible = len(words) == size and abs(span - len(compared)) <= 1
        if not (ratio_possible or typo_possible):
            return 0.0  # the lengths alone rule both tests out
        window_words = [w for _, _, w in words]
        score = (ratio_possible and fuzz.ratio(s[start:end], compared, score_cutoff=form.term.fuzzy)) or (
            typo_possible and self._one_edit_score(window_words, self._words[number]))
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
            return not self._lexicon.is_common(differing[0])
        return all(not self._lexicon.is_common(w) or self._derived(w) for w in differing)

    def _an_ordinary_word(self, written: str) -> bool:
        """Whether ``written`` is one ordinary word of the language as the text writes it: the
        windows compare bare words, which lost their diacritics ("zusammenhangt" is no German word,
        "zusammenhängt" is)."""
        return not written.isascii() and TOKEN_RE.fullmatch(written) is not None and self._lexicon.is_common(written)

    def _a_word_not_a_name(self, text: str, start: int, end: int, form: Form) -> bool:
        """Whether the window's words that differ from a name's are words of the language written
        as words, not as names: listed and in lower case, or capitalised only to open a sentence;
        where the language capitalises its nouns, capitalised and settled in the language
        (``Lexicon.is_established``: a slip such as "Tageschau" is listed too, but rarely). "mimosa"
        is no misspelling of "Cimosa", however rare a word it is, nor "Damper." of "Đamber", nor
        German "Proton" of "Poton"."""
        if not form.text[:1].isupper():
            return False
        form_words = set(WORD_RE.findall(form.key))
        for number, written in enumerate(TOKEN_RE.findall(drop_invisible(text[start:end]))):  # words as tokens() reads them
            if written.lower() in form_words:
                continue
            if written[:1].islower() or number == 0 and opens_sentence(text, start):
                if not self._lexicon.is_listed(written):
                    return False
            elif not (self._lexicon.capitalises_nouns and self._lexicon.is_established(written)):
                return False
        return True

    def _best_windows(self, text: str, bare: BareText, windows: dict) -> list[Match]:
        ranked = sorted(((score, w) for w, score in windows.items() if score),
                        key=lambda item: (-item[0], -(item[1][2] - item[1][1]), item[1][1], item[1][0]))
        taken = Intervals()
        matches = []
        for score, (number, start, end) in ranked:
            if taken.overlaps(start, end):
                continue
            o_start, o_end = bare.span(start, end)
            form = self._forms[number][0]
            if self._an_ordinary_word(text[o_start:o_end]) or self._a_word_not_a_name(text, o_start, o_end, form):
                continue
            taken.add(start, end)
            matches.append(Match(o_start, o_end, form, "fuzzy", text[o_start:o_end], round(score, 1)))
        return matches


class AcronymIndex:
    """The glossaries' acronyms, for the text's unknown all-capital words one edit from one."""

    def __init__(self, acronyms: dict[str, list[Form]], lexicon: Lexicon):
        """``acronyms``: the text of each acronym form -> the forms written so."""
        self._acronyms = acronyms
        self._near = Neighbourhood(acronyms)
        self._lexicon = lexicon

    def spellings(self, words: Iterable[str]) -> dict[str, dict[str, Form]]:
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

    def find(self, text: str, bare: BareText, covered: Coverage, located: list[LocatedWord],
             spellings: dict[str, dict[str, Form]]) -> list[Match]:
        """The located words spelt as ``spellings`` has them, outside exact matches."""
        found = []
        for start, end, key in located:
            if key in spellings:
                o_start, o_end = bare.span(start, end)
                form = spellings[key].get(drop_invisible(text[o_start:o_end]))  # spelt as its word ("W\u200bSO": "WSO")
                if form is not None and not covered.inside_original(o_start, o_end):
                    found.append(Match(o_start, o_end, form, "acronym", text[o_start:o_end]))
        return found

    def _acronym_form(self, word: str) -> Form | None:
        """The form of the one term whose acronyms are one edit from ``word``, if one term's are."""
        if word in self._acronyms or self._lexicon.is_common(word):
            return None
        near = self._near.near(word)
        forms = sorted((f for a in near if _one_acronym_edit(a, word) for f in self._acronyms[a]), key=role_rank)
        return forms[0] if len({f.term.id for f in forms}) == 1 else None


class Coverage:
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
        or words of the form it is compared with ("Slagoš", a term of its own, in "Jejudim Slagoš"),
        and none may be the compared form itself ("Office for Kosovo and Metohija Marko" is the
        form written right and a name after it)."""
        o_start, o_end = self._bare.span(start, end)
        i = bisect.bisect_left(self._starts, o_start)
        if i > 0 and self._spans[i - 1][1] > o_start:
            return False  # a match straddles the window's start
        while i < len(self._spans) and self._spans[i][0] < o_end:
            _, e, match = self._spans[i]
            if e > o_end:
                return False
            own = match.term is term and match.kind in WRITTEN_AS_GIVEN and match.form.role in ACCEPTED
            written = bare_text(surface_key(match.text)).text
            if written == compared:
                return False  # the form is written right: a word beside it is no part of a misspelling
            if not own and f" {written} " not in f" {compared} ":
                return False
            i += 1
        return True


def _one_acronym_edit(acronym: str, word: str) -> bool:
    """Whether ``word`` is ``acronym`` with one letter wrong ("WSO" for "ZSO"), or one letter more or
    less where both have MIN_ACRONYM_INDEL letters: a letter added to a three-letter acronym makes
    another one ("ASML" is a company, not "ASM" misspelt)."""
    if len(acronym) < 3 or Levenshtein.distance(acronym, word) > 1:
        return False
    return len(acronym) == len(word) or min(len(acronym), len(word)) >= MIN_ACRONYM_INDEL


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


@lru_cache(maxsize=8)
def _by_length(suffixes: tuple[str, ...]) -> dict[int, frozenset[str]]:
    lengths = sorted({len(s) for s in suffixes})
    return {n: frozenset(s for s in suffixes if len(s) == n) for n in lengths}


def _widest_window(length: int, fuzzy: int) -> int:
    """The widest text window that can still match a fuzzy form of ``length`` characters by the tests
    of ``FuzzyIndex._window_score``: a ratio of ``fuzzy`` % (2 * length / (width + length)), or one
    typo (a letter more); never over ``LONGEST_WORD``, whatever a tiny ``fuzzy`` allows."""
    by_ratio = length * (200 - fuzzy) // fuzzy if fuzzy else LONGEST_WORD
    return min(max(by_ratio, length + 1), LONGEST_WORD)


def _gaps_valid(bare: str) -> bool:
    positions = [m.span() for m in WORD_RE.finditer(bare)]
    return all(valid_gap(bare[a[1]:b[0]]) for a, b in zip(positions, positions[1:]))
