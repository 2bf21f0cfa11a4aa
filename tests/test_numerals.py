"""mtcheck.numerals: numbers in running text, in digits, words and Chinese numerals, in each language."""

import pytest

from mtcheck.numerals import digit_value, han_value, read


def stated(text, language):
    return [n.value for n in read(text, language) if n.strong]


def weak(text, language):
    return [n.value for n in read(text, language) if not n.strong]


@pytest.mark.parametrize("text, language, values", [
    # Number words of many languages, with their scales and joiners (mtcheck.number_words, from num2words).
    ("twenty-five thousand people, two hundred and five, one two three", "en", [25000, 205, 3]),
    ("fünfundzwanzig Leute, zweitausenddreihundert, zwei Millionen, 2,5 Millionen", "de", [25, 2300, 2_000_000, 2_500_000]),
    ("quatre-vingt-dix-sept mille, soixante et onze, dix-sept", "fr", [97000, 71, 17]),
    ("treinta y cinco, mil millones, doscientas", "es", [35, 10**9, 200]),
    ("dvadeset pet, dvije, tri miliona", "hr", [25, 3_000_000]),
    ("двадесет пет и три", "sr", [25, 3]),  # Serbian Cyrillic
    ("двадцать пять тысяч, двух, одного", "ru", [25000]),
    ("two and a half years", "en", [2.5]),
    # Half before a scale is a number; half alone only may be one.
    ("half a million parts, half the time", "en", [500_000]),
    ("eine halbe Million Teile, eine halbe Stunde", "de", [500_000]),
    ("pola miliona dinara", "sr", [500_000]),
    ("zweieinhalb Jahre", "de", [2.5]),
    # Chinese: numerals, 万 and 亿, digits glued to characters, lone 一 and idioms stated by no number.
    ("造成17,000人死亡，2月11日，三千五百万，1.5亿元，一些，三个人，第五，二〇二一年，万一", "zh",
     [17000, 2, 11, 35_000_000, 150_000_000, 3, 5, 2021]),
    ("１２３ and ２０", "en", [123, 20]),  # full-width digits
])
def test_numbers_stated_in_each_language(text, language, values):
    assert stated(text, language) == values


@pytest.mark.parametrize("text, language, values", [
    # One and two in words may be pronouns or determiners: they state no number ("the two of them").
    ("This one is clever, one of them, no one, one another; if one were to go", "en", []),
    ("One tetrahedron and two spinning holes, the two of them", "en", []),
    ("werden eins, zweier Löcher, zwei Jahre", "de", []),
    # Articles are the number one only before a scale; a number inside a word, a month's name, "both" may stand for one.
    ("ein Tetraeder, eine Frau, einer davon", "de", []),
    ("a million years, hundreds of them, ein paar tausend Jahre", "en", []),
    ("l'un des deux", "fr", []),
    ("uno de ellos", "es", []),
    ("jedan od njih", "sr", []),
    ("un livre neuf", "fr", []),
])
def test_words_that_only_may_be_numbers_state_none(text, language, values):
    assert stated(text, language) == values


def test_weak_numbers_are_read_for_what_they_may_stand_for():
    assert weak("ein dreidimensionales Tetraeder, beide, zweite", "de") == [1, 3, 2, 2]
    assert weak("On February 11, both", "en") == [2, 2]
    assert weak("a million years", "en") == [1_000_000]
    assert weak("dvadeset pet, dvije", "hr") == [2]  # inflected forms of one and two are known, as weak numbers
    assert weak("двух, одного", "ru") == [2, 1]


@pytest.mark.parametrize("raw, decimal, value", [
    ("1.000,5", ",", 1000.5), ("1,000.5", ".", 1000.5), ("1’000.50", ".", 1000.5), ("1'000.50", ",", 1000.5),
    ("1 000 000", ",", 1_000_000), ("12.5", ",", 12.5), ("12,5", ".", 12.5), ("1.000", ".", 1000),
    ("3½", ".", 3.5),
])
def test_digits_in_the_notation_of_the_locale_or_else_the_other(raw, decimal, value):
    assert digit_value(raw, decimal) == value


def test_the_locales_notation_comes_from_cldr():
    assert stated("1’000.50 Franken und 1.5 Liter", "de-CH") == [1000.5, 1.5]
    assert stated("1.000,50 Euro und 1,5 Liter", "de-DE") == [1000.5, 1.5]
    assert stated("1 000,5 euros", "fr") == [1000.5]


@pytest.mark.parametrize("numeral, value", [
    ("三千五百万", 35_000_000), ("一亿二千万", 120_000_000), ("十七", 17), ("二〇二一", 2021), ("三点五", 3.5),
    ("两百", 200), ("十万", 100_000),
])
def test_chinese_numerals(numeral, value):
    assert han_value(numeral) == value


def test_a_number_after_a_list_comma_is_read_but_not_a_bare_decimal_part():
    assert stated("8 ft.,12 ft", "en") == [8, 12]
    assert stated(".5 percent, v1.2", "en") == []
