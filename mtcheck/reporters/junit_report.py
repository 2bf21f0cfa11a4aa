"""JUnit XML (the Apache Ant schema every CI dashboard reads): one testsuite per checked file, one
testcase per rule that ran, failing with that rule's findings in the file.

Timestamps would make two runs differ, so the suites carry SOURCE_DATE_EPOCH when it is set
(the reproducible-builds convention) and the Unix epoch otherwise; times are 0.
"""

from __future__ import annotations

import os
import re
import time
from xml.etree import ElementTree as ET

from mtcheck.model import RunResult
from mtcheck.visible import visible

# Characters XML 1.0 cannot hold, even escaped, that ``visible`` leaves (it shows the others).
_NOT_XML = re.compile("[\ufffe\uffff]")


def _clean(text: str) -> str:
    """Text a CI dashboard shows: controls and bidi overrides as escapes, and valid in XML 1.0."""
    return _NOT_XML.sub("\ufffd", visible(text))


def _timestamp() -> str:
    seconds = int(os.environ.get("SOURCE_DATE_EPOCH", "0") or 0)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds))


def testsuites(run: RunResult) -> ET.Element:
    root = ET.Element("testsuites")
    stamp = _timestamp()
    for number, file in enumerate(run.files):
        by_rule = {rule.id: [] for rule in run.rules}
        for finding in file.findings:
            by_rule.setdefault(finding.rule, []).append(finding)
        failing = sum(1 for findings in by_rule.values() if findings)
        min_score = _min_score_result(run.scores, file.path) if run.scores is not None else None
        suite = ET.SubElement(root, "testsuite", {
            "name": _clean(file.path), "package": "mtcheck", "id": str(number), "timestamp": stamp,
            "hostname": "localhost", "tests": str(len(by_rule) + (min_score is not None)),
            "failures": str(failing + (min_score is not None and min_score[0] == "failure")), "errors": "0",
            "time": "0",
        })
        if min_score is not None and min_score[0] == "skipped":
            suite.set("skipped", "1")
        properties = ET.SubElement(suite, "properties")
        ET.SubElement(properties, "property", {"name": "words", "value": str(file.words)})
        if run.scores is not None:
            _score_properties(properties, run.scores.files[file.path])
        for rule_id, findings in by_rule.items():
            case = ET.SubElement(suite, "testcase", {"name": rule_id, "classname": _clean(file.path), "time": "0"})
            if findings:
                failure = ET.SubElement(case, "failure", {
                    "message": f"{len(findings)} finding{'s' if len(findings) != 1 else ''}", "type": rule_id})
                failure.text = "\n".join(_clean(
                    f"{f.path}:{f.line}:{f.column}: {f.severity.label} {f.message}"
                    + (f" [suggest: {f.suggestion}]" if f.suggestion else "")) for f in findings)
        if min_score is not None:
            _min_score_case(suite, file.path, *min_score)
        ET.SubElement(suite, "system-out").text = ""
        ET.SubElement(suite, "system-err").text = ""
    return root


def _score_properties(properties: ET.Element, score) -> None:
    """The file's MQM score and verdict; a text too short to score has neither, only that it is."""
    if score.too_short:
        ET.SubElement(properties, "property", {"name": "mqm-too-short", "value": "true"})
        return
    ET.SubElement(properties, "property", {"name": "mqm-score", "value": f"{score.score:.2f}"})
    ET.SubElement(properties, "property", {"name": "mqm-passed", "value": str(score.passed).lower()})


def _min_score_result(scores, path: str) -> tuple[str, str] | None:
    """--min-score as one more test of the file, so that a dashboard shows the failure that sets the
    exit code: (outcome, message), the outcome "failure", "skipped" (too short to score) or "passed";
    None when --min-score is not set."""
    if scores.min_score is None:
        return None
    score = scores.files[path]
    if score.too_short:
        return "skipped", f"too short to score (fewer than {score.min_words:,} words)"
    if scores.below_min_score(score):
        return "failure", f"MQM score {score.shown:.2f} is below --min-score {scores.min_score:g}"
    return "passed", ""


def _min_score_case(suite: ET.Element, path: str, outcome: str, message: str) -> None:
    case = ET.SubElement(suite, "testcase", {"name": "mqm-min-score", "classname": _clean(path), "time": "0"})
    if outcome == "failure":
        ET.SubElement(case, "failure", {"message": message, "type": "mqm-min-score"})
    elif outcome == "skipped":
        ET.SubElement(case, "skipped", {"message": message})


def chunks(run: RunResult):
    root = testsuites(run)
    ET.indent(root, space=" ")
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield ET.tostring(root, encoding="unicode") + "\n"
