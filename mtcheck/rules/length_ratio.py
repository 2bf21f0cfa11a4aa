"""length-ratio: a target far longer or shorter than its source, for this document's language
pair (bilingual files): a sign of an omission or an addition.

Each segment's length ratio (target characters to source characters, in logarithms) is compared
with the document's own: its robust z-score (distance from the median in median absolute
deviations) beyond 3.5 is a finding. Only documents of 8 segments or more with sources of 20
characters or more are judged: with fewer, "the expected ratio" cannot be known.

Fails: one target a third the length of its source among equal-length pairs.  Passes: a
language that is uniformly 20% longer.
"""

from __future__ import annotations

import math
import statistics

from mtcheck.model import Hit, Severity
from mtcheck.rules.base import CheckContext, Rule, target_span

MIN_SEGMENTS = 8
MIN_SOURCE_CHARS = 20
THRESHOLD = 3.5  # Iglewicz and Hoaglin's cut-off for modified z-scores
MIN_SPREAD = 0.05  # a near-zero deviation would make every small difference an outlier


def check(ctx: CheckContext):
    ratios = {
        index: math.log((len(pair.target.strip()) + 1) / (len(pair.source.strip()) + 1))
        for index, pair in enumerate(ctx.pairs)
        if pair.target and pair.target.strip() and len(pair.source.strip()) >= MIN_SOURCE_CHARS
    }
    if len(ratios) < MIN_SEGMENTS:
        return
    median = statistics.median(ratios.values())
    spread = max(statistics.median(abs(r - median) for r in ratios.values()), MIN_SPREAD)
    for index, ratio in ratios.items():
        z = 0.6745 * (ratio - median) / spread
        if abs(z) > THRESHOLD:
            times = math.exp(ratio - median)
            how = f"{times:.1f} times longer" if times > 1 else f"{1 / times:.1f} times shorter"
            yield Hit(target_span(ctx, index), ctx.pairs[index].target,
                      f"the target is {how} than this document's other segments suggest for its source "
                      f"(robust z-score {z:.1f})")


RULE = Rule("length-ratio", "Accuracy/Omission", Severity.MINOR,
            "A target far longer or shorter than its source, for the document's language pair.", check,
            needs=lambda match: False)
