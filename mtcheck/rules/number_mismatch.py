"""number-mismatch: numbers of the source that the target lacks, or adds (bilingual files).

Numbers are read by mtcheck.numerals in each language's own notation and words: "1.000,5" in German
and "1’000.50" in Swiss German (CLDR's symbols, through Babel), "three" in English, "drei" and
"dreidimensional" in German, "tri" in Serbian, "三千五百万", "2月" and "1.5亿" in Chinese. They compare by
value: "12" in the source is carried by "12", "twelve" or "zwölf" in the target.

Some words only may be numbers: an article that is also the number one ("ein", "un", "a"), the words
one and two (a pronoun or determiner as often as a number: "the one", "the two of them", "eins werden"),
a number inside a word ("zweite"), a month's name for its number. Such a
word never has to be carried into the other text, nor is it flagged for being there, but it carries
a number the other text states: "one tetrahedron" is "ein Tetraeder".

A number of the source that the target lacks while the target has one the source lacks is one
finding, on the target's number ("13" where the source has 12). A number the target merely lacks is
flagged where it belongs: beside the target's copy of the source number nearest to it, else at the
target's start; one it merely adds, where it stands. A length, weight or volume converted from the
source's imperial unit ("200 feet", "60 Meter") is no mismatch, nor a measure in another SI prefix
("10000 nanoseconds", "zehn Mikrosekunden"); a source that gives both units ("115 Fahrenheit, 43
degrees") wants both, and a target that keeps only the conversion gets a minor finding (dropping
the imperial figure may be a localisation choice).

Fails: "Umrlo je 12 ljudi." → "13 people died."  Passes: "1.000,5 evra" → "1,000.5 euros",
"3 osobe" → "three people".
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from mtcheck import languages
from mtcheck.model import Hit, Severity
from mtcheck.rules.base import CheckContext, Example, Rule, Scope, target_span
from mtcheck.rules.placeholder_mismatch import PLACEHOLDER

if TYPE_CHECKING:
    from mtcheck.numerals import Number

CONVERSION_TOLERANCE = 0.15  # a converted measure is rounded: "200 feet" is 61 m, written "60 Meter"


def read(text: str, language: str | None) -> list[Number]:
    """The numbers of ``text`` in ``language``; a placeholder ("{0}") is no number."""
    # mtcheck.numerals is imported where it is used: only translation files are compared, and its
    # tables and patterns take 7 ms (and the regex module 10 ms) of every other run's start.
    from mtcheck import numerals

    return numerals.read(PLACEHOLDER.sub(lambda m: " " * len(m.group()), text), language)


def numbers(text: str, language: str | None) -> list[tuple[float, int, int]]:
    """(value, start, end) of each number that ``text`` states, read in ``language``'s notation."""
    return [(n.value, n.start, n.end) for n in read(text, language) if n.strong]


def same(a: Number, b: Number) -> bool:
    """Whether two numbers say the same: one value, or the same digits copied ("[1,1]" read as a list
    in one language and a decimal in the other). "2 million" is 2 where the other language's scale
    word is unknown, but not "2 Billionen" (10^12) where both name their scale."""
    if a.value == b.value or a.digits and b.digits and a.text == b.text:
        return True
    if a.bare is not None and b.bare is not None:
        return False
    return (a.bare if a.bare is not None else a.value) == (b.bare if b.bare is not None else b.value)


def unmatched(source: list[Number], target: list[Number]) -> tuple[list[Number], list[Number]]:
    """The source's strong numbers that no number of the target carries, and the target's strong
    numbers that none of the source does: strong pairs first, then a strong number with a weak one."""
    pairs = _matching([s for s in source if s.strong], [t for t in target if t.strong])
    missing = [s for s in source if s.strong and id(s) not in pairs]
    extra = [t for t in target if t.strong and id(t) not in pairs]
    by_weak = _matching(missing, [t for t in target if not t.strong])
    by_weak.update(_matching(extra, [s for s in source if not s.strong]))
    return [s for s in missing if id(s) not in by_weak], [t for t in extra if id(t) not in by_weak]


