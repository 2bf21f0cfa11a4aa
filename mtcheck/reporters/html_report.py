"""The editors' review page: one self-contained HTML file to read a checked text with its findings.

The page has, from top to bottom and left to right:

- a header with the MQM quality score of the run (and a table of the files' scores when there are
  several): score, pass/FAIL (or "too short to score"), penalty points, words, errors by MQM error
  type and severity, and what the scores mean for the exit code (``summary.score_note``);
- each article's text with every finding highlighted in place by a ``<mark id="f-FILE-N">`` coloured
  by severity, its rule, severity and term in ``data-*`` attributes and a tooltip; a finding that
  crosses another one (starts inside it and ends after it) cannot nest in the markup, so it gets no
  mark of its own: the details and the panel list it at the mark it overlaps;
- a side panel: the details of the finding clicked, the filters (by severity and rule), the findings
  grouped by glossary term (its canonical form and note, every form found with its positions) and
  grouped by rule, each position a link that scrolls to the occurrence.

Everything is inline (CSS, JS, data) and a Content-Security-Policy allows nothing else: the page loads
nothing from the network and runs only its own script (by hash), even from file://. Text from
articles and glossaries only ever reaches the page through jinja2's autoescaping or as JSON with
``<``, ``>`` and ``&`` escaped, so it renders as text, never as markup; either way its control
characters and bidi overrides are shown as escapes (``visible``, line breaks kept), so that no
override reorders what the page shows. The same run gives the same bytes: no timestamps, and every
list in a fixed order.

Texts are read again from disk to be shown; standard input cannot be, and a file above
INLINE_LIMIT bytes would make a page no browser opens: both show their findings without the text.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from mtcheck.errors import MtcheckError
from mtcheck.model import FileResult, Finding, RunResult, Severity, Term
from mtcheck.reporters.summary import score_note, verdict
from mtcheck.visible import visible

INLINE_LIMIT = 20 * 2**20  # bytes: larger files are shown as a list of findings
MAX_POSITIONS = 200  # position links per form or rule in the panel; the rest are counted
STDIN_PATH = "<stdin>"
SEVERITIES = tuple(sorted(Severity, reverse=True))  # critical first


@dataclass(frozen=True, slots=True)
class Mark:
    """A finding as the page shows it; ``anchor`` is the element its links scroll to."""

    id: str
    finding: Finding
    anchor: str
    label: str  # its position, "4:97" (prefixed by the file's name when there are several)
    title: str  # the tooltip

    @property
    def severity(self) -> str:
        return self.finding.severity.label


@dataclass(slots=True)
class Article:
    index: int
    path: str
    words: int
    marks: list[Mark]
    score: ScoreView | None
    note: str | None = None  # why the text is not shown
    pieces: Iterable[tuple[str, object]] = ()  # ("text", str) | ("open", Mark) | ("close", None)


@dataclass(frozen=True, slots=True)
class ScoreView:
    """A QualityScore with its numbers formatted for the page."""

    score: str
    verdict: str
    state: str  # pass | fail | short (too short to score): the verdict's colour
    pass_mark: str
    model: str
    penalty: str
    words: str
    normed: str
    reference_words: str
    raw: str
    errors: list[tuple[str, list[int]]]  # MQM error type -> counts in SEVERITIES order


@dataclass(slots=True)
class FormGroup:
    text: str
    role: str | None  # canonical, variant, short, forbidden, source, or None (a near miss)
    marks: list[Mark] = field(default_factory=list)


@dataclass(slots=True)
class TermGroup:
    index: int
    id: str
    term: Term | None
    forms: list[FormGroup]
    count: int
    first: str  # anchor of the first occurrence


@dataclass(slots=True)
class RuleGroup:
    id: str
    mqm: str
    summary: str
    marks: list[Mark]


# ---------------------------------------------------------------------------------------- entry


def render(run: RunResult) -> str:
    return "".join(chunks(run))


def chunks(run: RunResult) -> Iterator[str]:
    """The page, written as the template renders it: articles are read one at a time."""
    template = _environment().get_template("review.html.j2")
    style, script = _asset("review.css"), _asset("review.js")
    several = len(run.files) > 1
    marks = [_marks(index, file, several, run.terms) for index, file in enumerate(run.files)]
    flat = [mark for file_marks in marks for mark in file_marks]
    yield from template.generate(
        title=_title(run),
        heading=_heading(run),
        summary=_summary(run),
        total=_score_view(run.scores.total) if run.scores else None,
        score_note=score_note(run.scores) if run.scores else None,
        file_scores=_file_scores(run) if several else [],
        severity_names=[s.label for s in SEVERITIES],
        articles=_articles(run, marks),
        terms=_term_groups(flat, run.terms),
        rules=_rule_groups(flat, run),
        severity_filters=_severity_filters(flat),
        rule_filters=sorted(Counter(m.finding.rule for m in flat).items()),
        max_positions=MAX_POSITIONS,
        data=Markup(_script_json(_page_data(flat, run))),
        style=Markup(style),
        script=Markup(script),
        csp=_csp(style, script),
    )


@cache
def _environment() -> Environment:
    # trim/lstrip: block tags on lines of their own leave no blank lines in the page
    return Environment(loader=PackageLoader("mtcheck.reporters", "templates"), autoescape=True,
                       trim_blocks=True, lstrip_blocks=True, undefined=StrictUndefined, finalize=_shown)


def _shown(value):
    """Every {{ }} of the template: text as ``visible`` shows it; markup (the page's own style,
    script, data and macros) and numbers as they are."""
    return visible(value, keep_line_breaks=True) if type(value) is str else value


@cache
def _asset(name: str) -> str:
    return (resources.files("mtcheck.reporters") / "templates" / name).read_text(encoding="utf-8")


def _csp(style: str, script: str) -> str:
    """Allow the page's own style and script only (by hash): no network, no injected code."""
    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"

    return (f"default-src 'none'; style-src {digest(style)}; script-src {digest(script)}; "
            "base-uri 'none'; form-action 'none'")


