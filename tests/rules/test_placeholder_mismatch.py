"""placeholder-mismatch: printf forms read whole, "%%" no placeholder, an ICU argument one placeholder."""

from __future__ import annotations

import pytest

from mtcheck.rules.placeholder_mismatch import placeholders


@pytest.mark.parametrize("text, found", [
    ("Hello %(name)s, %1$@ and %@", ["%(name)s", "%1$@", "%@"]),
    ("%-5d rows, %.2f MB, %ld bytes, %1$s", ["%-5d", "%.2f", "%ld", "%1$s"]),
    ("100%% done, 100%%%s", ["%s"]),  # a percent sign, then a literal one before a %s
    ("20 %ige Steigerung, 50% off", []),
    ("{count, plural, one {{name} item} other {# items}} in {0}", ["{count}", "{0}"]),
    ("{gender, select, female {she} other {they}} said", ["{gender}"]),
])
def test_placeholders_are_read_whole(text, found):
    assert [placeholder for placeholder, _, _ in placeholders(text)] == found


def test_an_icu_plural_whose_branches_are_translated_is_no_mismatch(pair_findings):
    """The branches' words in braces were read as placeholders "{item}" and "{items}" (a false finding)."""
    pairs = [("{n, plural, one {item} other {items}}", "{n, plural, one {Artikel} few {Artikel} other {Artikel}}")]
    assert pair_findings("placeholder-mismatch", pairs) == []


def test_an_icu_argument_the_target_drops_is_missing(pair_findings):
    pairs = [("{n, plural, one {# item} other {# items}}", "Artikel")]
    assert pair_findings("placeholder-mismatch", pairs) == [(0, "", "'{n}' of the source is missing from the target")]


@pytest.mark.parametrize("source", ["Saved by %@", "Hello %(name)s", "Row %1$@", "%.2f MB"])
def test_printf_forms_missed_before_are_flagged(pair_findings, source):
    findings = pair_findings("placeholder-mismatch", [(source, "Gespeichert")])
    assert [message for _, _, message in findings] == [f"'{placeholders(source)[0][0]}' of the source is missing from the target"]
