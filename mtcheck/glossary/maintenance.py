"""Tools for the people who maintain glossaries: validate, test, lint, stats.

Every problem points at the glossary file, line and column of the term (or example) concerned,
in the same ``path:line:col: message`` form as the loader's own errors.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from mtcheck.errors import GlossaryError, MtcheckError, Problem
from mtcheck.folding import strip_diacritics
from mtcheck.glossary.loader import load_located_glossaries
from mtcheck.lexicon import lexicon_for
from mtcheck.model import Glossary, Term
from mtcheck.text import fold, is_acronym
from mtcheck.visible import visible

ROLES = ("variants", "short", "forbidden", "source")
NEAR_DUPLICATE = 90  # canonical forms this similar probably name one concept

# Every lint code: what it means, and how to fix the entry or accept it. The README's table, the
# schema's `reviewed` keys and `glossary lint --help` name the same codes (tests hold them alike).
LINT_CODES = {
    "fuzzy-collision": (
        "a form is within another term's fuzzy threshold of one of that term's forms: texts using it may be "
        "reported as misspelling the other term",
        "make the forms less alike or lower the other term's `fuzzy`; review it when both forms are right"),
    "common-word": (
        "a one-word form (not an acronym) is an everyday word of the glossary's language: every use of the "
        "word matches",
        "use a longer form, or `case_sensitive: true` when only the capitalised word is the term; review it "
        "when every use really is the term"),
    "case-only-variant": (
        "a variant differs from the canonical form only in case or diacritics: accepting it silences the "
        "report of that spelling",
        "remove the variant (`edit ID --remove FORM`); review it when the spelling really is accepted"),
    "no-note": (
        "the term has no note saying why its canonical form is canonical (editors see the note)",
        "`edit ID --set note=...`"),
    "near-duplicate": (
        "two terms' canonical forms are 90% alike: probably one concept entered twice (reported at the "
        "term whose id sorts first)",
        "move the forms into one term and `glossary remove` the other; review it when they are two concepts"),
    "nested-form": (
        "a form lies inside a form of another term (\"gap pad\" in \"thermal gap pad\"): the longer "
        "match wins, so the shorter term is not found there",
        "review it when the two are separate concepts, as they usually are"),
}


@dataclass(frozen=True)
class LintProblem:
    problem: Problem
    code: str  # a key of LINT_CODES
    term: str  # the term at whose entry it is reported, and whose `reviewed` may accept it
    reviewed: str | None = None  # the reason a person gave for accepting it

    def __str__(self) -> str:
        where = f"{self.problem.path}:{self.problem.line}:{self.problem.column}"
        accepted = f" [reviewed: {self.reviewed}]" if self.reviewed else ""
        return visible(f"{where}: {self.code}: {self.problem.message}{accepted}", double_backslashes=False)  # as Problem


def lint_codes(given: list[str]) -> frozenset[str]:
    """The codes of ``--ignore``, each a known one."""
    unknown = [code for code in given if code not in LINT_CODES]
    if unknown:
        raise MtcheckError(f"unknown lint code {unknown[0]!r} (choose from {', '.join(LINT_CODES)})")
    return frozenset(given)


def load_for_tools(paths: list[str]):
    """(glossaries with their YAML nodes, problems): the loader's problems are returned, not raised."""
    try:
        return load_located_glossaries(paths), []
    except GlossaryError as error:
        return [], error.problems


def _term_positions(loaded) -> dict[str, tuple[Glossary, object, int]]:
    return {term.id: (glossary, located, t) for glossary, located in loaded for t, term in enumerate(glossary.terms)}


def example_failures(loaded) -> list[Problem]:
    """Each ``flag`` example must produce a finding for its term, each ``pass`` example none: in a
    glossary of version 2, each language's examples in a check of that language."""
    from mtcheck.engine import Checker

    return [failure for glossaries in _each_language(loaded) if _have_examples(glossaries)
            for failure in _example_failures(Checker([g for g, _ in glossaries]), glossaries)]


