"""Numbers in running text, in any language: digits in the locale's notation, numbers written as
words, Chinese and Japanese numerals.

``read(text, tag)`` finds each number with its value and place. A number is *strong* when it states
a number for certain ("12", "twelve", "zwölf"): a translation must carry it. It is *weak* when it
may only stand for one: an article that is also the number one ("ein", "un", "a"), the word for one
or two on its own (WEAK_WORD_VALUES: "the two of them", "eins werden"), a number inside
a word ("dreidimensional", "zweite"), a month's name (February for 2 in "2月"), a word that implies
a number ("both", "twice"). A weak number never has to be carried, but it may carry a strong one of
the other text: "one tetrahedron" is "ein Tetraeder".

What is read, and where the data comes from:

- digits: the locale's decimal and group symbols from CLDR (Babel): "1.000,5" in German, "1’000.50"
  in Swiss German, "1 000,5" in French; a number the locale's notation cannot read ("12.5" in a German
  text, left as the source had it) is read in the other one. Digits need no space from Chinese or
  Japanese characters ("2月11日"); full-width and other Unicode digits are digits.
- words: every language's number words (mtcheck.number_words, made from num2words, and the forms in
  mtcheck.languages), read with their scales and joiners: "two hundred and five", "treinta y cinco",
  "zwei Millionen", "2,5 Millionen".
- Chinese numerals: 一 to 九, 十 百 千, 万 and 亿, 两, 〇 and 零, 点 for decimals, digits before
  万/亿 ("1.5亿"). A lone 一 is weak (一些, 一起, 统一); a lone other numeral is strong before a
  classifier or after 第 ("三个", "第五"), weak otherwise (八卦 is gossip); idioms (万一, 十分, 千万) are
  no numbers.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

from mtcheck import languages

# Letters of scripts written without spaces between words may touch digits ("2月", "造成17,000").
_SPACELESS = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}"
_GLUED = rf"[^\W{_SPACELESS}]"  # a letter, digit or _ that no number may touch
_SPACE = "[ \u00a0\u202f\u2009]"
_GROUP = "[.,'’\u066c]"
_DECIMAL = "[.,\u066b]"
_FRACTION = "[½¼¾⅓⅔⅛]"  # "3½"
_DIGITS = regex.compile(
    rf"(?<!{_GLUED}|\d[.,'’]|(?:^|[\s(\[])[.,])(?:\d{{1,3}}(?:(?:{_GROUP}|{_SPACE})\d{{3}})+(?:{_DECIMAL}\d+)?|\d+(?:{_DECIMAL}\d+)?)"
    rf"{_FRACTION}?(?!{_GLUED}|{_DECIMAL}\d)")
_WORD = regex.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*")  # "п'ять", "l'un", "one's"
_HAN = regex.compile(r"[零〇一二两兩三四五六七八九十拾百佰千仟万萬亿億]+(?:[点點][零〇一二三四五六七八九]+)?")
_BETWEEN_WORDS = regex.compile(rf"(?:{_SPACE}|[\s-])+")  # what may stand between the words of one number

_HAN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
               "九": 9}
_HAN_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_HAN_MYRIADS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
# Words that are written with numerals and mean no number.
_HAN_IDIOMS = frozenset({"万一", "一一", "千万", "十分", "一二", "三三两两", "万万", "千千万万", "九九", "七七八八", "一五一十"})
# After a lone numeral these make it a count: classifiers and units ("三个", "五年", "七岁").
_HAN_COUNTED = frozenset("个個年月日号號天岁歲次位名种種条條件本张張只隻倍点點分秒周週人家元块塊米度层層成所项項期届屆"
                         "遍回场場句页頁部台辆輛架座棵朵匹头頭群批份双雙对對公千万萬亿億百十")


# One and two written as one word are weak in every language: they double as pronouns and
# determiners ("the one", "the two of them", "eins werden", "zu zweit") and translators paraphrase
# them freely ("the two" -> "beide", "dazwischen"). On WMT21 TED en-de MQM, every finding such a word
# made fell on a segment the raters found correct or wrong elsewhere (5 of 13 number-mismatch findings).
WEAK_WORD_VALUES = frozenset({1, 2})


@dataclass(frozen=True, slots=True)
class Number:
    value: float
    start: int
    end: int
    text: str
    strong: bool  # it states a number; a weak one may only stand for one
    digits: bool = False  # written in digits
    bare: float | None = None  # the number before its scale word: 2 of "2 million"
    after: str = ""  # the word right after it, case-folded ("feet" in "200 feet")


def read(text: str, tag: str | None) -> list[Number]:
    """Every number in ``text``, read as language ``tag`` (BCP 47) writes them, in order."""
    known = languages.language(tag)
    decimal = number_symbols(tag or "")
    digits = [Number(digit_value(m.group(), decimal), m.start(), m.end(), m.group(), True, digits=True,
                     after=_word_after(text, m.end()))
              for m in _DIGITS.finditer(text)]
    scaled: dict[int, Number] = {}  # digits followed by a scale ("2 million", "3万"): the digits' start -> the whole
    found: list[Number] = []
    if known.han_numerals:
        found += _han_numbers(text, digits, scaled)
    found += _word_numbers(text, known, tag or "", digits, scaled)
    found += [scaled.get(number.start, number) for number in digits]
    return sorted(found, key=lambda n: (n.start, -n.end))


@lru_cache(maxsize=64)
def number_symbols(tag: str) -> str:
    """The decimal symbol of locale ``tag`` ("." or ","), from CLDR; the group symbols are read
    whatever they are."""
    try:
        from babel import Locale, UnknownLocaleError
        from babel.numbers import get_decimal_symbol
    except ImportError:  # pragma: no cover - Babel is a dependency
        Locale = None
    if Locale is not None and tag:
        try:
            symbol = get_decimal_symbol(Locale.parse(tag.replace("_", "-"), sep="-"))
        except (UnknownLocaleError, ValueError, TypeError):
            symbol = None
        if symbol in (".", ",", "\u066b"):
            return "," if symbol == "," else "."
    return "," if languages.language(tag).decimal_comma else "."


def digit_value(raw: str, decimal: str) -> float:
    """The value of a number in digits, read with ``decimal`` as its decimal symbol; a number that
    this notation cannot read ("12.5" where "." groups thousands) is read in the other."""
    if raw[-1] in "½¼¾⅓⅔⅛":
        return digit_value(raw[:-1], decimal) + unicodedata.numeric(raw[-1])
    digits = regex.sub(rf"{_SPACE}|['’\u066c]", "", raw).replace("\u066b", decimal)
    other = "." if decimal == "," else ","
    value = _read_as(digits, decimal)
    if value is None:
        value = _read_as(digits, other)
    return value if value is not None else float(regex.sub(r"\D", "", digits) or 0)


def _read_as(digits: str, decimal: str) -> float | None:
    group = "." if decimal == "," else ","
    whole, separator, fraction = digits.rpartition(decimal)
    if not separator:
        whole, fraction = digits, ""
    if group in fraction:
        return None
    if separator and len(fraction) == 3 and group not in whole and len(whole) <= 3:
        return float(whole + fraction)  # "1.000" in English: read as a thousands group, as people mostly mean it
    parts = whole.split(group)
    if len(parts) > 1 and not (1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:])):
        return None
    number = "".join(parts) + ("." + fraction if separator else "")
    return float(number)


# --- numbers written as words ----------------------------------------------------------------------

def _word_numbers(text: str, known, tag: str, digits: Sequence[Number], scaled: dict[int, Number]) -> list[Number]:
    words, scales = known.number_words, known.scale_words
    if not words and not scales and not known.weak_number_words and not tag:
        return []
    tokens = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
    plain = known.code not in _TRANSLITERATED
    folded = [word.casefold() if plain and word.isalpha() else _key(word, known) for word, _, _ in tokens]
    months = month_numbers(tag)
    openings = _openings(known, tag)
    by_end = {number.end: number for number in digits}
    found: list[Number] = []
    i = 0
    while i < len(tokens):
        word, start, end = tokens[i]
        key = folded[i]
        if key[:3] not in openings:  # most words: no number word begins so
            i += 1
            continue
        run = _run(i, tokens, folded, text, known)
        if run:
            found += _read_run(run, tokens, folded, text, known)
            i = run[-1][1] + 1
            half = _half_after(i, tokens, folded, text, known.and_a_half)
            if half is not None:  # "two and a half"
                number = found[-1]
                found[-1] = Number(number.value + 0.5, number.start, tokens[half][2], text[number.start:tokens[half][2]],
                                   number.strong or number.value in WEAK_WORD_VALUES, after=_next(half, folded))
                i = half + 1
            continue
        if key in scales:
            number = _digits_before(start, text, by_end)
            if number is not None and number.start not in scaled:  # "2,5 Millionen": the digits times the scale
                scaled[number.start] = Number(number.value * scales[key], number.start, end, text[number.start:end], True,
                                              digits=True, bare=number.value, after=_next(i, folded))
        elif key in known.articles:
            found.append(Number(1.0, start, end, word, False))
        elif key in known.weak_number_words:
            scale = _scale_of_half(i, tokens, folded, text, known) if known.weak_number_words[key] == 0.5 else None
            if scale is not None:  # "half a million", "eine halbe Million": a number
                last, value = scale
                found.append(Number(value / 2, start, tokens[last][2], text[start:tokens[last][2]], True,
                                    after=_next(last, folded)))
                i = last + 1
                continue
            found.append(Number(known.weak_number_words[key], start, end, word, False))
        elif key in months:
            found.append(Number(float(months[key]), start, end, word, False))
        elif (inside := _inside_word(key, words, known.articles)) is not None:
            found.append(Number(inside, start, end, word, False))
        i += 1
    return found


_AFTER = regex.compile(rf"(?:{_SPACE}|[\s°-])*([^\W\d_]+)")


def _word_after(text: str, end: int) -> str:
    found = _AFTER.match(text, end)
    return found.group(1).casefold() if found else ""


_TRANSLITERATED = frozenset({"sr", "bs", "sh"})  # Language.folded does more than case-fold


@lru_cache(maxsize=64)
def _openings(known, tag: str) -> frozenset[str]:
    """The first three letters of every word that may be or begin a number in ``known``'s language."""
    words = [*known.number_words, *known.scale_words, *known.articles, *known.weak_number_words, *month_numbers(tag),
             *known.number_phrases]
    return frozenset(word[:3] for word in words)