def _matching(left: list[Number], right: list[Number]) -> dict[int, Number]:
    """A maximum matching of numbers that say the same (Kuhn's augmenting paths; segments hold few
    numbers): id of each matched number -> its partner, both ways."""
    partner: dict[int, int] = {}  # right index -> left index

    def augment(i: int, seen: set[int]) -> bool:
        for j, number in enumerate(right):
            if j not in seen and same(left[i], number):
                seen.add(j)
                if j not in partner or augment(partner[j], seen):
                    partner[j] = i
                    return True
        return False

    for i in range(len(left)):
        augment(i, set())
    pairs: dict[int, Number] = {}
    for j, i in partner.items():
        pairs[id(left[i])], pairs[id(right[j])] = right[j], left[i]
    return pairs


def converted(number: Number, other: Number, units) -> bool:
    """Whether ``other`` is ``number`` converted from the imperial unit after it ("200 feet", 60;
    "eight-foot", "zwei Meter"): within 15%, or half a unit when rounded to a whole one."""
    unit = units.get(number.after)
    if not unit:
        return False
    factor, offset = unit
    exact = (number.value + offset) * factor
    return abs(other.value - exact) <= max(CONVERSION_TOLERANCE * abs(exact), 0.5)


def check(ctx: CheckContext):
    source_language = ctx.source_language or ctx.language
    units = languages.language(source_language).imperial_units
    for index, pair in enumerate(ctx.pairs):
        target = pair.target or ""
        if target.strip():
            for start, end, text, message, severity in mismatches(read(pair.source, source_language),
                                                                  read(target, ctx.language), units):
                yield Hit(target_span(ctx, index, start, end), text, message, severity=severity)


def mismatches(source: list[Number], target: list[Number], units) -> list[tuple[int, int, str, str, Severity | None]]:
    """(start, end, text, message, severity) in the target of each number the two texts do not share."""
    from mtcheck import numerals

    missing, extra = unmatched(source, target)
    # A measure converted to metric: "200 feet" may be "60 Meter", and "120 feet, or 40 meters" only "40 Meter";
    # but "200 feet" is not "200 Meter".
    unconverted = [t for t in target for s in source if s.after in units and same(s, t) and numerals.METRIC_UNIT.fullmatch(t.after)]
    # A source that states the conversion itself ("115 Fahrenheit, 43 or 44 degrees") must be carried as it is.
    converts_itself = {id(s) for s in source if any(converted(s, o, units) for o in source)}
    conversion_kept = {id(s) for s in missing if any(converted(s, t, units) for t in target)}
    missing = [s for s in missing if id(s) in converts_itself or id(s) not in conversion_kept]
    extra = [t for t in extra if not any(converted(s, t, units) and id(s) not in converts_itself for s in source)]
    # The same measure in another SI prefix: "10000 nanoseconds" is "zehn Mikrosekunden".
    missing = [s for s in missing if not any(same_measure(s, t) for t in extra)]
    extra = [t for t in extra if not any(same_measure(s, t) for s in source)]
    found = [(n.start, n.end, n.text, f"{n.text!r} {n.after} has the number of the source's {n.text} in another unit", None)
             for n in unconverted]
    # In order: the target's number where the source's stood.
    found += [(n.start, n.end, n.text, f"{n.text!r} is not the source's number {_shown(wanted.value)}", None)
              for wanted, n in zip(missing, extra)]
    for wanted in missing[len(extra):]:
        at = _place_of_missing(wanted, source, target)
        if id(wanted) in conversion_kept:  # and so in converts_itself: it would not be missing otherwise
            # Dropping the imperial figure of "115 Fahrenheit, 43 degrees" may be a localisation choice.
            found.append((at, at, "", f"the source's {_shown(wanted.value)} {wanted.after} is not in the target, only its "
                          "conversion", Severity.MINOR))
        else:
            found.append((at, at, "", f"the source's number {_shown(wanted.value)} is not in the target", None))
    found += [(n.start, n.end, n.text, f"{n.text!r} is not among the source's numbers", None) for n in extra[len(missing):]]
    return found