def _each_language(loaded) -> list[list]:
    """The loaded glossaries as checks read them: as they are, or (with a glossary of version 2)
    once per language the glossaries have, each seen in that language and located by its paths."""
    from mtcheck.glossary.loader import is_projection

    if not any(is_projection(glossary) for glossary, _ in loaded):
        return [loaded]
    from mtcheck.glossary.concepts import in_language, languages_held

    located_of = {glossary.path: located for glossary, located in loaded}
    glossaries = [glossary for glossary, _ in loaded]
    return [[(g, located_of[g.path].seen_as(g) if is_projection(g) else located_of[g.path]) for g in chosen]
            for language in languages_held(glossaries) if (chosen := in_language(glossaries, language))]


def _have_examples(loaded) -> bool:
    return any(t.flag_examples or t.pass_examples for g, _ in loaded for t in g.terms)


def _example_failures(checker, loaded) -> list[Problem]:
    failures = []
    for glossary, located in loaded:
        for t, term in enumerate(glossary.terms):
            for role, sentences in (("flag", term.flag_examples), ("pass", term.pass_examples)):
                for i, sentence in enumerate(sentences):
                    found = [f for f in checker.check_text(sentence).findings if f.term == term.id]
                    if (role == "flag") != bool(found):
                        where = located.position(("terms", t, "examples", role, i))
                        failures.append(Problem(glossary.path, _failure(term, role, sentence, found), *where))
    return failures


def _failure(term: Term, role: str, sentence: str, found) -> str:
    if role == "flag":
        return f"term {term.id!r}: expected a finding in {sentence!r}, found none"
    listed = "; ".join(f"{f.rule} on {f.text!r}" for f in found)
    return f"term {term.id!r}: expected no finding in {sentence!r}, found {listed}"


def lint(loaded, ignore: frozenset[str] = frozenset()) -> list[LintProblem]:
    """Risks that are legal but harmful, each with its reason, but those of the ``ignore`` codes; a
    problem its term records as reviewed carries the reviewer's reason."""
    languages = _each_language(loaded)
    reviews = {term.id: dict(term.reviewed) for glossaries in languages for glossary, _ in glossaries
               for term in glossary.terms}
    return [replace(problem, reviewed=reviews[problem.term].get(problem.code))
            for problem in _risks(languages) if problem.code not in ignore]


def _risks(languages: list[list]) -> list[LintProblem]:
    """The risks of the glossaries, in order: in a glossary of version 2, in each of its languages
    (``_each_language``)."""
    problems = [problem for glossaries in languages for problem in _language_risks(glossaries)]
    if len(languages) > 1:  # a version-1 glossary checked with each language of a version-2 one
        problems = list(dict.fromkeys(problems))
    return sorted(problems, key=lambda p: (p.problem.path, p.problem.line or 0, p.problem.column or 0, p.code,
                                            p.problem.message))


def _language_risks(loaded) -> list[LintProblem]:
    problems: list[LintProblem] = []
    for glossary, located in loaded:
        lexicon = lexicon_for(glossary.language)
        for t, term in enumerate(glossary.terms):
            where = located.position(("terms", t))
            say = lambda code, message, at=where, path=glossary.path, term=term: problems.append(  # noqa: E731
                LintProblem(Problem(path, message, *at), code, term.id))
            if not term.note:
                say("no-note", f"term {term.id!r} has no note saying why its canonical form is canonical")
            for role, index, form in _forms(term):
                if role != "forbidden" and len(form.split()) == 1 and not is_acronym(form) and lexicon.is_everyday(form):
                    say("common-word", f"term {term.id!r}: {role} form {form!r} is an ordinary word of "
                                       f"{glossary.language}: every use of the word will match",
                        _position(located, t, role, index))
            for variant in term.variants:
                if _bare(variant) == _bare(term.canonical):
                    say("case-only-variant", f"term {term.id!r}: variant {variant!r} differs from the canonical "
                                             f"{term.canonical!r} only in case or diacritics")
    return problems + _cross_term_problems(loaded)


