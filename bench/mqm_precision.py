"""Precision of mtcheck's rules on real machine translation that people annotated with MQM errors.

The data is the WMT 2021 TED talks English-German MQM file (Freitag et al. 2021, "Experts, Errors,
and Context"): the output of 14 systems, each segment annotated by one expert rater, one row per
error with its span marked <v>…</v>. Every segment is checked as a bilingual pair (source en, target
de, an empty glossary), each system's talk as one document so that document-wide rules see a real
document. A finding is judged by what the rater marked on its segment:

- segment precision, strict: the rater marked an error of the rule's own type (CATEGORY_EQUIVALENTS);
- segment precision, loose: the rater marked an error of the rule's dimension (DIMENSION_EQUIVALENTS);
- any error: the rater marked any error at all;
- span overlap: the finding overlaps a span the rater marked in the target (any type, the rule's type);
- base rate: the share of all segments with an error of the rule's type (or dimension), which is
  the precision a rule firing at random would reach.

    .venv/bin/python bench/mqm_precision.py [--data PATH] [--rules a,b] [--limit N] [--out DIR]

A full run writes bench/results/mqm-precision.{md,json}; a run narrowed by --rules or --limit only
prints its table, unless --out says where to write.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from mtcheck import Checker
from mtcheck.config import Config
from mtcheck.model import Glossary
from mtcheck.rules import RULES, Rule

ROOT = Path(__file__).resolve().parent.parent
# The shared data sits beside the repository (/work/main next to /work/shared).
DEFAULT_DATA = ROOT / ".." / "shared" / "data" / "wmt-mqm-ted-ende" / "mqm_ted_ende.tsv"
RESULTS = ROOT / "bench" / "results"
SOURCE_LANGUAGE, TARGET_LANGUAGE = "en", "de"
COLUMNS = ("system", "doc", "doc_id", "seg_id", "rater", "source", "target", "category", "severity")
NO_ERROR = "No-error"
OPEN_MARK, CLOSE_MARK = "<v>", "</v>"
EXAMPLES = 5
CONTEXT = 50  # characters of the target shown on each side of an example finding

# mtcheck's rules declare MQM-Core error types; the WMT raters used the typology of Freitag et al.,
# whose names differ. A rule's type "equals" a rater's when the two name the same error.
CATEGORY_EQUIVALENTS: dict[str, tuple[str, ...]] = {
    "Accuracy/Mistranslation": ("Accuracy/Mistranslation",),
    "Accuracy/Omission": ("Accuracy/Omission",),
    "Accuracy/Untranslated": ("Accuracy/Untranslated text", "Non-translation!"),
    "Linguistic conventions/Grammar": ("Fluency/Grammar",),
    "Linguistic conventions/Punctuation": ("Fluency/Punctuation",),
    "Linguistic conventions/Spelling": ("Fluency/Spelling",),
    # Markup residue, placeholders and mojibake: the raters' garbled or broken characters.
    "Design and markup/Markup tag": ("Fluency/Display", "Fluency/Character encoding"),
    "Terminology/Inconsistent use of terminology": ("Terminology/Inconsistent use of terminology",),
    # WMT had no glossary: a wrong term is "inappropriate for context".
    "Terminology/Inconsistent with terminology resource": ("Terminology/Inappropriate for context",),
}
# MQM-Core dimension -> the WMT dimension of the same errors. MQM-Core's "Linguistic conventions"
# is WMT's "Fluency"; WMT has no design dimension, and its raters filed display errors under Fluency.
DIMENSION_EQUIVALENTS: dict[str, str] = {
    "Accuracy": "Accuracy",
    "Linguistic conventions": "Fluency",
    "Design and markup": "Fluency",
    "Terminology": "Terminology",
    "Style": "Style",
    "Locale conventions": "Locale convention",
}
# A WMT category outside the "Dimension/Type" pattern, and its dimension.
RATER_DIMENSIONS = {"Non-translation!": "Accuracy"}


@dataclass(frozen=True, slots=True)
class Mark:
    """One error a rater marked on a segment (a No-error row marks none)."""

    rater: str
    category: str
    severity: str
    side: str | None  # "target" or "source": the text whose span the rater marked; None when unmarked
    span: tuple[int, int] | None  # (start, end) in the cleaned text of that side

    @property
    def is_error(self) -> bool:
        return self.category != NO_ERROR


@dataclass(frozen=True, slots=True)
class Segment:
    system: str
    doc: str
    doc_id: str  # the segment's place in its talk
    seg_id: str
    source: str  # without <v></v> marks
    target: str
    marks: tuple[Mark, ...]

    @property
    def key(self) -> tuple[str, str, str]:
        return self.system, self.doc_id, self.seg_id

    @property
    def errors(self) -> tuple[Mark, ...]:
        return tuple(mark for mark in self.marks if mark.is_error)


@dataclass(frozen=True, slots=True)
class Corpus:
    segments: tuple[Segment, ...]  # ordered by system, talk and place in the talk
    rows: int
    # Rows whose text, marks removed, differs from the first row of their segment (the first is kept).
    disagreements: int


@dataclass(frozen=True, slots=True)
class SegmentFinding:
    """A finding placed in its segment: offsets count in the segment's cleaned target."""

    rule: str
    mqm: str
    segment: int  # index into Corpus.segments
    start: int
    end: int
    text: str
    message: str


