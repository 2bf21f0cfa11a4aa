"""pattern-check: your own checks by regular expression, each with its id, message and severity, on
the target and, in bilingual files, its source (as Xbench's checklists and Verifika's custom checks).

```yaml
rules:
  pattern-check:
    checks:
      - id: double-hyphen              # shown in each finding: "double-hyphen: write a dash"
        target: " -- "
        message: write a dash
        severity: minor
      - id: trademark-kept
        source: "™"
        when: source-without-target    # the source has it and the target does not
        message: the source's ™ is missing
        severity: critical
```

What a check flags depends on ``when``:

- ``target-matches`` (the default): each match of ``target`` in a target; with a ``source``, only in
  segments whose source matches it ("Kosovo" in the source, "Kosova" in the target);
- ``source-without-target``: a segment whose source matches ``source`` and whose target does not
  match ``target`` (by default the same pattern), flagged at the start of its target;
- ``target-without-source``: each match of ``target`` in a target whose source does not match
  ``source`` (by default the same pattern): a URL or a number the source does not have.

Its MQM type is Style/Organizational style: a checklist writes down a house's own rules (MQM-Core
has no dimension of its own for configured checks, and the JSON report names only its seven).

A text without a source (a monolingual article) is all target: the ``target-matches`` checks
without a ``source`` run on it; the others need bilingual files (or ``--source``). Segments with
an empty target are left to ``empty-target``.

A check's ``severity`` is its findings' (default: the rule's, major); a ``severity`` set for the
rule itself in the config overrides every check's, as it does for every rule. Patterns use the
``regex`` engine (Python ``re`` syntax; ``(?i)`` ignores case) and are checked when the config
is read: one that does not compile is a config error naming the file, line and check. Each runs
with a time limit: one that backtracks catastrophically on a text stops the run with a one-line
error instead of hanging it.

Fails: "Click -- here" with ``target: " -- "``. Passes: "Click here".
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from mtcheck.errors import ConfigError, Problem
from mtcheck.model import SEVERITY_NAMES, Hit, Severity, Span
from mtcheck.pattern_cost import MAX_COMPILED_ITEMS, compiled_items
from mtcheck.rules.artifact import PATTERN_CHARS_PER_SECOND, PATTERN_SECONDS
from mtcheck.rules.base import CheckContext, Example, Option, Rule, target_span

if TYPE_CHECKING:
    import regex

TARGET_MATCHES, SOURCE_WITHOUT_TARGET, TARGET_WITHOUT_SOURCE = "target-matches", "source-without-target", "target-without-source"
CONDITIONS = (TARGET_MATCHES, SOURCE_WITHOUT_TARGET, TARGET_WITHOUT_SOURCE)
PATTERN_KEYS = ("source", "target")


@dataclass(frozen=True, slots=True)
class PatternCheck:
    """One configured check, its patterns filled in as its condition reads them."""

    id: str
    message: str
    severity: Severity | None
    when: str
    source: str | None
    target: str | None

    @classmethod
    def of(cls, settings: Mapping) -> PatternCheck:
        when = settings.get("when", TARGET_MATCHES)
        source, target = settings.get("source"), settings.get("target")
        if when == SOURCE_WITHOUT_TARGET:
            target = target or source  # "the source has ™, the target lacks it" names ™ once
        elif when == TARGET_WITHOUT_SOURCE:
            source = source or target
        severity = Severity.parse(settings["severity"]) if "severity" in settings else None
        return cls(settings["id"], settings["message"], severity, when, source, target)

    @property
    def needs_source(self) -> bool:
        return self.source is not None


def check(ctx: CheckContext):
    checks = _checks(ctx.option(RULE, "checks"))
    if not checks:
        return
    base, text = ctx.segment
    path = ctx.document.path
    if not ctx.pairs:  # a text of its own: all target, no source
        for each in checks:
            if each.when == TARGET_MATCHES and not each.needs_source:
                yield from _target_hits(each, _matches(each, each.target, text, path), lambda s, e, b=base: Span(b + s, b + e))
        return
    for index, pair in enumerate(ctx.pairs):
        start = ctx.document.target_span(index)[0]
        if not base <= start <= base + len(text) or not (pair.target or "").strip():
            continue  # another segment's pair (a bilingual file is examined whole), or empty-target's business
        for each in checks:
            yield from _pair_hits(ctx, each, index, pair.source or "", pair.target, path)


def _pair_hits(ctx: CheckContext, each: PatternCheck, index: int, source: str, target: str, path: str) -> Iterator[Hit]:
    def span(start: int, end: int) -> Span:
        return target_span(ctx, index, start, end)

    source_matches = each.needs_source and bool(_matches(each, each.source, source, path, first=True))
    if each.when == SOURCE_WITHOUT_TARGET:
        if source_matches and not _matches(each, each.target, target, path, first=True):
            yield Hit(span(0, 0), "", _message(each), severity=each.severity)
    elif each.when == TARGET_WITHOUT_SOURCE:
        if not source_matches:
            yield from _target_hits(each, _matches(each, each.target, target, path), span)
    elif source_matches or not each.needs_source:
        yield from _target_hits(each, _matches(each, each.target, target, path), span)


def _target_hits(each: PatternCheck, matches: list, span) -> Iterator[Hit]:
    for match in matches:
        yield Hit(span(match.start(), match.end()), match.group(), _message(each), severity=each.severity)


def _message(each: PatternCheck) -> str:
    return f"{each.id}: {each.message}"


def _matches(each: PatternCheck, pattern: str, text: str, path: str, first: bool = False) -> list:
    """The non-empty matches of ``pattern`` in ``text`` (the first only, with ``first``), within
    the time limit that artifact's patterns have too."""
    limit = PATTERN_SECONDS + len(text) / PATTERN_CHARS_PER_SECOND
    found = []
    try:  # the limit covers the whole iteration, not each match
        for match in _compiled(pattern).finditer(text, timeout=limit):
            if match.end() > match.start():
                found.append(match)
                if first:
                    break
    except TimeoutError:
        raise ConfigError(Problem(path, f"rules.pattern-check.checks: check {each.id!r}: {pattern!r} took over "
                                        f"{limit:.0f} s on this text (catastrophic backtracking?): make the pattern "
                                        "simpler")) from None
    return found


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> regex.Pattern:
    # The regex engine, for its timeout; the config checked that each pattern compiles with it.
    # Imported here, and only for configured checks: start-up time counts.
    import regex

    return regex.compile(pattern)


