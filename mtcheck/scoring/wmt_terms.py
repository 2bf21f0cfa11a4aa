"""The terminology metrics of the WMT 2021 shared task on terminology: exact-match term accuracy and
window overlap (windows 2 and 3).

Definitions follow Alam et al. 2021, "On the Evaluation of Machine Translation for Terminology
Consistency" (arXiv:2106.11891), as its official scorer computes them: ``evaluate_term_wmt.py`` in
https://github.com/mahfuzibnalam/terminology_evaluation (read, not copied). Mirrored on purpose,
so that numbers compare with the task's published ones:

- **Input.** The task's SGML: ``<srcset>``/``<refset>``/``<tstset>``, ``<doc>``, ``<seg id=..>``, with
  inline ``<term id=.. type=.. src=.. tgt="form|form">text</term>`` annotations; the hypothesis
  may also be plain text, one segment per line. Segments pair up by order. Tokens are the
  segment's text split at white space, nothing else: the task's data is already tokenized
  ("l' un", "poitrine ?"), and hypotheses are expected to be tokenized the same way.
  Matching is case-sensitive: the script does not lower-case.
- **Exact match.** A term occurrence annotated in the reference (the source's annotations when
  there is no SGML reference) is correct when one of its accepted forms (the ``tgt`` attribute
  split at ``|``, then the reference's own text when it is not a substring of ``tgt``) occurs in
  the hypothesis as whole tokens at a start token no earlier term has used. Terms are tried in
  document order, forms in the order listed; as in the script, *every* form that occurs at an
  unused start uses one up, not just the first form found. Accuracy = correct / occurrences.
- **Window overlap** (window w), for the reference terms of a ``*tgt_original*`` type: the
  reference's text of the term is looked up in the hypothesis (every start, overlapping ones
  too). For each pair (reference occurrence, hypothesis occurrence) of the same text, the
  context is up to w tokens left and w right of the term, skipping punctuation tokens (a token
  that is a substring of ``string.punctuation``, as the script tests it); the pair's score is
  the number of reference context tokens found in the hypothesis context (as a multiset)
  divided by the number of reference context tokens (0 when there are none). Pairs are then
  matched one to one, best score first (ties in reference, then hypothesis order), and a
  segment's score is the mean over its matched pairs (0 when none). The corpus score is the sum
  of the segment scores divided by the number of *all* segments, those without terms too.

Where the script is accidentally wrong, this module does what it evidently means: forms are
matched literally (the script puts them into a regular expression unescaped, so "." matches
anything and "(" crashes); a reference term's position is the position of its annotation (the
script takes the first occurrence of its first word in the segment, and for two-word terms
puts the left window one word too far right); the SGML is parsed leniently with regular
expressions (no XML parser: the files are not always well-formed, and nothing in them is
fetched or expanded) instead of one ``<seg>`` per line. Lemma matching (the script's Stanza
pass, which counts terms found only after lemmatization separately) is not done: it needs
language models this tool does not ship.
"""

from __future__ import annotations

import html
import re
import string
from collections import Counter
from dataclasses import dataclass

from mtcheck.documents import read_text
from mtcheck.errors import InputError, Problem

