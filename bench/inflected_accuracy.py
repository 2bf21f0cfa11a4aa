"""How term matching fares on inflected text: correct inflections of glossary terms must pass,
inflections with a one-letter typo must be found as misspellings, and their fix must keep the
inflection. German nouns and adjective + noun pairs, from wordfreq's German list.

    .venv/bin/python bench/inflected_accuracy.py [--terms 300] [--seed 7]

Terms are German words of 9+ letters with Zipf 2.5-4 (rare enough to be terms); inflections are the
endings German nouns take ("-s", "-es", "-n", "-en", "-e", "-er", "-ern") that the Snowball stemmer
maps back to the term's stem, so every inflection counted is one German could have.
"""

from __future__ import annotations

import argparse
import random
import tempfile
from pathlib import Path

import wordfreq

from mtcheck import check_text, load_glossaries
from mtcheck.inflection import stems_for

ENDINGS = ("s", "es", "n", "en", "e", "er", "ern")


def terms(count: int, rng: random.Random) -> list[str]:
    words = [w for w in wordfreq.iter_wordlist("de") if len(w) >= 9 and w.isalpha() and 2.5 <= wordfreq.zipf_frequency(w, "de") <= 4]
    rng.shuffle(words)
    return [w.capitalize() for w in words[:count]]


def inflections(term: str) -> list[str]:
    stems = stems_for("de")
    stem = stems(term.lower())
    return [term + e for e in ENDINGS if stems((term + e).lower()) == stem and not wordfreq.zipf_frequency(term + e, "de") == 0]


def typo(word: str, rng: random.Random) -> str:
    """One substitution inside the word, not in its first two letters or its last three (the ending)."""
    at = rng.randrange(2, max(3, len(word) - 3))
    letter = rng.choice([c for c in "aeiounrstl" if c != word[at].lower()])
    return word[:at] + letter + word[at + 1:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--terms", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    chosen = terms(args.terms, rng)
    yaml = "version: 1\nname: de-bench\nlanguage: de\nterms:\n" + "".join(
        f"  - id: t{i}\n    canonical: {term}\n" for i, term in enumerate(chosen))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "g.yaml"
        path.write_text(yaml, encoding="utf-8")
        glossaries = load_glossaries([str(path)])
    correct = flagged_correct = typos = found = fixed_in_inflection = 0
    for term in chosen:
        for inflected in inflections(term):
            correct += 1
            flagged_correct += bool(_term_findings(f"Wir sprachen über die {inflected} gestern.", glossaries))
            wrong = typo(inflected, rng)
            if wordfreq.zipf_frequency(wrong, "de") > 0:
                continue  # the typo made another German word
            typos += 1
            hits = _term_findings(f"Wir sprachen über die {wrong} gestern.", glossaries)
            found += bool(hits)
            fixed_in_inflection += any(f.suggestion == inflected and f.fixable for f in hits)
    print(f"{len(chosen)} terms; {correct} correct inflections, {flagged_correct} flagged")
    print(f"{typos} inflections with a typo: {found} found, {fixed_in_inflection} with a fix in the span's inflection")


def _term_findings(text: str, glossaries):
    return [f for f in check_text(text, glossaries).findings if f.rule.startswith("term-")]


if __name__ == "__main__":
    main()