def _scale_of_half(i: int, tokens, folded, text: str, known) -> tuple[int, float] | None:
    """(index of the scale word, its value) after the half at ``i`` ("half a million", "halbe Million")."""
    j = i + 1
    if j < len(tokens) and folded[j] in known.articles and _joined(text, tokens[i][2], tokens[j][1]):
        j += 1
    if j < len(tokens) and _joined(text, tokens[j - 1][2], tokens[j][1]):
        value = known.scale_words.get(folded[j]) or known.number_words.get(folded[j])  # "Million" is a number word
        if value and value >= 100 and math.log10(value).is_integer():
            return j, float(value)
    return None


def _half_after(i: int, tokens, folded, text: str, phrases) -> int | None:
    """The last token of a phrase of ``phrases`` ("and a half") that starts at token ``i``, if one does."""
    for phrase in phrases:
        words = phrase.split()
        last = i + len(words) - 1
        if last < len(tokens) and folded[i:last + 1] == words and _joined(text, tokens[i - 1][2], tokens[i][1]) \
                and all(_joined(text, tokens[k][2], tokens[k + 1][1]) for k in range(i, last)):
            return last
    return None


# Metric units, in the words of most languages that write them out, and their symbols.
METRIC_UNIT = regex.compile(r"(?:kilo|centi|zenti|milli|santi|deci|кило|санти|милли)?(?:m[eè]t(?:er|re|ro|ar|r)|метр|gram|грамм|"
                            r"lit(?:er|re|ro|ar)|литр)\w*|[kcm]?m|kg|g|l|°?c|celsius|цельси\w*", regex.IGNORECASE)


