"""mtcheck: a machine-translation quality and terminology checker.

    from mtcheck import load_glossaries, check_text
    result = check_text("Aljbin Kurti met Vucic.", load_glossaries(["glossaries/"]))
    for finding in result.findings:
        print(finding.rule, finding.text, finding.suggestion)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

# The one place the version is written: pyproject.toml reads it (setuptools' dynamic version),
# and `mtcheck --version` prints it without asking the installed metadata.
__version__ = "0.1.0"

if TYPE_CHECKING:  # what type checkers see; at run time the same names load on first use (below)
    from collections.abc import Sequence

    from mtcheck.config import Config, find_config, load_config
    from mtcheck.engine import Checker, fails
    from mtcheck.entry import ExitCode
    from mtcheck.errors import MtcheckError
    from mtcheck.glossary.loader import load_glossaries
    from mtcheck.model import Document, FileResult, Finding, Glossary, RunResult, Severity, Term
    from mtcheck.scoring.annotations import read_annotations, system_scores
    from mtcheck.scoring.command import ScoreRequest, run_score
    from mtcheck.scoring.quality import ScoringModel, quality_score, score_run
    from mtcheck.scoring.terminology import term_metrics

__all__ = [
    "Checker", "Config", "Document", "ExitCode", "FileResult", "Finding", "Glossary", "MtcheckError", "RunResult",
    "ScoreRequest", "ScoringModel", "Severity", "Term", "check_text", "fails", "find_config",
    "load_config", "load_glossaries", "quality_score", "read_annotations", "run_score", "score_run",
    "system_scores", "term_metrics",
]

# The public API by module, imported on first use so that `mtcheck --help` starts fast.
# tests/test_packaging.py holds this table, the imports above and __all__ to the same names.
_EXPORTS = {
    "Checker": "mtcheck.engine", "fails": "mtcheck.engine",
    "Config": "mtcheck.config", "find_config": "mtcheck.config", "load_config": "mtcheck.config",
    "MtcheckError": "mtcheck.errors", "ExitCode": "mtcheck.entry",
    "load_glossaries": "mtcheck.glossary.loader",
    "Document": "mtcheck.model", "FileResult": "mtcheck.model", "Finding": "mtcheck.model",
    "Glossary": "mtcheck.model", "RunResult": "mtcheck.model", "Severity": "mtcheck.model", "Term": "mtcheck.model",
    "ScoringModel": "mtcheck.scoring.quality", "quality_score": "mtcheck.scoring.quality",
    "score_run": "mtcheck.scoring.quality",
    "ScoreRequest": "mtcheck.scoring.command", "run_score": "mtcheck.scoring.command",
    "read_annotations": "mtcheck.scoring.annotations", "system_scores": "mtcheck.scoring.annotations",
    "term_metrics": "mtcheck.scoring.terminology",
}

if not TYPE_CHECKING:  # hidden from type checkers, which would otherwise take any misspelt name as valid

    def __getattr__(name: str) -> object:
        if name in _EXPORTS:
            return getattr(importlib.import_module(_EXPORTS[name]), name)
        raise AttributeError(f"module 'mtcheck' has no attribute {name!r}")


def check_text(text: str, glossaries: Sequence[Glossary], path: str = "<text>",
               config: Config | None = None) -> FileResult:
    """Check one text against loaded glossaries with the default (or given) configuration."""
    from mtcheck.engine import Checker

    return Checker(list(glossaries), config).check_text(text, path)
