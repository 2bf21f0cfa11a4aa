"""The compiled term index: finds every rendering of every term in a text.

Three passes over the tokens of a document, none of which loops over the terms:

1. phrases: a hash walk over token n-grams (keys are diacritic-free, case-folded
   tokens joined by gap keys; a prefix set stops the walk early). Leftmost-longest.
   A hit whose text equals a form (after NFC and case-folding) is an exact match,
   one that differs only in diacritics is a "diacritics" match.
2. fuzzy: each uncovered token looks up the form tokens equal to it or one edit
   away from it (a SymSpell-style deletion index); only the forms holding such a
   token are compared with the text window around it, by rapidfuzz's ratio.
3. acronyms: unknown all-capital tokens one edit away from a glossary acronym.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from mtcheck.lexicon import Lexicon
from mtcheck.model import Glossary, Term
from mtcheck.text import Token, fold, gaps, is_acronym, nfc, strip_diacritics, tokenize

ACCEPTED = frozenset({"canonical", "variant", "short"})
_ROLE_ORDER = ("canonical", "variant", "short", "source", "forbidden")
MIN_FUZZY_CHARS = 5  # shorter forms are too close to ordinary words to compare by ratio
MIN_EDIT_TOKEN = 4  # tokens shorter than this are not looked up one edit away


@dataclass(frozen=True, slots=True)
class Form:
    term: Term
    text: str
    role: str  # canonical | variant | short | forbidden | source
    key: tuple[str, ...]  # folded tokens and gap keys, alternating
    exact_tokens: tuple[str, ...]  # NFC tokens, for case-sensitive comparison
    case_sensitive: bool
    suffix: str = ""  # set on a generated plural: what was added to the form's last word

    @property
    def inflected(self) -> bool:
        return bool(self.suffix)

    def rendered(self, base: str) -> str:
        """``base`` carrying the same plural ending as this form ("Albin Kurti" + "s")."""
        return base + self.suffix


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    form: Form
    kind: str  # exact | diacritics | fuzzy | acronym
    score: float = 100.0

    @property
    def term(self) -> Term:
        return self.form.term


def _phrase(text: str) -> tuple[list[Token], list[str | None]] | None:
    tokens = tokenize(text)
    if not tokens:
        return None
    return tokens, gaps(text, tokens)


def _key(tokens: list[Token], gap_keys: list, start: int, end: int, attr: str) -> tuple | None:
    key: list[str] = []
    for i in range(start, end):
        key.append(getattr(tokens[i], attr))
        if i < end - 1:
            if gap_keys[i] is None:
                return None
            key.append(gap_keys[i])
    return tuple(key)


def _plurals(word: str) -> list[str]:
    if word[-1:].isdigit():
        return []
    forms = [word + "s"]
    if word.endswith(("s", "x", "z", "ch", "sh")):
        forms.append(word + "es")
    return forms


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class TermIndex:
    """Built once from glossaries; ``find`` is then safe to call on any number of texts."""

    def __init__(self, glossaries: list[Glossary], lexicon: Lexicon):
        self.lexicon = lexicon
        self.terms: list[Term] = [t for g in glossaries for t in g.terms]
        self._phrases: dict[tuple, list[Form]] = defaultdict(list)
        self._prefixes: set[tuple] = set()
        self._known_folded: set[str] = set()
        self._fuzzy_forms: list[tuple[Form, str, int]] = []  # form, compared string, token count
        self._anchors: dict[str, list[tuple[int, int]]] = defaultdict(list)  # bare token -> (fuzzy form, position)
        self._near_tokens: dict[str, set[str]] = defaultdict(set)  # deletion -> anchor tokens
        self._acronyms: dict[str, list[Form]] = defaultdict(list)
        self._acronym_deletes: dict[str, set[str]] = defaultdict(set)
        for term in self.terms:
            for role, forms in term.forms_by_role().items():
                for text in forms:
                    self._add_form(term, role, text)
        # A real form always wins over another form's generated plural with the same key.
        self._phrases = {key: forms if len(forms) == 1 else sorted(forms, key=lambda f: f.inflected)
                         for key, forms in self._phrases.items()}

    # building -------------------------------------------------------------

    def _add_form(self, term: Term, role: str, text: str) -> None:
        parsed = _phrase(text)
        if parsed is None:
            return
        tokens, gap_keys = parsed
        key = _key(tokens, gap_keys, 0, len(tokens), "key")
        if key is None:  # a form with sentence punctuation inside cannot match token-wise
            return
        acronym = len(tokens) == 1 and is_acronym(tokens[0].text)
        form = Form(term, text, role, key, tuple(nfc(t.text) for t in tokens), term.case_sensitive or acronym)
        self._known_folded.add(fold(text))
        self._register(form, tokens, gap_keys)
        for plural in _plurals(tokens[-1].text):
            inflected_tokens = tokens[:-1] + [Token(0, 0, plural, fold(plural), strip_diacritics(fold(plural)))]
            inflected = Form(term, text, role, key[:-1] + (fold(plural),), form.exact_tokens[:-1] + (plural,),
                             form.case_sensitive, suffix=plural[len(tokens[-1].text):])
            self._register(inflected, inflected_tokens, gap_keys)
        if acronym:
            self._acronyms[text].append(form)
            for deletion in _deletes(text) | {text}:
                self._acronym_deletes[deletion].add(text)
        elif term.fuzzy is not None and len(text) >= MIN_FUZZY_CHARS:
            self._add_fuzzy(form, tokens, gap_keys)

    def _register(self, form: Form, tokens: list[Token], gap_keys: list) -> None:
        bare = _key(tokens, gap_keys, 0, len(tokens), "bare")
        self._phrases[bare].append(form)
        for end in range(1, len(bare) + 1, 2):
            self._prefixes.add(bare[:end])

    def _add_fuzzy(self, form: Form, tokens: list[Token], gap_keys: list) -> None:
        number = len(self._fuzzy_forms)
        compared = "".join(_key(tokens, gap_keys, 0, len(tokens), "bare"))
        self._fuzzy_forms.append((form, compared, len(tokens)))
        for position, token in enumerate(tokens):
            if self.lexicon.is_function_word(token.bare) or len(token.bare) < 3:
                continue
            known = token.bare in self._anchors
            self._anchors[token.bare].append((number, position))
            if len(token.bare) >= MIN_EDIT_TOKEN and not known:
                self._near_tokens[token.bare].add(token.bare)
                for deletion in _deletes(token.bare):
                    self._near_tokens[deletion].add(token.bare)

    # searching ------------------------------------------------------------

    def find(self, text: str) -> list[Match]:
        tokens = tokenize(text)
        gap_keys = gaps(text, tokens)
        matches, covered = self._find_phrases(tokens, gap_keys)
        fuzzy = self._find_fuzzy(tokens, gap_keys, covered)
        if fuzzy:  # a fuzzy match may swallow an exact short form of its own term ("Aljbin [Kurti]")
            matches = [m for m in matches if not any(f.start <= m.start and m.end <= f.end for f in fuzzy)]
        matches += fuzzy + self._find_acronyms(tokens, covered)
        return sorted(matches, key=lambda m: (m.start, m.end, m.form.term.id))

    def _find_phrases(self, tokens: list[Token], gap_keys: list) -> tuple[list[Match], dict[int, Match]]:
        matches: list[Match] = []
        covered: dict[int, Match] = {}
        i, n = 0, len(tokens)
        while i < n:
            best = self._longest_at(tokens, gap_keys, i)
            if best is None:
                i += 1
                continue
            end, match = best
            matches.append(match)
            covered.update(dict.fromkeys(range(i, end), match))
            i = end
        return matches, covered

    def _longest_at(self, tokens, gap_keys, i):
        best = None
        key: tuple = (tokens[i].bare,)
        j = i
        while key in self._prefixes:
            candidates = self._phrases.get(key)
            if candidates:
                match = self._verify(tokens, gap_keys, i, j + 1, candidates)
                if match is not None:
                    best = (j + 1, match)
            if j + 1 >= len(tokens) or gap_keys[j] is None:
                break
            key = key + (gap_keys[j], tokens[j + 1].bare)
            j += 1
        return best

    def _verify(self, tokens, gap_keys, start, end, candidates: list[Form]) -> Match | None:
        folded = _key(tokens, gap_keys, start, end, "key")
        originals = tuple(nfc(t.text) for t in tokens[start:end])
        span = (tokens[start].start, tokens[end - 1].end)
        fallback = None
        for form in candidates:
            same_case = not form.case_sensitive or _same_case(originals, form.exact_tokens, form.key != folded)
            if not same_case:
                continue
            if form.key == folded:
                return Match(*span, form, "exact")
            if fallback is None or (form.role in ACCEPTED and fallback.role not in ACCEPTED):
                fallback = form
        return Match(*span, fallback, "diacritics") if fallback else None

    def _find_fuzzy(self, tokens: list[Token], gap_keys: list, covered: set[int]) -> list[Match]:
        candidates: dict[tuple[int, int, int], float] = {}
        for i, token in enumerate(tokens):
            if i in covered and covered[i].form.role not in ACCEPTED:
                continue
            for number, position in self._anchored_forms(token.bare):
                form, compared, size = self._fuzzy_forms[number]
                start = i - position
                for length in (size - 1, size, size + 1):
                    window = (number, start, start + length)
                    if length < 1 or window in candidates:
                        continue
                    candidates[window] = self._window_score(tokens, gap_keys, covered, window)
        return self._best_windows(tokens, candidates)

    def _anchored_forms(self, bare: str):
        if len(bare) < 3 or self.lexicon.is_function_word(bare):
            return []
        anchors = {bare} if bare in self._anchors else set()
        if len(bare) >= MIN_EDIT_TOKEN:
            # An ordinary word one edit from a form word is another word, not a misspelling,
            # unless one extends the other ("Serb"/"Serbs"): the same test the precision guard applies.
            common = self.lexicon.is_common(bare)
            for probe in _deletes(bare) | {bare}:
                for near in self._near_tokens.get(probe, ()):
                    if near in anchors or (common and not _derived(bare, (near,))):
                        continue
                    if Levenshtein.distance(near, bare, score_cutoff=1) <= 1:
                        anchors.add(near)
        return [pair for near in sorted(anchors) for pair in self._anchors[near]]

    def _window_score(self, tokens, gap_keys, covered, window) -> float:
        number, start, end = window
        if start < 0 or end > len(tokens):
            return 0.0
        form, compared, _ = self._fuzzy_forms[number]
        size = sum(len(t.bare) for t in tokens[start:end]) + sum(len(g or "") for g in gap_keys[start:end - 1])
        if 200 * min(size, len(compared)) < form.term.fuzzy * (size + len(compared)):
            return 0.0  # the lengths alone rule the threshold out: ratio <= 2 * min / sum
        if not _may_cover(covered, start, end, form.term, tokens):
            return 0.0
        key = _key(tokens, gap_keys, start, end, "bare")
        if key is None:
            return 0.0
        threshold = form.term.fuzzy
        score = fuzz.ratio("".join(key), compared, score_cutoff=threshold)
        if score and self._plausible_misspelling(tokens[start:end], compared):
            return score
        return 0.0

    def _plausible_misspelling(self, window: list[Token], compared: str) -> bool:
        """Precision guard: every differing word is a non-word or a derivation of a form word."""
        form_words = set(compared.replace("-", " ").replace("'", " ").split())
        differing = [t.bare for t in window if t.bare not in form_words]
        if not differing:
            return False
        if len(window) == 1:
            return not self.lexicon.is_common(differing[0])
        return all(not self.lexicon.is_common(word) or _derived(word, form_words) for word in differing)

    def _best_windows(self, tokens, candidates) -> list[Match]:
        ranked = sorted(
            ((score, window) for window, score in candidates.items() if score),
            key=lambda item: (-item[0], -(item[1][2] - item[1][1]), item[1][1], item[1][0]),
        )
        taken: set[int] = set()
        matches = []
        for score, (number, start, end) in ranked:
            if taken.intersection(range(start, end)):
                continue
            taken.update(range(start, end))
            form = self._fuzzy_forms[number][0]
            matches.append(Match(tokens[start].start, tokens[end - 1].end, form, "fuzzy", round(score, 1)))
        return matches

    def _find_acronyms(self, tokens: list[Token], covered: set[int]) -> list[Match]:
        matches = []
        for i, token in enumerate(tokens):
            word = token.text
            if i in covered or len(word) < 3 or not is_acronym(word):
                continue
            if fold(word) in self._known_folded or self.lexicon.is_common(word):
                continue
            near = {a for probe in _deletes(word) | {word} for a in self._acronym_deletes.get(probe, ())}
            forms = sorted(
                (f for a in near if len(a) >= 3 and Levenshtein.distance(a, word) <= 1 for f in self._acronyms[a]),
                key=lambda f: (_ROLE_ORDER.index(f.role), f.text),
            )
            if len({f.term.id for f in forms}) == 1:
                matches.append(Match(token.start, token.end, forms[0], "acronym"))
        return matches


def _may_cover(covered: dict[int, Match], start: int, end: int, term: Term, tokens: list[Token]) -> bool:
    """A window may only contain exact matches of its own term's accepted forms, wholly inside it,
    and must reach beyond them: a correct form alone is never a misspelling of another form."""
    uncovered = False
    for i in range(start, end):
        match = covered.get(i)
        if match is None:
            uncovered = True
            continue
        inside = tokens[start].start <= match.start and match.end <= tokens[end - 1].end
        if not (inside and match.term is term and match.kind == "exact" and match.form.role in ACCEPTED):
            return False
    return uncovered


def _same_case(originals: tuple[str, ...], wanted: tuple[str, ...], ignore_marks: bool) -> bool:
    if ignore_marks:
        originals = tuple(strip_diacritics(o) for o in originals)
        wanted = tuple(strip_diacritics(w) for w in wanted)
    return originals == wanted


def _derived(word: str, form_words) -> bool:
    """'serbian' from 'serb': one word extends the other (a derivation, not a different word)."""
    return len(word) >= 3 and any(len(f) >= 3 and (word.startswith(f) or f.startswith(word)) for f in form_words)
