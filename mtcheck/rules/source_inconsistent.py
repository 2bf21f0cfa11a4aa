"""source-inconsistent: one source segment translated two or more ways in a file (bilingual files).

Segments are compared as a reader sees them: by default case, runs of whitespace, placeholders
("{0}", "%s", HTML tags) and XLIFF/TMX inline tags are set aside (options ``ignore_case``,
``ignore_whitespace``, ``ignore_tags``), and a source of fewer than ``min_words`` words (3;
numbers and placeholders do not count) is not compared: "OK" or "Next" is rightly rendered
differently in different places. Empty targets are left to ``empty-target``.

Among the targets of one source, the most frequent is the dominant rendering (on a tie, the one
met first in the file); every occurrence of every other rendering is flagged at its target, and
the message quotes the dominant one and says where it is (line, segment from 0, unit). Consistency
is judged within each file; with the option ``across: project``, across all the bilingual files of
a run together (the dominant rendering then is the run's, ties going to the file first in path
order, and the message names its file when it stands in another).

MQM type: Style/Inconsistent style. Neither rendering need be wrong, and the segment is a sentence
rather than a term (``term-inconsistent`` covers terms): what is wrong is that the text says one
thing in two ways, which MQM files as style that varies inconsistently through the text.

Fails: "The meeting ended." translated "Das Treffen endete." and later "Die Sitzung war zu Ende.".
Passes: the same source translated the same way each time, or "OK" translated two ways.
"""

from __future__ import annotations

from collections.abc import Sequence

from mtcheck.model import Pending, Severity
from mtcheck.rules.base import CheckContext, Example, Rule, RunWide, Scope
from mtcheck.rules.consistency import OPTIONS, across_project, decided, inconsistencies, pending_targets


DESCRIBE = "the same source is translated {rendering} at {where}"


def check(ctx: CheckContext):
    return inconsistencies(ctx, RULE, grouped_by="source", compared="target", describe=DESCRIBE)


def wanted(ctx: CheckContext) -> bool:
    return across_project(ctx, RULE)


def collect(ctx: CheckContext):
    return pending_targets(ctx, RULE, grouped_by="source", compared="target")


def decide(found: Sequence[Pending]):
    return decided(found, DESCRIBE)


RULE = Rule(
    "source-inconsistent", "Style/Inconsistent style", Severity.MINOR,
    "One source segment translated two or more ways.", check,
    scope=Scope.PAIRS, options=OPTIONS, run_wide=RunWide(wanted, collect, decide),
    examples=(
        Example("Das Treffen endete.\nEs regnete.\n⟦Die Sitzung war zu Ende.⟧",
                source="The meeting ended.\nIt rained.\nThe meeting ended."),
        # The dominant rendering is the most frequent, not the first.
        Example("⟦Die Sitzung war zu Ende.⟧\nDas Treffen endete.\nDas Treffen endete.",
                source="The meeting ended.\nThe meeting ended.\nThe meeting ended."),
        # Case, spacing and placeholders set aside: one rendering.
        Example("Hallo {0}, willkommen zurück.\nhallo  {1}, Willkommen zurück.",
                source="Hello {0}, welcome back.\nHello {1}, welcome back."),
        Example("OK\nIn Ordnung", source="OK\nOK"),  # one word: too short to compare
        Example("Nächste Seite\n⟦Weiter⟧", source="Next page\nNext page", options={"min_words": 2}),
        Example("Hallo, willkommen zurück.\n⟦hallo, Willkommen zurück.⟧", source="Hello, welcome back.\nHello, welcome back.",
                options={"ignore_case": False}),
        Example("Das Treffen endete.\n\nDas Treffen endete.",  # an empty target is empty-target's
                source="The meeting ended.\nThe meeting ended.\nThe meeting ended."),
    ),
)
