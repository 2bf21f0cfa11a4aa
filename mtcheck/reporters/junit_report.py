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
        suite = ET.SubElement(root, "testsuite", {
            "name": _clean(file.path), "package": "mtcheck", "id": str(number), "timestamp": stamp,
            "hostname": "localhost", "tests": str(len(by_rule)), "failures": str(failing), "errors": "0",
            "time": "0",
        })
        properties = ET.SubElement(suite, "properties")
        ET.SubElement(properties, "property", {"name": "words", "value": str(file.words)})
        if run.scores is not None:
            score = run.scores.files[file.path]
            ET.SubElement(properties, "property", {"name": "mqm-score", "value": f"{score.score:.2f}"})
            ET.SubElement(properties, "property", {"name": "mqm-passed", "value": str(score.passed).lower()})
        for rule_id, findings in by_rule.items():
            case = ET.SubElement(suite, "testcase", {"name": rule_id, "classname": _clean(file.path), "time": "0"})
            if findings:
                failure = ET.SubElement(case, "failure", {
                    "message": f"{len(findings)} finding{'s' if len(findings) != 1 else ''}", "type": rule_id})
                failure.text = "\n".join(_clean(
                    f"{f.path}:{f.line}:{f.column}: {f.severity.label} {f.message}"
                    + (f" [suggest: {f.suggestion}]" if f.suggestion else "")) for f in findings)
        ET.SubElement(suite, "system-out").text = ""
        ET.SubElement(suite, "system-err").text = ""
    return root


def chunks(run: RunResult):
    root = testsuites(run)
    ET.indent(root, space=" ")
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield ET.tostring(root, encoding="unicode") + "\n"
