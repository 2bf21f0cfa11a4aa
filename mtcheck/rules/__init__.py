"""The rule registry: every rule mtcheck knows, by stable id."""

from __future__ import annotations

from mtcheck.rules import name_inconsistent, term_forbidden, term_inconsistent, term_misspelled, term_untranslated
from mtcheck.rules.base import CheckContext, Rule

RULES: dict[str, Rule] = {
    module.RULE.id: module.RULE
    for module in (term_forbidden, term_untranslated, term_misspelled, term_inconsistent, name_inconsistent)
}

__all__ = ["RULES", "Rule", "CheckContext"]
