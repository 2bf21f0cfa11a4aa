"""Deterministic benchmark data for mtcheck: synthetic glossaries, corpora with planted terms, ground truth.

    .venv/bin/python bench/generate.py [--seed 20261127] [--out bench/data]

Writes into the output folder:

- ``glossary-1k.yaml``, ``glossary-10k.yaml``: glossary format v1; the 1k glossary is the first 1,000
  terms of the 10k one. Term words are invented, name-like and never ordinary English words.
- ``forms-1k.txt``, ``forms-10k.txt``: every form of the glossary, one per line (for the baselines).
- ``corpus-{100k,1m}-{1k,10k}.txt`` (the "easy" family): common English words (Zipf >= 3.5) with
  glossary items planted about once every 40 words: correct forms, inflected forms ('s, plural s),
  forbidden forms, one-edit misspellings, acronym errors and diacritic losses.
- ``corpus-realistic-{100k,1m}-{1k,10k}.txt``: the same planting in filler drawn by frequency from
  wordfreq's whole English list (rare words at their real rate, about 3% of tokens with Zipf < 3),
  plus invented English-looking names that no glossary holds (about 2% of tokens).
- ``corpus-rare-{100k,1m}-{1k,10k}.txt``: the same, filler drawn uniformly from the 50,000 most
  frequent English words (rare-word heavy), with the same names.
- ``truth-{corpus}.json``: the planted items, ``{offset, length, text, kind, term, form, edit}``,
  offsets and lengths in code points of the corpus text.
- ``manifest.json``: the seed, a fingerprint of this script (bench/run.py regenerates when either
  differs) and the files written (bytes, words, planted items).

The same seed gives byte-identical files.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import string
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache, cache
from itertools import accumulate
from pathlib import Path

import wordfreq
import yaml
from rapidfuzz.distance import Levenshtein

DEFAULT_SEED = 20261127
DATA_DIR = Path(__file__).resolve().parent / "data"
GLOSSARY_SIZES = {"1k": 1_000, "10k": 10_000}
CORPUS_SIZES = {"100k": 100_000, "1m": 1_000_000}
FAMILIES = ("easy", "realistic", "rare")  # easy: the original corpora, file names without a prefix

MAX_NAME_ZIPF = 2.5  # a generated word this frequent in English is an English word: rejected
FILLER_MIN_ZIPF = 3.5  # filler text uses only common English words
WORD_RE = re.compile(r"[^\W_]+")

# Syllables of the invented names: consonant clusters, and for a share of words č ć š ž đ.
SINGLE_ONSETS = "b d g h j k l m n p r s t v z".split()
CLUSTER_ONSETS = "br dr gr kr pr tr vr bl gl kl pl sl sm sn st sv zv zl mr hr hv str".split()
MARKED_ONSETS = "č ć š ž đ št šk žd čr dž".split()
VOWELS = "a a e i o o u".split()
CODAS = "n r l k v j s m".split()
MARKED_CODAS = "č ć š ž".split()
DIACRITIC_SHARE = 0.35

ORG_NOUNS = "Ministry Agency Council Institute Office Bank University Party Fund Commission Authority Court".split()
CONNECTORS = frozenset(ORG_NOUNS) | {"National", "of", "for", "the"}
FRESH = "\0"  # placeholder for a freshly invented name word in a form being built
ORG_TEMPLATES = ("{org} of {n}", "{n} {org}", "{org} for {n} {n}", "{n} {n} {org}", "National {n} {org}", "{org} of the {n}")
SHAPES = {"place": 25, "person": 30, "compound": 10, "organisation": 35}
SOURCE_SHARE = 0.2

KIND_WEIGHTS = {"correct": 40, "inflected": 15, "forbidden": 12, "misspelling": 18, "acronym": 7, "diacritics": 8}
EDITS = ("substitution", "insertion", "deletion", "transposition")
MIN_MISSPELT_TOKEN = 6
ITEM_GAP = (20, 58)  # filler words between planted items: about one item per 40 words
SENTENCE_WORDS = (8, 25)
PARAGRAPH_SENTENCES = (3, 7)
COMMA_RATE = 0.07

RARE_ZIPF = 3.0  # a token below this is "rare" (real English news MT: 3.1% of tokens, names included)
NAME_RATE = 0.02  # realistic and rare families: share of filler slots given to a non-glossary name
NAME_POOL = 2000  # distinct names, used with Zipf-like (1/rank) frequencies
RARE_FAMILY_TOP = 50_000  # rare family: filler uniform over this many most frequent words
# English-looking name parts: "Ash" + "er" + "worth" -> "Asherworth". Some are real names ("Ashford").
NAME_HEADS = ("Al Ash Bar Bel Bram Bran Brook Cal Car Chal Dal Dar Den Dun El Fair Fen Gar Gil Hal Har Hart "
              "Hay Kel Ken Kirk Lan Lock Mar Mel Mor Nor Pem Ral Red Ros Sal Sel Stan Sum Tal Thorn Wal War "
              "Wes Whit Wil Win Wood Ald Bex Cor Hol Lang").split()
NAME_MIDDLES = ("", "", "", "er", "ing", "s", "e", "en")
NAME_TAILS = ("by bourne brook den don er ett field ford ham hurst ington ley ling low man more ridge shaw "
              "stead ston ton well wick worth wood combe dale gate").split()


# words ----------------------------------------------------------------------------------------


def strip_marks(text: str) -> str:
    """The text as typed without diacritics, keeping its case ("Čačak" -> "Cacak")."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def bare(text: str) -> str:
    """Lower case without diacritics: the key under which two forms count as the same."""
    return strip_marks(text).lower()