def same_measure(a: Number, b: Number) -> bool:
    """Whether two numbers state one measure in units of one kind ("1500 meters", "1,5 Kilometer")."""
    from mtcheck import numerals

    first, second = numerals.si_measure(a.value, a.after), numerals.si_measure(b.value, b.after)
    return first is not None and second is not None and first[0] == second[0] and math.isclose(first[1], second[1])


def _place_of_missing(wanted: Number, source: list[Number], target: list[Number]) -> int:
    """Where in the target a number it lacks belongs: beside the target's copy of the source number
    nearest to it ("115 Fahrenheit, 43 degrees" -> before "43 Grad"), else at the target's start."""
    for neighbour in sorted((s for s in source if s is not wanted), key=lambda s: abs(s.start - wanted.start)):
        copy = next((t for t in target if same(neighbour, t)), None)
        if copy is not None:
            return copy.start if neighbour.start > wanted.start else copy.end
    return 0


def _shown(value: float) -> str:
    return f"{value:g}" if value != int(value) else str(int(value))


RULE = Rule(
    "number-mismatch", "Accuracy/Mistranslation", Severity.MAJOR, "The numbers of source and target differ.", check,
    scope=Scope.PAIRS,
    examples=(
        # A number the target has in place of the source's is flagged where it stands; one it lacks
        # with nothing in its place, beside the number nearest to it, else at the target's start.
        Example("⟦13⟧ people died.", source="Umrlo je 12 ljudi."),
        Example("⟦⟧People died.", source="Umrlo je 12 ljudi."),
        Example("The price is 1,000.5 euros.", source="Cena je 1.000,5 evra."),
        Example("Three people were injured.", source="Povređene su 3 osobe."),
        # Number words of the target's language; articles and the pronoun "one" state no number.
        Example("Sie haben ein Tetraeder und zwei Eingänge, die dreidimensional sind.",
                source="You have one tetrahedron and two inputs, three-dimensional ones.",
                language="de", source_language="en"),
        Example("Dieser ist clever. Wenn man die Milchstraße verdunkeln würde.",
                source="This one's clever. If one were to eclipse the Milky Way.", language="de", source_language="en"),
        Example("Sie haben ⟦drei⟧ Eingänge.", source="You have two inputs.", language="de", source_language="en"),
        Example("⟦⟧Sie haben Eingänge.", source="You have three inputs.", language="de", source_language="en"),
        # One and two in words are paraphrased freely: never required, never flagged by themselves.
        Example("Diese beiden Löcher werden eins, in den nächsten zwei Jahren.",
                source="These black holes will merge in the next years.", language="de", source_language="en"),
        # Locale notation from CLDR: Swiss German groups with ’ and writes a decimal point.
        Example("Es kostet 1’000.50 Franken.", source="It costs 1,000.50 francs.", language="de-CH", source_language="en"),
        Example("Es kostet ⟦1’000.60⟧ Franken.", source="It costs 1,000.50 francs.", language="de-CH", source_language="en"),
        # Chinese: digits glued to characters, numerals with 万 and 亿, month names for month numbers.
        Example("On February 11, the storm killed 17,000 people and cost 35 million yuan.",
                source="2月11日，风暴造成17,000人死亡，损失三千五百万元。", language="en", source_language="zh"),
        Example("On February 11, the storm killed ⟦7,000⟧ people.", source="2月11日，风暴造成17,000人死亡。",
                language="en", source_language="zh"),
        Example("The tower is 60 metres tall.", source="The tower is 200 feet tall.", language="en-GB", source_language="en"),
        Example("Sie falten sich in zehn Mikrosekunden.", source="They fold in 10000 nanoseconds.", language="de",
                source_language="en"),
        # A source that gives both units has the target carry both.
        Example("Es erwärmt sich auf ⟦⟧43 oder 44 Grad Celsius.", source="It heats up to 115 Fahrenheit, 43 or 44 degrees Centigrade.",
                language="de", source_language="en"),
    ),
)
