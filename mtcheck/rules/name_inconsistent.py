"""name-inconsistent: one name spelled two ways in a document, no glossary needed.

Two capitalised words that are not ordinary words of the language are taken for one
name when they are close in spelling, or sound alike and are still fairly close in
spelling ("Lajčák"/"Lejsac", "Kurti"/"Corti", "Thaçi"/"Taci"). The rarer spelling is
flagged, suggesting the more frequent one. Words a glossary matched are only ever the
reference spelling: the glossary rules already report on them.

Two spellings that are one word inflected are not two names: they are compared after stemming with
the document language's Snowball stemmer (``Language.stemmer``, if it has one), an ending of
``Language.noun_endings`` dropped ("Eisberge", "Eisbergs" and "Eisberg"; "Kolibris" and "Kolibri";
English "Returnees" and "Returnee"). This matters most where every noun is capitalised (German): a
rare noun passes the lexicon's test of a name, and its inflections would pass for misspellings of it.
There a word that mostly follows an article or determiner ("die Landung", "der Ladung":
``Language.determiners``) is taken for a noun, not a name.

Two spellings are two names, not one misspelt, when the evidence says so:
- the language has settled on both (``Lexicon.is_established``: wordfreq lists both at Zipf 2.2 or
  more): Hunan and Henan, Shanxi and Shaanxi, two provinces. A spelling the list does not know, or
  knows as barely as a slip ("Kahramanmarash", "Yonggang"), may still be a misspelling;
- they stand in one sentence: a text that writes "Yungang and Yonggang" means two places;
- each stands, wherever it is written, beside another name, and the two keep different company: "Jens
  Stoltenberg" and "Erna Stolberg" are two people. Company that is itself one name spelt two ways
  ("Albin Kurti", "Aljbin Korti") is shared, and says nothing against a misspelling.
Spellings that differ in diacritics only ("Ríos", "Rios") are one name whatever the evidence.

Fails: "Kurti met ... Corti said".  Passes: "Kurti met ... Kurti said", "Hunan ... Henan",
"Returnees ... a Returnee", "Yungang and Yonggang".
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import chain, filterfalse

import Stemmer

from mtcheck.folding import strip_diacritics
from mtcheck.languages import language
from mtcheck.model import Hit, Severity, Span
from mtcheck.rules.base import CheckContext, Example, Rule, Scope
from mtcheck.similarity.names import MIN_NAME_LENGTH as MIN_LENGTH
from mtcheck.similarity.names import both_established, differ_in_diacritics_only, same_name
from mtcheck.similarity.neighbourhood import Neighbourhood
from mtcheck.similarity.phonetic import sound_keys
from mtcheck.text import LONGEST_WORD, is_acronym, sentence_span, words_among

MAX_BLOCK = 200  # a sound key shared by more names than this says nothing
SENTENCE_REACH = 400  # how far from a name its sentence is looked for (its start and end): bounds the work


def may_be_name(word: str, lexicon) -> bool:
    return (MIN_LENGTH <= len(word) <= LONGEST_WORD and word[0].isupper() and word.isalpha() and not is_acronym(word)
            and not lexicon.is_common(word))


def names_among(words: Iterable[str], lexicon) -> Iterator[str]:
    """The words that may be names, in their order (the lower-case ones skipped at C speed)."""
    return (word for word in filterfalse(str.islower, words) if may_be_name(word, lexicon))


def _candidates(names: list[str], in_glossary: set[str]) -> dict[str, set[str]]:
    """For each name that may be flagged, the names that may be the same one.

    Blocking keeps this near-linear: only names sharing a sound key, or one edit apart,
    are compared. Glossary words are blocked by sound only: their one-edit misspellings
    are the term index's near misses already.
    """
    by_sound: dict[str, list[str]] = defaultdict(list)
    by_spelling = Neighbourhood()
    for name, sound in zip(names, sound_keys(names)):
        by_sound[sound].append(name)
        if name not in in_glossary:
            by_spelling.add(name, keyed_as=strip_diacritics(name.lower()))
    candidates: dict[str, set[str]] = {name: set() for name in names if name not in in_glossary}
    for block in chain(by_sound.values(), by_spelling.blocks()):
        if 1 < len(block) <= MAX_BLOCK:
            for name in block:
                if name in candidates:
                    candidates[name].update(block)
    return candidates


def _pairs(ctx: CheckContext):
    """(rarer, reference) spellings, each rarer spelling once."""
    counts = ctx.counts_of(RULE)
    if len(counts) < 2:
        return
    in_glossary = ctx.glossary_words
    lexicon = ctx.lexicon
    stem = _stemming(ctx.language)
    names = sorted(counts, key=lambda w: (-counts[w], w not in in_glossary))  # stable: ties stay in order of appearance
    rank = {name: i for i, name in enumerate(names)}
    candidates = _candidates(names, in_glossary)
    flagged: set[str] = set()
    for i, rarer in enumerate(names):
        if rarer in in_glossary:
            continue
        earlier = sorted((c for c in candidates[rarer] if rank[c] < i and c not in flagged), key=rank.get)
        reference = next((common for common in earlier if same_name(common, rarer) and not inflected(common, rarer, stem)
                          and not both_established(common, rarer, lexicon)), None)
        if reference is not None:
            flagged.add(rarer)
            yield rarer, reference, counts[reference]


def inflected(a: str, b: str, stem) -> bool:
    """Whether ``a`` and ``b`` are one word in two inflections: one stem, an ending of the language's dropped.
    Stems are compared without diacritics, so spellings that differ in diacritics only ("Ríos", "Rios") are
    not inflections: they are one name spelt two ways."""
    if stem is None or differ_in_diacritics_only(a, b):
        return False
    stem_a, stem_b = stem(a), stem(b)
    return stem_a == stem_b or any(stem(longer[: -len(ending)]) == stem(shorter)
                                   for longer, shorter in ((a, b), (b, a)) for ending in stem.endings
                                   if longer.endswith(ending) and len(longer) - len(ending) >= MIN_LENGTH)


class _Stems:
    """A language's stems; without a stemmer, a word is its own stem and only its noun endings are dropped.
    That stem keeps its diacritics: "Bekkaz" is no inflection of "Bekkažs" but a misspelling of its base."""

    def __init__(self, algorithm: str | None, endings: tuple[str, ...]):
        self._stemmer = Stemmer.Stemmer(algorithm) if algorithm else None
        self.endings = endings

    def __call__(self, word: str) -> str:
        if self._stemmer is None:
            return word.lower()
        return self._stemmer.stemWord(strip_diacritics(word.lower()))


@lru_cache(maxsize=16)
def _stemming(code: str) -> _Stems | None:
    """The stems of the language's words, or None when mtcheck knows neither a stemmer nor noun endings for it."""
    known = language(code)
    return _Stems(known.stemmer, known.noun_endings) if known.stemmer or known.noun_endings else None


