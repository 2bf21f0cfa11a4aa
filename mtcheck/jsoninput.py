"""JSON from files the user gives (JSON Lines, baselines): every way it can fail is a JSONDecodeError.

``json.loads`` fails in two more ways than a JSONDecodeError: a RecursionError on deep nesting
(``[[[[...``) and a ValueError on an integer longer than Python's digit limit (4,300 digits).
Both carried no position, and reached the user as a traceback. Here they become JSONDecodeErrors
at the place where the nesting gets too deep or the number starts, which callers already report.
"""

from __future__ import annotations

import json
import re
import sys
from json import JSONDecodeError

REPORTED_DEPTH = 500  # the nesting a too-deep document is said to pass: far below where json.loads fails


def loads(text: str):
    try:
        return json.loads(text)
    except RecursionError:
        raise JSONDecodeError(f"nested more than {REPORTED_DEPTH} levels deep", text,
                              _where_depth_passes(text, REPORTED_DEPTH)) from None
    except JSONDecodeError:
        raise
    except ValueError:  # int() past the digit limit
        limit = sys.get_int_max_str_digits()
        if not limit or not (number := re.search(rf"\d{{{limit + 1},}}", text)):
            raise
        raise JSONDecodeError(f"a number of {len(number.group()):,} digits (at most {limit:,})", text,
                              number.start()) from None


def _where_depth_passes(text: str, depth: int) -> int:
    """The offset of the bracket that opens level ``depth + 1`` (brackets inside strings not counted)."""
    level, in_string, escaped = 0, False, False
    for offset, char in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            level += 1
            if level > depth:
                return offset
        elif char in "]}":
            level -= 1
    return 0
