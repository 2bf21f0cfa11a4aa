"""Inline suppressions: an editor's word that a finding is intended.

A line holding only a directive silences rules on the next line, or in the whole file:

    <!-- mtcheck: ignore term-forbidden -->        (Markdown, HTML)
    mtcheck: ignore term-forbidden, term-misspelled (plain text; "#", "//" or "--" may lead)
    mtcheck: ignore                                 (every rule, on the next line)
    <!-- mtcheck: ignore-file name-inconsistent --> (the whole file)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mtcheck.model import Finding
from mtcheck.text import LINE_BREAK_RE

MARKER = "mtcheck:"  # a segment without it has no directive: the common case costs one search
DIRECTIVE_RE = re.compile(
    r"^[ \t]*(?:<!--[ \t]*|(?:#|//|--)[ \t]*)?mtcheck:[ \t]*(ignore-file|ignore)\b([^\r\n]*?)[ \t]*(?:-->)?[ \t]*\r?$",
    re.MULTILINE,
)
_RULE_LIST = re.compile(r"^[\w\s,-]*$")


@dataclass
class Suppressions:
    """The directives of one document, gathered segment by segment."""

    by_line: dict[int, frozenset[str] | None] = field(default_factory=dict)  # line -> rules (None: all)
    whole_file: set[str] = field(default_factory=set)
    everything: bool = False  # ignore-file without rules

    def read(self, text: str, first_line: int) -> None:
        """Note the directives of a segment whose first line is ``first_line``."""
        if MARKER not in text:
            return
        for directive in DIRECTIVE_RE.finditer(text):
            rules = _rules(directive.group(2))
            if rules is False:
                continue  # not a directive after all: prose that mentions one
            if directive.group(1) == "ignore-file":
                if rules is None:
                    self.everything = True
                else:
                    self.whole_file |= rules
            else:
                line = first_line + len(LINE_BREAK_RE.findall(text, 0, directive.start())) + 1
                self.by_line[line] = None if rules is None or self.by_line.get(line, frozenset()) is None \
                    else self.by_line.get(line, frozenset()) | rules

    def silences(self, finding: Finding) -> bool:
        if self.everything or finding.rule in self.whole_file:
            return True
        if finding.line not in self.by_line:
            return False
        rules = self.by_line[finding.line]
        return rules is None or finding.rule in rules

    def __bool__(self) -> bool:
        return bool(self.by_line or self.whole_file or self.everything)


def _rules(listed: str) -> frozenset[str] | None | bool:
    """The rule ids a directive names; None for all rules; False when it is no rule list."""
    listed = listed.strip()
    if not listed:
        return None
    if not _RULE_LIST.match(listed):
        return False
    return frozenset(rule for rule in re.split(r"[\s,]+", listed) if rule)
