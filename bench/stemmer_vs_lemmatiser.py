"""Which tells inflected forms of glossary words apart better: Snowball stemmers (PyStemmer, what
mtcheck uses) or simplemma's dictionary lemmatiser? Each pair is a glossary word and an inflection
of it as it appears in news text; a method unifies a pair when both get the same stem or lemma.

    .venv/bin/pip install simplemma && .venv/bin/python bench/stemmer_vs_lemmatiser.py

simplemma is not a dependency of mtcheck: this script is the measurement behind the choice.
"""

from __future__ import annotations

import Stemmer

from mtcheck.inflection import stems_for

PAIRS = {
    "de": [("Europäische", "Europäischen"), ("Zentralbank", "Zentralbanken"), ("Bremsbelag", "Bremsbeläge"),
           ("Bremsbelag", "Bremsbelägen"), ("Fahrzeug", "Fahrzeuges"), ("Bundesparlament", "Bundesparlaments"),
           ("Deutscher", "Deutschen"), ("Bundestag", "Bundestages"), ("Eisberg", "Eisberge"), ("Haus", "Häuser")],
    "sr": [("Zajednica", "Zajednice"), ("srpskih", "srpskim"), ("opština", "opštinama"), ("Albin", "Albinom"),
           ("Kurti", "Kurtijem"), ("Kurti", "Kurtija"), ("Vučić", "Vučića"), ("Vučić", "Vučićem"),
           ("Zajednica", "Заједнице"), ("opština", "општина"), ("Kosovo", "Kosova"), ("Metohija", "Metohije")],
    "ru": [("Европейский", "Европейского"), ("центральный", "центрального"), ("банк", "банка"), ("Путин", "Путина"),
           ("Москва", "Москве")],
    "fr": [("Banque", "Banques"), ("centrale", "centrales"), ("européenne", "européennes"), ("cheval", "chevaux"),
           ("nouveau", "nouvelle")],
}
SNOWBALL = {"de": "german", "sr": "serbian", "ru": "russian", "fr": "french"}
SIMPLEMMA = {"sr": "hbs"}


def main() -> None:
    import simplemma

    totals = {"snowball": 0, "snowball + name endings (mtcheck)": 0, "simplemma": 0}
    for language, pairs in PAIRS.items():
        stem = Stemmer.Stemmer(SNOWBALL[language]).stemWord
        stems = stems_for(language)
        for word, inflected in pairs:
            totals["snowball"] += stem(word.lower()) == stem(inflected.lower())
            totals["snowball + name endings (mtcheck)"] += stems.same_word(inflected.lower(), word.lower())
            code = SIMPLEMMA.get(language, language)
            totals["simplemma"] += simplemma.lemmatize(word, lang=code).lower() == simplemma.lemmatize(inflected, lang=code).lower()
    count = sum(map(len, PAIRS.values()))
    for method, unified in totals.items():
        print(f"{method}: {unified} of {count} pairs unified")


if __name__ == "__main__":
    main()
