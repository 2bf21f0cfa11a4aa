"""Which spelling of a cluster the draft glossary proposes as canonical, why, and when a person must decide.

Machine translation and wire copy lose diacritics and garble foreign names; they hardly ever add a
diacritic or turn a garbled name into a real one. So the commonest spelling in a corpus is a poor
guess at the right one: the Serbian-to-English sample writes "Aljbin Kurti" (Serbian's adaptation
of "Albin Kurti") and "WSO" for "ZSO". The spellings are weighed by evidence, in this order:

1. **diacritics**: spellings that differ only in diacritics and case are one spelling, written with
   the most diacritics any of them carries ("Vučić" over "Vucic", however often each occurs); their
   counts add up for what follows.
2. **the lexicon** of the corpus language (``Lexicon``, wordfreq's list): a spelling whose words are
   established (Zipf 2.2 and up: English "Albin" 2.39) beats one whose words are listed but rare
   ("Kurti" 1.97), which beats one with a word the list lacks ("Aljbin"). Only the words that differ
   between the spellings count, and only between spellings of as many words: the parts of a split
   compound are listed where the closed one is not, which says nothing of how it is spelt (German
   "Ultraviolett-Filter" is no better than "Ultraviolettfilter"). Acronyms are not looked up: the list folds case, so English counts
   the Spanish and Italian word "uso" for "USO" (2.84), lists "wso" (1.9) and lacks "zso": it would
   pick the wrong one. A language without a list gives no evidence here.
3. **the source** (a bilingual corpus): a spelling whose differing words its source texts write, as
   they are: the acronym "ZSO" (Zajednica srpskih opština), the project "Biased Chains" of an
   English TED talk that German MT also writes "Bias Chains". It comes after the lexicon, and a
   source that writes another spelling than the lexicon's makes the choice one to decide: a source
   writes a foreign name as its own language adapts it, the very form a translation should not
   copy (Serbian "Aljbin Kurti"), while the lexicon of the target language does not know every
   foreign term ("Biased" is no German word).
4. **frequency**, then alphabetical order, only to break ties.

The choice is **to decide** (the ``Choice`` says why) when the evidence is weak or conflicting:
only frequency separates the best spelling from the next and the counts are close (not twice as
many, or fewer than ``MIN_DECIDING_COUNT``) or tied; the spellings are acronyms that nothing but
frequency tells apart (one letter decides what they stand for); or the evidence points two ways:
the diacritics and the lexicon ("Priština" has the diacritics, English lists only "Pristina"), or
the source and the others (German MT writes the Norwegian "Bjorn Rorslett" of an English talk as
"Björn" too: MT adds a diacritic where the target language has a name like it).
"""

from __future__ import annotations

from dataclasses import dataclass

from mtcheck.folding import WORD_RE, strip_diacritics
from mtcheck.lexicon import Lexicon
from mtcheck.text import fold

STANDINGS = ("non-word", "rare-word", "established-word")  # a spelling's words in the lexicon, worst to best
FREQUENCY_RATIO = 2  # frequency alone settles a name when the best spelling is this many times as common...
MIN_DECIDING_COUNT = 3  # ...and occurs at least this often: "2 against 1" is no evidence


@dataclass(frozen=True)
class Choice:
    canonical: str
    evidence: tuple[str, ...]  # what speaks for the canonical, e.g. ("diacritics", "frequency 1/3")
    to_decide: str  # why a person must choose the canonical; empty when the evidence settles it
    standing: dict[str, str]  # form -> one of STANDINGS; empty when the lexicon was not asked


def choose_canonical(forms: dict[str, int], lexicon: Lexicon, acronyms: bool = False,
                     source_words: frozenset[str] = frozenset()) -> Choice:
    """The canonical of a cluster's ``forms`` (spelling -> count), weighed as the module says;
    ``acronyms`` when the forms are, ``source_words`` the words of the corpus's source texts."""
    differing = _differing_words(forms)
    standing = {} if acronyms or not lexicon.has_word_list else _standing(differing, lexicon)
    level = {form: STANDINGS.index(standing[form]) if standing else 0 for form in forms}
    in_source = {form: all(w in source_words for w in words) for form, words in differing.items()}
    groups = [_with_diacritics_first(group, forms) for group in _twins(forms)]
    ranked = sorted(groups, key=lambda g: (-max(level[f] for f in g), -any(in_source[f] for f in g),
                                           -sum(forms[f] for f in g), g[0]))
    best = ranked[0]
    canonical = best[0]
    evidence = ["diacritics"] if _marks(canonical) > min(_marks(f) for f in best) else []
    doubts = [_lexicon_disagrees(canonical, best, level, standing), _source_disagrees(ranked, in_source)]
    if len(ranked) > 1:
        deciding, doubt = _against_runner_up(best, ranked[1], forms, level, in_source, acronyms)
        evidence += [_standing_of(best, level, standing)] if deciding == "lexicon" else []
        doubts.append(doubt)
    if in_source[canonical] and not all(in_source.values()):
        evidence.append("in-source")
    evidence.append(f"frequency {forms[canonical]}/{sum(forms.values())}")
    return Choice(canonical, tuple(evidence), "; ".join(filter(None, doubts)), standing)