def _forms(term: Term):
    yield "canonical", None, term.canonical
    for role in ROLES:
        for index, form in enumerate(getattr(term, role)):
            yield role, index, form


def _position(located, t: int, role: str, index: int | None):
    return located.position(("terms", t, role) if index is None else ("terms", t, role, index))


def _bare(form: str) -> str:
    return strip_diacritics(fold(form))


def _cross_term_problems(loaded) -> list[LintProblem]:
    """Between terms: fuzzy collisions, nested forms, near-duplicate entries."""
    where = _term_positions(loaded)
    forms = [(term, role, form) for glossary, _ in loaded for term in glossary.terms
             for role, _, form in _forms(term) if role != "source"]
    problems = []
    for (a, a_role, a_form), (b, b_role, b_form) in _candidate_pairs(forms):
        if a.id == b.id:
            continue
        found = []
        ka, kb = _bare(a_form), _bare(b_form)
        if a_role == "canonical" and b_role == "canonical" and a.id < b.id and fuzz.ratio(ka, kb) >= NEAR_DUPLICATE:
            found.append(("near-duplicate", f"terms {a.id!r} and {b.id!r} may be one concept: "
                                            f"{a.canonical!r} / {b.canonical!r}"))
        elif b.fuzzy is not None and a_role != "forbidden" and ka != kb and fuzz.ratio(ka, kb) >= b.fuzzy:
            found.append(("fuzzy-collision", f"term {a.id!r}: form {a_form!r} is {fuzz.ratio(ka, kb):.0f}% similar to "
                                             f"{b_form!r} of term {b.id!r} (its fuzzy threshold is {b.fuzzy}): texts using "
                                             f"it may be flagged as misspelling {b.id!r}"))
        if len(ka) < len(kb) and re.search(rf"(?<!\w){re.escape(ka)}(?!\w)", kb):
            found.append(("nested-form", f"term {a.id!r}: form {a_form!r} is inside {b_form!r} of term {b.id!r}; "
                                         "the longer match wins"))
        if found:
            glossary, located, t = where[a.id]
            at = located.position(("terms", t))
            problems += [LintProblem(Problem(glossary.path, message, *at), code, a.id) for code, message in found]
    return problems


def _candidate_pairs(forms):
    """Ordered pairs of forms worth comparing: sharing a word or of similar length and first letter
    (blocking keeps glossaries of 10^4 terms fast)."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, (_, _, form) in enumerate(forms):
        bare = _bare(form)
        for key in {w for w in bare.split() if len(w) > 2} | {f"^{bare[:2]}{len(bare) // 4}"}:
            blocks[key].append(i)
    seen = set()
    for members in blocks.values():
        if len(members) > 200:
            continue  # a word shared by hundreds of forms ("ministry") says nothing
        for i in members:
            for j in members:
                if i != j and (i, j) not in seen:
                    seen.add((i, j))
                    yield forms[i], forms[j]


def stats(glossaries: list[Glossary]) -> list[dict]:
    """Per file: terms, forms by role, term types, languages."""
    rows = []
    for glossary in glossaries:
        roles = Counter()
        for term in glossary.terms:
            roles["canonical"] += 1
            for role in ROLES:
                roles[role] += len(getattr(term, role))
        rows.append({
            "path": glossary.path, "name": glossary.name, "language": glossary.language,
            "source_language": glossary.source_language, "terms": len(glossary.terms),
            "forms": sum(roles.values()), "by_role": {r: roles[r] for r in ("canonical", *ROLES)},
            "types": dict(sorted(Counter(t.type or "(none)" for t in glossary.terms).items())),
            "with_examples": sum(1 for t in glossary.terms if t.flag_examples or t.pass_examples),
            "without_note": sum(1 for t in glossary.terms if not t.note),
        })
        if termbase := getattr(glossary, "termbase", None):  # a version-2 file, counted in its default language
            rows[-1]["languages"] = {tag: sum(1 for concept in termbase.concepts if concept.in_language(tag))
                                     for tag in termbase.languages}  # how many of its terms each language has
    return rows