WINDOWS = (2, 3)
# A tag, with quoted attribute values that may hold ">"; linear: the alternatives never overlap.
_ATTRS = r"""((?:"[^"]*"|'[^']*'|[^'">])*)"""
_SEG_OPEN = re.compile(r"<seg\b" + _ATTRS + ">", re.IGNORECASE)
_SEG_CLOSE = re.compile(r"</seg\s*>", re.IGNORECASE)
_TAG = re.compile(r"<!--.*?(?:-->|\Z)|<(/?)([A-Za-z][\w:.-]*)" + _ATTRS + ">", re.DOTALL)
_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Term:
    """One ``<term>`` annotation, where it sits in its segment, and what it accepts."""

    tgt: str  # the tgt attribute, unescaped: accepted target forms separated by "|"
    text: str  # the annotated text, white space normalised
    start: int  # token span of the annotated text in the segment
    end: int
    type: str  # e.g. src_original_and_tgt_lemma; "" when the annotation has none
    term_id: str | None = None

    @property
    def original_target(self) -> bool:
        """Whether the annotated text is the target form itself (not a lemma): only such terms are
        looked up for window overlap. A term without a type is taken as original."""
        return not self.type or "tgt_original" in self.type

    def forms(self, with_text: bool) -> list[tuple[str, ...]]:
        """Accepted forms as token tuples; the reference's own text is accepted too, as the script
        does, when it is not already a substring of the tgt attribute."""
        forms = [tuple(form.split()) for form in self.tgt.split("|")]
        if with_text and self.text not in self.tgt:
            forms.append(tuple(self.text.split()))
        return [form for form in forms if form]


@dataclass(frozen=True, slots=True)
class Segment:
    seg_id: str | None
    text: str  # for BLEU and the like: the line, or the SGML segment's tokens joined
    tokens: tuple[str, ...]
    terms: tuple[Term, ...] = ()


@dataclass(frozen=True, slots=True)
class ExactMatch:
    correct: int
    total: int  # annotated term occurrences

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None

    def as_dict(self) -> dict:
        return {"correct": self.correct, "total": self.total, "accuracy": self.accuracy}


@dataclass(frozen=True, slots=True)
class WindowOverlap:
    window: int
    score: float  # mean over all segments of the segments' mean pair scores
    pairs: int  # reference/hypothesis term pairs that were scored


@dataclass(frozen=True)
class WmtTermScores:
    exact_match: ExactMatch
    window_overlap: tuple[WindowOverlap, ...]  # empty without an SGML reference
    segments: int
    annotations: str  # "reference" or "source": whose <term> annotations exact match used

    def overlap(self, window: int) -> WindowOverlap | None:
        return next((w for w in self.window_overlap if w.window == window), None)

    def as_dict(self) -> dict:
        data: dict = {"exact_match": self.exact_match.as_dict()}
        for window in WINDOWS:
            found = self.overlap(window)
            data[f"window_overlap_{window}"] = found.score if found else None
        return {**data, "segments": self.segments, "annotations": self.annotations}


@dataclass(frozen=True)
class WmtInputs:
    """The three sides, segment-parallel: checked when read."""

    hypothesis: list[Segment]
    source: list[Segment]
    reference: list[Segment] | None  # the first SGML --ref: its annotations drive both metrics
    reference_texts: list[list[str]]  # every --ref's segment texts, for BLEU, chrF++ and TER


# Reading


def looks_like_sgml(text: str) -> bool:
    return text.lstrip("\ufeff \t\r\n").startswith("<") and _SEG_OPEN.search(text) is not None


def read_sgml(path: str) -> list[Segment]:
    """Every ``<seg>`` of a WMT SGML file, in file order; an empty or broken file is an InputError."""
    return _nonempty(parse_sgml(read_text(path), path), path)


def _nonempty(segments: list[Segment], path: str) -> list[Segment]:
    if not segments:
        raise InputError(Problem(path, "no <seg> found: expected WMT SGML (<srcset>/<refset>/<tstset>, <doc>, "
                                       "<seg id=...>)"))
    return segments


def parse_sgml(text: str, path: str = "<sgml>") -> list[Segment]:
    opens = list(_SEG_OPEN.finditer(text))
    segments = []
    for number, opening in enumerate(opens):
        limit = opens[number + 1].start() if number + 1 < len(opens) else len(text)
        closing = _SEG_CLOSE.search(text, opening.end(), limit)
        if closing is None:
            line = text.count("\n", 0, opening.start()) + 1
            raise InputError(Problem(path, "<seg> without </seg> before the next segment", line, 1))
        seg_id = _attributes(opening.group(1)).get("id")
        segments.append(_segment(seg_id, text[opening.end():closing.start()]))
    return segments