def _script_json(value) -> str:
    """JSON safe inside <script>: with <, > and & as \\u escapes, no text can spell "</script>" or "<!--"."""
    text = json.dumps(_visible_strings(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _visible_strings(value):
    """The page data with every string as ``visible`` shows it: the script puts them on the page."""
    if isinstance(value, str):
        return visible(value, keep_line_breaks=True)
    if isinstance(value, dict):
        return {key: _visible_strings(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_visible_strings(item) for item in value]
    return value


# ------------------------------------------------------------------------------------- findings


def _marks(index: int, file: FileResult, several: bool, terms: dict[str, Term]) -> list[Mark]:
    """The file's findings with their ids (by position in the run) and anchors (see nesting)."""
    prefix = f"{os.path.basename(file.path)} " if several else ""
    ids = [f"f-{index}-{n}" for n in range(len(file.findings))]
    anchors = nesting(file.findings, ids)
    return [Mark(ids[n], f, anchors[n], f"{prefix}{f.line}:{f.column}", _tooltip(f, terms.get(f.term or "")))
            for n, f in enumerate(file.findings)]


def nesting(findings: tuple[Finding, ...], ids: list[str]) -> list[str]:
    """Each finding's anchor: its own id when its mark nests among the others (one inside another or
    apart), else the id of the mark it crosses, which the page shows in its place."""
    anchors = list(ids)
    open_marks: list[tuple[int, str]] = []  # (end, id) of the marks enclosing the current position
    for n in sorted(range(len(findings)), key=lambda n: _order(findings[n])):
        start, end = findings[n].offset, findings[n].offset + findings[n].length
        while open_marks and open_marks[-1][0] <= start:
            open_marks.pop()
        if open_marks and end > open_marks[-1][0]:
            anchors[n] = open_marks[-1][1]
        else:
            open_marks.append((end, ids[n]))
    return anchors


def _order(f: Finding) -> tuple:
    """Document order, enclosing spans before those inside them."""
    return (f.offset, -f.length, f.rule, f.message)


def _tooltip(f: Finding, term: Term | None) -> str:
    lines = [f"{f.severity.label} · {f.rule} · {f.mqm}" if f.mqm else f"{f.severity.label} · {f.rule}", f.message]
    if f.suggestion:
        lines.append(f"Suggestion: {f.suggestion}")
    if term is not None and term.note:
        lines.append(f"Note: {term.note}")
    return "\n".join(lines)


# ------------------------------------------------------------------------------------- articles


def _articles(run: RunResult, marks: list[list[Mark]]) -> Iterator[Article]:
    """One article at a time, so that a run of many files holds one text in memory."""
    for index, file in enumerate(run.files):
        score = _score_view(run.scores.files[file.path]) if run.scores and file.path in run.scores.files else None
        article = Article(index, file.path, file.words, marks[index], score)
        text, article.note = _text(file.path)
        if text is not None and not all(located(text, m.finding) for m in marks[index]):
            text, article.note = None, ("The file changed since it was checked: the findings are listed "
                                        "without the text.")
        if text is not None:
            article.pieces = pieces(text, [m for m in marks[index] if m.anchor == m.id])
        yield article


def _text(path: str) -> tuple[str | None, str | None]:
    """The document's text, or None and the reason it is not shown."""
    from mtcheck.documents import read_document

    if path == STDIN_PATH:
        return None, "Standard input cannot be read again: the findings are listed without the text."
    try:
        size = os.stat(path).st_size
        if size > INLINE_LIMIT:
            return None, (f"The file is too large to show here ({size / 2**20:,.0f} MB; the limit is "
                          f"{INLINE_LIMIT // 2**20} MB): the findings are listed without the text.")
        return "".join(piece for _, piece in read_document(path).segments()), None
    except (OSError, MtcheckError) as exc:
        reason = exc.problems[0].message if isinstance(exc, MtcheckError) else exc.strerror
        return None, f"The file cannot be read again ({reason}): the findings are listed without the text."


def located(text: str, f: Finding) -> bool:
    """Whether the finding's text is still at its offset (compared loosely: rules may report a
    form with its gaps or composition normalised)."""
    def loose(value: str) -> str:
        return unicodedata.normalize("NFC", " ".join(value.split())).casefold()

    return f.offset + f.length <= len(text) and loose(text[f.offset:f.offset + f.length]) == loose(f.text)


def pieces(text: str, marks: list[Mark]) -> Iterator[tuple[str, Mark | str | None]]:
    """The text cut at the marks' boundaries: ("text", piece), ("open", mark) and ("close", None),
    the marks properly nested (nesting left out those that cross)."""
    open_ends: list[int] = []
    position = 0
    for mark in sorted(marks, key=lambda m: _order(m.finding)):
        start = mark.finding.offset
        while open_ends and open_ends[-1] <= start:
            yield from _up_to(text, position, open_ends[-1])
            position = open_ends.pop()
            yield "close", None
        yield from _up_to(text, position, start)
        position = start
        yield "open", mark
        open_ends.append(start + mark.finding.length)
    for end in reversed(open_ends):
        yield from _up_to(text, position, end)
        position = end
        yield "close", None
    yield from _up_to(text, position, len(text))


def _up_to(text: str, position: int, end: int) -> Iterator[tuple[str, str]]:
    if position < end:
        yield "text", text[position:end]



# --------------------------------------------------------------------------------------- header


def _heading(run: RunResult) -> str:
    return run.files[0].path if len(run.files) == 1 else f"{len(run.files):,} files"


def _title(run: RunResult) -> str:
    return f"mtcheck review: {_heading(run)}"


def _summary(run: RunResult) -> str:
    """The text report's summary line, without the per-rule counts the panel shows."""
    total, files = len(run.findings), len(run.files)
    counts = Counter(f.severity for f in run.findings)
    severities = ", ".join(f"{counts[s]} {s.label}" for s in SEVERITIES if counts[s])
    words = sum(file.words for file in run.files)
    found = f"{total:,} finding{'s' if total != 1 else ''}" + (f" ({severities})" if severities else "")
    return f"{found} in {files:,} file{'s' if files != 1 else ''} ({words:,} words)"


def _score_view(score) -> ScoreView:
    state = "short" if score.too_short else "pass" if score.passed else "fail"
    errors = [(category, [by_severity.get(s.label, 0) for s in SEVERITIES])
              for category, by_severity in sorted(score.errors.items())]
    return ScoreView(
        score="—" if score.too_short else f"{score.score:.2f}", verdict=verdict(score), state=state,
        pass_mark=f"{score.passing_threshold:g}", model=score.model, penalty=f"{score.penalty:g}",
        words=f"{score.words:,}", normed=f"{score.normed_penalty:.2f}",
        reference_words=f"{score.reference_words:,}", raw=f"{score.raw_score:.2f}", errors=errors,
    )


def _file_scores(run: RunResult) -> list[tuple[int, str, int, ScoreView]]:
    """(file index, path, findings, score) of every file, worst score first as in the text report."""
    if run.scores is None:
        return []
    rows = [(index, file.path, len(file.findings), run.scores.files[file.path])
            for index, file in enumerate(run.files) if file.path in run.scores.files]
    rows.sort(key=lambda row: (row[3].too_short, row[3].score, row[1], row[0]))
    return [(index, path, count, _score_view(score)) for index, path, count, score in rows]


# ---------------------------------------------------------------------------------------- panel


def _term_groups(marks: list[Mark], terms: dict[str, Term]) -> list[TermGroup]:
    """The findings that name a glossary term, by term (most found first), then by form found."""
    by_term: dict[str, list[Mark]] = defaultdict(list)
    for mark in marks:
        if mark.finding.term:
            by_term[mark.finding.term].append(mark)
    order = sorted(by_term, key=lambda t: (-len(by_term[t]), t))
    return [_term_group(index, term_id, terms.get(term_id), by_term[term_id]) for index, term_id in enumerate(order)]


def _term_group(index: int, term_id: str, term: Term | None, marks: list[Mark]) -> TermGroup:
    forms: dict[str, FormGroup] = {}
    for mark in marks:
        text = " ".join(mark.finding.text.split())
        forms.setdefault(text, FormGroup(text, _role(term, text))).marks.append(mark)
    ordered = sorted(forms.values(), key=lambda form: (-len(form.marks), form.text))
    return TermGroup(index, term_id, term, ordered, len(marks), marks[0].anchor)


def _role(term: Term | None, text: str) -> str | None:
    """What the glossary says of this form (forbidden, source, ...); None for a near miss."""
    if term is None:
        return None
    folded = text.casefold()
    for role, forms in term.forms_by_role().items():
        if any(form.casefold() == folded for form in forms):
            return role
    return None


def _rule_groups(marks: list[Mark], run: RunResult) -> list[RuleGroup]:
    by_rule: dict[str, list[Mark]] = defaultdict(list)
    for mark in marks:
        by_rule[mark.finding.rule].append(mark)
    info = {rule.id: rule for rule in run.rules}
    return [RuleGroup(rule, by_rule[rule][0].finding.mqm, info[rule].summary if rule in info else "", by_rule[rule])
            for rule in sorted(by_rule)]


def _severity_filters(marks: list[Mark]) -> list[tuple[str, int]]:
    counts = Counter(mark.finding.severity for mark in marks)
    return [(s.label, counts[s]) for s in SEVERITIES if counts[s]]


def _page_data(marks: list[Mark], run: RunResult) -> dict:
    """What the script shows in the details panel, by finding id; glossary notes once per term."""
    findings = {
        mark.id: {
            "anchor": mark.anchor, "rule": mark.finding.rule, "mqm": mark.finding.mqm,
            "severity": mark.severity, "message": mark.finding.message, "suggestion": mark.finding.suggestion,
            "term": mark.finding.term, "text": mark.finding.text, "path": mark.finding.path,
            "line": mark.finding.line, "column": mark.finding.column,
        }
        for mark in marks
    }
    named = {mark.finding.term for mark in marks if mark.finding.term}
    terms = {term_id: {"canonical": term.canonical, "note": term.note, "type": term.type}
             for term_id, term in run.terms.items() if term_id in named}
    return {"findings": findings, "terms": terms}