@cache
def is_english(word: str) -> bool:
    return wordfreq.zipf_frequency(word.lower(), "en") >= MAX_NAME_ZIPF


def deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def weighted_choice(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


class NameMaker:
    """Invents name-like words, each handed out once (also once without diacritics)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def word(self) -> str:
        while True:
            candidate = self._candidate()
            key = bare(candidate)
            if len(key) >= 4 and key not in self.used and not is_english(candidate) and not is_english(key):
                self.used.add(key)
                return candidate

    def _candidate(self) -> str:
        rng = self.rng
        syllables = rng.choice((2, 2, 2, 3, 3))
        marked = rng.randrange(syllables) if rng.random() < DIACRITIC_SHARE else -1
        parts = []
        for i in range(syllables):
            marked_onset = i == marked and rng.random() < 0.6
            if marked_onset:
                onset = rng.choice(MARKED_ONSETS)
            else:
                onset = rng.choice(CLUSTER_ONSETS if rng.random() < 0.3 else SINGLE_ONSETS)
            if i == marked and not marked_onset:
                coda = rng.choice(MARKED_CODAS)
            else:
                coda = rng.choice(CODAS) if rng.random() < (0.6 if i == syllables - 1 else 0.2) else ""
            parts.append(onset + rng.choice(VOWELS) + coda)
        word = "".join(parts)
        return word[0].upper() + word[1:]


class AcronymSet:
    """Acronyms with their terms, and a deletion index to find those one edit away."""

    def __init__(self):
        self.owner: dict[str, str] = {}
        self._by_deletion: dict[str, set[str]] = defaultdict(set)

    def add(self, acronym: str, term_id: str) -> None:
        self.owner[acronym] = term_id
        for key in deletions(acronym) | {acronym}:
            self._by_deletion[key].add(acronym)

    def neighbours(self, acronym: str) -> set[str]:
        """The acronyms at most one edit from ``acronym`` (itself included if present)."""
        candidates = {a for key in deletions(acronym) | {acronym} for a in self._by_deletion.get(key, ())}
        return {a for a in candidates if Levenshtein.distance(a, acronym, score_cutoff=1) <= 1}


def is_acronym(form: str) -> bool:
    return 3 <= len(form) <= 6 and form.isalpha() and form.isupper()


# glossaries ----------------------------------------------------------------------------------


@dataclass
class TermSpec:
    id: str
    canonical: str
    variants: list[str] = field(default_factory=list)
    short: list[str] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)
    source: list[str] = field(default_factory=list)

    def accepted(self) -> list[str]:
        return [self.canonical, *self.variants, *self.short]

    def forms(self) -> list[str]:
        return [*self.accepted(), *self.forbidden, *self.source]

    def acronyms(self) -> list[str]:
        return [f for f in self.short if is_acronym(f)]

    def as_yaml(self) -> dict:
        entry = {"id": self.id, "canonical": self.canonical}
        for role in ("variants", "short", "forbidden", "source"):
            if getattr(self, role):
                entry[role] = getattr(self, role)
        return entry


class GlossaryBuilder:
    """Builds terms one by one; every form is unique (case-insensitive, also without diacritics)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.names = NameMaker(rng)
        self.forms: set[str] = set()
        self.acronyms = AcronymSet()

    def term(self, number: int) -> TermSpec:
        shape = weighted_choice(self.rng, SHAPES)
        canonical = self._claim(lambda: self._canonical_tokens(shape))
        tokens = canonical.split(" ")
        term = TermSpec(_term_id(number, canonical), canonical)
        self._add_alternative(term, shape, tokens)
        term.forbidden.append(self._claim(lambda: self._wrong_rendering(shape, tokens)))
        if self.rng.random() < SOURCE_SHARE:
            term.source.append(self._claim(self._source_form))
        return term

    def _canonical_tokens(self, shape: str) -> list[str]:
        if shape == "organisation":
            template = self.rng.choice(ORG_TEMPLATES)
            return template.replace("{org}", self.rng.choice(ORG_NOUNS)).replace("{n}", FRESH).split(" ")
        return [FRESH] * {"place": 1, "person": 2, "compound": 3}[shape]

    def _claim(self, make) -> str:
        """A form from ``make`` (tokens, FRESH for new name words) that no term has yet, now taken."""
        for _ in range(100):
            form = " ".join(self.names.word() if t == FRESH else t for t in make())
            if bare(form) not in self.forms:
                self.forms.add(bare(form))
                return form
        raise RuntimeError("cannot find a unique form")

    def _add_alternative(self, term: TermSpec, shape: str, tokens: list[str]) -> None:
        roll = self.rng.random()
        if shape in ("organisation", "compound") and roll < 0.6:
            acronym = self._acronym(tokens)
            if acronym:
                term.short.append(acronym)
                self.acronyms.add(acronym, term.id)
                return
        if shape == "person" and roll < 0.45:
            term.short.append(tokens[-1])  # the surname alone
            self.forms.add(bare(tokens[-1]))
        elif roll < {"place": 0.45, "person": 0.75}.get(shape, 0.85):
            term.variants.append(self._claim(lambda: _respell_one(self.rng, tokens)))

    def _wrong_rendering(self, shape: str, tokens: list[str]) -> list[str]:
        nouns = [i for i, t in enumerate(tokens) if t in ORG_NOUNS]
        if shape == "organisation" and nouns and self.rng.random() < 0.5:
            swapped = list(tokens)
            swapped[nouns[0]] = self.rng.choice([n for n in ORG_NOUNS if n != tokens[nouns[0]]])
            return swapped
        return _respell_one(self.rng, tokens)

    def _source_form(self) -> list[str]:
        return [FRESH] * self.rng.choice((1, 1, 2))

    def _acronym(self, tokens: list[str]) -> str | None:
        for candidate in self._acronym_candidates(tokens):
            if (3 <= len(candidate) <= 5 and not is_english(candidate) and bare(candidate) not in self.forms
                    and not self.acronyms.neighbours(candidate)):
                self.forms.add(bare(candidate))
                self.names.used.add(bare(candidate))  # no later name word may spell it in lower case
                return candidate
        return None

    def _acronym_candidates(self, tokens: list[str]):
        """Initials of the capitalised words, lengthened from the last name word, then random letters."""
        initials = "".join(bare(t[0]).upper() for t in tokens if t[0].isupper())
        last_name = bare([t for t in tokens if t not in CONNECTORS][-1]).upper()
        for extra in range(0, 3):
            yield initials + last_name[1:1 + extra]
        for _ in range(30):
            yield "".join(self.rng.choice(string.ascii_uppercase) for _ in range(self.rng.choice((4, 4, 5))))


def _respell_one(rng: random.Random, tokens: list[str]) -> list[str]:
    """The tokens with one invented name word replaced by a placeholder for a fresh one."""
    names = [i for i, t in enumerate(tokens) if t not in CONNECTORS]
    respelt = list(tokens)
    respelt[rng.choice(names)] = FRESH
    return respelt


def _term_id(number: int, canonical: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", bare(canonical)).strip("-")[:24].strip("-")
    return f"t{number:05d}-{slug}"


def build_terms(count: int, seed: int) -> list[TermSpec]:
    rng = random.Random(f"{seed}-glossary")
    builder = GlossaryBuilder(rng)
    return [builder.term(number) for number in range(count)]


def write_glossary(path: Path, name: str, terms: list[TermSpec], seed: int) -> None:
    document = {
        "version": 1, "name": name, "language": "en", "source_language": "sr",
        "defaults": {"fuzzy": 88, "severity": "major"},
        "terms": [t.as_yaml() for t in terms],
    }
    header = f"# Synthetic benchmark glossary ({len(terms)} terms), written by bench/generate.py --seed {seed}.\n"
    body = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, default_flow_style=None, width=1000)
    path.write_text(header + body, encoding="utf-8")


def write_forms(path: Path, terms: list[TermSpec]) -> None:
    path.write_text("".join(f"{form}\n" for t in terms for form in t.forms()), encoding="utf-8")


# planted items -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Planted:
    text: str
    kind: str  # correct | inflected | forbidden | misspelling | acronym | diacritics
    term: str
    form: str  # the glossary form it renders
    edit: str | None = None  # for misspellings: substitution | insertion | deletion | transposition


class Planter:
    """Picks the items planted in one corpus: a kind, a term that allows it, and its rendering.

    Each term gets one "house" form (its canonical or a variant) that the corpus uses for it, so a
    correct corpus is consistent; short forms are accepted anywhere.
    """

    def __init__(self, terms: list[TermSpec], rng: random.Random):
        self.rng = rng
        self.form_keys = {bare(f) for t in terms for f in t.forms()}
        self.form_words = {w for key in self.form_keys for w in WORD_RE.findall(key)}
        self.acronyms = AcronymSet()
        for term in terms:
            for acronym in term.acronyms():
                self.acronyms.add(acronym, term.id)
        self.house = {t.id: rng.choice([t.canonical] * 2 + t.variants) for t in terms}
        self.makers = {
            "correct": self._correct, "inflected": self._inflected, "forbidden": self._forbidden,
            "misspelling": self._misspelling, "acronym": self._acronym_error, "diacritics": self._diacritic_loss,
        }
        self.eligible = {
            "correct": terms, "inflected": terms, "forbidden": terms,
            "misspelling": [t for t in terms if _misspellable_tokens(t.canonical)],
            "acronym": [t for t in terms if t.acronyms()],
            "diacritics": [t for t in terms if _marked_forms(t)],
        }

    def item(self) -> Planted:
        kind = weighted_choice(self.rng, KIND_WEIGHTS)
        for _ in range(100):
            planted = self.makers[kind](self.rng.choice(self.eligible[kind]))
            if planted is not None:
                return planted
        raise RuntimeError(f"cannot plant a {kind} item")

    def _accepted_form(self, term: TermSpec) -> str:
        return self.rng.choice(term.short) if term.short and self.rng.random() < 0.3 else self.house[term.id]

    def _correct(self, term: TermSpec) -> Planted:
        form = self._accepted_form(term)
        return Planted(form, "correct", term.id, form)

    def _inflected(self, term: TermSpec) -> Planted:
        form = self._accepted_form(term)
        return Planted(form + self.rng.choice(("'s", "s")), "inflected", term.id, form)

    def _forbidden(self, term: TermSpec) -> Planted:
        form = self.rng.choice(term.forbidden)
        return Planted(form, "forbidden", term.id, form)

    def _misspelling(self, term: TermSpec) -> Planted | None:
        """One edit inside one 6+-letter token of the canonical form, never its first letter."""
        tokens = term.canonical.split(" ")
        position = self.rng.choice(_misspellable_tokens(term.canonical))
        edit = self.rng.choice(EDITS)
        token = tokens[position]
        misspelt = _edited(token, edit, self.rng)
        if bare(misspelt) == bare(token) or is_english(misspelt) or _names_one_of(misspelt, self.form_words):
            return None
        text = " ".join(tokens[:position] + [misspelt] + tokens[position + 1:])
        if _names_one_of(text, self.form_keys):
            return None
        return Planted(text, "misspelling", term.id, term.canonical, edit)

    def _acronym_error(self, term: TermSpec) -> Planted | None:
        """One letter of an acronym changed; only when no other term's acronym is one edit away."""
        acronym = self.rng.choice(term.acronyms())
        i = self.rng.randrange(len(acronym))
        changed = acronym[:i] + self.rng.choice(string.ascii_uppercase) + acronym[i + 1:]
        if changed == acronym or _names_one_of(changed, self.form_keys) or is_english(changed):
            return None
        if {self.acronyms.owner[a] for a in self.acronyms.neighbours(changed)} != {term.id}:
            return None
        return Planted(changed, "acronym", term.id, acronym, "substitution")

    def _diacritic_loss(self, term: TermSpec) -> Planted:
        form = self.rng.choice(_marked_forms(term))
        return Planted(strip_marks(form), "diacritics", term.id, form)


def _names_one_of(text: str, keys: set[str]) -> bool:
    """True when ``text`` is one of ``keys`` (bare) or, by mtcheck's plural rule, its plural in s/es."""
    key = bare(text)
    return key in keys or (key.endswith("s") and key[:-1] in keys) or (key.endswith("es") and key[:-2] in keys)


def _misspellable_tokens(form: str) -> list[int]:
    return [i for i, token in enumerate(form.split(" ")) if len(token) >= MIN_MISSPELT_TOKEN and token.isalpha()]


def _marked_forms(term: TermSpec) -> list[str]:
    return [f for f in term.accepted() if strip_marks(f) != f]


def _edited(token: str, edit: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(token) - (edit == "transposition"))
    letter = rng.choice(string.ascii_lowercase)
    if edit == "substitution":
        return token[:i] + letter + token[i + 1:]
    if edit == "insertion":
        return token[:i] + letter + token[i:]
    if edit == "deletion":
        return token[:i] + token[i + 1:]
    return token[:i] + token[i + 1] + token[i] + token[i + 2:]


# corpora -------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def filler_vocabulary() -> tuple[list[str], list[float]]:
    """Common English words (Zipf >= 3.5) and cumulative weights proportional to their frequency."""
    words = [w for w in wordfreq.top_n_list("en", 60_000)
             if w.isascii() and w.isalpha() and (len(w) > 1 or w == "a") and wordfreq.zipf_frequency(w, "en") >= FILLER_MIN_ZIPF]
    return words, list(accumulate(wordfreq.word_frequency(w, "en") for w in words))


class CorpusWriter:
    """Writes sentences and paragraphs of filler words, planting an item every ITEM_GAP words.

    ``filler``: (words, cumulative weights) to draw filler from, common words by default; ``names``:
    (names, cumulative weights) put in NAME_RATE of the filler slots, none by default.
    """

    def __init__(self, planter: Planter, rng: random.Random, filler: tuple[list[str], list[float]] | None = None,
                 names: tuple[list[str], list[float]] | None = None):
        self.planter = planter
        self.rng = rng
        self.filler = filler or filler_vocabulary()
        self.names = names
        self.name_tokens = 0
        self.pieces: list[str] = []
        self.offset = 0
        self.words = 0
        self.truth: list[dict] = []
        self._filler: list[str] = []
        self._until_item = rng.randint(*ITEM_GAP)

    def write(self, target_words: int) -> tuple[str, list[dict]]:
        while self.words < target_words:
            if self.pieces:
                self._emit("\n\n")
            self._paragraph()
        return "".join(self.pieces) + "\n", self.truth

    def _emit(self, text: str) -> None:
        self.pieces.append(text)
        self.offset += len(text)

    def _paragraph(self) -> None:
        for i in range(self.rng.randint(*PARAGRAPH_SENTENCES)):
            if i:
                self._emit(" ")
            self._sentence()

    def _sentence(self) -> None:
        length = self.rng.randint(*SENTENCE_WORDS)
        for position in range(length):
            if position:
                self._emit(", " if position < length - 1 and self.rng.random() < COMMA_RATE else " ")
            self._unit(first=position == 0)
        self._emit(".")

    def _unit(self, first: bool) -> None:
        if self._until_item <= 0:
            self._plant(self.planter.item())
            self._until_item = self.rng.randint(*ITEM_GAP)
            return
        if self.names and self.rng.random() < NAME_RATE:
            word = self.rng.choices(self.names[0], cum_weights=self.names[1])[0]
            self.name_tokens += 1
        else:
            word = self._next_filler()
        self._emit(word[0].upper() + word[1:] if first else word)
        self.words += 1
        self._until_item -= 1

    def _plant(self, item: Planted) -> None:
        record = {"offset": self.offset, "length": len(item.text), "text": item.text, "kind": item.kind,
                  "term": item.term, "form": item.form}
        if item.edit:
            record["edit"] = item.edit
        self.truth.append(record)
        self._emit(item.text)
        self.words += len(WORD_RE.findall(item.text))

    def _next_filler(self) -> str:
        if not self._filler:
            words, weights = self.filler
            self._filler = self.rng.choices(words, cum_weights=weights, k=8192)[::-1]
        return self._filler.pop()


def write_corpus(terms: list[TermSpec], words: int, seed: str, family: str = "easy",
                 names: list[str] | None = None) -> tuple[str, list[dict]]:
    """One corpus of ``family``; ``names`` (realistic and rare families): from ``name_pool``."""
    rng = random.Random(seed)
    planter = Planter(terms, rng)
    if family == "easy":
        return CorpusWriter(planter, rng).write(words)
    filler = realistic_vocabulary() if family == "realistic" else rare_vocabulary()
    return CorpusWriter(planter, rng, _without_form_words(filler, planter), _zipf_weights(names)).write(words)


@lru_cache(maxsize=1)
def english_frequencies() -> dict[str, float]:
    """wordfreq's whole English list, alphabetic ASCII words only, by frequency (ties by spelling)."""
    words = [(w, f) for w, f in wordfreq.get_frequency_dict("en").items()
             if w.isascii() and w.isalpha() and (len(w) > 1 or w in ("a", "i"))]
    return dict(sorted(words, key=lambda item: (-item[1], item[0])))


@lru_cache(maxsize=1)
def realistic_vocabulary() -> tuple[list[str], list[float]]:
    """Every English word, weighted by its frequency: rare words come at their real rate."""
    frequencies = english_frequencies()
    return list(frequencies), list(accumulate(frequencies.values()))


@lru_cache(maxsize=1)
def rare_vocabulary() -> tuple[list[str], list[float]]:
    """The RARE_FAMILY_TOP most frequent English words, uniformly."""
    words = list(english_frequencies())[:RARE_FAMILY_TOP]
    return words, list(accumulate(1.0 for _ in words))


def _without_form_words(filler: tuple[list[str], list[float]], planter: Planter) -> tuple[list[str], list[float]]:
    """The filler without the glossary's name words (wordfreq's long tail holds a few invented
    names by chance): such a word would be an exact match, or a near miss, that the truth omits."""
    clashing = {w for w in filler[0] if _clashes(w, planter)}
    if not clashing:
        return filler
    words, cumulative, previous, total = [], [], 0.0, 0.0
    for word, weight in zip(*filler):
        if word not in clashing:
            total += weight - previous
            words.append(word)
            cumulative.append(total)
        previous = weight
    return words, cumulative


def _clashes(word: str, planter: Planter) -> bool:
    return (word not in CONNECTOR_WORDS and word in planter.form_words) or _names_one_of(word, planter.form_keys)


CONNECTOR_WORDS = frozenset(w.lower() for w in CONNECTORS)


def _zipf_weights(names: list[str] | None) -> tuple[list[str], list[float]] | None:
    return (names, list(accumulate(1 / (rank + 2) for rank in range(len(names))))) if names else None


def name_pool(terms: list[TermSpec], seed: int, count: int = NAME_POOL) -> list[str]:
    """Invented English-looking names, none a glossary form, a form's plural, nor within one edit
    (Levenshtein) or two insertions/deletions of any form or form word: mtcheck has nothing to find
    in them. Also at least two edits from each other, and no two names (nor a name and a form word)
    share a consonant skeleton, so that none reads as another name misspelt ("Dunwood", "Denenwood")."""
    rng = random.Random(f"{seed}-names")
    candidates = sorted({head + middle + tail for head in NAME_HEADS for middle in NAME_MIDDLES for tail in NAME_TAILS})
    rng.shuffle(candidates)
    taboo = NearIndex({bare(f) for t in terms for f in t.forms()}
                      | {w for t in terms for f in t.forms() for w in WORD_RE.findall(bare(f))} - CONNECTOR_WORDS)
    chosen, near_chosen = [], NearIndex(())
    sounds = {_skeleton(w) for w in taboo.words}
    for name in candidates:
        key = name.lower()
        if (_skeleton(key) in sounds or near_chosen.near(key) or taboo.near(key)
                or _names_one_of(key, taboo.words)):
            continue
        chosen.append(name)
        near_chosen.add(key)
        sounds.add(_skeleton(key))
        if len(chosen) == count:
            break
    return chosen


def _skeleton(word: str) -> str:
    """The consonants of a word, c as k and z as s, repeats collapsed: "denenwood" -> "dnwd"."""
    consonants = [c for c in bare(word).replace("c", "k").replace("z", "s") if c not in "aeiouy"]
    return "".join(c for i, c in enumerate(consonants) if not i or consonants[i - 1] != c)


class NearIndex:
    """Words, and whether a word is within one Levenshtein edit or two insertions/deletions of one."""

    def __init__(self, words):
        self.words: set[str] = set()
        self._by_deletion: dict[str, set[str]] = defaultdict(set)
        for word in words:
            self.add(word)

    def add(self, word: str) -> None:
        self.words.add(word)
        for key in deletions(word) | {word}:
            self._by_deletion[key].add(word)

    def near(self, word: str) -> bool:
        """Shared keys (the word or one deletion) cover one substitution, insertion or deletion, and two
        indels one on each side; two deletions of ``word`` reach a word two letters shorter, and one
        insertion into ``word`` meets a deletion of a word two letters longer."""
        if any(k in self._by_deletion for k in deletions(word) | {word}):
            return True
        if any(d in self.words for k in deletions(word) for d in deletions(k)):
            return True
        return any(word[:i] + c + word[i:] in self._by_deletion
                   for i in range(len(word) + 1) for c in string.ascii_lowercase)


def zipf_share(tokens: list[str], below: float = RARE_ZIPF) -> float:
    """The share of word ``tokens`` whose Zipf frequency is below ``below``."""
    counts = Counter(t.lower() for t in tokens)
    rare = sum(n for word, n in counts.items() if wordfreq.zipf_frequency(word, "en") < below)
    return round(rare / len(tokens), 4) if tokens else 0.0


# files ---------------------------------------------------------------------------------------


def corpus_name(family: str, corpus: str, glossary: str) -> str:
    """"100k-1k" for the easy family (the original names), "realistic-100k-1k" for the others."""
    return f"{corpus}-{glossary}" if family == "easy" else f"{family}-{corpus}-{glossary}"


def expected_files() -> list[str]:
    names = [f"{kind}-{g}.{ext}" for g in GLOSSARY_SIZES for kind, ext in (("glossary", "yaml"), ("forms", "txt"))]
    names += [f"{kind}-{corpus_name(f, c, g)}.{ext}" for f in FAMILIES for c in CORPUS_SIZES for g in GLOSSARY_SIZES
              for kind, ext in (("corpus", "txt"), ("truth", "json"))]
    return names + ["manifest.json"]


def generator_fingerprint() -> str:
    """Changes whenever this file does, so that stale data is regenerated."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


def data_is_current(out: Path, seed: int) -> bool:
    """True when every file exists and the manifest records the same seed and generator."""
    if not all((out / name).exists() for name in expected_files()):
        return False
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    return manifest.get("seed") == seed and manifest.get("generator") == generator_fingerprint()


def generate_all(out: Path = DATA_DIR, seed: int = DEFAULT_SEED, log=print) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    manifest = {"seed": seed, "generator": generator_fingerprint(), "glossaries": {}, "corpora": {}}
    all_terms = build_terms(max(GLOSSARY_SIZES.values()), seed)
    names = name_pool(all_terms, seed)  # clear of the largest glossary, so of every glossary
    for label, size in GLOSSARY_SIZES.items():
        terms = all_terms[:size]
        write_glossary(out / f"glossary-{label}.yaml", f"bench-{label}", terms, seed)
        write_forms(out / f"forms-{label}.txt", terms)
        manifest["glossaries"][label] = {"terms": len(terms), "forms": sum(len(t.forms()) for t in terms)}
        log(f"glossary-{label}.yaml: {len(terms)} terms")
        for family in FAMILIES:
            for corpus_label, words in CORPUS_SIZES.items():
                name = corpus_name(family, corpus_label, label)
                text, truth = write_corpus(terms, words, f"{seed}-corpus-{name}", family, names)
                (out / f"corpus-{name}.txt").write_text(text, encoding="utf-8")
                (out / f"truth-{name}.json").write_text(_json_lines(truth), "utf-8")
                manifest["corpora"][name] = {"family": family, **_corpus_stats(text, truth, set(names) if family != "easy" else set())}
                log(f"corpus-{name}.txt: {manifest['corpora'][name]}")
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", "utf-8")
    return manifest


def _json_lines(items: list[dict]) -> str:
    """A JSON list with one item per line."""
    return "[\n" + ",\n".join(json.dumps(item, ensure_ascii=False) for item in items) + "\n]\n"


def _corpus_stats(text: str, truth: list[dict], names: set[str] = frozenset()) -> dict:
    """Sizes, planted items, the share of word tokens with Zipf < RARE_ZIPF, and for the families with
    names the share of name tokens and the rare share of the filler words alone (no names, no items)."""
    stats = {"bytes": len(text.encode("utf-8")), "chars": len(text), "words": len(WORD_RE.findall(text)),
             "planted": dict(sorted(Counter(item["kind"] for item in truth).items())),
             "zipf_lt3_share": zipf_share(WORD_RE.findall(text))}
    if names:
        filler = WORD_RE.findall(_without_planted(text, truth))
        stats["name_share"] = round(sum(w in names for w in filler) / stats["words"], 4)
        stats["filler_zipf_lt3_share"] = zipf_share([w for w in filler if w not in names])
    return stats


def _without_planted(text: str, truth: list[dict]) -> str:
    pieces, at = [], 0
    for item in truth:
        pieces.append(text[at:item["offset"]])
        at = item["offset"] + item["length"]
    return "".join(pieces) + text[at:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})")
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="output folder (default bench/data)")
    args = parser.parse_args()
    generate_all(args.out, args.seed)


if __name__ == "__main__":
    main()
