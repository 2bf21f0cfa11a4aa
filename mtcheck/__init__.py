"""mtcheck: a machine-translation quality and terminology checker.

    from mtcheck import load_glossaries, check_text
    result = check_text("Aljbin Kurti met Vucic.", load_glossaries(["glossaries/"]))
    for finding in result.findings:
        print(finding.rule, finding.text, finding.suggestion)
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

# The public API, imported on first use so that `mtcheck --help` starts fast.
_EXPORTS = {
    "Checker": "mtcheck.engine", "fails": "mtcheck.engine",
    "Config": "mtcheck.config", "find_config": "mtcheck.config", "load_config": "mtcheck.config",
    "MtcheckError": "mtcheck.errors",
    "load_glossaries": "mtcheck.glossary.loader",
    "Document": "mtcheck.model", "FileResult": "mtcheck.model", "Finding": "mtcheck.model",
    "Glossary": "mtcheck.model", "RunResult": "mtcheck.model", "Severity": "mtcheck.model", "Term": "mtcheck.model",
    "ScoringModel": "mtcheck.scoring.quality", "quality_score": "mtcheck.scoring.quality",
    "score_run": "mtcheck.scoring.quality",
    "ScoreRequest": "mtcheck.scoring.command", "run_score": "mtcheck.scoring.command",
    "read_annotations": "mtcheck.scoring.annotations", "system_scores": "mtcheck.scoring.annotations",
    "term_metrics": "mtcheck.scoring.terminology",
}

__all__ = [*sorted(_EXPORTS), "check_text"]


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'mtcheck' has no attribute {name!r}")


def check_text(text: str, glossaries, path: str = "<text>", config=None):
    """Check one text against loaded glossaries with the default (or given) configuration."""
    from mtcheck.engine import Checker

    return Checker(glossaries, config).check_text(text, path)
