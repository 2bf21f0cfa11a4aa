"""spacing: a missing space after a comma or semicolon ("Facebook,Twitter") or after a full stop
between two words ("end.The"), two spaces inside a sentence, a space before punctuation, and
punctuation repeated: a doubled comma or semicolon (",,") or a run of five or more full stops, spaced
or not (". . . . . ." is what machine translation writes when it hallucinates; the ellipsis "...",
". . ." and the four-dot ". . . ." are left alone).

Addresses, numbers and code keep their own spacing: nothing inside a URL, an e-mail address,
a path, `code`, a number (1,000; 3.5) or an HTML entity (&quot;, &#8220;: one character, whose
";" is no punctuation; in plain text the artifact rule reports it) is looked at. Two spaces after
a full stop are a typing convention, not an error. A space before ":;!?" is French typography:
only the languages whose data says so (``Language.no_space_before_punctuation``) get that check.

Fails: "Facebook,Twitter", "the  meeting", "said ,".  Passes: "1,000", "bbc.com/news", "Done.  Next",
"&quot;Serb List&quot;".
"""

from __future__ import annotations

import re

from mtcheck.languages import language
from mtcheck.markup import ends_entity
from mtcheck.model import Hit, Severity, Span
from mtcheck.rules.base import CheckContext, Example, Rule
from mtcheck.text import token_start_finder

_LETTER = r"[^\W\d_]"
_MISSING_AFTER_COMMA = re.compile(rf"(?<={_LETTER})[,;](?={_LETTER})")
_MISSING_AFTER_STOP = re.compile(r"(?<=[a-z]{2})\.(?=[A-Z][a-z])")
_DOUBLE_SPACE = re.compile(r"(?<=[^\s.!?:\"'”’)])[ ]{2,}(?=\S)")
_SPACE_BEFORE = re.compile(r"(?<=[^\W_])[ \t]+([,;:!?]|\.(?!\.))(?=\s|$)")
_REPEATED = re.compile(r",,|;;|\.(?: ?\.){4,}")
_TOKEN = re.compile(r"\S+")
_LITERAL = re.compile(r"://|www\.|@|/|\\|`|\.(?:com|org|net|gov|edu|rs|uk|eu|io)\b", re.IGNORECASE)


def check(ctx: CheckContext):
    base, text = ctx.segment
    checks = [(_MISSING_AFTER_COMMA, "a space is missing after '{}'"), (_MISSING_AFTER_STOP, "a space is missing after '{}'"),
              (_DOUBLE_SPACE, "two spaces between words"), (_REPEATED, "punctuation repeated: '{}'")]
    if language(ctx.language).no_space_before_punctuation:
        checks.append((_SPACE_BEFORE, "a space before '{}'"))
    token_start, literal = token_start_finder(text), {}  # token start -> whether it starts a literal
    for pattern, message in checks:
        for found in pattern.finditer(text):
            token = token_start(found.start())
            if token not in literal:
                literal[token] = _is_literal(text, token)
            if literal[token]:
                continue
            shown = found.group(found.lastindex or 0)
            start, end = (found.start(1), found.end(1)) if found.lastindex else (found.start(), found.end())
            if shown == ";" and ends_entity(text, start):
                continue  # "&quot;Serb List": an entity is one character, and its ";" no punctuation
            yield Hit(Span(base + start, base + end), shown, message.format(shown.strip()))


def _is_literal(text: str, start: int) -> bool:
    """Whether the token at ``start`` is a URL, an address, a path or code."""
    token = _TOKEN.match(text, start)
    return bool(token and _LITERAL.search(token.group()))


RULE = Rule(
    "spacing", "Linguistic conventions/Punctuation", Severity.MINOR,
    "A space is missing after punctuation, doubled inside a sentence, or stands before punctuation; "
    "punctuation is repeated.", check,
    examples=(
        Example("Facebook⟦,⟧Twitter"),
        Example("the⟦  ⟧meeting ended"),
        Example("he said ⟦,⟧ then left"),
        Example("It ended⟦.⟧The next one began."),
        Example("1,000 people; see bbc.com/news. Done.  Next."),
        Example("They seem to be the Nordic countries⟦. . . . . . . .⟧ Then⟦,,⟧ Japan."),
        Example("Wait... what? Nothing. . . ."),
        Example("&quot;Serb List&quot;"),
        Example("Bonjour ! Il a dit : non.", language="fr"),  # French puts a space before "!" and ":"
    ),
)
