"""Mine draft glossary entries from a corpus: names written several ways across many articles.

``suggest`` reads a corpus, finds name-like spans, groups the spellings of one name and ranks
the groups by how much inconsistency they carry; ``draft_yaml`` turns them into a version-1
glossary for a person to review.

1. **Spans.** Name-like spans are

   - acronyms: all-capital words of 2-6 letters ("ZSO", a plural "KFORs" counts as "KFOR")
     that are no ordinary word of the language ("NATO", "US" are);
   - capitalised n-grams of 1-4 words inside a *run*: capitalised words separated by spaces and
     at most the lower-case joiners "of", "for", "and", "the" ("Community of Serb
     Municipalities"). Joiners count as words, never start or end a span; acronyms, digits and
     punctuation end a run. Every n-gram of a run is a candidate ("Prime Minister Albin Kurti"
     gives "Albin Kurti", "Minister Albin Kurti", ...); step 3 keeps the one that says most.

   A single word must be at least 4 letters and no ordinary word of the language
   (``lexicon.is_common``: "However", "The", "Belgrade" are not name-like alone). A longer span
   whose first word is an ordinary word at a sentence start ("Yesterday Albin Kurti") counts only
   if the same span also occurs elsewhere than at a sentence start. A possessive "'s" is dropped.

2. **Clusters.** Distinct spans are visited most frequent first (then in more documents, then
   alphabetically); each joins the cluster of the best-ranked earlier cluster *leader* (its
   first, commonest form) it matches, else starts a cluster of its own. So every form is a
   near-duplicate of the leader, and no chain of near-duplicates ("NSA"-"NSC"-"NBC") merges
   different names. Two spans match when they are

   - single words: ``same_name`` of ``mtcheck.similarity.names`` (spelling, or sound and spelling);
     a plural ("Balkan"/"Balkans") is grammar, not another spelling, in any span;
   - multi-word spans: the same words once case, diacritics, hyphens and joiners are ignored, or
     as many words, each differing pair a name-like pair (not both ordinary words, unless one is a
     name derivation of the other, "Serb"/"Serbian") that is ``same_name`` or at least 80%
     similar by rapidfuzz's ratio after folding diacritics ("Aljbina"/"Albin"): the word-by-word
     test keeps "Aleksandar Vulin" apart from "Aleksandar Vučić", which whole strings would join;
   - acronyms: of the same length (3-6 letters), one edit apart (OSA distance 1: "ZSO"/"WSO").

   Only spans sharing a blocking key are compared: sound keys, SymSpell deletion keys,
   word sequences with one word masked, acronyms with one letter masked or two swapped (blocks of
   more than ``MAX_BLOCK`` spans are not grown further). The work grows with the corpus, not its
   square: 1,000 articles take seconds.

3. **Redundant n-grams.** One variation shows in many n-grams ("Aljbin", "Aljbin Kurti",
   "Minister Aljbin Kurti"). A cluster's *events* are the places (document, words) where its
   forms differ; cluster X is explained by Y when every event of X's forms other than its leader
   is an event of Y. X is dropped when some Y explains it and either X does not explain Y, or both
   explain each other and Y is preferred: a span that starts with a name rather than an ordinary
   word ("Albin Kurti" over "Prime Minister Albin Kurti"), then the longer span ("Albin Kurti"
   over "Albin"), then the more frequent, then the alphabetically first leader.

4. **Covered clusters** are dropped: a cluster is covered when the glossaries' ``TermIndex``
   finds a match of any role and kind in one of its forms, over the words where the forms differ
   (a glossary term "Kurti" does not cover "Albin"/"Aljbin Kurti": the variation is elsewhere).

5. **The canonical** of each cluster is the form the evidence speaks for, not the leader:
   diacritics, then the lexicon, then (for acronyms) the source; frequency only breaks ties. A
   cluster whose evidence is weak or conflicting is marked to decide (``mtcheck.glossary.evidence``).

6. **Ranking** by ``Cluster.inconsistency`` (see there), then by occurrences, then canonical.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from mtcheck.documents import document_paths, is_bilingual, read_document
from mtcheck.folding import WORD_RE, strip_diacritics
from mtcheck.glossary.evidence import choose_canonical
from mtcheck.glossary.index import TermIndex
from mtcheck.inflection import stems_for
from mtcheck.lexicon import Lexicon, lexicon_for
from mtcheck.markup import prose_view
from mtcheck.model import Glossary
from mtcheck.similarity.names import MIN_NAME_LENGTH, same_name
from mtcheck.similarity.phonetic import sound_key
from mtcheck.text import LONGEST_WORD, fold, is_acronym

MAX_WORDS = 4  # words in a span, joiners included
JOINERS = ("of", "for", "and", "the")
WORD_RATIO = 80  # rapidfuzz ratio at which two words of a multi-word span are one name's spellings
MIN_ACRONYM_EDIT = 3  # two-letter acronyms one edit apart ("EU"/"EC") are usually different things
MAX_BLOCK = 500  # a blocking key shared by more spans than this stops growing
CONTEXT_CHARS = 60  # about this many characters of context per example

_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
# A word that does not start with an ASCII lower-case letter (checked with isupper() after),
# not glued to a word before it; inner apostrophes and hyphens belong to it ("Serb-majority").
_TOKEN_RE = re.compile(rf"(?<![\w'’\-{_MARKS}])[^\W\d_a-z](?:[^\W_]|[{_MARKS}]|['’\-](?=[^\W_]))*")
_GAP_RE = re.compile(r"[ \t\u00a0]+(?:(?:" + "|".join(JOINERS) + r")[ \t\u00a0]+)*")
_MAX_GAP = 24
_DIGIT_RE = re.compile(r"\d")
_SPACES_RE = re.compile(r"[ \t\u00a0]{2,}|[\t\u00a0]")
_OPENERS = frozenset(" \t\u00a0\"“”„‘’'([{«»‹›*_-–—•·")
_SENTENCE_ENDS = frozenset("\n\r.!?:;…")
_IDENTIFIER = re.compile(r"^[a-z0-9._-]+$")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")


@dataclass(frozen=True)
class Cluster:
    """The renderings of one name found across a corpus.

    ``inconsistency`` is the number of bits it takes to write down which form each occurrence
    uses: N × H, with N the occurrences of all forms and H = −Σ pᵢ log₂ pᵢ the Shannon entropy
    of the forms' shares pᵢ = countᵢ / N (computed as Σ countᵢ × log₂(N / countᵢ), rounded to
    3 decimals). A consistent name scores 0; the score grows with how often the name occurs and
    with how evenly its occurrences spread over forms: 8/3/1 occurrences score 14.265, 5/2/1
    score 10.39, 4/2/1 score 9.651, 9/1 score 4.69.
    """

    forms: dict[str, int]  # each rendering as written -> count over the corpus, commonest first
    documents: int  # documents where the cluster occurs
    examples: dict[str, str]  # rendering -> one short context snippet (about 60 characters around it)
    canonical: str  # the form the evidence speaks for (mtcheck.glossary.evidence)
    inconsistency: float  # the ranking score: N × entropy of the forms, see above
    evidence: tuple[str, ...] = ()  # what speaks for the canonical: ("diacritics", "frequency 1/3")
    to_decide: str = ""  # why a person must choose the canonical; empty when the evidence settles it
    standing: dict[str, str] = field(default_factory=dict)  # form -> "established-word", "rare-word", "non-word"

    @property
    def occurrences(self) -> int:
        return sum(self.forms.values())


def inconsistency(counts) -> float:
    """N × H(forms) in bits: see ``Cluster``."""
    counts = [c for c in counts if c > 0]
    total = sum(counts)
    return round(sum(c * math.log2(total / c) for c in counts), 3) if total else 0.0


def suggest(paths: list[str], glossaries: list[Glossary] | None = None, language: str = "en",
            min_forms: int = 2) -> list[Cluster]:
    """Clusters of spellings of one name in the documents at ``paths`` (files or folders), the most
    inconsistent first; those the glossaries cover and those with fewer than ``min_forms`` forms
    are left out. Deterministic: the same input gives the same list.

    Folders are expanded as ``mtcheck check`` does; of a bilingual file (XLIFF, PO, TMX) only the
    targets are read. With ``min_forms=1`` the consistent names come too (inconsistency 0), every
    n-gram of them: only clusters of two or more forms are reduced to one n-gram.
    """
    lexicon = lexicon_for(language)
    collector = _Collector(lexicon)
    source_words: set[str] = set()
    for number, path in enumerate(document_paths(list(paths))):
        ordinal = 0
        for text in _texts(path, language, source_words):
            ordinal = collector.scan(text, number, ordinal)
    groups = _cluster(collector.ranked(), lexicon, _grammar_of(language))
    kept = _drop_redundant([g for g in groups if len(g) >= 2], lexicon)
    if min_forms <= 1:
        kept += [g for g in groups if len(g) == 1]
    kept = [g for g in kept if len(g) >= min_forms]
    if glossaries and any(g.terms for g in glossaries):
        index = TermIndex(glossaries, lexicon)
        kept = [g for g in kept if not _covered(g, index)]
    clusters = [_make_cluster(g, lexicon, frozenset(source_words)) for g in kept]
    clusters.sort(key=lambda c: (-c.inconsistency, -c.occurrences, c.canonical))
    return clusters


# reading ----------------------------------------------------------------------------------


def _texts(path: str, language: str, source_words: set[str]) -> Iterator[str]:
    """The prose of the document at ``path``; of a bilingual file the targets, adding the words of its
    sources to ``source_words`` (a spelling the source writes is evidence for it)."""
    if is_bilingual(path):
        from mtcheck.bilingual.document import read_bilingual

        document = read_bilingual(path, target_language=language)
        for pair in document.pairs:
            words = WORD_RE.findall(pair.source or "")
            source_words.update(words)  # split as evidence splits the forms
            source_words.update(_initials(words))
        yield document.text
        return
    for _, text in prose_view(read_document(path)).segments():  # code in Markdown and HTML is no prose
        yield text


MAX_INITIALS = 5  # words of a source phrase an acronym abbreviates, at most


def _initials(words: list[str]) -> set[str]:
    """The acronyms the source's phrases make: the initials of 2 to MAX_INITIALS words from a
    capitalised one ("Zajednica srpskih opština" -> "ZSO"), so that a source that names the body
    without its acronym still says which of "ZSO", "WSO" and "USO" is meant."""
    found = set()
    for start, word in enumerate(words):
        if word[:1].isupper():
            for end in range(start + 2, min(start + MAX_INITIALS, len(words)) + 1):
                found.add("".join(w[0] for w in words[start:end]).upper())
    return found


class _Span:
    """One distinct span text and where it occurs."""

    __slots__ = ("text", "kind", "words", "count", "confirmed", "occurrences", "example", "documents")

    def __init__(self, text: str, kind: str, words: tuple[str, ...], example: str):
        self.text = text
        self.kind = kind  # A: acronym, W: one word, M: several words
        self.words = words  # its capitalised words (no joiners)
        self.count = 0
        self.confirmed = 0  # occurrences that are not a doubtful sentence start
        self.occurrences = array("q")  # document, ordinal of the first word; interleaved
        self.example = example
        self.documents = 0

    def places(self) -> Iterator[tuple[int, int]]:
        occurrences = self.occurrences
        return zip(occurrences[0::2], occurrences[1::2])

    def __repr__(self) -> str:
        return f"_Span({self.text!r}, {self.count})"


class _Collector:
    """Finds the name-like spans of texts and counts them."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.spans: dict[str, _Span] = {}
        self._common: dict[str, bool] = {}

    def is_common(self, word: str) -> bool:
        known = self._common.get(word)
        if known is None:
            known = self._common[word] = self.lexicon.is_common(word)
        return known

    def scan(self, text: str, document: int, ordinal: int) -> int:
        """Count the spans of ``text``; words are numbered on from ``ordinal`` (returned updated)."""
        if not text.isascii():
            text = unicodedata.normalize("NFC", text)
        run: list[tuple[int, str, int, int, int]] = []  # ordinal, word, start, end, joiners before
        for found in _TOKEN_RE.finditer(text):
            word = found.group()
            if not word[0].isupper():
                continue  # a lower-case word: the gap check ends any run across it
            start, end = found.span()
            if word.endswith(("'s", "’s")):
                word, end = word[:-2], end - 2
            ordinal += 1
            acronym = word if is_acronym(word) else word[:-1] if word[-1] == "s" and is_acronym(word[:-1]) else None
            if acronym or len(word) > LONGEST_WORD or _DIGIT_RE.search(word):  # no name: it ends the run
                self._flush(text, document, run)
                run = []
                if acronym and not self.is_common(acronym):
                    self._record(acronym, "A", document, ordinal, True, text, start, start + len(acronym))
                continue
            if run:
                gap = text[run[-1][3]:start]
                if len(gap) <= _MAX_GAP and _GAP_RE.fullmatch(gap):
                    run.append((ordinal, word, start, end, len(gap.split())))
                    continue
                self._flush(text, document, run)
            run = [(ordinal, word, start, end, 0)]
        self._flush(text, document, run)
        return ordinal

    def _flush(self, text: str, document: int, run: list) -> None:
        for i, (ordinal, first, start, end, _) in enumerate(run):
            words, doubtful = 1, None
            if len(first) >= MIN_NAME_LENGTH and not self.is_common(first):
                self._record(first, "W", document, ordinal, True, text, start, end)
            for j in range(i + 1, len(run)):
                words += 1 + run[j][4]
                if words > MAX_WORDS:
                    break
                if doubtful is None:
                    doubtful = self.is_common(first) and _sentence_start(text, start)
                span_end = run[j][3]
                span = text[start:span_end]
                if _SPACES_RE.search(span):
                    span = " ".join(span.split())
                self._record(span, "M", document, ordinal, not doubtful, text, start, span_end,
                             tuple(r[1] for r in run[i:j + 1]))

    def _record(self, span: str, kind: str, document: int, ordinal: int, confirmed: bool,
                text: str, start: int, end: int, words: tuple[str, ...] | None = None) -> None:
        found = self.spans.get(span)
        if found is None:
            found = self.spans[span] = _Span(span, kind, words or (span,), _context(text, start, end))
        found.count += 1
        found.confirmed += confirmed
        found.occurrences.append(document)
        found.occurrences.append(ordinal)

    def ranked(self) -> list[_Span]:
        """The spans attested outside doubtful sentence starts, most frequent first."""
        spans = [s for s in self.spans.values() if s.confirmed]
        for span in spans:
            span.documents = len(set(span.occurrences[0::2]))
        spans.sort(key=lambda s: (-s.count, -s.documents, s.text))
        return spans


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_ENDS


