"""What mtcheck knows of each language, in one place: adding a language is adding an entry here.

The rules and the term index ask ``language(code)`` for a BCP 47 tag ("de", "sr-Latn", "pt-BR")
and read the facts they need; a language with no entry gets the defaults of ``Language`` (no
stemming, no number words, Latin-script word spacing), so it is checked, only less cleverly.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

_NONE: Mapping = MappingProxyType({})

# Characters that end a sentence, by what they say ("stop", "question", "exclamation", "colon", "ellipsis"):
# those no language reads otherwise. Spanish "¿¡" open a sentence and never end one, so they are not here.
END_MARKS: Mapping[str, str] = MappingProxyType({
    ".": "stop", "。": "stop", "．": "stop", "।": "stop", "۔": "stop", "։": "stop",
    "?": "question", "？": "question", "؟": "question", "\u037e": "question",  # U+037E: the Greek question mark
    "!": "exclamation", "！": "exclamation", ":": "colon", "：": "colon", "…": "ellipsis",
})


@dataclass(frozen=True, slots=True)
class Language:
    code: str  # the primary subtag, lower case
    # The Snowball stemmer (PyStemmer) that takes the words of this language to one stem whatever their
    # inflection ("Europäischen" and "Europäische" -> "europa"): glossary forms are then found inflected.
    stemmer: str | None = None
    # Nouns and adjectives change their ending with their role in the sentence: a replacement written
    # in place of a word must keep that ending, so a fix is applied only where it does (mtcheck.inflection).
    inflects: bool = False
    # Endings that names take beyond what the stemmer strips ("Kurti" -> "Kurtijem"); after a final
    # vowel they replace it ("Metohija" -> "Metohije").
    name_endings: tuple[str, ...] = ()
    # Endings that make an adjective, demonym or plural of a proper name ("Serb" -> "Serbian").
    name_suffixes: tuple[str, ...] = ()
    # Endings of regular inflections of ordinary words, for telling a garbled token from an inflected word.
    word_endings: tuple[str, ...] = ()
    # Prefixes that make new words of dictionary words ("un" + "deflected", "re" + "konfigurierbar"),
    # longest first: a spell check takes such a word for a word (spelling), unless it is one letter
    # from an everyday one ("disfunction").
    word_prefixes: tuple[str, ...] = ()
    # Words that grammar lets stand twice in a row ("had had", "die die").
    repeatable: frozenset[str] = frozenset()
    # Numbers written as words (case-folded) and their values: mtcheck.number_words (made from num2words)
    # with the forms of ``_ENTRIES`` added. Read by mtcheck.numerals, as are the fields down to ``han_numerals``.
    number_words: Mapping[str, int] = field(default_factory=lambda: _NONE, compare=False)
    scale_words: Mapping[str, int] = field(default_factory=lambda: _NONE, compare=False)  # "million", "Millionen": times the number before
    # Numbers of several words whose parts add up otherwise ("quatre vingt dix" is 90), by their first word:
    # (number of words, {words: value}).
    number_phrases: Mapping[str, tuple[tuple[int, Mapping[tuple[str, ...], int]], ...]] = field(
        default_factory=lambda: _NONE, compare=False)
    number_joiners: frozenset[str] = frozenset()  # "and" in "one hundred and five", "y" in "treinta y cinco"
    # Articles that are also the number one ("ein", "un", "a"): they may stand for a 1, and before a scale
    # they are one ("eine Million").
    articles: frozenset[str] = frozenset()
    # Words that imply a number without stating it ("both", "twice", "beide"): they may stand for it.
    weak_number_words: Mapping[str, float] = field(default_factory=lambda: _NONE, compare=False)
    # Number words that are more often other words (French "neuf" is "new", Serbian "sto" "table"): alone, they
    # may stand for their number but do not state it.
    ambiguous_number_words: frozenset[str] = frozenset()
    # Endings of nouns that the Snowball stemmer leaves on (German -s: "Kolibris", "Teleskops"), or that a
    # language without a stemmer in its entry puts on its nouns (English -s, -es: "Returnees", "Joneses"):
    # name-inconsistent takes two words that differ by one for one word.
    noun_endings: tuple[str, ...] = ()
    # Every noun is written with a capital (German): a capitalised word after one of ``determiners`` is a noun,
    # not a name (name-inconsistent).
    capitalises_nouns: bool = False
    determiners: frozenset[str] = frozenset()
    # What adds a half to the number before it: "two and a half", "dos y medio", "dva i po".
    and_a_half: frozenset[str] = frozenset()
    han_numerals: bool = False  # numbers are also written 三千五百, 2万 (Chinese, Japanese)
    # Units that translations convert to metric ones: "200 feet" may become "60 Meter", "115 °F" "46 °C".
    imperial_units: Mapping[str, tuple[float, float]] = field(default_factory=lambda: _NONE, compare=False)
    # The decimal comma where CLDR (Babel, mtcheck.numerals.number_symbols) does not know the locale.
    decimal_comma: bool = False  # "1.000,5": a comma before the decimals, a dot (or space) between groups
    # A space before ":;!?" is wrong (in French it is the rule).
    no_space_before_punctuation: bool = False
    # Words join into compounds, with these links between the parts ("Rechenschaft-s-pflicht"): a
    # spell check takes a compound of two known words for a word (spelling).
    compound_links: tuple[str, ...] = ()
    # What ends a sentence (end-punctuation): ``END_MARKS``, and in Greek also ";" (its question mark).
    end_marks: Mapping[str, str] = field(default_factory=lambda: END_MARKS, compare=False)

    def folded(self, word: str) -> str:
        """``word`` as the number words are listed: case-folded; Serbian Cyrillic in Latin letters."""
        folded = word.casefold()
        if self.code in _CYRILLIC_AS_LATIN and not folded.isascii():
            from mtcheck.lexicon import SERBIAN_CYRILLIC

            folded = folded.translate(SERBIAN_CYRILLIC)
        return folded


_CYRILLIC_AS_LATIN = frozenset({"sr", "bs", "sh"})


_SERBO_CROATIAN = dict(
    stemmer="serbian", inflects=True, decimal_comma=True, no_space_before_punctuation=True,
    name_endings=("a", "e", "i", "u", "om", "em", "ja", "je", "ji", "ju", "jem", "jom"),
    # Forms num2words does not write: genders and cases of 1-4, collectives, ijekavian forms, the scales
    # of Croatian, and the long scale (milijarda is 10^9, bilion 10^12).
    number_words=dict(jedna=1, jedno=1, jednog=1, jednoga=1, jednom=1, jednome=1, jednu=1, jednoj=1, jednim=1, jedni=1,
                      jedne=1, dve=2, dvije=2, dvaju=2, dvama=2, dvoje=2, dvojica=2, triju=3, trima=3, troje=3,
                      trojica=3, četvoro=4, četvorica=4, petoro=5, dvjesta=200, trista=300),
    scale_words=dict(hiljada=1000, hiljade=1000, tisuća=1000, tisuće=1000, tisuću=1000, milion=10**6, miliona=10**6,
                     milijun=10**6, milijuna=10**6, milijarda=10**9, milijarde=10**9, milijardi=10**9, bilion=10**12,
                     biliona=10**12),
    weak_number_words=dict(pola=0.5, polovina=0.5),  # "pola miliona" is half a million
    ambiguous_number_words=frozenset({"sto"}),  # "sto" is also "table", and "što" without its háček
    repeatable=frozenset({"je", "da"}),  # "vidio je je" (is her), "rekao je da da" (that yes)
    and_a_half=frozenset({"i po", "i pol"}),
)

_ENTRIES: dict[str, dict] = {
    "en": dict(
        # English inflects little: the term index knows its plurals and possessives itself.
        name_suffixes=("s", "es", "n", "an", "ian", "ean", "ese", "i", "ic", "ish", "ist", "ists"),
        noun_endings=("s", "es"),  # the possessive's "'s" is a token of its own
        word_endings=("s", "es", "ed", "d", "ing", "er", "ers", "ly"),
        word_prefixes=("counter", "inter", "multi", "super", "under", "anti", "over", "semi", "dis", "mis", "non", "out",
                       "pre", "sub", "un", "re"),
        repeatable=frozenset({"had", "that", "bye", "no", "yes", "so", "well", "there", "now", "ha", "knock", "tut",
                              "very", "chop", "night", "go", "is", "ylang", "can", "pom", "dum", "tom", "bang", "aye",
                              "mahi", "bora", "walla", "sing", "hee", "ho", "boo", "tsk", "yada", "blah"}),
        articles=frozenset({"a", "an"}), and_a_half=frozenset({"and a half"}),
        weak_number_words=dict(both=2, twice=2, once=1, double=2, single=1, dozen=12, dozens=12, half=0.5, thrice=3,
                               pair=2, triple=3),
        # (factor, offset): the metric value is (value + offset) * factor.
        imperial_units=dict(foot=(0.3048, 0), feet=(0.3048, 0), ft=(0.3048, 0), inch=(2.54, 0), inches=(2.54, 0),
                            mile=(1.609, 0), miles=(1.609, 0), yard=(0.9144, 0), yards=(0.9144, 0),
                            pound=(0.4536, 0), pounds=(0.4536, 0), lb=(0.4536, 0), lbs=(0.4536, 0),
                            ounce=(28.35, 0), ounces=(28.35, 0), oz=(28.35, 0), gallon=(3.785, 0), gallons=(3.785, 0),
                            acre=(0.4047, 0), acres=(0.4047, 0), fahrenheit=(5 / 9, -32), f=(5 / 9, -32)),
        no_space_before_punctuation=True,
    ),
    "sr": _SERBO_CROATIAN, "hr": _SERBO_CROATIAN, "bs": _SERBO_CROATIAN, "sh": _SERBO_CROATIAN,
    "de": dict(stemmer="german", inflects=True, decimal_comma=True, no_space_before_punctuation=True,
               # Article or relative pronoun before an article ("eine Pflanze, die die erste nachahmt"), pronoun
               # before pronoun ("programmieren Sie sie", "rollt es es weg").
               capitalises_nouns=True, noun_endings=("s",), compound_links=("", "s", "es", "n", "en", "e"),
               # Comparatives and superlatives ("gleichberechtigt-eren", "grundlegend-ste"): dictionaries
               # list the base form only. Not the short case endings: "gestr" + "en" is no word.
               word_endings=("eren", "erer", "eres", "erem", "sten", "ster", "stes", "stem", "ere", "ste"),
               word_prefixes=("zusammen", "zurück", "heraus", "herum", "hinein", "weiter", "wieder", "super", "multi",
                              "anti", "miss", "nach", "über", "neu", "her", "hin", "mit", "vor", "auf", "aus", "ein",
                              "ab", "an", "um", "zu", "un", "ur", "re"),
               determiners=frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer",
                                      "eines", "kein", "keine", "keinen", "keinem", "keiner", "keines", "dieser", "diese",
                                      "dieses", "diesen", "diesem", "jeder", "jede", "jedes", "jeden", "jedem", "im",
                                      "am", "zum", "zur", "vom", "beim", "ins", "ans", "unser", "unsere", "unseren",
                                      "unserem", "unserer", "ihr", "ihre", "ihren", "ihrem", "ihrer", "sein", "seine",
                                      "seinen", "seinem", "seiner", "seines", "mein", "meine", "meinen", "meinem",
                                      "meiner", "welche", "welcher", "welches", "viele", "vielen", "alle", "allen"}),
               # "an den den Menschen", "gebt ihr ihr Buch", "weiß, was was ist".
               repeatable=frozenset({"die", "der", "das", "den", "dem", "sie", "es", "ihr", "was"}),
               number_words=dict(zweier=2, dreier=3, einhalb=0.5),
               scale_words=dict(hundert=100, tausend=1000),
               articles=frozenset({"ein", "eine", "einen", "einem", "einer", "eines"}),
               weak_number_words=dict(beide=2, beiden=2, beider=2, doppelt=2, doppelte=2, dutzend=12, halb=0.5,
                                      halbe=0.5, halben=0.5, hälfte=0.5, anderthalb=1.5, paar=2)),
    "fr": dict(stemmer="french", inflects=True, decimal_comma=True, articles=frozenset({"un", "une"}),
               word_prefixes=("multi", "super", "anti", "sous", "non", "pré", "sur", "ré", "dé", "re", "in"),
               repeatable=frozenset({"nous", "vous"}),  # "nous nous sommes", "vous vous êtes"
               and_a_half=frozenset({"et demi", "et demie"}),
               number_words=dict(une=1), ambiguous_number_words=frozenset({"neuf", "une"}),  # "neuf": new
               weak_number_words=dict(double=2, moitié=0.5, demi=0.5, demie=0.5, douzaine=12, douzaines=12)),
    "es": dict(stemmer="spanish", inflects=True, decimal_comma=True, no_space_before_punctuation=True,
               word_prefixes=("sobre", "multi", "super", "anti", "des", "pre", "sub", "re", "in"),
               and_a_half=frozenset({"y medio", "y media"}),
               number_words=dict(una=1, veintiún=21, veintiuna=21, doscientas=200, trescientas=300, cuatrocientas=400,
                                 quinientas=500, seiscientas=600, setecientas=700, ochocientas=800, novecientas=900),
               articles=frozenset({"un", "una"}), ambiguous_number_words=frozenset({"una"}),
               weak_number_words=dict(ambos=2, ambas=2, doble=2, mitad=0.5, medio=0.5, media=0.5, docena=12)),
    "it": dict(stemmer="italian", inflects=True, decimal_comma=True, no_space_before_punctuation=True,
               and_a_half=frozenset({"e mezzo", "e mezza"}),
               number_words=dict(una=1), articles=frozenset({"un", "una", "uno"}),
               ambiguous_number_words=frozenset({"una"}),
               weak_number_words=dict(entrambi=2, entrambe=2, doppio=2, metà=0.5, mezzo=0.5, mezza=0.5, dozzina=12)),
    "pt": dict(stemmer="portuguese", inflects=True, decimal_comma=True, no_space_before_punctuation=True,
               and_a_half=frozenset({"e meio", "e meia"}),
               number_words=dict(uma=1, duas=2, duzentas=200, trezentas=300, quatrocentas=400, quinhentas=500,
                                 seiscentas=600, setecentas=700, oitocentas=800, novecentas=900, dezessete=17,
                                 dezesseis=16, dezenove=19),
               articles=frozenset({"um", "uma"}), ambiguous_number_words=frozenset({"uma"}),
               weak_number_words=dict(ambos=2, ambas=2, dobro=2, metade=0.5, meio=0.5, meia=0.5, dúzia=12)),
    "nl": dict(stemmer="dutch", inflects=True, decimal_comma=True, no_space_before_punctuation=True,
               compound_links=("", "s", "en", "e"),
               word_prefixes=("onder", "multi", "super", "anti", "over", "her", "mis", "wan", "on"),
               repeatable=frozenset({"die", "dat", "de", "het", "er", "haar"}),  # "het boek dat dat kind las"
               and_a_half=frozenset({"en een half", "en half"}),
               articles=frozenset({"een"}), ambiguous_number_words=frozenset({"een"}),
               weak_number_words=dict(beide=2, beiden=2, dubbel=2, helft=0.5, half=0.5, halve=0.5, dozijn=12)),
    "pl": dict(stemmer="polish", inflects=True, decimal_comma=True, no_space_before_punctuation=True),
    "cs": dict(stemmer="czech", inflects=True, decimal_comma=True, no_space_before_punctuation=True),
    "ru": dict(stemmer="russian", inflects=True, decimal_comma=True,
               repeatable=frozenset({"что", "то", "так"}),  # "то, что что-то", "так так"
               and_a_half=frozenset({"с половиной"}),
               weak_number_words=dict(оба=2, обе=2, обоих=2, половина=0.5, пол=0.5, дюжина=12, дважды=2, трижды=3)),
    "ro": dict(stemmer="romanian", inflects=True, decimal_comma=True, articles=frozenset({"un", "o"}),
               number_words=dict(două=2, una=1), scale_words=dict(mie=1000, mii=1000)),
    "hu": dict(stemmer="hungarian", inflects=True, decimal_comma=True, number_words=dict(két=2), ambiguous_number_words=frozenset({"egy"})),
    "fi": dict(stemmer="finnish", inflects=True, decimal_comma=True),
    "sv": dict(stemmer="swedish", inflects=True, decimal_comma=True, articles=frozenset({"en", "ett"})),
    "da": dict(stemmer="danish", inflects=True, decimal_comma=True, articles=frozenset({"en", "et"})),
    "no": dict(stemmer="norwegian", inflects=True, decimal_comma=True, articles=frozenset({"en", "ei", "et"})),
    "nb": dict(stemmer="norwegian", inflects=True, decimal_comma=True, articles=frozenset({"en", "ei", "et"})),
    "nn": dict(stemmer="norwegian", inflects=True, decimal_comma=True, articles=frozenset({"ein", "ei", "eit"})),
    "el": dict(stemmer="greek", inflects=True, decimal_comma=True,
               end_marks=MappingProxyType({**END_MARKS, ";": "question"})),
    "tr": dict(stemmer="turkish", inflects=True, decimal_comma=True),
    "lt": dict(stemmer="lithuanian", inflects=True, decimal_comma=True),
    "et": dict(stemmer="estonian", inflects=True, decimal_comma=True),
    "ca": dict(stemmer="catalan", inflects=True, decimal_comma=True),
    "eu": dict(stemmer="basque", inflects=True, decimal_comma=True),
    "ga": dict(stemmer="irish", inflects=True),
    "id": dict(stemmer="indonesian", decimal_comma=True),
    "ar": dict(stemmer="arabic", inflects=True),
    "fa": dict(stemmer="persian"),
    "hi": dict(stemmer="hindi", inflects=True),
    "hy": dict(stemmer="armenian", inflects=True),
    "uk": dict(inflects=True, decimal_comma=True,
               number_words=dict(одна=1, одне=1, одну=1, одного=1, дві=2, двох=2, трьох=3)),
    "bg": dict(inflects=True, decimal_comma=True),
    "mk": dict(inflects=True, decimal_comma=True),
    "sl": dict(inflects=True, decimal_comma=True),
    "sk": dict(inflects=True, decimal_comma=True, number_words=dict(dve=2, jeden=1, jedna=1, jedno=1)),
    "sq": dict(inflects=True, decimal_comma=True, no_space_before_punctuation=True),
    "vi": dict(decimal_comma=True),
    "zh": dict(han_numerals=True),
    "ja": dict(han_numerals=True),
    "yue": dict(han_numerals=True),
}
def _by_first_word(phrases: Mapping[str, int]) -> Mapping:
    index: dict[str, dict[int, dict[tuple[str, ...], int]]] = {}
    for phrase, value in phrases.items():
        words = tuple(phrase.split())
        index.setdefault(words[0], {}).setdefault(len(words), {})[words] = value
    return MappingProxyType({first: tuple(sorted(by_length.items(), reverse=True)) for first, by_length in index.items()})


# Languages that take their number words from another's entry of mtcheck.number_words.
_NUMBER_WORDS_OF = {"hr": "sr", "bs": "sr", "sh": "sr", "nb": "no", "nn": "no"}


@lru_cache(maxsize=256)  # bounded: codes come from input files
def language(code: str | None) -> Language:
    """What is known of the language of BCP 47 tag ``code`` (its primary subtag decides)."""
    primary = (code or "").split("-")[0].split("_")[0].lower()
    entry = dict(_ENTRIES.get(primary, {}))
    from mtcheck import number_words  # generated tables: read when a language is first asked for

    of = _NUMBER_WORDS_OF.get(primary, primary)
    entry["number_words"] = MappingProxyType({**number_words.WORDS.get(of, {}), **entry.get("number_words", {})})
    entry["scale_words"] = MappingProxyType({**number_words.SCALES.get(of, {}), **entry.get("scale_words", {})})
    entry["number_phrases"] = _by_first_word(number_words.PHRASES.get(of, {}))
    entry["number_joiners"] = number_words.JOINERS.get(of, frozenset()) | entry.get("number_joiners", frozenset())
    for name in ("weak_number_words", "imperial_units"):
        entry[name] = MappingProxyType(dict(entry.get(name, {})))
    return Language(primary, **entry)