@lru_cache(maxsize=8)
def _checks_of(settings: str) -> tuple[PatternCheck, ...]:
    import json

    return tuple(PatternCheck.of(each) for each in json.loads(settings))


def _checks(settings) -> tuple[PatternCheck, ...]:
    """The configured checks (plain mappings, as the config holds them), built once per setting."""
    if not settings:
        return ()
    import json

    return _checks_of(json.dumps(list(settings), sort_keys=True))


def _check_problems(checks: list[Mapping]) -> Iterator[tuple[tuple, str]]:
    """What the schema cannot say: ids given once, the patterns each condition needs, and patterns
    that compile with the engine that runs them, in reasonable time and memory."""
    seen: set[str] = set()
    for i, each in enumerate(checks):
        name = each["id"]
        if name in seen:
            yield (i, "id"), f"check {name!r} is given twice: each check needs an id of its own"
        seen.add(name)
        when = each.get("when", TARGET_MATCHES)
        if when == TARGET_MATCHES and "target" not in each:
            yield (i,), f"check {name!r}: 'when: {TARGET_MATCHES}' needs a 'target' pattern"
        elif not any(key in each for key in PATTERN_KEYS):
            yield (i,), f"check {name!r}: give a 'source' or 'target' pattern"
        for key in PATTERN_KEYS:
            if key in each and (problem := _regex_problem(each[key])):
                yield (i, key), f"check {name!r}: {key}: {problem}"


def _regex_problem(pattern: str) -> str | None:
    import regex

    if (items := compiled_items(pattern)) > MAX_COMPILED_ITEMS:  # compiling it would take minutes and gigabytes
        return (f"too large once its repeats are written out (about {items:,} items, at most "
                f"{MAX_COMPILED_ITEMS:,}): use smaller repeat counts")
    try:
        regex.compile(pattern)
    except regex.error as error:
        return f"not a regular expression: {error}"
    return None


CHECK_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "message"],
    "properties": {
        "id": {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"},
        "message": {"type": "string", "minLength": 1},
        "severity": {"enum": list(SEVERITY_NAMES)},
        "source": {"type": "string", "minLength": 1},
        "target": {"type": "string", "minLength": 1},
        "when": {"enum": list(CONDITIONS)},
    },
}

# Read as a tuple of the checks' plain mappings: the options enter cache keys as JSON.
CHECKS = Option("checks", {"type": "array", "items": CHECK_SCHEMA}, default=(), problems=_check_problems,
                read=lambda checks: tuple(dict(each) for each in checks))

_DASH = {"id": "double-hyphen", "target": " -- ", "message": "write a dash", "severity": "minor"}
_TRADEMARK = {"id": "trademark-kept", "source": "™", "when": SOURCE_WITHOUT_TARGET, "message": "the source's ™ is missing"}
_URL = {"id": "new-url", "target": r"https?://\S+", "when": TARGET_WITHOUT_SOURCE, "message": "a URL the source lacks"}

RULE = Rule(
    "pattern-check", "Style/Organizational style", Severity.MAJOR,
    "Configured regular-expression checks on target and source, each with its id, message and severity.", check,
    options=(CHECKS,),
    examples=(
        Example("Click ⟦ -- ⟧ here", options={"checks": [_DASH]}),
        Example("Click here", options={"checks": [_DASH]}),
        Example("Click -- here"),  # no checks configured: nothing to check
        Example("⟦⟧Kliknite Excel\nKliknite Word™", source="Click Excel™\nClick Word™", language="sr",
                source_language="en", options={"checks": [_TRADEMARK]}),
        Example("Vidi ⟦https://x.rs⟧\nVidi https://y.com", source="See it\nSee https://y.com", language="sr",
                source_language="en", options={"checks": [_URL]}),
        # A check that needs a source passes over a text without one.
        Example("Click Excel", options={"checks": [_TRADEMARK]}),
    ),
)
