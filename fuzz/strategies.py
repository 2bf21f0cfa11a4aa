"""Hypothesis strategies for the fuzz targets: the engine fuzz/run.py falls back on without atheris,
and the short bounded passes of tests/test_fuzz_regressions.py.

Random bytes alone rarely get past the YAML parser, so glossary inputs are also the seed glossary
with edits (mutations, like a coverage-guided fuzzer's) and generated glossaries that are valid
YAML with arbitrary values (so the index and the rules see odd but accepted terms).
"""

from __future__ import annotations

import yaml
from hypothesis import strategies as st

from fuzz.targets import seed_inputs

YAML_TOKENS = [
    b"\n", b"\t", b" ", b"  ", b": ", b"- ", b"[", b"]", b"{", b"}", b"'", b'"', b"#", b"&a ", b"*a", b"<<: ",
    b"!!python/object/apply:os.system ", b"!!binary ", b"!custom ", b"---\n", b"...\n", b"? ", b"|\n", b">-\n",
    b"terms:\n", b"  - id: x\n    canonical: X\n", b"canonical: ", b"variants: ", b"forbidden: ", b"source: ",
    b"short: ", b"fuzzy: ", b"fuzzy: false", b"case_sensitive: true", b"severity: critical", b"examples: ",
    b"flag: ", b"pass: ", b"language: ", b"version: 1", b"name: ", b"null", b"~", b"1e309", b"-0", b"0x1F",
    b"2001-12-14", b"\xef\xbb\xbf", b"\xff\xfe", b"\x00", b"\xc3", b"\xe2\x80", "Vučić".encode(), "İ".encode(),
    "\u0301".encode(), "\U0001F600".encode(), b"\r\n", b"\r", b"\x85", b"\xe2\x80\xa8",
]
TEXT_PIECES = [
    "USO", "Union of Serbian Municipalities", "Community of Serb Municipalities", "Aljbin Kurti", "Albin Kurti",
    "Kurti", "Corti", "Vučić", "Vucic", "KFOR", "KFOR's", "KFORs", "Kosovo Force", "ZSO", "WSO", "the", "the the",
    "Peleven", "Facebook,Twitter", "end.The", "[email protected]", "{0}", "%s", "${x}", "&amp;", "&#8217;", "<p>",
    "</div>", "cafÃ©", "â€œ", "Follow us on Viber.", "Vučić je rekao da Srbija neće priznati nezavisnost Kosova.",
    "mtcheck: ignore", "<!-- mtcheck: ignore-file -->", "“", "”", "(", ")", "\"", ".", ",", " ", "  ", "\n",
    "\r\n", "\r", "\n\n", "\t", "\x00", "\ufeff", "e\u0301", "\u05e9\u05dc\u05d5\u05dd", "\U0001F600", "ﬁ",
    "İ", "ß", "\u2028", "\x85", "-", "\u2013", "\u00a0", "1,000.5", "3.5",
]
LANGUAGES = ["en", "sr", "de", "fr", "tr", "zh", "ar", "xx", "en-US", "sr-Latn", "zz-Zzzz-123"]
IDENTIFIERS = st.from_regex(r"\A[a-z0-9._-]{1,12}\Z")
# A form must hold a letter or digit (the schema says so); anything may stand around it.
FORMS = st.one_of(st.sampled_from(TEXT_PIECES), st.text(max_size=12)).map(lambda s: s + "a")


def checker_inputs() -> st.SearchStrategy[bytes]:
    """Articles: glossary forms, defect triggers and arbitrary Unicode, or a seed article cut up."""
    pieces = st.lists(st.one_of(st.sampled_from(TEXT_PIECES), st.text(max_size=8)), max_size=40).map("".join)
    excerpts = st.tuples(st.sampled_from([data for _, data in seed_inputs("checker")]),
                         st.integers(0, 10_000), st.integers(0, 600)).map(lambda t: t[0][t[1]:t[1] + t[2]])
    return st.one_of(pieces.map(lambda s: s.encode("utf-8", "surrogatepass")), excerpts, st.binary(max_size=200))


def glossary_inputs() -> st.SearchStrategy[bytes]:
    return st.one_of(mutated_seeds(), generated_glossaries(), generated_multilingual_glossaries(), st.binary(max_size=300))


