"""target-inconsistent: one target segment used for two or more different sources in a file
(bilingual files).

Often a translation memory's near match accepted unchanged: "Delete the file." and "Delete the
files." both translated "Die Datei löschen.", so one of them says what its source does not.

Segments are compared as in ``source-inconsistent``, with the same options: case, whitespace,
placeholders and inline tags set aside by default (``ignore_case``, ``ignore_whitespace``,
``ignore_tags``), targets of fewer than ``min_words`` words (3; numbers and placeholders do not
count) not compared, empty targets left to ``empty-target``.

Among the sources of one target, the most frequent is the dominant one (on a tie, the one met
first in the file); the target of every occurrence of every other source is flagged, and the
message quotes the dominant source and says where it is (line, segment from 0, unit). Judged
within each file; with the option ``across: project``, across all the bilingual files of a run
together (as ``source-inconsistent`` does).

MQM type: Accuracy/Mistranslation. Two different sources rarely mean the same: where one target
serves both, it is likely a mistranslation of one of them (the flagged, less frequent one).

Fails: "Delete the file." and "Delete the files." both translated "Die Datei löschen.".
Passes: each source with its own target, or sources that differ only in case or spacing.
"""

from __future__ import annotations

from collections.abc import Sequence

from mtcheck.model import Pending, Severity
from mtcheck.rules.base import CheckContext, Example, Rule, RunWide, Scope
from mtcheck.rules.consistency import OPTIONS, across_project, decided, inconsistencies, pending_targets


DESCRIBE = "the same target translates another source, {rendering}, at {where}"


def check(ctx: CheckContext):
    return inconsistencies(ctx, RULE, grouped_by="target", compared="source", describe=DESCRIBE)


def wanted(ctx: CheckContext) -> bool:
    return across_project(ctx, RULE)


def collect(ctx: CheckContext):
    return pending_targets(ctx, RULE, grouped_by="target", compared="source")


def decide(found: Sequence[Pending]):
    return decided(found, DESCRIBE)


RULE = Rule(
    "target-inconsistent", "Accuracy/Mistranslation", Severity.MINOR,
    "One target segment used for two or more different sources.", check,
    scope=Scope.PAIRS, options=OPTIONS, run_wide=RunWide(wanted, collect, decide),
    examples=(
        Example("Die Datei löschen.\nEs regnete.\n⟦Die Datei löschen.⟧",
                source="Delete the file.\nIt rained.\nDelete the files."),
        Example("Die Datei löschen.\nEs regnete.\nDie Dateien löschen.",
                source="Delete the file.\nIt rained.\nDelete the files."),
        # Sources that differ only in case, spacing or placeholders are one source.
        Example("Die Datei {0} löschen.\nDie Datei {0} löschen.", source="Delete the file {0}.\ndelete  the FILE %s."),
        # Two words: too short to compare by default. Both rightly "Vielen Dank." (WMT21 TED, en-de).
        Example("Vielen Dank.\nVielen Dank.", source="Thank you.\nThank you very much."),
        Example("Vielen Dank.\n⟦Vielen Dank.⟧", source="Thank you.\nThank you very much.", options={"min_words": 2}),
        Example("Die Datei {0} löschen.\n⟦Die Datei {0} löschen.⟧", source="Delete the file {0}.\nDelete the file %s.",
                options={"ignore_tags": False}),
    ),
)