# SI prefixes and the units they scale, as the words run in European languages ("Nanosekunden",
# "microseconds", "километров"): a measure may be rewritten in another prefix ("10000 nanoseconds" is
# "zehn Mikrosekunden").
_SI_PREFIXES = (("nano", 1e-9), ("нано", 1e-9), ("micro", 1e-6), ("mikro", 1e-6), ("микро", 1e-6), ("milli", 1e-3),
                ("милли", 1e-3), ("centi", 1e-2), ("zenti", 1e-2), ("санти", 1e-2), ("kilo", 1e3), ("кило", 1e3),
                ("mega", 1e6), ("мега", 1e6), ("giga", 1e9), ("гига", 1e9), ("", 1.0))
_SI_UNITS = regex.compile(r"(m[eè]t(?:er|re|ro|ar|r)|метр|gram|грамм|lit(?:er|re|ro|ar)|литр|se[ckg]und|second|секунд|"
                          r"watt|ватт|hertz|герц|byte|байт)\w*")


def si_measure(value: float, unit: str) -> tuple[str, float] | None:
    """(base unit, value in it) of a number before a word for an SI unit with or without a prefix:
    ("sec", 1e-05) for 10 and "Mikrosekunden"; None for any other word."""
    folded = unit.casefold()
    for prefix, factor in _SI_PREFIXES:
        if folded.startswith(prefix) and (found := _SI_UNITS.fullmatch(folded, len(prefix))):
            return _SI_BASES.get(found.group(1)[:3], found.group(1)[:3]), value * factor
    return None