def _context(text: str, start: int, end: int) -> str:
    """About CONTEXT_CHARS characters around text[start:end], cut at words, on one line."""
    pad = max(12, (CONTEXT_CHARS - (end - start)) // 2)
    left_at, right_at = max(0, start - pad), min(len(text), end + pad)
    left, right = text[left_at:start], text[end:right_at]
    open_left, open_right = left_at > 0, right_at < len(text)
    if "\n" in left or "\r" in left:
        left, open_left = re.split(r"[\r\n]", left)[-1], False
    elif open_left and (cut := re.search(r"\s", left)):
        left = left[cut.end():]
    if "\n" in right or "\r" in right:
        right, open_right = re.split(r"[\r\n]", right)[0], False
    elif open_right and (cut := list(re.finditer(r"\s", right))):
        right = right[:cut[-1].start()]
    snippet = " ".join((left + text[start:end] + right).split())
    snippet = "".join(c for c in snippet if c.isprintable())
    return ("…" if open_left else "") + snippet + ("…" if open_right else "")


# clustering -------------------------------------------------------------------------------


def _bare(word: str) -> str:
    return strip_diacritics(word.lower())


def _compact(span: _Span) -> str:
    return "".join(c for w in span.words for c in _bare(w) if c.isalnum())


def _keys(span: _Span) -> list[tuple]:
    """Blocking keys: two spans are compared only if they share one."""
    if span.kind == "A":
        text = span.text
        if len(text) < MIN_ACRONYM_EDIT:
            return []
        keys = [("a", text[:i] + "*" + text[i + 1:]) for i in range(len(text))]
        keys += [("t", i, text[:i] + "".join(sorted(text[i:i + 2])) + text[i + 2:]) for i in range(len(text) - 1)]
        return keys
    keys: list[tuple] = [("c", _compact(span))]
    if span.kind == "W":
        bare = _bare(span.text)
        keys.append(("~", sound_key(span.text)))
        keys += [("d", d) for d in {bare} | {bare[:i] + bare[i + 1:] for i in range(len(bare))}]
        return keys
    bare_words = tuple(_bare(w) for w in span.words)
    n = len(bare_words)
    keys.append(("s", tuple(sound_key(w) for w in span.words)))
    keys += [("m", n, i, bare_words[:i] + bare_words[i + 1:]) for i in range(n)]
    return keys


def _cluster(ranked: list[_Span], lexicon: Lexicon, grammar=None) -> list[list[_Span]]:
    """Leader clustering, most frequent spans first: see the module docstring."""
    blocks: dict[tuple, list[int]] = {}
    leader_of: list[int] = []
    members: dict[int, list[int]] = {}
    for r, span in enumerate(ranked):
        candidates: set[int] = set()
        for key in _keys(span):
            block = blocks.get(key)
            if block is None:
                blocks[key] = [r]
            elif len(block) < MAX_BLOCK:
                candidates.update(block)
                block.append(r)
        chosen = None
        if candidates:
            ordered = sorted(candidates)
            chosen = next((c for c in ordered if leader_of[c] == c and _same(ranked[c], span, lexicon, grammar)), None)
        if chosen is None:
            leader_of.append(r)
            members[r] = [r]
        else:
            leader_of.append(chosen)
            members[chosen].append(r)
    return [[ranked[i] for i in members[leader]] for leader in sorted(members)]


def _same(a: _Span, b: _Span, lexicon: Lexicon, grammar=None) -> bool:
    """Whether two spans are spellings of one name. ``grammar`` (bare word, bare word): whether two
    words are one word inflected (``_grammar_of``), never two spellings."""
    if a.kind == "A" or b.kind == "A":
        return (a.kind == b.kind and len(a.text) == len(b.text) >= MIN_ACRONYM_EDIT
                and OSA.distance(a.text, b.text, score_cutoff=1) == 1)
    if _compact(a) == _compact(b):
        return True
    if a.kind != b.kind:
        return False
    if a.kind == "W":
        return not _inflection(a.text, b.text, grammar) and same_name(a.text, b.text)
    if len(a.words) != len(b.words):
        return False
    for x, y in zip(a.words, b.words):
        bx, by = _bare(x), _bare(y)
        if bx == by:
            continue
        if _inflection(x, y, grammar):
            return False  # "Western Balkan region"/"the Western Balkans": grammar, not spelling
        derived = _derivation(bx, by, lexicon)
        if not derived and lexicon.is_common(x) and lexicon.is_common(y):
            return False  # "Ministry"/"Minister": two words, not two spellings
        if not (derived or same_name(x, y) or fuzz.ratio(bx, by) >= WORD_RATIO):
            return False
    return True


def _grammar_of(language: str):
    """For a language that inflects (a stemmer in mtcheck.languages): whether two words are one word
    with two endings ("Eisberg"/"Eisberge", "Bestäuber"/"Bestäubern"); None for others."""
    stems = stems_for(language)
    return None if stems is None else (lambda a, b: stems.inflected_as_written(a, b) or stems.inflected_as_written(b, a))


def _inflection(a: str, b: str, grammar) -> bool:
    """Whether words ``a`` and ``b`` (as written) are one word inflected: an English plural, or
    ``grammar``'s judgement on their letters (diacritics kept: "Nektarrohr" is no "Nektarröhre")."""
    return _plural(_bare(a), _bare(b)) or (grammar is not None and grammar(a.lower(), b.lower()))


def _plural(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return long in (short + "s", short + "es")


def _derivation(a: str, b: str, lexicon: Lexicon) -> bool:
    """'serbian' from 'serb': a name suffix on a word that is no everyday word."""
    short, long = sorted((a, b), key=len)
    suffix = long[len(short):]
    return (long.startswith(short) and len(short) >= 3 and suffix in lexicon.name_suffixes
            and not lexicon.is_everyday(short))


# redundancy and coverage -------------------------------------------------------------------


def _varying(group: list[_Span]) -> tuple[int, int] | None:
    """The word range (first, last) where the forms of a multi-word cluster differ; None: everywhere."""
    if any(s.kind != "M" for s in group) or len({len(s.words) for s in group}) != 1:
        return None
    differing = [k for k in range(len(group[0].words)) if len({s.words[k] for s in group}) > 1]
    return (min(differing), max(differing)) if differing else None


def _events(group: list[_Span]) -> tuple[set, set]:
    """(all events, events of the forms other than the leader): (document, first word, last word) of the
    words where the forms differ, at each occurrence."""
    varying = _varying(group)
    every, variant = set(), set()
    for i, span in enumerate(group):
        first, last = varying or (0, len(span.words) - 1)
        events = {(document, ordinal + first, ordinal + last) for document, ordinal in span.places()}
        every |= events
        if i:
            variant |= events
    return every, variant


def _preference(group: list[_Span], lexicon: Lexicon) -> tuple:
    leader = group[0]
    starts_with_name = leader.kind == "A" or not lexicon.is_common(leader.words[0])
    return starts_with_name, len(leader.text.split()), sum(s.count for s in group)


def _drop_redundant(groups: list[list[_Span]], lexicon: Lexicon) -> list[list[_Span]]:
    """Keep one cluster of the n-grams that show the same variation: see the module docstring."""
    events = [_events(g) for g in groups]
    holders: dict[tuple, list[int]] = defaultdict(list)
    for x, (every, _) in enumerate(events):
        for event in every:
            holders[event].append(x)
    preference = [_preference(g, lexicon) for g in groups]
    kept = []
    for x, group in enumerate(groups):
        every_x, variant_x = events[x]
        explaining: set[int] | None = None
        for event in variant_x:
            found = set(holders[event])
            explaining = found if explaining is None else explaining & found
            explaining.discard(x)
            if not explaining:
                break
        redundant = False
        for y in sorted(explaining or ()):
            mutual = events[y][1] <= every_x
            if not mutual or preference[y] > preference[x] or (
                    preference[y] == preference[x] and groups[y][0].text < group[0].text):
                redundant = True
                break
        if not redundant:
            kept.append(group)
    return kept


def _word_offsets(span: _Span) -> list[tuple[int, int]]:
    offsets, at = [], 0
    for word in span.words:
        start = span.text.find(word, at)
        offsets.append((start, start + len(word)))
        at = start + len(word)
    return offsets


def _covered(group: list[_Span], index: TermIndex) -> bool:
    """Whether a glossary term matches one of the forms where the forms differ."""
    varying = _varying(group)
    for span in group:
        matches = index.find(span.text)
        if not matches:
            continue
        if varying is None:
            low, high = 0, len(span.text)
        else:
            offsets = _word_offsets(span)
            low, high = offsets[varying[0]][0], offsets[varying[1]][1]
        if any(m.start < high and m.end > low for m in matches):
            return True
    return False


def _make_cluster(group: list[_Span], lexicon: Lexicon, source_words: frozenset[str]) -> Cluster:
    documents = set()
    for span in group:
        documents.update(span.occurrences[0::2])
    forms = {s.text: s.count for s in group}
    choice = choose_canonical(forms, lexicon, all(s.kind == "A" for s in group), source_words)
    return Cluster(
        forms=forms,
        documents=len(documents),
        examples={s.text: s.example for s in group},
        canonical=choice.canonical,
        inconsistency=inconsistency(s.count for s in group),
        evidence=choice.evidence,
        to_decide=choice.to_decide,
        standing=choice.standing,
    )


# the draft glossary ------------------------------------------------------------------------


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:60].strip("-")


def _comment(text: str) -> str:
    """One comment line's worth of text: no line breaks or unprintable characters."""
    return "".join(c for c in " ".join(text.split()) if c.isprintable())


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def draft_json(clusters: list[Cluster], language: str = "en") -> str:
    """The clusters as JSON for tools (a review queue, a dashboard): the same choices, evidence and
    counts as the draft glossary's comments, most inconsistent first. Deterministic."""
    import json

    rows = [{"canonical": c.canonical, "to_decide": c.to_decide or None, "evidence": list(c.evidence),
             "inconsistency": c.inconsistency, "occurrences": c.occurrences, "documents": c.documents,
             "forms": [{"form": form, "count": count, "standing": c.standing.get(form), "example": c.examples.get(form)}
                       for form, count in c.forms.items()]}
            for c in clusters]
    return json.dumps({"version": 1, "language": language, "clusters": rows}, ensure_ascii=False, indent=1) + "\n"


def draft_yaml(clusters: list[Cluster], name: str = "draft", language: str = "en") -> str:
    """A version-1 glossary with one term per cluster, for a person to review.

    The canonical is the form the evidence speaks for (``Cluster.canonical``). A form that differs
    from it only in diacritics ("Miroslav Lajcak" for "Miroslav Lajčák") is listed under
    ``variants``: the two spellings are the same name, and some house styles drop diacritics, so both
    stay accepted (``term-inconsistent`` still reports a document that mixes them; move one to
    ``forbidden`` to decide). A form that differs only in case is left out: forms match
    case-insensitively, so the canonical covers it. Every other form is ``forbidden``. A form
    that an earlier term already holds is left out (forms are unique in a glossary). Above each
    term, comments give the counts, documents, score, the evidence for the canonical, "TO DECIDE" and
    why where the evidence is weak or conflicting, and one example context and the lexicon standing
    of every form. The head of the file names the terms to decide, for a reviewer to start with.
    """
    if not _IDENTIFIER.match(name):
        raise ValueError(f"glossary name {name!r}: use lower-case letters, digits, '.', '_' and '-'")
    if not _LANGUAGE.match(language):
        raise ValueError(f"language {language!r} is not a BCP 47 tag")
    used_ids: set[str] = set()
    claimed: dict[str, str] = {}  # folded form -> term id
    terms: list[str] = []
    to_decide: list[str] = []  # term ids
    for cluster in clusters:
        left_out = fold(cluster.canonical) in claimed
        terms.append("")
        terms.extend(_term_lines(cluster, used_ids, claimed))
        if cluster.to_decide and not left_out:
            to_decide.append(claimed[fold(cluster.canonical)])
    lines = [
        f"# Draft glossary mined by mtcheck from {len(clusters)} cluster{'s' if len(clusters) != 1 else ''} of"
        " inconsistently written names.",
        "# Review every term: the canonical is the form the evidence speaks for (diacritics, the lexicon,",
        "# the source; frequency only breaks ties). Forms differing from it only in diacritics are variants",
        "# (accepted), other forms forbidden. Counts, evidence and contexts below.",
        f"# To decide first ({len(to_decide)}): {_comment(', '.join(to_decide))}" if to_decide
        else "# To decide first: none, the evidence settles every term.",
        "",
        "version: 1",
        f"name: {_quoted(name)}",
        f"language: {_quoted(language)}",
    ]
    if not clusters:
        return "\n".join(lines + ["terms: []", ""])
    return "\n".join(lines + ["terms:"] + terms) + "\n"


def _term_lines(cluster: Cluster, used_ids: set[str], claimed: dict[str, str]) -> list[str]:
    forms = cluster.forms
    header = (f"  # {_comment(cluster.canonical)}: {cluster.occurrences} occurrences in {cluster.documents}"
              f" document{'s' if cluster.documents != 1 else ''}, {len(forms)} forms, inconsistency"
              f" {cluster.inconsistency:g}")
    canonical = cluster.canonical
    if fold(canonical) in claimed:
        return [header, f"  # left out: {_comment(canonical)!r} is already a form of term {claimed[fold(canonical)]!r}"]
    base = _slug(canonical) or "term"
    term_id, number = base, 2
    while term_id in used_ids:
        term_id, number = f"{base}-{number}", number + 1
    used_ids.add(term_id)
    roles: dict[str, str] = {canonical: "canonical"}
    variants, forbidden = [], []
    seen = {fold(canonical)}
    claimed[fold(canonical)] = term_id
    for form in forms:
        if form == canonical:
            continue
        key = fold(form)
        if key in seen:
            roles[form] = "left out: differs only in case"
        elif key in claimed:
            roles[form] = f"left out: a form of term {claimed[key]!r}"
        elif strip_diacritics(key) == strip_diacritics(fold(canonical)):
            roles[form] = "variant"
            variants.append(form)
        else:
            roles[form] = "forbidden"
            forbidden.append(form)
        if key not in claimed:
            seen.add(key)
            claimed[key] = term_id
    lines = [header, f"  #   evidence: [{_comment(', '.join(cluster.evidence))}]"]
    if cluster.to_decide:
        lines.append(f"  #   TO DECIDE: {_comment(cluster.to_decide)}")
    for form, count in forms.items():
        example = cluster.examples.get(form, "")
        standing = f" [{cluster.standing[form]}]" if form in cluster.standing else ""
        lines.append(f"  #   {count} × {_comment(form)} ({roles[form]}): \"{_comment(example)}\"{standing}")
    lines += [f"  - id: {_quoted(term_id)}", f"    canonical: {_quoted(canonical)}"]
    if variants:
        lines.append(f"    variants: [{', '.join(map(_quoted, variants))}]")
    if forbidden:
        lines.append(f"    forbidden: [{', '.join(map(_quoted, forbidden))}]")
    return lines
