"""Writes mtcheck/number_words.py: the numbers of each language written as words, from num2words.

    .venv/bin/pip install num2words && .venv/bin/python tools/make_number_words.py

num2words (LGPL) is needed only here, never at run time: what it gives is a table of words, written
out once. For each language: every word num2words writes for 0-100 and the hundreds (and, in Russian
and Ukrainian, their case and gender forms), the words of the scales (hundred, thousand, million,
milliard/billion, in the singular and the plural forms that follow 2 and 5) and the short words that
join the parts ("and", "y", "et"). Each number's words are read back with mtcheck.numerals and must
give the number again; the run lists those that do not (and omits their words if they contradict).
Serbian Cyrillic is read in Latin letters (Language.folded). Inflected forms num2words does not
write (German "zweier", Serbian "dvije") are in mtcheck.languages.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from num2words import num2words

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "mtcheck" / "number_words.py"

# mtcheck's language code -> num2words' code.
LANGUAGES = {code: code for code in ("en", "de", "fr", "es", "it", "pt", "nl", "sr", "ru", "uk", "pl", "cs", "sk", "sl",
                                     "sv", "da", "no", "fi", "tr", "ro", "hu", "lt", "lv", "ca", "id", "is")}
SCALES = (100, 1000, 10**6, 10**9, 10**12)
# 0-100, the hundreds, and a few more for the words that join hundreds and tens ("one hundred and five").
NUMBERS = (*range(101), 105, 121, 135, *range(200, 1000, 100))
CASES = {"ru": ("nominative", "genitive", "dative", "accusative", "instrumental", "prepositional")}
_TOKEN = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*")
def spelled(number: int, code: str) -> list[str]:
    """Every way num2words writes ``number`` in the language (case and gender forms where it has them)."""
    forms = [num2words(number, lang=code)]
    for case in CASES.get(code, ()):
        for gender in ("m", "f", "n"):
            forms.append(num2words(number, lang=code, case=case, gender=gender))
    return list(dict.fromkeys(forms))


def tokens(text: str) -> list[str]:
    return [token.casefold() for token in _TOKEN.findall(text)]


def table(code: str) -> tuple[dict[str, int], dict[str, int], set[str], list[str]]:
    words: dict[str, int] = {}
    scales: dict[str, int] = {}
    joiners: set[str] = set()
    # Single words first: 0-100 and the hundreds, the forms that are one word.
    multi = []
    for number in NUMBERS:
        for form in spelled(number, code):
            found = tokens(form)
            if len(found) == 1:
                words.setdefault(found[0], number)
            else:
                multi.append((number, found))
    # The scales: the words left over in "two million", "five million" once the numbers are known.
    for scale in SCALES:
        for factor in (1, 2, 5):
            for form in spelled(factor * scale, code):
                found = tokens(form)
                unknown = [t for t in found if t not in words]
                if len(found) == 1 and not unknown:
                    continue
                if len(found) == 1:  # "mille", "tisíc": a scale written alone, a number too
                    if factor == 1:
                        scales.setdefault(found[0], scale)
                        words.setdefault(found[0], scale)
                    else:  # "duemila": the scale's form after a number, in one word
                        prefix = next((w for w in sorted(words, key=len, reverse=True)
                                       if words[w] == factor and found[0].startswith(w)), None)
                        if prefix and len(found[0]) > len(prefix) + 2:
                            scales.setdefault(found[0][len(prefix):], scale)
                    continue
                known = [words.get(t) for t in found]
                if factor == 1 and len(found) == 2 and found[1] not in words:
                    scales.setdefault(found[1], scale)  # "eine Million", "un millón"
                if len(found) == 2 and found[1] in scales and found[0] not in words:
                    words.setdefault(found[0], factor)  # "dva tisoč": the form of the number before a scale
                elif len(found) == 2 and known[0] == factor and found[1] not in words:
                    scales.setdefault(found[1], scale)  # "zwei Millionen": the scale's form after a number
    # What is left in the numbers of several words joins their parts ("twenty-one", "treinta y cinco").
    for _, found in multi:
        joiners.update(t for t in found if t not in words and t not in scales)
    return words, scales, joiners, []


def misread(code: str) -> list[tuple[int, str]]:
    """(number, form) of each number that mtcheck.numerals, with the tables as they are written now,
    does not read as that one number."""
    import importlib

    from mtcheck import languages, number_words, numerals

    importlib.reload(number_words)
    languages.language.cache_clear()
    wrong = []
    for number in [*NUMBERS, *(f * s for s in SCALES[1:] for f in (1, 2, 5))]:
        for form in spelled(number, LANGUAGES[code]):
            read = [n.value for n in numerals.read(form, code)]
            if read != [number]:
                wrong.append((number, form))
    return wrong


def write(tables: dict[str, tuple], phrases: dict[str, dict[str, int]]) -> None:
    lines = ['"""The numbers of each language written as words: made by tools/make_number_words.py from num2words.',
             "", "Do not edit: run the tool. mtcheck.languages adds the inflected forms num2words does not write.", '"""',
             "", "# language -> word -> value", "WORDS: dict[str, dict[str, int]] = {"]
    scale_lines = ["# language -> scale word -> value", "SCALES: dict[str, dict[str, int]] = {"]
    phrase_lines = ["# language -> words of a number that add up otherwise, space-separated -> value",
                    "PHRASES: dict[str, dict[str, int]] = {"]
    joiner_lines = ["# language -> the words that join the parts of a number (\"and\" in \"one hundred and five\")",
                    "JOINERS: dict[str, frozenset[str]] = {"]
    for code, (words, scales, joiners) in tables.items():
        lines += _dict_lines(code, words)
        scale_lines += _dict_lines(code, scales)
        if phrases.get(code):
            phrase_lines += _dict_lines(code, phrases[code])
        joiner_lines.append(f"    {code!r}: frozenset({sorted(joiners)!r}),")
    text = "\n".join(lines + ["}", ""] + scale_lines + ["}", ""] + phrase_lines + ["}", ""] + joiner_lines + ["}", ""])
    OUT.write_text(text, encoding="utf-8")


def main() -> None:
    tables = {code: table(theirs)[:3] for code, theirs in LANGUAGES.items()}
    phrases: dict[str, dict[str, int]] = {}
    write(tables, phrases)
    for code in LANGUAGES:  # numbers read otherwise than they add up are phrases
        for number, form in misread(code):
            if number < 1000 and len(tokens(form)) > 1:
                phrases.setdefault(code, {}).setdefault(" ".join(tokens(form)), number)
    write(tables, phrases)
    print(f"wrote {OUT.relative_to(ROOT)}", file=sys.stderr)
    for code in LANGUAGES:
        for number, form in misread(code):
            print(f"read back differently: {code} {number} {form!r}", file=sys.stderr)


def _dict_lines(code: str, mapping: dict[str, int]) -> list[str]:
    lines = [f"    {code!r}: {{"]
    line = "       "
    for word, value in mapping.items():
        item = f" {word!r}: {value},"
        if len(line) + len(item) > 120:
            lines.append(line)
            line = "       "
        line += item
    lines.append(line)
    lines.append("    },")
    return lines


if __name__ == "__main__":
    main()