# One name per base unit across the languages' spellings (first three letters as _SI_UNITS matches).
_SI_BASES = {"mèt": "met", "мет": "met", "гра": "gra", "лит": "lit", "sek": "sec", "sec": "sec", "seg": "sec",
             "сек": "sec", "ват": "wat", "гер": "her", "бай": "byt"}


def _key(word: str, known) -> str:
    """How a word is looked up: case-folded; a word elided before it dropped ("l'un", "d'une")."""
    key = known.folded(word)
    if "'" in key or "’" in key or "ʼ" in key:
        whole = key.replace("’", "'").replace("ʼ", "'")
        if whole in known.number_words:
            return whole
        return regex.split("['’ʼ]", key)[-1] if len(regex.split("['’ʼ]", key)[0]) <= 2 else whole
    return key


def _digits_before(start: int, text: str, by_end: dict[int, Number]) -> Number | None:
    """The number in digits that ends right before ``start``, white space between them."""
    gap = _BETWEEN_WORDS.search(text, max(0, start - 8), start)
    while gap is not None and gap.end() != start:
        gap = _BETWEEN_WORDS.search(text, gap.end(), start)
    return by_end.get(gap.start()) if gap is not None else None


def _next(i: int, folded: list[str]) -> str:
    return folded[i + 1] if i + 1 < len(folded) else ""


def _joined(text: str, end: int, start: int) -> bool:
    return start > end and _BETWEEN_WORDS.fullmatch(text, end, start) is not None


def _run(i: int, tokens, folded, text: str, known) -> list[tuple[int, int, float, str]]:
    """The words from ``i`` on that write one or more numbers: (first token, last token, value, kind)
    where kind is "number", "scale", "joiner" or "one" (an article, the number one before a scale)."""
    words, scales = known.number_words, known.scale_words
    run: list[tuple[int, int, float, str]] = []
    j = i
    while j < len(tokens):
        key = folded[j]
        if run and not _joined(text, tokens[j - 1][2], tokens[j][1]):
            break
        phrase = _phrase(j, tokens, folded, text, known.number_phrases)
        if phrase is not None:  # "quatre-vingt-dix": a number of several words that add up otherwise
            run.append((j, phrase[0], phrase[1], "number"))
            j = phrase[0] + 1
            continue
        if key in scales and run and run[-1][3] != "joiner":
            run.append((j, j, scales[key], "scale"))
        elif key in words:
            run.append((j, j, words[key], "number"))
        elif (parts := _compound(key, words, scales)) is not None:
            run.append((j, j, parts, "number"))
        elif key in known.articles and not run and _scale_next(j, tokens, folded, text, scales):
            run.append((j, j, 1, "one"))
        elif key in known.number_joiners and run and j + 1 < len(tokens) and folded[j + 1] in words \
                and _joined(text, tokens[j][2], tokens[j + 1][1]):
            run.append((j, j, 0, "joiner"))
        else:
            break
        j += 1
    while run and run[-1][3] == "joiner":
        run.pop()
    return run