def mutated_seeds() -> st.SearchStrategy[bytes]:
    """A seed glossary with a few edits: bytes replaced, deleted, or YAML tokens inserted."""
    seeds = [data for _, data in seed_inputs("glossary")]
    edit = st.tuples(st.floats(0, 1), st.integers(0, 40), st.one_of(st.sampled_from(YAML_TOKENS), st.binary(max_size=4)))
    return st.tuples(st.sampled_from(seeds), st.lists(edit, min_size=1, max_size=6)).map(_apply_edits)


def _apply_edits(seed_and_edits: tuple[bytes, list]) -> bytes:
    data, edits = seed_and_edits
    for where, cut, insert in edits:
        at = int(where * len(data))
        data = data[:at] + insert + data[at + cut:]
    return data


def generated_glossaries() -> st.SearchStrategy[bytes]:
    """Well-formed YAML with arbitrary values: most are valid glossaries of odd terms."""
    forms = st.lists(FORMS, max_size=3)
    term = st.fixed_dictionaries(
        {"id": IDENTIFIERS, "canonical": FORMS},
        optional={"variants": forms, "short": forms, "forbidden": forms, "source": forms,
                  "fuzzy": st.one_of(st.integers(0, 100), st.just(False)), "case_sensitive": st.booleans(),
                  "severity": st.sampled_from(["neutral", "minor", "major", "critical"]),
                  "examples": st.fixed_dictionaries({}, optional={"flag": st.lists(FORMS, max_size=2),
                                                                   "pass": st.lists(FORMS, max_size=2)})})
    glossary = st.fixed_dictionaries(
        {"version": st.just(1), "name": IDENTIFIERS, "language": st.sampled_from(LANGUAGES),
         "terms": st.lists(term, max_size=6, unique_by=lambda t: t["id"])},
        optional={"source_language": st.sampled_from(LANGUAGES),
                  "defaults": st.fixed_dictionaries({}, optional={"fuzzy": st.integers(0, 100),
                                                                  "case_sensitive": st.booleans()})})
    return glossary.map(lambda g: yaml.safe_dump(g, allow_unicode=True, sort_keys=False).encode("utf-8", "surrogatepass"))


def generated_multilingual_glossaries() -> st.SearchStrategy[bytes]:
    """Well-formed version-2 YAML: concepts with forms in several languages, the declared languages
    sometimes missing one a term uses (a located error) or naming one no term uses."""
    forms = st.lists(FORMS, max_size=3)
    block = st.fixed_dictionaries({"canonical": FORMS}, optional={"variants": forms, "short": forms, "forbidden": forms,
                                                                  "note": FORMS})
    term = st.fixed_dictionaries(
        {"id": IDENTIFIERS, "forms": st.dictionaries(st.sampled_from(LANGUAGES), block, min_size=1, max_size=3)},
        optional={"fuzzy": st.one_of(st.integers(0, 100), st.just(False)), "case_sensitive": st.booleans(),
                  "severity": st.sampled_from(["neutral", "minor", "major", "critical"]), "note": FORMS})
    glossary = st.fixed_dictionaries(
        {"version": st.just(2), "name": IDENTIFIERS, "terms": st.lists(term, max_size=5, unique_by=lambda t: t["id"])},
        optional={"languages": st.lists(st.sampled_from(LANGUAGES), min_size=1, max_size=4, unique=True),
                  "source_language": st.sampled_from(LANGUAGES)})
    return glossary.map(lambda g: yaml.safe_dump(g, allow_unicode=True, sort_keys=False).encode("utf-8", "surrogatepass"))


def cache_inputs() -> st.SearchStrategy[bytes]:
    """Cache entries: a real entry's first bytes with a few edits (header, pickle opcodes), or any bytes."""
    seeds = [data[:4096] for _, data in seed_inputs("cache")]
    edit = st.tuples(st.floats(0, 1), st.integers(0, 40), st.binary(max_size=8))
    return st.one_of(st.tuples(st.sampled_from(seeds), st.lists(edit, min_size=1, max_size=6)).map(_apply_edits),
                     st.binary(max_size=300))


STRATEGIES = {"glossary": glossary_inputs, "checker": checker_inputs, "long-token": checker_inputs,
              "cache": cache_inputs}