def _attributes(source: str) -> dict[str, str]:
    """Attribute names lower-cased (SGML is case-insensitive), values unescaped."""
    return {m.group(1).lower(): html.unescape(next(v for v in m.groups()[1:] if v is not None))
            for m in _ATTR.finditer(source)}


def _segment(seg_id: str | None, content: str) -> Segment:
    """The segment's plain text, tokens, and term annotations with their token spans. Tags other
    than <term> are dropped; an unclosed <term> runs to the segment's end."""
    plain: list[str] = []
    size = 0
    open_terms: list[tuple[int, dict[str, str]]] = []
    spans: list[tuple[int, int, dict[str, str]]] = []
    position = 0
    for tag in _TAG.finditer(content):
        piece = html.unescape(content[position:tag.start()])
        plain.append(piece)
        size += len(piece)
        position = tag.end()
        if (tag.group(2) or "").lower() != "term":
            continue
        if not tag.group(1):
            open_terms.append((size, _attributes(tag.group(3))))
        elif open_terms:
            start, attributes = open_terms.pop()
            spans.append((start, size, attributes))
    plain.append(html.unescape(content[position:]))
    text = "".join(plain)
    spans += [(start, len(text), attributes) for start, attributes in open_terms]
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    terms = tuple(_term(text, tokens, start, end, attributes) for start, end, attributes in sorted(spans, key=_first))
    words = tuple(token for _, _, token in tokens)
    return Segment(seg_id, " ".join(words), words, terms)


def _first(span: tuple[int, int, dict]) -> tuple[int, int]:
    return span[0], -span[1]  # document order; an enclosing term before the ones inside it


def _term(text: str, tokens: list[tuple[int, int, str]], start: int, end: int, attributes: dict[str, str]) -> Term:
    """A term's token span: the tokens that overlap its characters (a token straddling the
    annotation's edge belongs to it)."""
    inside = [i for i, (a, b, _) in enumerate(tokens) if a < end and b > start]
    if inside:
        first, last = inside[0], inside[-1] + 1
    else:
        first = last = sum(1 for a, _, _ in tokens if a < start)
    return Term(tgt=attributes.get("tgt", ""), text=" ".join(text[start:end].split()), start=first, end=last,
                type=attributes.get("type", ""), term_id=attributes.get("id"))


def read_hypothesis(path: str) -> list[Segment]:
    """SGML (its <seg>s in order) or plain text, one segment per line as sacrebleu reads it."""
    text = read_text(path, encoding="utf-8")
    if looks_like_sgml(text):
        return _nonempty(parse_sgml(text, path), path)
    return [Segment(None, line, tuple(line.lstrip("\ufeff").split())) for line in _lines(text)]


def _lines(text: str) -> list[str]:
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return [line.rstrip() for line in lines]


def read_inputs(hypothesis: str, source: str, references: list[str]) -> WmtInputs:
    """Read and check the three sides: every one needs one segment per source segment."""
    src = read_sgml(source)
    hyp = read_hypothesis(hypothesis)
    if len(hyp) != len(src):
        raise InputError(Problem(hypothesis, f"has {len(hyp)} segments but {source} has {len(src)}: the hypothesis "
                                             "needs one segment per source segment, in source order"))
    annotated: list[Segment] | None = None
    texts = []
    for path in references:
        text = read_text(path, encoding="utf-8")
        segments = parse_sgml(text, path) if looks_like_sgml(text) else None
        unit = "segments" if segments is not None else "lines"
        rows = [s.text for s in segments] if segments is not None else _lines(text)
        if len(rows) != len(src):
            raise InputError(Problem(path, f"has {len(rows)} {unit} but {source} has {len(src)} segments: a reference "
                                           "needs one segment per source segment"))
        if segments is not None and annotated is None:
            annotated = segments
        texts.append(rows)
    return WmtInputs(hyp, src, annotated, texts)


# Scoring


