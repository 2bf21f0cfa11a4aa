"""A bilingual file as a document: its targets joined into one text that the target-side rules
check like any article, and the source beside each target for the bilingual rules.

Targets are joined with a paragraph break, so no term or sentence runs from one segment into
the next. Findings are then put back where they belong: the line and column in the file, the
segment's index and unit id; ``offset``/``length`` count within the segment's target text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from typing import TYPE_CHECKING

from mtcheck.bilingual.cat import DEFAULT_STATES, is_checked
from mtcheck.errors import InputError, Problem
from mtcheck.model import Document, Finding

if TYPE_CHECKING:
    from mtcheck.bilingual.formats import Pair

SEPARATOR = "\n\n"
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
Note = tuple[int, "int | None", str]  # line, column, message: plain data, as the results cache keeps it


@dataclass(frozen=True, slots=True)
class BilingualDocument(Document):
    pairs: tuple[Pair, ...] = ()
    starts: tuple[int, ...] = ()  # where each pair's target begins in ``text``
    warnings: tuple[Note, ...] = ()  # what reading it changed: lone surrogates replaced

    @classmethod
    def of(cls, path: str, pairs: list[Pair], warnings: tuple[Note, ...] = ()) -> BilingualDocument:
        starts, pieces, at = [], [], 0
        for pair in pairs:
            target = pair.target or ""
            starts.append(at)
            pieces.append(target)
            at += len(target) + len(SEPARATOR)
        return cls(path, SEPARATOR.join(pieces), tuple(pairs), tuple(starts), warnings)

    def other_target_languages(self, language: str) -> list[str]:
        """The target languages the file declares that are not ``language`` (its targets are then
        no text for a glossary of ``language``), sorted; none when it declares none. A declared
        language that is no language code at all is an error: the file cannot be judged either way."""
        from mtcheck.bilingual.formats import is_language_tag, same_language

        declared = {pair.target_language for pair in self.pairs if pair.target_language}
        if nonsense := sorted(tag for tag in declared if not is_language_tag(tag)):
            raise InputError(Problem(self.path, f"the target language it declares, {nonsense[0]!r}, is no language "
                                                "code (BCP 47 such as 'fr' or 'pt-BR', or gettext's 'sr@latin')"))
        return sorted(tag for tag in declared if not same_language(tag, language))

    def target_span(self, index: int, start: int = 0, end: int | None = None) -> tuple[int, int]:
        """Offsets in ``text`` of target[start:end] of pair ``index``."""
        target = self.pairs[index].target or ""
        base = self.starts[index]
        return base + start, base + (len(target) if end is None else end)

    def relocate_all(self, findings: list[Finding]) -> list[Finding]:
        return [self.relocate(finding) for finding in findings]

    def relocate(self, finding: Finding) -> Finding:
        """The finding with its place in the file: line and column, segment, unit, offset in the target."""
        index = max(0, bisect.bisect_right(self.starts, finding.offset) - 1)
        pair, base = self.pairs[index], self.starts[index]
        target = pair.target or ""
        start, end = finding.offset - base, finding.offset - base + finding.length
        line, column = _place(pair, target, start)
        end_line, end_column = _place(pair, target, end)
        return replace(finding, line=line, column=column, end_line=end_line, end_column=end_column,
                       offset=start, segment=pair.index, unit=pair.unit)


def _place(pair: Pair, target: str, offset: int) -> tuple[int, int]:
    """1-based line and column in the file of ``offset`` within the pair's target."""
    offset = min(offset, len(target))
    breaks = target.count("\n", 0, offset)
    if not breaks:
        return pair.line, pair.column + offset
    return pair.line + breaks, offset - target.rfind("\n", 0, offset)


def read_bilingual(path: str, source_language: str | None = None, target_language: str | None = None,
                   source_path: str | None = None, states: frozenset[str] = DEFAULT_STATES,
                   input_format: str | None = None) -> BilingualDocument:
    """A bilingual file (XLIFF, PO, TMX, CSV/TSV, JSONL), or a target file with its line-aligned source.

    Only the units to check are kept: those in one of ``states`` (or in none the file names), never
    a locked one nor one marked translate="no". The others give no findings and no words to score;
    the pairs kept keep their index in the file.
    """
    from mtcheck.bilingual.formats import read_line_aligned, read_pairs

    if source_path:
        pairs = read_line_aligned(source_path, path)
    else:
        pairs = read_pairs(path, source_language, target_language, input_format)
    checked = [pair for pair in pairs if is_checked(pair.status, states)]
    return BilingualDocument.of(path, *_without_lone_surrogates(checked))


def _without_lone_surrogates(pairs: list[Pair]) -> tuple[list[Pair], tuple[Note, ...]]:
    """The pairs with every lone surrogate as U+FFFD, and a warning for each text that held one.

    A JSON "\\ud800" escape reads as a lone surrogate: half of a UTF-16 pair, no character, and
    no report (UTF-8, JSON, XML) can be written with it. Replaced, the rest of the file is checked.
    """
    kept, warnings = [], []
    for pair in pairs:
        damaged = [name for name in ("target", "source", "unit") if LONE_SURROGATE.search(getattr(pair, name) or "")]
        for name in damaged:
            text = getattr(pair, name)
            found = LONE_SURROGATE.search(text)
            line, column = _place(pair, text, found.start()) if name == "target" else (pair.line, None)
            warnings.append((line, column, f"a lone surrogate U+{ord(found.group()):04X} (half of a UTF-16 pair, no "
                                           f"character) in the {name}, read as U+FFFD"))
        kept.append(replace(pair, **{name: LONE_SURROGATE.sub("\ufffd", getattr(pair, name)) for name in damaged}))
    return kept, tuple(warnings)
