"""How much work compiling a configured regular expression takes, estimated before compiling it.

The ``regex`` engine, which runs configured patterns under a time limit, writes out the body of a
repeat as many times as its lower bound says: ``((a{1000}){1000}){1000}`` compiles into 10^9 items
(more than 10 GB, for minutes), and the time limit covers matching only. So a pattern's size is
estimated first, from its text: each item counts once, a repeat's body as many times as the repeat's
lower bound (nested repeats multiply), each repeat with a range ("{1,1000}") as a few items more.
Measured: 20,000 such items compile in about 50 ms.
"""

from __future__ import annotations

import re

MAX_COMPILED_ITEMS = 20_000
RANGE_REPEAT_ITEMS = 20  # what a repeat the engine keeps as a loop ("a{1,1000}", "a*") costs to compile
_COUNTED = re.compile(r"\{(\d*)(?:(,)(\d*))?\}")  # {n}, {n,}, {,m}, {n,m}; not regex's fuzzy "{e<=1}"
# What opens a group besides "(": (?:  (?P<name>  (?<name>  (?=  (?!  (?<=  (?<!  (?>  (?|  (?i:  and (?i) alone.
_GROUP_PREFIX = re.compile(r"\(\?(?:P?<\w+>|P?'\w+'|<[=!]|[=!>|]|[\w-]*[:)])")
_BRACED_ESCAPES = "pPNxuUg"  # \p{L}, \N{name}, \x{263a}: the braces are the escape's, not a repeat
_HUGE = 10**10  # a count with more digits is treated as this (the engine refuses it anyway)


def compiled_items(pattern: str) -> int:
    """About how many items ``pattern`` compiles into (see the module's notes)."""
    totals, last, at = [0], 0, 0  # totals: the items of each open group, innermost last
    while at < len(pattern):
        char = pattern[at]
        quantity = 1
        if char == "\\":
            at = _escape_end(pattern, at)
        elif char == "[":
            at = _class_end(pattern, at)
        elif char == "(" and pattern.startswith("(?#", at):
            at = pattern.find(")", at) + 1 or len(pattern)
            continue
        elif char == "(":
            prefix = _GROUP_PREFIX.match(pattern, at)
            at = prefix.end() if prefix else at + 1
            if not (prefix and prefix.group().endswith(")")):  # "(?i)" sets flags: no group
                totals.append(0)
            continue
        elif char == ")" and len(totals) > 1:
            quantity = max(1, totals.pop())
            at += 1
        elif char in "*+?|":
            totals[-1] += RANGE_REPEAT_ITEMS if char in "*+" else 0
            at += 1
            continue
        elif char == "{" and (counted := _COUNTED.match(pattern, at)) and any(counted.groups("")[::2]):
            low = _count(counted.group(1))
            ranged = counted.group(2) is not None and _count(counted.group(3) or "") != low
            totals[-1] += last * (max(low, 1) - 1) + (RANGE_REPEAT_ITEMS if ranged else 0)
            last *= max(low, 1)
            at = counted.end()
            continue
        else:
            at += 1
        totals[-1] += quantity
        last = quantity
    return sum(totals)


def _count(digits: str) -> int:
    return int(digits) if 0 < len(digits) <= 10 else 0 if not digits else _HUGE


def _escape_end(pattern: str, at: int) -> int:
    """Where the escape that starts at ``at`` ends."""
    end = at + 2
    if pattern[at + 1: end] and pattern[at + 1] in _BRACED_ESCAPES and pattern.startswith("{", end):
        close = pattern.find("}", end)
        return close + 1 if close > 0 else len(pattern)
    return end


def _class_end(pattern: str, at: int) -> int:
    """Where the character class that starts at ``at`` ends (a "]" first in it is a member)."""
    at += 1
    if pattern.startswith("^", at):
        at += 1
    if pattern.startswith("]", at):
        at += 1
    while at < len(pattern) and pattern[at] != "]":
        at = _escape_end(pattern, at) if pattern[at] == "\\" else at + 1
    return at + 1
