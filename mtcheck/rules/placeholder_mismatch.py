"""placeholder-mismatch: placeholders or markup that differ between source and target
(bilingual files): "{0}", "{name}", "%s", "%1$d", "{{name}}", "${name}", HTML tags, and the
XLIFF and TMX inline tags ("<x id='1'/>", "<g id='2'>").

Each one the source has and the target lacks, and each one the target adds, is a finding.

Fails: "Hello {0}" → "Zdravo". Passes: "Hello {0}" → "Zdravo {0}", "<b>Hi</b>" → "<b>Zdravo</b>".
"""

from __future__ import annotations

import re
from collections import Counter

from mtcheck.model import Hit, Severity
from mtcheck.rules.base import CheckContext, Example, Rule, Scope, target_span

PLACEHOLDER = re.compile(r"\{\d+\}|\{\{\s*[\w.]+\s*\}\}|\$\{[\w.]+\}|\{[A-Za-z_]\w*\}|(?<![\w%])%(?:\d+\$)?[sdif]\b"
                         r"|</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")


def check(ctx: CheckContext):
    for index, pair in enumerate(ctx.pairs):
        target = pair.target or ""
        if not target.strip():
            continue  # empty-target's business
        wanted = Counter(PLACEHOLDER.findall(pair.source)) + Counter(f"<{tag}>" for tag in pair.source_tags)
        found = Counter(PLACEHOLDER.findall(target)) + Counter(f"<{tag}>" for tag in pair.target_tags)
        for missing in sorted((wanted - found).elements()):
            yield Hit(target_span(ctx, index, 0, 0), "", f"'{missing}' of the source is missing from the target")
        extra = found - Counter(wanted)
        for match in PLACEHOLDER.finditer(target):
            if extra[match.group()] > 0:
                extra[match.group()] -= 1
                yield Hit(target_span(ctx, index, match.start(), match.end()), match.group(),
                          f"'{match.group()}' is not in the source")
        for tag in sorted(extra.elements()):
            yield Hit(target_span(ctx, index, 0, 0), "", f"inline tag '{tag}' is not in the source")


RULE = Rule(
    "placeholder-mismatch", "Design and markup/Markup tag", Severity.MAJOR,
    "Placeholders or inline tags differ between source and target.", check,
    scope=Scope.PAIRS,
    examples=(
        # One the target lacks is flagged at the target's start, one it adds where it stands.
        Example("⟦⟧Zdravo", source="Hello {0}"),
        Example("Zdravo ⟦{1}⟧", source="Hello"),
        Example("Zdravo {0}\n<b>Zdravo</b>", source="Hello {0}\n<b>Hi</b>"),
    ),
)
