"""untranslated-segment: a target that repeats its source, or is written in the source language
(bilingual files).

A target equal to its source is untranslated when it holds at least three words, one of them in
lower case: names, acronyms, numbers and titles ("NATO", "Belgrade", "KFOR 2023") pass. A target
that differs from its source is untranslated when it reads as the source language (as
``untranslated-text`` decides: most of its words are source-language words, not target ones), or
as any other language by its most frequent words (``mtcheck.language_id``). A copied source in
Chinese or Japanese (four characters or more) is untranslated too: those scripts have no case.

Fails: source "Sastanak je završen." with the same target.  Passes: "NATO" for "NATO".
"""

from __future__ import annotations

import re

from mtcheck.language_id import HAN_OR_KANA_RUN, foreign_language
from mtcheck.lexicon import lexicon_for
from mtcheck.model import Hit, Severity
from mtcheck.rules.base import CheckContext, Example, Rule, Scope, target_span

MIN_WORDS = 3
MIN_SHARE = 0.6
_WORD = re.compile(r"[^\W\d_]+")


def check(ctx: CheckContext):
    for index, pair in enumerate(ctx.pairs):
        target = (pair.target or "").strip()
        if not target:
            continue
        if " ".join(target.split()).casefold() == " ".join(pair.source.split()).casefold():
            words = _WORD.findall(target)
            if len(words) >= MIN_WORDS and any(w.islower() for w in words) or HAN_OR_KANA_RUN.search(target):
                yield Hit(target_span(ctx, index), pair.target, "the target repeats the source untranslated")
        elif _in_source_language(ctx, target):
            yield Hit(target_span(ctx, index), pair.target,
                      f"the target reads as the source language ({ctx.source_language}), not as {ctx.language}")
        elif len(words := _WORD.findall(target)) > MIN_WORDS and (other := foreign_language(words, ctx.language)):
            yield Hit(target_span(ctx, index), pair.target, f"the target reads as {other}, not as {ctx.language}")


def _in_source_language(ctx: CheckContext, text: str) -> bool:
    if not ctx.source_language or ctx.source_language.split("-")[0] == ctx.language.split("-")[0]:
        return False
    words = _WORD.findall(text)
    foreign = [w for w in words if not ctx.lexicon.is_common(w)]
    if len(words) < MIN_WORDS + 1 or len(foreign) < MIN_SHARE * len(words):
        return False
    source = lexicon_for(ctx.source_language)
    in_source = [w for w in foreign if source.is_common(w)]
    return len(in_source) >= MIN_WORDS and len(in_source) >= MIN_SHARE * len(words)


RULE = Rule(
    "untranslated-segment", "Accuracy/Untranslated", Severity.MAJOR,
    "A target that repeats its source or is written in the source language.", check,
    scope=Scope.PAIRS,
    examples=(
        Example("⟦Sastanak je završen danas u podne.⟧", source="Sastanak je završen danas u podne."),
        Example("⟦Sastanak se završio danas u podne.⟧", source="Sastanak je završen danas u podne."),  # in Serbian still
        Example("NATO\nKFOR 2023", source="NATO\nKFOR 2023"),
        Example("The meeting ended today at noon.", source="Sastanak je završen danas u podne."),
        Example("⟦这是一个很好的例子。⟧", source="这是一个很好的例子。", language="en", source_language="zh"),
        Example("⟦This is just one example of it.⟧", source="This is just one example of it!", language="de",
                source_language="en"),
        Example("Das ist nur ein Beispiel dafür.", source="This is just one example of it.", language="de",
                source_language="en"),
    ),
)