def term_scores(inputs: WmtInputs) -> WmtTermScores:
    annotated = inputs.reference or inputs.source
    with_text = inputs.reference is not None
    correct = total = 0
    for hyp, seg in zip(inputs.hypothesis, annotated):
        correct += exact_matches(hyp.tokens, seg.terms, with_text)
        total += len(seg.terms)
    overlaps: tuple[WindowOverlap, ...] = ()
    if inputs.reference is not None:
        overlaps = tuple(window_overlap(inputs.hypothesis, inputs.reference, w) for w in WINDOWS)
    return WmtTermScores(ExactMatch(correct, total), overlaps, len(inputs.source),
                         "reference" if with_text else "source")


def exact_matches(hypothesis: tuple[str, ...], terms: tuple[Term, ...], with_text: bool = True) -> int:
    """How many of the segment's term occurrences the hypothesis renders with an accepted form;
    a start token serves one term only."""
    used: set[int] = set()
    correct = 0
    for term in terms:
        found = False
        for form in term.forms(with_text):
            start = next((s for s in occurrences(hypothesis, form) if s not in used), None)
            if start is not None:  # the script goes on with the next form: each one found uses a start up
                used.add(start)
                found = True
        correct += found
    return correct


def occurrences(tokens: tuple[str, ...], words: tuple[str, ...]) -> list[int]:
    """Every start at which ``words`` occurs as whole tokens, overlapping ones included."""
    if not words:
        return []
    n = len(words)
    return [i for i in range(len(tokens) - n + 1) if tokens[i:i + n] == words]


def window_overlap(hypothesis: list[Segment], reference: list[Segment], window: int) -> WindowOverlap:
    total = 0.0
    pairs = 0
    for hyp, ref in zip(hypothesis, reference):
        scores = segment_overlap(hyp.tokens, ref, window)
        if scores:
            total += sum(scores) / len(scores)
            pairs += len(scores)
    return WindowOverlap(window, total / len(reference) if reference else 0.0, pairs)


def segment_overlap(hypothesis: tuple[str, ...], reference: Segment, window: int) -> list[float]:
    """The scores of the matched (reference term, hypothesis occurrence) pairs of one segment."""
    groups: dict[tuple[str, ...], list[Term]] = {}
    for term in reference.terms:
        if term.original_target and term.text:
            groups.setdefault(tuple(term.text.split()), []).append(term)
    matched = []
    for words, terms in groups.items():
        starts = occurrences(hypothesis, words)
        scored = [(_overlap(context(reference.tokens, term.start, term.end, window),
                            context(hypothesis, start, start + len(words), window)), j, k)
                  for j, term in enumerate(terms) for k, start in enumerate(starts)]
        matched += _one_to_one(scored)
    return matched


def context(tokens: tuple[str, ...], start: int, end: int, window: int) -> list[str]:
    """Up to ``window`` non-punctuation tokens left of [start, end) (nearest first), then right."""
    left = [t for t in reversed(tokens[:start]) if not is_punctuation(t)][:window]
    right = [t for t in tokens[end:] if not is_punctuation(t)][:window]
    return left + right


def is_punctuation(token: str) -> bool:
    """The script's test, ``token in string.punctuation``: one ASCII punctuation mark, or a run
    of them in that string's order ("()" yes, "..." and "«" no)."""
    return bool(token) and token in string.punctuation


def _overlap(reference: list[str], hypothesis: list[str]) -> float:
    if not reference:
        return 0.0
    return sum((Counter(reference) & Counter(hypothesis)).values()) / len(reference)


def _one_to_one(scored: list[tuple[float, int, int]]) -> list[float]:
    """Greedy matching, best first; the sort is stable, so ties go in (reference, hypothesis) order."""
    taken_ref: set[int] = set()
    taken_hyp: set[int] = set()
    chosen = []
    for score, j, k in sorted(scored, key=lambda item: -item[0]):
        if j not in taken_ref and k not in taken_hyp:
            taken_ref.add(j)
            taken_hyp.add(k)
            chosen.append(score)
    return chosen
