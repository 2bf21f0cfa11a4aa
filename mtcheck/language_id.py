"""Which language a sentence is written in, offline, for the untranslated-text rules.

A sentence of a language is full of that language's most frequent words ("the", "of", "and"; "der",
"und", "ist"): they are few, and they tell languages apart where word lists do not (most everyday
English words are also in the German list, as loans and names). ``frequent_words.json`` holds the
100 most frequent words of each language below, from wordfreq; a sentence is in language L, not in
the target language, when enough of its words are among L's frequent words and not the target's,
and its words are ordinary words of L. Text in a script written without spaces (Chinese, Japanese)
inside text of another script is told by its characters.

Regenerate the data after a wordfreq upgrade: ``python -m mtcheck.language_id``.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from mtcheck.lexicon import WORDFREQ_CODES, lexicon_for
from mtcheck.text import HAN_OR_KANA

LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb", "pl", "cs", "ro", "hu", "tr", "ru", "uk",
             "bg", "sh", "el", "fi", "id", "vi", "ca")
FREQUENT = 100
_DATA = Path(__file__).with_name("frequent_words.json")
HAN_OR_KANA_RUN = re.compile(f"[{HAN_OR_KANA}]{{4,}}")


@lru_cache(maxsize=1)
def frequent_words() -> dict[str, frozenset[str]]:
    """Language -> its most frequent words (wordfreq codes: "sh" is Serbo-Croatian)."""
    with open(_DATA, encoding="utf-8") as data:
        return {language: frozenset(words) for language, words in json.load(data)["languages"].items()}


def wordfreq_code(language: str) -> str:
    primary = language.split("-")[0].lower()
    return WORDFREQ_CODES.get(primary, primary)


def foreign_language(words: list[str], target: str) -> str | None:
    """The language ``words`` read as when that is not ``target``: at least two of its frequent
    words that the target does not have, a fifth of the words or more, more than twice as many
    as the target's own frequent words that it lacks (a quoted English title inside a German
    sentence is German), and 60% of the words ordinary words of it. None when they read as the
    target, or as nothing known."""
    target_code = wordfreq_code(target)
    telling = _telling(target_code)
    counts: dict[str, int] = {}
    for word in words:
        for language in telling.get(word) or telling.get(word.lower(), ()):
            counts[language] = counts.get(language, 0) + 1
    if not counts:
        return None  # the common case, a dictionary miss or two a word
    lowered = [word.lower() for word in words if len(word) > 1]
    best = min(counts, key=lambda language: (-counts[language], language))
    best_count = counts[best]
    if best_count < 2 or best_count * 5 < len(words):
        return None
    frequent = frequent_words()
    own, theirs = frequent.get(target_code, frozenset()), frequent[best]
    own_telling = sum(1 for word in lowered if word in own and word not in theirs)
    if best_count <= 2 * own_telling:
        return None
    ordinary = lexicon_for(_LEXICON_CODES.get(best, best))
    return best if sum(1 for word in words if ordinary.is_common(word)) >= 0.6 * len(words) else None


_LEXICON_CODES = {"sh": "sr"}  # lexicon_for takes BCP 47 tags


@lru_cache(maxsize=32)
def _telling(target_code: str) -> dict[str, tuple[str, ...]]:
    """Each frequent word of another language that the target language's frequent words lack ->
    the languages it tells of, in order."""
    frequent = frequent_words()
    own = frequent.get(target_code, frozenset())
    telling: dict[str, list[str]] = {}
    for language in sorted(frequent):
        if language != target_code:
            for word in frequent[language] - own:
                if len(word) > 1:  # "t" of "don't", "l" of "l'homme": fragments tell no language
                    telling.setdefault(word, []).append(language)
    return {word: tuple(languages) for word, languages in telling.items()}


def regenerate() -> dict:
    import wordfreq

    from mtcheck.lexicon import lexicon_version

    languages = {code: wordfreq.top_n_list(code, FREQUENT) for code in map(wordfreq_code, LANGUAGES)}
    return {"wordfreq": lexicon_version(), "top": FREQUENT, "languages": languages}


def _written(data: dict) -> str:
    """The data as JSON with one language a line: diffs of a regeneration stay readable."""
    lines = [f"  {json.dumps(code)}: {json.dumps(words, ensure_ascii=False)}" for code, words in sorted(data["languages"].items())]
    head = {key: value for key, value in data.items() if key != "languages"}
    return json.dumps(head)[:-1] + ', "languages": {\n' + ",\n".join(lines) + "\n}}\n"


if __name__ == "__main__":
    _DATA.write_text(_written(regenerate()), encoding="utf-8")