def _scale_next(j: int, tokens, folded, text: str, scales) -> bool:
    return j + 1 < len(tokens) and folded[j + 1] in scales and _joined(text, tokens[j][2], tokens[j + 1][1])


def _phrase(j: int, tokens, folded, text: str, phrases) -> tuple[int, float] | None:
    """(last token, value) of the longest phrase of ``phrases`` that starts at token ``j``."""
    if not phrases or folded[j] not in phrases:
        return None
    best = None
    for length, table in phrases[folded[j]]:
        last = j + length - 1
        if last < len(tokens) and all(_joined(text, tokens[k][2], tokens[k + 1][1]) for k in range(j, last)):
            value = table.get(tuple(folded[j:last + 1]))
            if value is not None and (best is None or last > best[0]):
                best = (last, value)
    return best


def _compound(word: str, words, scales) -> float | None:
    """The value of a word made of number words ("zweitausenddreihundert", "duemila"), if it is one."""
    if len(word) < 6 or not words:
        return None
    parts = _parts(word, words, scales, 0)
    return combine(parts) if parts and len(parts) > 1 else None


def _parts(word: str, words, scales, start: int) -> list[float] | None:
    if start == len(word):
        return []
    for end in range(len(word), start + 1, -1):
        piece = word[start:end]
        value = scales.get(piece) if start else None
        if value is None:
            value = words.get(piece)
        if value is not None:
            rest = _parts(word, words, scales, end)
            if rest is not None:
                return [value, *rest]
    return None


def _read_run(run, tokens, folded, text: str, known) -> list[Number]:
    """The numbers a run of number words writes: "twenty five" one, "five twenty" two."""
    found = []
    for first, last, value in split(run):
        start, end = tokens[first][1], tokens[last][2]
        key = folded[first]
        # A number that opens with a scale or an article ("hundred billion stars", "a million years", "ein
        # paar tausend") is vague; one word that is an article, a pronoun or mostly another word states none.
        # ("mil personas" is a number: "mil" is a number word as well as a scale.)
        strong = key not in known.articles and (key not in known.scale_words or key in known.number_words)
        if first == last and (value in WEAK_WORD_VALUES or key in known.ambiguous_number_words or key in known.articles):
            strong = False
        found.append(Number(float(value), start, end, text[start:end], strong, after=_next(last, folded)))
    return found


def split(run: Sequence[tuple[int, int, float, str]]) -> list[tuple[int, int, float]]:
    """The numbers of a run of number words: (first token, last token, value) each. A word that cannot
    continue the number before it starts a new one ("one two three" is three numbers)."""
    numbers: list[tuple[int, int, float]] = []
    first = last = -1
    total = current = 0.0
    last_scale = float("inf")

    def close():
        nonlocal first, total, current, last_scale
        if first >= 0:
            numbers.append((first, last, total + current))
        first, total, current, last_scale = -1, 0.0, 0.0, float("inf")

    for begin, end, value, kind in run:
        if kind == "joiner":
            continue
        if kind == "scale":
            if value == 100 and 0 < current % 1000 < 10:
                current = current - current % 1000 + current % 1000 * 100
            elif value >= 1000 and (current or total) and value < last_scale:
                total, current, last_scale = total + (current or 1) * value, 0.0, value
            elif value >= 1000 and not current and total and total < value:
                total, last_scale = total * value, value  # "mil millones"
            else:
                continue  # a scale that fits nowhere: no number
            last = end
            continue
        if first >= 0 and _continues(total, current, last_scale, value):
            current += value
        else:
            close()
            first, current = begin, value
        last = end
    close()
    return numbers


def _continues(total: float, current: float, last_scale: float, value: float) -> bool:
    if value < 1:  # a half after a number: "zweieinhalb"
        return current == int(current) and (current or total) > 0
    if current == 0:
        return total > 0 and value < last_scale
    below_hundred = current % 100
    if below_hundred == 0:
        return value < 100
    if below_hundred >= 20 and below_hundred % 10 == 0:
        return value < 10
    return False