@dataclass(frozen=True, slots=True)
class Judgement:
    same_type: bool  # the segment has an error of the rule's type
    same_dimension: bool
    any_error: bool
    overlaps_any: bool  # the finding overlaps a target span marked with any error
    overlaps_same_type: bool
    without_width: bool


@dataclass(frozen=True, slots=True)
class Figures:
    """A rule's findings judged (or, for "all rules", every finding, each by its own rule)."""

    rule: str
    mqm: str
    findings: int
    same_type: int
    same_dimension: int
    any_error: int
    overlaps_any: int
    overlaps_same_type: int
    without_width: int  # findings at a point (a number missing from the target): they overlap little
    base_same_type: float  # share of segments with an error of the type: chance precision
    base_same_dimension: float
    base_any_error: float

    def share(self, count: int) -> float | None:
        return count / self.findings if self.findings else None


# --- reading the annotations ---------------------------------------------------------------------

def read_rows(path: Path) -> list[dict[str, str]]:
    """The file's rows by column name. Quote characters are text in this format: no quoting."""
    with path.open(encoding="utf-8", newline="") as file:
        reader = csv.reader(file, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = [name.strip().lower() for name in next(reader)]
        missing = [name for name in COLUMNS if name not in header]
        if missing:
            raise SystemExit(f"{path}: the header lacks {', '.join(missing)}")
        return [dict(zip(header, row)) for row in reader if row]


def unmark(text: str) -> tuple[str, tuple[int, int] | None]:
    """The text without <v></v> marks, and the span they enclosed in it.

    One row marks one span. A mark left open (one row of the TED file) runs to the end of the text.
    """
    opening = text.find(OPEN_MARK)
    clean = text.replace(OPEN_MARK, "").replace(CLOSE_MARK, "")
    if opening < 0:
        return clean, None
    closing = text.find(CLOSE_MARK, opening)
    end = len(clean) if closing < 0 else closing - len(OPEN_MARK)
    return clean, (opening, end)


def mark_of(row: dict[str, str]) -> tuple[str, str, Mark]:
    """A row's cleaned source and target, and the error it marks."""
    source, source_span = unmark(row["source"])
    target, target_span = unmark(row["target"])
    side, span = ("target", target_span) if target_span else ("source", source_span) if source_span else (None, None)
    return source, target, Mark(row["rater"], row["category"].strip(), row["severity"].strip(), side, span)


def kept_where_texts_agree(mark: Mark, texts: tuple[str, str], kept: tuple[str, str]) -> Mark:
    """The mark of a row whose (source, target) differ from the segment's kept ones: its span is
    dropped when it lies in a text that differs, where its offsets mean nothing."""
    side = {"source": 0, "target": 1}.get(mark.side or "")
    if side is None or texts[side] == kept[side]:
        return mark
    return Mark(mark.rater, mark.category, mark.severity, None, None)


def build_corpus(rows: Iterable[dict[str, str]]) -> Corpus:
    """The unique segments with all their marks; a segment's text is its first row's."""
    first: dict[tuple[str, str, str], tuple[dict[str, str], str, str]] = {}
    marks: dict[tuple[str, str, str], list[Mark]] = defaultdict(list)
    count = disagreements = 0
    for row in rows:
        count += 1
        key = row["system"], row["doc_id"], row["seg_id"]
        source, target, mark = mark_of(row)
        if key not in first:
            first[key] = row, source, target
        elif first[key][1:] != (source, target):
            disagreements += 1
            mark = kept_where_texts_agree(mark, (source, target), first[key][1:])
        marks[key].append(mark)
    segments = [Segment(row["system"], row["doc"], row["doc_id"], row["seg_id"], source, target, tuple(marks[key]))
                for key, (row, source, target) in first.items()]
    segments.sort(key=lambda s: (s.system, s.doc, int(s.doc_id), int(s.seg_id)))
    return Corpus(tuple(segments), count, disagreements)


# --- checking ------------------------------------------------------------------------------------

def documents_of(segments: Sequence[Segment]) -> list[list[int]]:
    """Indices of the segments of each (system, talk), in order: one document each."""
    documents: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, segment in enumerate(segments):
        documents[segment.system, segment.doc].append(index)
    return list(documents.values())


def empty_glossary() -> Glossary:
    """No terms, only the languages: as the rule examples with a language run (tests/rules)."""
    return Glossary("mqm-precision", TARGET_LANGUAGE, "<none>", (), SOURCE_LANGUAGE)


def run_rules(segments: Sequence[Segment], rules: Sequence[Rule]) -> list[SegmentFinding]:
    """Every finding of ``rules`` on the segments, each talk checked as a line-aligned source and
    target file, as `mtcheck check TARGET --source SOURCE` reads them."""
    documents = documents_of(segments)
    with tempfile.TemporaryDirectory(prefix="mqm-precision-") as folder:
        sources = {}
        for number, members in enumerate(documents):
            target = Path(folder) / f"{number:03d}.{TARGET_LANGUAGE}.txt"
            source = Path(folder) / f"{number:03d}.{SOURCE_LANGUAGE}.txt"
            target.write_text("".join(segments[i].target + "\n" for i in members), encoding="utf-8")
            source.write_text("".join(segments[i].source + "\n" for i in members), encoding="utf-8")
            sources[str(target)] = str(source)
        checker = Checker([empty_glossary()], Config(), rules=list(rules), sources=sources)
        found = []
        for path, members in zip(sources, documents):
            found += findings_of(checker, path, members)
    return sorted(found, key=lambda f: (f.segment, f.start, f.end, f.rule, f.message))


def findings_of(checker: Checker, path: str, members: list[int]) -> list[SegmentFinding]:
    document = checker.read(path)
    if len(document.pairs) != len(members):  # a line break inside a segment would shift every later one
        raise SystemExit(f"{path}: {len(document.pairs)} pairs read for {len(members)} segments")
    result = checker.check_document(document)
    if result.skipped:
        raise SystemExit(f"{path}: skipped: {result.skipped}")
    return [SegmentFinding(f.rule, f.mqm, members[f.segment], f.offset, f.offset + f.length, f.text, f.message)
            for f in result.findings]


# --- judging -------------------------------------------------------------------------------------

def rater_dimension(category: str) -> str:
    return RATER_DIMENSIONS.get(category, category.split("/")[0])


def same_type(mqm: str, category: str) -> bool:
    return category in CATEGORY_EQUIVALENTS.get(mqm, ())


def same_dimension(mqm: str, category: str) -> bool:
    dimension = DIMENSION_EQUIVALENTS.get(mqm.split("/")[0])
    return dimension is not None and rater_dimension(category) == dimension


def overlaps(start: int, end: int, span: tuple[int, int]) -> bool:
    """Whether [start, end) meets the span; a finding of no width (an insertion point) meets a span
    it touches."""
    if start == end:
        return span[0] <= start <= span[1]
    return start < span[1] and span[0] < end


def judge(finding: SegmentFinding, segment: Segment) -> Judgement:
    errors = segment.errors
    in_target = [m for m in errors if m.side == "target" and overlaps(finding.start, finding.end, m.span)]
    return Judgement(
        same_type=any(same_type(finding.mqm, m.category) for m in errors),
        same_dimension=any(same_dimension(finding.mqm, m.category) for m in errors),
        any_error=bool(errors),
        overlaps_any=bool(in_target),
        overlaps_same_type=any(same_type(finding.mqm, m.category) for m in in_target),
        without_width=finding.start == finding.end,
    )


def base_rate(segments: Sequence[Segment], mqm: str, matches) -> float:
    """The share of segments with an error that ``matches(mqm, category)``."""
    if not segments:
        return 0.0
    hit = sum(any(matches(mqm, m.category) for m in s.errors) for s in segments)
    return hit / len(segments)


def figures(rule: str, mqm: str, judged: Sequence[Judgement], bases: tuple[float, float, float]) -> Figures:
    """``bases``: the base rates of the same type, the same dimension and any error."""
    return Figures(rule, mqm, len(judged), sum(j.same_type for j in judged), sum(j.same_dimension for j in judged),
                   sum(j.any_error for j in judged), sum(j.overlaps_any for j in judged),
                   sum(j.overlaps_same_type for j in judged), sum(j.without_width for j in judged), *bases)


def rule_figures(rules: Sequence[Rule], segments: Sequence[Segment], found: Sequence[SegmentFinding]) -> list[Figures]:
    """One line per rule (in id order, rules without findings too), then "all rules": every finding
    judged by its own rule's type, against the base rate of that type averaged over the findings."""
    judged: dict[str, list[Judgement]] = defaultdict(list)
    for finding in found:
        judged[finding.rule].append(judge(finding, segments[finding.segment]))
    any_error = sum(bool(s.errors) for s in segments) / len(segments) if segments else 0.0
    lines = [figures(rule.id, rule.mqm, judged[rule.id],
                     (base_rate(segments, rule.mqm, same_type), base_rate(segments, rule.mqm, same_dimension), any_error))
             for rule in sorted(rules, key=lambda r: r.id)]
    every = [j for line in lines for j in judged[line.rule]]
    weight = len(every) or 1
    lines.append(figures("all rules", "", every, (sum(line.base_same_type * line.findings for line in lines) / weight,
                                                  sum(line.base_same_dimension * line.findings for line in lines) / weight,
                                                  any_error)))
    return lines


# --- examples of false positives -----------------------------------------------------------------

def false_positives(segments: Sequence[Segment], found: Sequence[SegmentFinding]) -> dict[str, list[SegmentFinding]]:
    """Per rule, up to EXAMPLES findings on segments without an error of the rule's type, spread
    evenly over them (the first few would all come from one system's first talk)."""
    wrong: dict[str, list[SegmentFinding]] = defaultdict(list)
    for finding in found:
        if not judge(finding, segments[finding.segment]).same_type:
            wrong[finding.rule].append(finding)
    return {rule: spread(items, EXAMPLES) for rule, items in sorted(wrong.items())}


def spread(items: Sequence, count: int) -> list:
    """``count`` of the items, evenly spaced from the first; all of them when there are no more."""
    if len(items) <= count:
        return list(items)
    return [items[i * len(items) // count] for i in range(count)]


def in_context(text: str, start: int, end: int) -> str:
    """The target around a span, the span in ⟦⟧ (the brackets of the rule examples)."""
    before = text[max(0, start - CONTEXT):start]
    after = text[end:end + CONTEXT]
    return (("…" if start > CONTEXT else "") + before + "⟦" + text[start:end] + "⟧" + after
            + ("…" if end + CONTEXT < len(text) else ""))


def described_mark(mark: Mark, segment: Segment) -> str:
    """A rater's mark as "Category (Severity): 'span'"."""
    if mark.span is None:
        return f"{mark.category} ({mark.severity})"
    text = segment.target if mark.side == "target" else segment.source
    where = "" if mark.side == "target" else " in the source"
    return f"{mark.category} ({mark.severity}){where}: {text[mark.span[0]:mark.span[1]]!r}"


def example(finding: SegmentFinding, segment: Segment) -> dict:
    return {
        "segment": f"{segment.system} {segment.doc} #{segment.doc_id} (seg {segment.seg_id})",
        "message": finding.message,
        "target": in_context(segment.target, finding.start, finding.end),
        "source": segment.source,
        "rater marked": [described_mark(m, segment) for m in segment.marks],
    }


# --- reports -------------------------------------------------------------------------------------

def percent(share: float | None) -> str:
    return "–" if share is None else f"{100 * share:.1f}%"


def table(lines: Sequence[Figures]) -> str:
    """The figures as a Markdown table; the base rate of any error is the same for every rule."""
    any_error = f"any error (base {percent(lines[-1].base_any_error)})"
    header = ("rule", "MQM type", "findings", "same type", "base", "same dimension", "base", any_error,
              "overlap any", "overlap same type")
    rows = [header, tuple("---" for _ in header)]
    for line in lines:
        rows.append((f"`{line.rule}`" if line.mqm else f"**{line.rule}**", line.mqm, str(line.findings),
                     percent(line.share(line.same_type)), percent(line.base_same_type),
                     percent(line.share(line.same_dimension)), percent(line.base_same_dimension),
                     percent(line.share(line.any_error)), percent(line.share(line.overlaps_any)),
                     percent(line.share(line.overlaps_same_type))))
    return "\n".join("| " + " | ".join(row) + " |" for row in rows) + "\n"


def digit_errors_caught(segments: Sequence[Segment], found: Sequence[SegmentFinding]) -> dict:
    """number-mismatch's recall where it can be judged: segments with an accuracy error whose marked
    target span holds a digit, and how many of them get a number-mismatch finding (overlapping the span)."""
    by_segment: dict[int, list[SegmentFinding]] = defaultdict(list)
    for finding in found:
        if finding.rule == "number-mismatch":
            by_segment[finding.segment].append(finding)
    counts = {"segments": 0, "with a finding": 0, "with a finding on the span": 0}
    for index, segment in enumerate(segments):
        spans = [m.span for m in segment.errors if m.category.startswith("Accuracy") and m.side == "target" and m.span
                 and any(ch.isdigit() for ch in segment.target[m.span[0]:m.span[1]])]
        if spans:
            counts["segments"] += 1
            counts["with a finding"] += bool(by_segment[index])
            counts["with a finding on the span"] += any(overlaps(f.start, f.end, span)
                                                        for f in by_segment[index] for span in spans)
    return counts


def summary(corpus: Corpus, segments: Sequence[Segment], data: Path) -> dict:
    with_error = sum(bool(s.errors) for s in segments)
    return {
        "data": data.name,
        "data sha256": hashlib.sha256(data.read_bytes()).hexdigest(),
        "rows": corpus.rows,
        "segments": len(segments),
        "documents": len(documents_of(segments)),
        "segments with an error": with_error,
        "disagreeing rows": corpus.disagreements,
    }


def markdown(lines: Sequence[Figures], about: dict, examples: dict[str, list[dict]]) -> str:
    parts = [
        "# Rule precision on WMT 2021 TED en→de, against expert MQM annotations\n",
        f"{about['segments']} segments ({about['segments with an error']} with an error) in {about['documents']} "
        f"documents (a system's talk each), from {about['rows']} rows of `{about['data']}`; "
        f"{about['disagreeing rows']} rows whose text, marks removed, differs from their segment's first row. "
        "Made by `bench/mqm_precision.py`; bench/README.md explains the columns.\n",
        "Shares of each rule's findings on a segment where the rater marked an error of the rule's MQM type "
        "(*same type*), of its dimension (*same dimension*), or any error; *base* is the share of all segments "
        "with such an error (what a rule firing at random would score); *overlap* counts findings that "
        "overlap a span the rater marked in the target.\n",
        table(lines),
        "number-mismatch on the accuracy errors whose marked target span holds a digit: "
        f"{about['digit errors']['segments']} segments, {about['digit errors']['with a finding']} with a finding, "
        f"{about['digit errors']['with a finding on the span']} with one on the span.\n",
        "## Category mapping (mtcheck's MQM-Core type → the WMT raters' types)\n",
        "| rule type | same type | same dimension |\n|---|---|---|",
        *(f"| {mqm} | {', '.join(rated)} | {DIMENSION_EQUIVALENTS[mqm.split('/')[0]]} |"
          for mqm, rated in sorted(CATEGORY_EQUIVALENTS.items())),
        "",
        "## False positives: findings on segments without an error of the rule's type\n",
    ]
    for rule, items in examples.items():
        parts.append(f"### `{rule}`\n")
        for item in items:
            parts.append(f"- {item['segment']}: {item['message']}\n  - target: {item['target']}\n"
                         f"  - rater: {'; '.join(item['rater marked'])}")
        parts.append("")
    return "\n".join(parts)


def as_json(lines: Sequence[Figures], about: dict, examples: dict[str, list[dict]], rules: Sequence[Rule],
            limit: int | None) -> str:
    def rounded(value: float | None) -> float | None:
        return None if value is None else round(value, 4)

    return json.dumps({
        "about": about,
        "rules run": sorted(rule.id for rule in rules),
        "segment limit": limit,
        "category mapping": {"same type": CATEGORY_EQUIVALENTS, "same dimension": DIMENSION_EQUIVALENTS},
        "figures": [{
            "rule": line.rule, "mqm": line.mqm, "findings": line.findings,
            "same type": line.same_type, "same dimension": line.same_dimension, "any error": line.any_error,
            "overlaps any": line.overlaps_any, "overlaps same type": line.overlaps_same_type,
            "findings without width": line.without_width,
            "precision same type": rounded(line.share(line.same_type)),
            "precision same dimension": rounded(line.share(line.same_dimension)),
            "precision any error": rounded(line.share(line.any_error)),
            "overlap any": rounded(line.share(line.overlaps_any)),
            "overlap same type": rounded(line.share(line.overlaps_same_type)),
            "base rate same type": rounded(line.base_same_type),
            "base rate same dimension": rounded(line.base_same_dimension),
            "base rate any error": rounded(line.base_any_error),
        } for line in lines],
        "false positive examples": examples,
    }, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


# --- command line --------------------------------------------------------------------------------

def chosen_rules(wanted: str | None) -> list[Rule]:
    """The rules named, else those a run without a config runs (not the opt-in ones, such as spelling)."""
    if not wanted:
        return [rule for rule in RULES.values() if rule.enabled_by_default]
    ids = [rule_id.strip() for rule_id in wanted.split(",") if rule_id.strip()]
    if unknown := [rule_id for rule_id in ids if rule_id not in RULES]:
        raise SystemExit(f"unknown rule(s) {', '.join(unknown)} (known: {', '.join(RULES)})")
    return [RULES[rule_id] for rule_id in ids]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the MQM TSV file")
    parser.add_argument("--rules", help="comma-separated rule ids (default: every rule)")
    parser.add_argument("--limit", type=int, help="check only the first N segments")
    parser.add_argument("--out", type=Path, help="where to write mqm-precision.{md,json} "
                                                 "(default: bench/results, for a run of every rule on every segment)")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        raise SystemExit(f"no MQM data at {args.data}: give its path with --data")
    started = time.perf_counter()
    rules = chosen_rules(args.rules)
    corpus = build_corpus(read_rows(args.data))
    segments = corpus.segments[:args.limit] if args.limit is not None else corpus.segments
    found = run_rules(segments, rules)
    lines = rule_figures(rules, segments, found)
    about = summary(corpus, segments, args.data) | {"digit errors": digit_errors_caught(segments, found)}
    examples = {rule: [example(f, segments[f.segment]) for f in items]
                for rule, items in false_positives(segments, found).items()}
    print(table(lines), end="")
    out = args.out or (RESULTS if args.rules is None and args.limit is None else None)
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        (out / "mqm-precision.md").write_text(markdown(lines, about, examples), encoding="utf-8")
        (out / "mqm-precision.json").write_text(as_json(lines, about, examples, rules, args.limit), encoding="utf-8")
    print(f"{len(segments)} segments, {len(found)} findings, {time.perf_counter() - started:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
