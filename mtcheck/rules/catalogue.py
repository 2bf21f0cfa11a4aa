"""What ``mtcheck rules`` prints, read from the rules themselves: the registry's order, each rule's
declaration (whether it can fix, among the rest) and its module docstring (its documentation and
examples). Nothing here describes a rule in words of its own, so the listing cannot drift from the code.
"""

from __future__ import annotations

import difflib

from mtcheck.errors import MtcheckError
from mtcheck.rules import RULES
from mtcheck.rules.base import Rule

TABLE_HEADER = ("rule", "MQM error type", "default", "fixable", "finds")


def rule_table() -> str:
    """One line per rule, in registry order, in aligned columns; the last column is the summary."""
    rows = [TABLE_HEADER, *((rule.id, rule.mqm, rule.severity.label, _yes_no(is_fixable(rule)), rule.summary)
                            for rule in RULES.values())]
    widths = [max(len(row[column]) for row in rows) for column in range(len(TABLE_HEADER) - 1)]
    lines = ["  ".join([*(cell.ljust(width) for cell, width in zip(row, widths)), row[-1]]) for row in rows]
    return "\n".join(lines) + "\n"


def rule_page(rule_id: str) -> str:
    """The rule's facts, then its documentation with its examples (its module docstring)."""
    rule = find_rule(rule_id)
    fixable = "yes: `mtcheck fix` applies its suggestions" if is_fixable(rule) else "no"
    facts = [("MQM error type", rule.mqm), ("default severity", rule.severity.label), ("fixable", fixable),
             ("finds", rule.summary)]
    width = max(len(name) for name, _ in facts) + 1
    lines = [rule.id, *(f"  {name + ':':<{width}} {value}" for name, value in facts), "", rule.info().help]
    return "\n".join(lines).rstrip("\n") + "\n"


def is_fixable(rule: Rule) -> bool:
    return rule.fixable


def find_rule(rule_id: str) -> Rule:
    """The rule of that id; an unknown id is an error with the nearest known one."""
    if rule_id in RULES:
        return RULES[rule_id]
    hint = difflib.get_close_matches(rule_id.lower().replace("_", "-"), list(RULES), n=1)
    tip = f"did you mean {hint[0]!r}?" if hint else "`mtcheck rules` lists them"
    raise MtcheckError(f"unknown rule {rule_id!r} ({tip})")


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"
