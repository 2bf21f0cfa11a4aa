"""The rule registry: every rule mtcheck knows, by stable id."""

from __future__ import annotations

from mtcheck.rules import (
    artifact, empty_target, garbled_word, length_ratio, name_inconsistent, number_mismatch, placeholder_mismatch,
    quote_balance, repeated_word, spacing, term_forbidden, term_inconsistent, term_misspelled, term_missing,
    term_untranslated, untranslated_segment, untranslated_text,
)
from mtcheck.rules import source_inconsistent, target_inconsistent
from mtcheck.rules import bracket_mismatch, edge_whitespace, end_punctuation, initial_capital, url_mismatch
from mtcheck.rules import pattern_check, spelling
from mtcheck.rules.base import CheckContext, Rule

RULES: dict[str, Rule] = {
    module.RULE.id: module.RULE
    for module in (term_forbidden, term_untranslated, term_misspelled, term_inconsistent, name_inconsistent,
                   garbled_word, untranslated_text, spacing, repeated_word, artifact, quote_balance,
                   term_missing, number_mismatch, untranslated_segment, empty_target, placeholder_mismatch, length_ratio,
                   source_inconsistent, target_inconsistent,
                   url_mismatch, end_punctuation, edge_whitespace, initial_capital, bracket_mismatch,
                   pattern_check, spelling)
}

__all__ = ["RULES", "Rule", "CheckContext"]
