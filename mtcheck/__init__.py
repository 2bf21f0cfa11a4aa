"""mtcheck: a machine-translation quality and terminology checker.

    from mtcheck import load_glossaries, check_text
    result = check_text("Aljbin Kurti met Vucic.", load_glossaries(["glossaries/"]))
    for finding in result.findings:
        print(finding.rule, finding.text, finding.suggestion)
"""

from __future__ import annotations

__version__ = "0.1.0"

from mtcheck.config import Config, find_config, load_config
from mtcheck.engine import Checker, fails
from mtcheck.errors import MtcheckError
from mtcheck.glossary.loader import load_glossaries
from mtcheck.model import Document, FileResult, Finding, Glossary, RunResult, Severity, Term


def check_text(text: str, glossaries: list[Glossary], path: str = "<text>", config: Config | None = None) -> FileResult:
    """Check one text against loaded glossaries with the default (or given) configuration."""
    return Checker(glossaries, config).check_text(text, path)


__all__ = [
    "Checker", "Config", "Document", "FileResult", "Finding", "Glossary", "MtcheckError", "RunResult",
    "Severity", "Term", "check_text", "fails", "find_config", "load_config", "load_glossaries",
]