def check(ctx: CheckContext):
    pairs = {rarer: (reference, count) for rarer, reference, count in _pairs(ctx)}
    if not pairs:
        return
    known = language(ctx.language)
    references = {reference for reference, _ in pairs.values()}
    places, beside_reference, after_determiner = [], set(), Counter()
    company = _Company(ctx.lexicon)
    for base, text in ctx.document.segments():
        for found in words_among(text, pairs.keys() | references):
            company.note(text, found)
            word = found.group()
            if word not in pairs:
                continue
            places.append((base + found.start(), base + found.end(), word))
            if _in_one_sentence(text, found, pairs[word][0]):
                beside_reference.add(word)
            if known.capitalises_nouns and _after_determiner(text, found, known.determiners):
                after_determiner[word] += 1
    total = Counter(rarer for _, _, rarer in places)
    # Where every noun has a capital, a word that mostly follows an article or determiner is a noun.
    nouns = {rarer for rarer, count in after_determiner.items() if 2 * count >= total[rarer]}
    two_people = {rarer for rarer, (reference, _) in pairs.items() if company.apart(rarer, reference)}
    for start, end, rarer in places:
        if rarer not in beside_reference and rarer not in nouns and rarer not in two_people:
            yield _hit(start, end, rarer, *pairs[rarer])


class _Company:
    """The names each spelling is written beside, as one name with it ("Jens" and "Stoltenberg")."""

    def __init__(self, lexicon):
        self._lexicon = lexicon
        self._beside: defaultdict[str, set[str]] = defaultdict(set)
        self._alone: set[str] = set()  # spellings written at least once with no name beside them

    def note(self, text: str, found: re.Match) -> None:
        before = _NAME_BEFORE.search(text, max(0, found.start() - LONGEST_WORD - 1), found.start())
        after = _NAME_AFTER.match(text, found.end())
        beside = {m.group(1) for m in (before, after) if m and may_be_name(m.group(1), self._lexicon)}
        if beside:
            self._beside[found.group()].update(beside)
        else:
            self._alone.add(found.group())

    def apart(self, a: str, b: str) -> bool:
        """Whether ``a`` and ``b`` always stand beside a name and never beside the same one (nor
        beside two spellings of one): two people who share no name."""
        if a in self._alone or b in self._alone or not self._beside[a] or not self._beside[b]:
            return False
        return not any(same_name(x, y) for x in self._beside[a] for y in self._beside[b])


