"""JSON Lines: one finding per line, each a complete JSON object with its path, for piping into
other tools (jq, a database loader). The same fields as the JSON report's findings."""

from __future__ import annotations

import json

from mtcheck.model import RunResult
from mtcheck.reporters.json_report import finding_dict


def chunks(run: RunResult):
    for finding in run.findings:
        yield json.dumps({"path": finding.path, **finding_dict(finding)}, ensure_ascii=False) + "\n"
