"""placeholder-mismatch: placeholders or markup that differ between source and target
(bilingual files): "{0}", "{name}", "%s", "%1$d", "{{name}}", "${name}", HTML tags, and the
XLIFF and TMX inline tags ("<x id='1'/>", "<g id='2'>").

printf forms are read whole: "%(name)s", "%@", "%1$@", "%-5d", "%.2f", "%ld"; "%%" is a literal
percent sign, no placeholder. An ICU MessageFormat argument ("{count, plural, one {# item} other
{# items}}", "{gender, select, ...}", "{n, number}") is one placeholder, "{count}": the texts of its
branches are translated, and a language with other plural categories has other branches.

Each one the source has and the target lacks, and each one the target adds, is a finding.

Fails: "Hello {0}" → "Zdravo". Passes: "Hello {0}" → "Zdravo {0}", "<b>Hi</b>" → "<b>Zdravo</b>".
"""

from __future__ import annotations

import re
from collections import Counter

from mtcheck.model import Hit, Severity
from mtcheck.rules.base import CheckContext, Example, Rule, Scope, target_span, translated_pairs

# "%%" comes first: a literal percent sign is read, and dropped, before it can start a printf form.
LITERAL_PERCENT = "%%"
PRINTF = (r"(?<!\w)%(?:\d+\$|\([A-Za-z_]\w*\))?[-+#0']*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|q|j|z|t)?"
          r"[diouxXeEfFgGcsp@](?![A-Za-z])")
PLACEHOLDER = re.compile(r"%%|\{\d+\}|\{\{\s*[\w.]+\s*\}\}|\$\{[\w.]+\}|\{[A-Za-z_]\w*\}|" + PRINTF +
                         r"|</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
# The start of an ICU MessageFormat argument with a format: "{count, plural,", "{when, date".
ICU_ARGUMENT = re.compile(r"\{\s*([A-Za-z_]\w*)\s*,\s*(?:plural|selectordinal|select|number|date|time|spellout|ordinal"
                          r"|duration)\s*[,}]")


def placeholders(text: str) -> list[tuple[str, int, int]]:
    """(placeholder, start, end) of each placeholder of ``text``, in order; an ICU argument is
    "{its name}", its branches' texts unread."""
    found, at = [], 0
    for argument in ICU_ARGUMENT.finditer(text):
        if argument.start() < at:
            continue  # inside the argument before
        end = _closing_brace(text, argument.start())
        found.extend(_simple_placeholders(text, at, argument.start()))
        found.append((f"{{{argument.group(1)}}}", argument.start(), end))
        at = end
    found.extend(_simple_placeholders(text, at, len(text)))
    return found


def _simple_placeholders(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(match.group(), match.start(), match.end()) for match in PLACEHOLDER.finditer(text, start, end)
            if match.group() != LITERAL_PERCENT]


def _closing_brace(text: str, start: int) -> int:
    """Where the brace opened at ``start`` is closed (just after it); the text's end if it never is."""
    depth = 0
    for at in range(start, len(text)):
        if text[at] == "{":
            depth += 1
        elif text[at] == "}":
            depth -= 1
            if depth == 0:
                return at + 1
    return len(text)


def check(ctx: CheckContext):
    for index, pair, target in translated_pairs(ctx):
        in_target = placeholders(target)
        wanted = Counter(found for found, _, _ in placeholders(pair.source)) + Counter(
            f"<{tag}>" for tag in pair.source_tags)
        found = Counter(found for found, _, _ in in_target) + Counter(f"<{tag}>" for tag in pair.target_tags)
        for missing in sorted((wanted - found).elements()):
            yield Hit(target_span(ctx, index, 0, 0), "", f"'{missing}' of the source is missing from the target")
        extra = found - Counter(wanted)
        for placeholder, start, end in in_target:
            if extra[placeholder] > 0:
                extra[placeholder] -= 1
                yield Hit(target_span(ctx, index, start, end), placeholder, f"'{placeholder}' is not in the source")
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
        Example("⟦⟧Hallo\n⟦⟧Hallo\n⟦⟧Noch Zeit\n⟦⟧Fertig", source="Hello %(name)s\nHello %@\nTime left: %1$s\nDone %-5d"),
        Example("Hallo %(name)s, %1$@\n100%% sicher\n%.2f Euro\n{count, plural, one {ein Artikel} other {# Artikel}}",
                source="Hello %(name)s, %1$@\n100%% sure\n%.2f euros\n{count, plural, one {item} other {# items}}"),
        Example("{count, plural, one {# Datei} few {# Dateien} other {# Dateien}}\n⟦⟧Dateien",
                source="{count, plural, one {# file} other {# files}}\n{count, plural, one {# file} other {# files}}"),
    ),
)