def _in_one_sentence(text: str, found: re.Match, reference: str) -> bool:
    """Whether ``reference`` stands in the sentence of ``found``: a text that writes "Hunan and Henan" means
    two names. Not for spellings that differ in diacritics only, which are one name wherever they stand."""
    if differ_in_diacritics_only(found.group(), reference):
        return False
    sentence_start, sentence_end = sentence_span(text, *found.span(), reach=SENTENCE_REACH)
    return _word_pattern(reference).search(text, sentence_start, sentence_end) is not None


def _after_determiner(text: str, found: re.Match, determiners: frozenset[str]) -> bool:
    before = _WORD_BEFORE.search(text, max(0, found.start() - 30), found.start())
    return before is not None and before.group(1).casefold() in determiners


@lru_cache(maxsize=256)
def _word_pattern(word: str) -> re.Pattern:
    """``word`` as a whole word."""
    return re.compile(r"(?<![^\W_])" + re.escape(word) + r"(?![^\W_])")


_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s+$")
_NAME_BEFORE = re.compile(r"(?<![^\W_])([^\W\d_]+) $")  # a word and one space, just before a name
_NAME_AFTER = re.compile(r" ([^\W\d_]+)(?![^\W_])")


def _hit(start: int, end: int, rarer: str, reference: str, count: int) -> Hit:
    return Hit(
        Span(start, end),
        rarer,
        f"'{rarer}' may be a misspelling of '{reference}', used {count} "
        f"time{'s' if count > 1 else ''} in this document",
        suggestion=reference,
    )


RULE = Rule(
    "name-inconsistent", "Terminology/Inconsistent use of terminology", Severity.MINOR,
    "A proper name appears in two spellings in one document; the rarer one is flagged.", check,
    scope=Scope.DOCUMENT,  # word counts and glossary words of the whole document, no matches
    counts=names_among,
    examples=(
        Example("Kurti met the envoy. Kurti said no.\n\nLater ⟦Corti⟧ said yes."),  # sound alike, near in spelling
        Example("Haradinaj met the envoy. Haradinaj said no.\n\nLater ⟦Haradinay⟧ left."),
        Example("Kurti met the envoy. Kurti said no.\n\nLater Kurti said yes."),
        Example("Ríos met the envoy. Ríos said no.\n\nLater ⟦Rios⟧ said yes."),  # diacritics only: always one name
        Example("Returnees crossed the border. Returnees waited.\n\nA Returnee spoke."),  # a plural, not a name
        # Two provinces the language knows (wordfreq lists both), not one misspelt.
        Example("Floods hit Hunan. Hunan asked for help.\n\nHenan sent trucks."),
        # Named in one sentence, two spellings are two places.
        Example("The Yungang Grottoes are old. Yungang draws crowds.\n\nTourists visit Yungang and Yonggang."),
        # Each always beside another name, never the same: two people.
        Example("Jorunn Vestergaard spoke. Jorunn Vestergaard left.\n\nLater Ingvild Vestergard arrived."),
        Example("Jorunn Vestergaard spoke. Jorunn Vestergaard left.\n\nLater Jorunn ⟦Vestergard⟧ arrived."),
        # German capitalises its nouns: inflections of a rare one are not names spelled two ways.
        Example("Der Eisberg ist groß. Der Eisberg schmilzt. Die Eisberge treiben, die Farbe des Eisbergs.\n\n"
                "Ein Zweig eines Multiversums, das Multiversum. Ein Kolibri, zwei Kolibris.", language="de"),
        Example("Kurti traf den Gesandten. Kurti sagte nein.\n\nSpäter sagte ⟦Corti⟧ ja.", language="de"),
        # Two rare nouns one letter apart: after articles, they are nouns.
        Example("Der Wurzelstock treibt. Der Wurzelstock wächst.\n\nAm Wurzelstück hängt er.", language="de"),
    ),
)
