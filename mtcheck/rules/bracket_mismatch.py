"""bracket-mismatch: a target with other numbers of brackets "()", "[]" or "{}" than its source
(bilingual files): an aside dropped or left open in translation.

Brackets that belong to a placeholder ("{0}", "%(name)s", an ICU "{count, plural, ...}") are not
counted: placeholder-mismatch compares those. Full-width brackets ("（）", usual in Chinese and
Japanese) count as the ASCII ones. Whole pairs the target adds are an aside set off its own way (the
source's commas or dashes made brackets), and pairs it drops where it sets the aside off by dashes
("--", "–", "—") one rewritten: neither is an error. In WMT21 TED en-de MT, brackets added around a
comma aside were correct translations every time (a comma aside became "(Helianthemum)").

Fails: "The talks (in Brussels) ended." → "Die Gespräche in Brüssel endeten.". Passes: the target
"Die Gespräche (in Brüssel) endeten.", "Hello {name} (admin)" → "Hallo {name} (Admin)".
"""

from __future__ import annotations

import re

from mtcheck.model import Hit, Severity
from mtcheck.rules.base import CheckContext, Example, Rule, Scope, target_span, translated_pairs
from mtcheck.rules.placeholder_mismatch import placeholders

PAIRS = ("()", "[]", "{}")
# An aside set off by dashes: a translation may put it in brackets, or the reverse.
DASH_ASIDE = re.compile(r"\s(?:--|[-–—])\s")
FULL_WIDTH = str.maketrans("（）［］｛｝", "()[]{}")


def bracket_places(text: str) -> dict[str, list[int]]:
    """Where each bracket character of ``text`` stands, placeholders left out."""
    inside = set()
    for _, start, end in placeholders(text):
        inside.update(range(start, end))
    places: dict[str, list[int]] = {char: [] for pair in PAIRS for char in pair}
    for at, char in enumerate(text.translate(FULL_WIDTH)):
        if char in places and at not in inside:
            places[char].append(at)
    return places


def _an_aside_rewritten(source_counts: tuple[int, int], target_counts: tuple[int, int], source: str,
                        target: str) -> bool:
    """Whole bracket pairs added by the target, which sets an aside off so, as a translator may ("rock
    rose, helianthemum, in Dorset" → "Zistrose (Helianthemum) in Dorset"; "-- and this is the point
    --" → "(und genau darum geht es)"), or dropped where the target sets the aside off by dashes. A
    pair dropped otherwise may be an aside lost ("(Laughter)"), and one left open is always wrong."""
    added, dropped = target_counts[0] - source_counts[0], source_counts[0] - target_counts[0]
    if target_counts[0] - target_counts[1] != source_counts[0] - source_counts[1]:
        return False  # one side is left open: no rewriting makes that right
    return added > 0 or bool(dropped > 0 and DASH_ASIDE.search(target))


def check(ctx: CheckContext):
    for index, pair, target in translated_pairs(ctx):
        wanted, found = bracket_places(pair.source), bracket_places(target)
        for opening, closing in PAIRS:
            source_counts = len(wanted[opening]), len(wanted[closing])
            target_counts = len(found[opening]), len(found[closing])
            if source_counts == target_counts or _an_aside_rewritten(source_counts, target_counts, pair.source, target):
                continue
            message = (f"'{opening}{closing}': the source has {source_counts[0]} '{opening}' and {source_counts[1]} "
                       f"'{closing}', the target {target_counts[0]} and {target_counts[1]}")
            extra = [at for char in (opening, closing)
                     for at in found[char][len(wanted[char]):]]  # the target's brackets beyond the source's
            if extra:
                for at in sorted(extra):
                    yield Hit(target_span(ctx, index, at, at + 1), target[at], message)
            else:
                yield Hit(target_span(ctx, index, 0, 0), "", message)


RULE = Rule(
    "bracket-mismatch", "Linguistic conventions/Punctuation", Severity.MINOR,
    "A target with other numbers of brackets than its source.", check,
    scope=Scope.PAIRS,
    examples=(
        # Brackets the target lacks are flagged at its start, brackets it adds where they stand.
        Example("⟦⟧Die Gespräche in Brüssel endeten.\nSiehe Seite 4⟦)⟧.",
                source="The talks (in Brussels) ended.\nSee page 4."),
        Example("Die Gespräche (in Brüssel) endeten.\nBilder von Zistrose (Helianthemum) in Dorset.\n"
                "Hallo {name} (Admin)\n%(count)d Dateien\n会谈（在布鲁塞尔）结束了。\n"
                "{count, plural, one {# Datei} other {# Dateien}}\nEinstein erkannte auch (und genau darum geht es), dass ...",
                source="The talks (in Brussels) ended.\nPictures of rock rose, helianthemum, in Dorset.\n"
                       "Hello {name} (admin)\n%(count)d files\nThe talks (in Brussels) "
                       "ended.\n{count, plural, one {# file} other {# files}}\n"
                       "Einstein also realized -- and this is the real meat of the matter -- that ..."),
    ),
)