def _twins(forms: dict[str, int]) -> list[list[str]]:
    """The forms grouped by their letters without diacritics and case, in the order of ``forms``."""
    groups: dict[str, list[str]] = {}
    for form in forms:
        groups.setdefault(strip_diacritics(fold(form)), []).append(form)
    return list(groups.values())


def _marks(form: str) -> int:
    """How many letters of ``form`` carry a diacritic."""
    return sum(strip_diacritics(c) != c for c in form)


def _with_diacritics_first(group: list[str], forms: dict[str, int]) -> list[str]:
    return sorted(group, key=lambda f: (-_marks(f), -forms[f], f))


def _differing_words(forms: dict[str, int]) -> dict[str, list[str]]:
    """Each form's words that not every form shares ("Aljbin" of "Aljbin Kurti" against "Albin
    Kurti"); all its words where none differ but in case."""
    words = {form: WORD_RE.findall(form) for form in forms}
    shared = set.intersection(*({w.casefold() for w in found} for found in words.values()))
    return {form: [w for w in found if w.casefold() not in shared] or found for form, found in words.items()}


def _standing(differing: dict[str, list[str]], lexicon: Lexicon) -> dict[str, str]:
    """Each form's worst differing word in the lexicon; nothing when the forms have different numbers
    of words (the parts of a split compound are no evidence)."""
    counts = {len(WORD_RE.findall(form)) for form in differing}
    if len(counts) > 1:
        return {}
    return {form: STANDINGS[min((_word_level(w, lexicon) for w in words), default=0)]
            for form, words in differing.items()}


def _word_level(word: str, lexicon: Lexicon) -> int:
    return 2 if lexicon.is_established(word) else 1 if lexicon.is_listed(word) else 0


def _standing_of(group: list[str], level: dict[str, int], standing: dict[str, str]) -> str:
    """The best standing in a group of twins, saying which twin has it if not the first."""
    best = max(group, key=lambda f: level[f])
    return standing[best] if level[best] == level[group[0]] else f"{standing[best]} as {best!r}"


def _lexicon_disagrees(canonical: str, twins: list[str], level: dict[str, int], standing: dict[str, str]) -> str:
    """Why the diacritics and the lexicon point different ways, if they do."""
    better = [f for f in twins if level[f] > level[canonical]]
    if not better:
        return ""
    return (f"the diacritics speak for {canonical!r} ({standing[canonical]}), the lexicon for {better[0]!r}"
            f" ({standing[better[0]]})")


def _source_disagrees(ranked: list[list[str]], in_source: dict[str, bool]) -> str:
    """Why the source points elsewhere than the diacritics or the lexicon, if it does: the canonical is
    not in the source and another spelling is (its bare twin: "Björn" where an English source writes
    "Bjorn"; or one the lexicon ranked lower)."""
    canonical = ranked[0][0]
    if in_source[canonical]:
        return ""
    written = next((f for group in ranked for f in group if in_source[f]), None)
    return f"the source writes {written!r}, not {canonical!r}" if written else ""


def _against_runner_up(best: list[str], runner_up: list[str], forms: dict[str, int], level: dict[str, int],
                       in_source: dict[str, bool], acronyms: bool) -> tuple[str, str]:
    """What sets the best group apart from the next ("lexicon", "source", "frequency" or "order"),
    and why that leaves the choice to a person, if it does."""
    if max(level[f] for f in best) != max(level[f] for f in runner_up):
        return "lexicon", ""
    if any(in_source[f] for f in best) != any(in_source[f] for f in runner_up):
        return "source", ""
    count, rival_count = sum(forms[f] for f in best), sum(forms[f] for f in runner_up)
    deciding = "frequency" if count != rival_count else "order"
    counts = f"{best[0]!r} {count}, {runner_up[0]!r} {rival_count}"
    if acronyms:
        return deciding, (f"acronyms one letter apart, and only frequency tells them apart ({counts}): "
                          "the source says which is meant")
    if deciding == "order":
        return deciding, f"nothing tells the spellings apart ({counts})"
    if count < FREQUENCY_RATIO * rival_count or count < MIN_DECIDING_COUNT:
        return deciding, f"only frequency tells the spellings apart, and not by much ({counts})"
    return deciding, ""
