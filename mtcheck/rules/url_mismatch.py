"""url-mismatch: URLs and e-mail addresses that differ between source and target (bilingual files).

Each URL ("https://...", "ftp://...", "www....") and e-mail address of the source must stand in the
target as it is written, character for character: one the target lacks is a finding at the target's
start, one the target adds (or changed: "example.com" for "example.org") is a finding where it
stands. Punctuation that ends the sentence after a URL ("see https://example.com.") is not part of it.

Fails: "See https://example.com." → "Siehe https://example.org.", "Write to help@example.com." →
"Schreiben Sie uns.". Passes: "See https://example.com." → "Siehe https://example.com."
"""

from __future__ import annotations

import re
from collections import Counter

from mtcheck.model import Hit, Severity
from mtcheck.rules.base import CheckContext, Example, Rule, Scope, target_span, translated_pairs

URL = re.compile(r"\b(?:(?:https?|ftp)://|www\.)[^\s<>\"'«»“”‘’]+", re.IGNORECASE)
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Ends a sentence or a quotation after a URL rather than being a part of it.
TRAILING = ".,;:!?)]}'\"…"


def addresses(text: str) -> list[tuple[str, int, int]]:
    """(address, start, end) of each URL and e-mail address of ``text``, in order. An address inside
    a URL ("https://user@host.org") is the URL's."""
    found = []
    for match in URL.finditer(text):
        url = _without_trailing_punctuation(match.group())
        found.append((url, match.start(), match.start() + len(url)))
    taken = [(start, end) for _, start, end in found]
    for match in EMAIL.finditer(text):
        address = match.group().rstrip(".")
        if not any(start <= match.start() < end for start, end in taken):
            found.append((address, match.start(), match.start() + len(address)))
    return sorted(found, key=lambda found: found[1])


def _without_trailing_punctuation(url: str) -> str:
    """``url`` without the punctuation after it; a closing bracket stays when the URL opens one
    ("https://en.wikipedia.org/wiki/Mercury_(planet)")."""
    while url and url[-1] in TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def check(ctx: CheckContext):
    for index, pair, target in translated_pairs(ctx):
        wanted = Counter(address for address, _, _ in addresses(pair.source))
        found = addresses(target)
        for missing in sorted((wanted - Counter(address for address, _, _ in found)).elements()):
            yield Hit(target_span(ctx, index, 0, 0), "", f"'{missing}' of the source is missing from the target")
        for address, start, end in found:
            if wanted[address] > 0:
                wanted[address] -= 1
            else:
                yield Hit(target_span(ctx, index, start, end), address, f"'{address}' is not in the source")


RULE = Rule(
    "url-mismatch", "Accuracy/Mistranslation", Severity.MAJOR,
    "URLs or e-mail addresses differ between source and target.", check,
    scope=Scope.PAIRS,
    examples=(
        # Changed: the target's is flagged where it stands, the source's as missing at the target's start.
        Example("⟦⟧Siehe ⟦https://example.org⟧.", source="See https://example.com."),
        Example("⟦⟧Schreiben Sie uns.", source="Write to help@example.com."),
        Example("Siehe https://example.com.\nSchreiben Sie an help@example.com!",
                source="See https://example.com.\nWrite to help@example.com."),
        Example("Siehe https://en.wikipedia.org/wiki/Mercury_(planet).",
                source="See https://en.wikipedia.org/wiki/Mercury_(planet)."),
    ),
)