def combine(values: Sequence[float]) -> float | None:
    """The one number that ``values``, the parts of a number in order, write; None if they write several.
    A part that is a power of ten from 100 on, after another, multiplies ("zwei", "tausend")."""
    run = [(i, i, v, "scale" if i and (v == 100 or v >= 1000 and v == 10 ** round(math.log10(v))) else "number")
           for i, v in enumerate(values)]
    found = split(run)
    return found[0][2] if len(found) == 1 and found[0][:2] == (0, len(values) - 1) else None


def _inside_word(word: str, words, articles=frozenset()) -> float | None:
    """The number a word begins with ("dreidimensional", "zweite", "eindimensional", "seventh"): the longest
    number word (or article that is also one) of three letters or more that leaves two letters or more."""
    for cut in range(len(word) - 2, 2, -1):
        if word[:cut] in words:
            return float(words[word[:cut]])
        if word[:cut] in articles:
            return 1.0
    return None


@lru_cache(maxsize=64)
def month_numbers(tag: str) -> dict[str, int]:
    """The names of the months in locale ``tag`` (CLDR, wide and abbreviated), case-folded: 2 for
    "February", "Feb", "Februar"."""
    try:
        from babel import Locale, UnknownLocaleError
        from babel.dates import get_month_names
        locale = Locale.parse(tag.replace("_", "-"), sep="-")
    except (ImportError, UnknownLocaleError, ValueError, TypeError):
        return {}
    names: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names(width, context, locale).items():
                key = name.casefold().rstrip(".")
                if _WORD.fullmatch(key):
                    names.setdefault(key, number)
    return names


# --- Chinese and Japanese numerals -----------------------------------------------------------------

def han_value(numeral: str) -> float:
    """The value of a Chinese numeral: "三千五百万" 35000000, "二〇二一" 2021, "三点五" 3.5."""
    whole, point, fraction = numeral.replace("點", "点").partition("点")
    value = _han_whole(whole)
    if point and fraction:
        value += float("0." + "".join(str(_HAN_DIGITS[c]) for c in fraction))
    return value


def _han_whole(numeral: str) -> float:
    if len(numeral) > 1 and all(c in _HAN_DIGITS for c in numeral):
        return float("".join(str(_HAN_DIGITS[c]) for c in numeral))  # "二〇二一": digit by digit
    total = section = number = 0
    for char in numeral:
        if char in _HAN_DIGITS:
            number = _HAN_DIGITS[char]
        elif char in _HAN_UNITS:
            section += (number or 1) * _HAN_UNITS[char]
            number = 0
        else:  # 万 or 亿: what came before, times it
            myriad = _HAN_MYRIADS[char]
            section += number
            number = 0
            if myriad > 10**4:
                total, section = (total + section) * myriad, 0
            else:
                total, section = total + (section or 1) * myriad, 0
    return float(total + section + number)


def _han_numbers(text: str, digits: Sequence[Number], scaled: dict[int, Number]) -> list[Number]:
    found = []
    by_end = {number.end: number for number in digits}
    for match in _HAN.finditer(text):
        numeral, start, end = match.group(), match.start(), match.end()
        before = by_end.get(start)
        if before is not None and all(c in _HAN_MYRIADS or c in _HAN_UNITS for c in numeral):
            scale = 1
            for char in numeral:  # "3万", "1.5亿", "2千万": the digits times the units
                scale *= _HAN_MYRIADS.get(char) or _HAN_UNITS[char]
            scaled[before.start] = Number(before.value * scale, before.start, end, text[before.start:end], True,
                                          digits=True, bare=before.value)
            continue
        if numeral in _HAN_IDIOMS:
            continue
        if len(numeral) == 1:
            ordinal = start > 0 and text[start - 1] == "第"
            counted = end < len(text) and text[end] in _HAN_COUNTED
            strong = ordinal or numeral != "一" and counted
        else:
            strong = True
        found.append(Number(han_value(numeral), start, end, numeral, strong))
    return found
