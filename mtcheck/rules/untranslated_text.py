"""untranslated-text: a sentence left in the source language, or in any other language, inside
the translation.

Offline and only where confident. A sentence of four words or more is untranslated when at
least 60% of its words, and three or more, are words of the source language (wordfreq's
lists: Serbian in Latin or Cyrillic script, among 40 others) that are not ordinary words of
the target language; names and the sentence's glossary matches alone never make it untranslated.
The source language is the glossaries' ``source_language``. Whatever the source, a sentence is
also untranslated when it reads as another language by its most frequent words
(``mtcheck.language_id``: "This is just one example." in a German text), and a run of four or
more Chinese or Japanese characters in a text of another script is untranslated.

Fails: (sr → en) "Vučić je rekao da Srbija neće priznati nezavisnost Kosova."
Passes: "Vučić met Stoltenberg in Belgrade on Tuesday."
"""

from __future__ import annotations

import bisect
import re

from mtcheck.language_id import HAN_OR_KANA_RUN, foreign_language, wordfreq_code
from mtcheck.lexicon import lexicon_for
from mtcheck.markup import MASK
from mtcheck.model import Hit, Severity, Span
from mtcheck.rules.base import CheckContext, Example, Rule

MIN_WORDS = 4
MIN_SOURCE_WORDS = 3
MIN_SHARE = 0.6
# A sentence: from a stop (or the text's start) on, up to and with the next stop, when it holds a
# letter. Tried only just after a stop, and possessive: a run of digits or spaces with no letter was
# otherwise tried from each of its characters to its end, n^2 steps (10,000 digits: 2 s). Masked code
# (markup.MASK, a backtick) ends a sentence too: a finding's text is the file's, and the file holds
# the code, not the mask.
_SENTENCE = re.compile(r"(?<![^.!?\n{m}])(?:[^\w.!?\n{m}]|[\d_])*+[^\W\d_][^.!?\n{m}]*+[.!?]*+".replace("{m}", re.escape(MASK)))
_WORD = re.compile(r"[^\W\d_]+")


def check(ctx: CheckContext):
    if ctx.pairs:
        return  # in a translation file, untranslated-segment compares each target with its source
    base, text = ctx.segment
    yield from _in_another_script(ctx, base, text)
    from_source = ctx.source_language and ctx.source_language.split("-")[0] != ctx.language.split("-")[0]
    matches = sorted((m.start, m.end, m.text) for m in ctx.matches)
    source = None
    for sentence in _SENTENCE.finditer(text):
        words = _WORD.findall(sentence.group())
        if len(words) >= MIN_WORDS and (other := foreign_language(words, ctx.language)) is not None:
            start, end = _stripped(sentence)
            yield Hit(Span(base + start, base + end), text[start:end],
                      f"this sentence looks untranslated: it reads as {_named(other)}, not as {ctx.language}")
            continue
        if not from_source:
            continue
        foreign = [w for w in words if not ctx.lexicon.is_common(w)]
        if not _mostly(foreign, words):
            continue  # mostly target-language words: the common case, decided without the source lexicon
        # The words of glossary matches in this very sentence, so that a sentence is judged the
        # same wherever a long document is cut into segments.
        matched = _words_matched(matches, base + sentence.start(), base + sentence.end())
        foreign = [w for w in foreign if w not in matched]
        if not _mostly(foreign, words):
            continue
        source = source or lexicon_for(ctx.source_language)
        in_source = [w for w in foreign if source.is_common(w) or source.is_everyday(w)]
        if len(in_source) >= MIN_SOURCE_WORDS and len(in_source) >= MIN_SHARE * len(words):
            start, end = _stripped(sentence)
            yield Hit(Span(base + start, base + end), text[start:end],
                      f"this sentence looks untranslated ({ctx.source_language}): "
                      f"{len(in_source)} of its {len(words)} words are {ctx.source_language} words")


def _in_another_script(ctx: CheckContext, base: int, text: str):
    """Runs of Chinese or Japanese characters in a text of another language."""
    if wordfreq_code(ctx.language) in ("zh", "ja", "ko") or text.isascii():
        return
    for run in HAN_OR_KANA_RUN.finditer(text):
        yield Hit(Span(base + run.start(), base + run.end()), run.group(),
                  f"'{run.group()}' looks untranslated: Chinese or Japanese in a text in {ctx.language}")


def _named(code: str) -> str:
    return "Serbo-Croatian (sh)" if code == "sh" else code


def _mostly(foreign: list[str], words: list[str]) -> bool:
    return len(words) >= MIN_WORDS and len(foreign) >= MIN_SOURCE_WORDS and len(foreign) >= MIN_SHARE * len(words)


def _words_matched(matches: list[tuple[int, int, str]], start: int, end: int) -> set[str]:
    """The words of the matches (sorted (start, end, text)) that lie within [start, end)."""
    inside = matches[bisect.bisect_left(matches, (start,)):bisect.bisect_left(matches, (end,))]
    return {word for _, match_end, rendered in inside if match_end <= end for word in _WORD.findall(rendered)}


def _stripped(sentence: re.Match) -> tuple[int, int]:
    raw = sentence.group()
    return sentence.start() + len(raw) - len(raw.lstrip()), sentence.end() - len(raw) + len(raw.rstrip())


RULE = Rule(
    "untranslated-text", "Accuracy/Untranslated", Severity.MAJOR, "A sentence is left in the source language.", check,
    examples=(
        Example("He arrived. ⟦Vučić je rekao da Srbija neće priznati nezavisnost Kosova.⟧"),
        Example("Vučić met Stoltenberg in Belgrade on Tuesday."),
        Example("The talks ended. ⟦Il faut absolument éviter une nouvelle guerre.⟧", language="en", source_language="fr"),
        Example("The talks ended. We must avoid another war.", language="en", source_language="fr"),
        # Without a source language, a sentence that reads as another language by its frequent words.
        Example("⟦Vučić je rekao da Srbija neće priznati nezavisnost Kosova.⟧", language="en"),
        Example("Die Rede war kurz. ⟦This is just one example of what we saw.⟧", language="de", source_language="en"),
        Example("In John Donnes „No man is an island“ scheint etwas Wahres zu sein.", language="de", source_language="en"),
        Example("Der Sprecher sagte ⟦中华人民共和国⟧ am Montag.", language="de"),
        Example("我们更换了刹车片和轮胎。", language="zh"),
    ),
)
