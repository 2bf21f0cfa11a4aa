"""SARIF 2.1.0, for GitHub code scanning and any other SARIF viewer.

One ``tool.driver.rules`` entry per rule that ran; one result per finding with its rule, level
(critical and major: error, minor: warning, neutral: note), a physical location with 1-based
line and column (columns count Unicode code points, as ``columnKind`` says), partial
fingerprints that survive edits elsewhere in the file, and the suggestion as a fix.

The snippet and the fix's inserted text are the file's very characters (JSON escapes C0 controls
itself); the messages, which viewers such as GitHub code scanning show people, pass through
``visible``, so that no bidi override or C1 control an article holds reaches the page.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from urllib.parse import quote

from mtcheck import __version__
from mtcheck.fingerprints import numbered_keys
from mtcheck.model import Finding, RuleInfo, RunResult, Severity
from mtcheck.visible import visible

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.CRITICAL: "error", Severity.MAJOR: "error", Severity.MINOR: "warning", Severity.NEUTRAL: "note"}
# GitHub orders alerts by this 0-10 score; an MQM severity maps onto its bands.
SECURITY_LIKE_SEVERITY = {Severity.CRITICAL: "9.0", Severity.MAJOR: "7.0", Severity.MINOR: "4.0", Severity.NEUTRAL: "1.0"}


def artifact_uri(path: str) -> str:
    """A relative path as a relative URI (GitHub resolves it against the checkout); an absolute one as file://."""
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri()
    return "/".join(quote(part) for part in pure.parts)


def rule_descriptor(rule: RuleInfo) -> dict:
    return {
        "id": rule.id,
        "name": "".join(word.capitalize() for word in rule.id.split("-")),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.summary},
        "help": {"text": rule.help or rule.summary, "markdown": rule.help or rule.summary},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": ["translation", rule.mqm.split("/")[0].lower(), f"mqm/{rule.mqm}"],
                       "problem.severity": LEVELS[rule.severity], "security-severity": SECURITY_LIKE_SEVERITY[rule.severity]},
    }


def _region(finding: Finding, with_snippet: bool = True) -> dict:
    region = {"startLine": finding.line, "startColumn": finding.column,
              "endLine": finding.end_line, "endColumn": finding.end_column,
              "charOffset": finding.offset, "charLength": finding.length}
    if with_snippet:
        region["snippet"] = {"text": finding.text}
    return region


def result(finding: Finding, rule_index: int | None, key: str, number: int) -> dict:
    location = {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(finding.path)}, "region": _region(finding)}}
    entry = {
        "ruleId": finding.rule,
        "level": LEVELS[finding.severity],
        "message": {"text": visible(finding.message + (f" [suggest: {finding.suggestion}]" if finding.suggestion else ""))},
        "locations": [location],
        "partialFingerprints": {"mtcheck/v1": f"{key}:{number}"},
        "properties": {"severity": finding.severity.label, "mqm": finding.mqm, "term": finding.term},
    }
    if rule_index is not None:
        entry["ruleIndex"] = rule_index
    if finding.suggestion and finding.fixable:
        entry["fixes"] = [{
            "description": {"text": visible(f"Replace '{finding.text}' with '{finding.suggestion}'")},
            "artifactChanges": [{
                "artifactLocation": {"uri": artifact_uri(finding.path)},
                "replacements": [{"deletedRegion": _region(finding, with_snippet=False),
                                  "insertedContent": {"text": finding.suggestion}}],
            }],
        }]
    return entry


def sarif_log(run: RunResult) -> dict:
    index = {rule.id: i for i, rule in enumerate(run.rules)}
    results = [result(f, index.get(f.rule), key, n) for f, (key, n) in zip(run.findings, numbered_keys(run.findings))]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "mtcheck", "version": __version__, "semanticVersion": __version__,
                                "rules": [rule_descriptor(rule) for rule in run.rules]}},
            "columnKind": "unicodeCodePoints",
            "artifacts": [{"location": {"uri": artifact_uri(file.path)}, "encoding": "utf-8",
                           "properties": {"words": file.words}} for file in run.files],
            "results": results,
        }],
    }


def chunks(run: RunResult):
    yield json.dumps(sarif_log(run), ensure_ascii=False, indent=1) + "\n"
