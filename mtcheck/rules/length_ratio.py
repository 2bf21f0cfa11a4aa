"""length-ratio: a target far longer or shorter than its source, for this document's language
pair (bilingual files): a sign of an omission or an addition.

Each segment's length ratio (target characters to source characters, in logarithms) is compared
with the document's own: its robust z-score (distance from the median in median absolute
deviations) beyond 3.5 is a finding, when the target is also at least twice as long, or half as
long, as the document's ratio expects. Only documents of 8 segments or more with sources of 20
characters or more are judged: with fewer, "the expected ratio" cannot be known.

Why the factor of two: in a well-translated document the ratios vary so little that a target 1.5
times its expected length scores 4; on expert-annotated MT (WMT21 TED, en-de, ``bench/mqm_precision.py``)
such targets were 80 findings, none on an omission or addition, and the factor leaves 6.

Fails: one target a third the length of its source among equal-length pairs.  Passes: a
language that is uniformly 20% longer.
"""

from __future__ import annotations

import math

from mtcheck.model import Hit, Severity
from mtcheck.rules.base import CheckContext, Example, Rule, Scope, target_span

MIN_SEGMENTS = 8
MIN_SOURCE_CHARS = 20
THRESHOLD = 3.5  # Iglewicz and Hoaglin's cut-off for modified z-scores
MIN_SPREAD = 0.05  # a near-zero deviation would make every small difference an outlier
MIN_FACTOR = 2.0  # "far" longer or shorter: twice or half the expected length at least


def check(ctx: CheckContext):
    ratios = {
        index: math.log((len(pair.target.strip()) + 1) / (len(pair.source.strip()) + 1))
        for index, pair in enumerate(ctx.pairs)
        if pair.target and pair.target.strip() and len(pair.source.strip()) >= MIN_SOURCE_CHARS
    }
    if len(ratios) < MIN_SEGMENTS:
        return
    import statistics  # here: only translation files are compared (5 ms of imports)

    median = statistics.median(ratios.values())
    spread = max(statistics.median(abs(r - median) for r in ratios.values()), MIN_SPREAD)
    for index, ratio in ratios.items():
        z = 0.6745 * (ratio - median) / spread
        if abs(z) > THRESHOLD and abs(ratio - median) >= math.log(MIN_FACTOR):
            times = math.exp(ratio - median)
            how = f"{times:.1f} times longer" if times > 1 else f"{1 / times:.1f} times shorter"
            yield Hit(target_span(ctx, index), ctx.pairs[index].target,
                      f"the target is {how} than this document's other segments suggest for its source "
                      f"(robust z-score {z:.1f})")


_SOURCES = ("The delegations met in Brussels on Monday.", "The talks lasted until late in the evening.",
            "Both sides agreed to meet again next month.", "The envoy said the progress had been slow.",
            "Police closed the bridge for several hours.", "The mayor asked residents to remain calm.",
            "Shops in the north stayed closed all day.", "A new round of talks is planned for May.",
            "The statement was published on Tuesday.")
_SAME_LENGTH = tuple(source.upper() for source in _SOURCES)  # a stand-in for a translation of equal length

RULE = Rule(
    "length-ratio", "Accuracy/Omission", Severity.MINOR,
    "A target far longer or shorter than its source, for the document's language pair.", check,
    scope=Scope.PAIRS,
    examples=(
        Example("\n".join(_SAME_LENGTH[:4] + ("⟦THE TALKS.⟧",) + _SAME_LENGTH[5:]), source="\n".join(_SOURCES)),
        # A language uniformly 20% longer: this document's own ratio, no outlier.
        Example("\n".join(text + " " + text[: len(text) // 5] for text in _SAME_LENGTH), source="\n".join(_SOURCES)),
        Example("\n".join(_SAME_LENGTH[:4] + ("THE TALKS.",)), source="\n".join(_SOURCES[:5])),  # too few to judge
        # Half again as long as its source where the others are as long: an outlier, but no omission.
        Example("\n".join(_SAME_LENGTH[:4] + (_SAME_LENGTH[4] + " AND WAS CLOSED FOR HOURS",) + _SAME_LENGTH[5:]),
                source="\n".join(_SOURCES)),
    ),
)
