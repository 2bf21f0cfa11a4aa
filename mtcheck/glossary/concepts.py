"""Concept-oriented multilingual glossaries (format version 2).

One term holds a concept's forms in every language; one file serves every target language and
every language pair. The checker never sees this shape: ``Termbase.project`` gives, for a target
language and a source language, the ordinary one-language ``Glossary`` it reads (the target's
block as canonical, variants, short and forbidden forms, the source's block as ``source`` forms).

```yaml
version: 2
name: kosovo-news
languages: [en, de, sr-Latn]      # optional: else the languages the terms use, in order
source_language: sr-Latn          # optional: the source forms' language when a run names none
defaults: {severity: major}       # as in version 1
terms:
  - id: csm
    type: organization            # term-level: type, note, severity, fuzzy, case_sensitive, morphology
    forms:
      en: {canonical: Community of Serb Municipalities, short: [CSM], forbidden: [Union of Serbian Municipalities]}
      de: {canonical: Gemeinschaft der serbischen Gemeinden, forbidden: [Serbischer Gemeindebund]}
      sr-Latn: {canonical: Zajednica srpskih opština, short: [ZSO]}
```

Each language block takes ``canonical`` (required), ``variants``, ``short``, ``forbidden``,
``inflections``, ``note`` (that language's note; else the term's is shown) and ``examples``
(sentences in that language).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

from mtcheck.errors import Problem
from mtcheck.located import Located
from mtcheck.model import Glossary, Severity, Term
from mtcheck.text import fold

VERSION = 2
BLOCK_LISTS = ("variants", "short", "forbidden", "inflections")  # a language block's form lists


@lru_cache(maxsize=1)
def termbase_schema() -> dict:
    """The JSON Schema of glossary format version 2, as shipped in the package."""
    return json.loads(resources.files("mtcheck.glossary").joinpath("schema-v2.json").read_text("utf-8"))


def either_schema() -> dict:
    """One JSON Schema for glossaries of both versions (for an editor that takes one schema): version
    2's where ``version`` is 2, else version 1's; each kept whole under ``$defs`` with its own ``$id``."""
    from mtcheck.glossary.loader import glossary_schema

    first, second = glossary_schema(), termbase_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://mtcheck.invalid/schemas/glossary.json",
        "title": "mtcheck glossary, version 1 or 2",
        "if": {"properties": {"version": {"const": VERSION}}, "required": ["version"]},
        "then": {"$ref": second["$id"]},
        "else": {"$ref": first["$id"]},
        "$defs": {"version-1": first, "version-2": second},
    }


@dataclass(frozen=True, slots=True)
class LanguageForms:
    """A concept's forms in one language."""

    language: str
    canonical: str
    variants: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()
    inflections: tuple[str, ...] = ()
    note: str | None = None
    flag_examples: tuple[str, ...] = ()
    pass_examples: tuple[str, ...] = ()

    def as_source(self) -> tuple[str, ...]:
        """Every form written in this language: in a text of another language, an untranslated one."""
        return (self.canonical, *self.variants, *self.short, *self.forbidden)


@dataclass(frozen=True, slots=True)
class Concept:
    """One term of a version-2 glossary: settings for every language, forms per language."""

    id: str
    forms: tuple[LanguageForms, ...]
    type: str | None = None
    note: str | None = None
    severity: Severity | None = None
    fuzzy: int | None = 88
    case_sensitive: bool = False
    morphology: str = "inflect"
    reviewed: tuple[tuple[str, str], ...] = ()  # (lint code, reason), as a version-1 term's

    def in_language(self, language: str | None) -> LanguageForms | None:
        return next((forms for forms in self.forms if forms.language == language), None)


@dataclass(frozen=True, slots=True)
class Termbase:
    name: str
    path: str
    languages: tuple[str, ...]
    source_language: str | None
    concepts: tuple[Concept, ...]

    @property
    def default_language(self) -> str:
        """The target language when a run names none: the first that is not the source language."""
        return next((tag for tag in self.languages if tag != self.source_language), self.languages[0])

    def block_language(self, wanted: str | None) -> str | None:
        """The language of this glossary that serves ``wanted``, if any (``matching_language``)."""
        return matching_language(wanted, self.languages) if wanted else None

    def project(self, language: str | None = None, source_language: str | None = None) -> ProjectedGlossary | None:
        """The one-language glossary for texts in ``language`` (default: ``default_language``)
        translated from ``source_language`` (default: the file's); None when it has no such language.
        A concept with no forms in ``language`` is not in it."""
        target = self.block_language(language) if language else self.default_language
        if target is None:
            return None
        source = source_language or self.source_language
        source_block = self.block_language(source)
        if source_block == target:
            source, source_block = None, None
        terms = [_projected_term(concept, forms, concept.in_language(source_block), self.name)
                 for concept in self.concepts if (forms := concept.in_language(target))]
        return ProjectedGlossary(self.name, language or target, self.path, _without_shared_source(terms), source,
                                 languages=self.languages, termbase=self)


@dataclass(frozen=True, slots=True)
class ProjectedGlossary(Glossary):
    """A version-2 glossary seen in one language. ``languages`` are all the file's; ``termbase`` is
    the whole file while it is loaded (a cached index holds the projection only)."""

    languages: tuple[str, ...] = ()
    termbase: Termbase | None = field(default=None, repr=False, compare=False)


def matching_language(wanted: str, languages) -> str | None:
    """The tag among ``languages`` that serves texts in ``wanted``: the same tag, else one that
    ``same_language`` matches ("de" for "de-DE"), else one of the same primary language and
    script ("en-US" for "en-GB"; "sr-Latn" for gettext's "sr@latin", not for "sr-Cyrl")."""
    from mtcheck.bilingual.formats import same_language

    for matches in (lambda tag: tag.lower() == wanted.lower(), lambda tag: same_language(tag, wanted),
                    lambda tag: _same_primary_and_script(tag, wanted)):
        if found := next((tag for tag in languages if matches(tag)), None):
            return found
    return None


_SCRIPT_OF_GETTEXT_MODIFIER = {"latin": "latn", "cyrillic": "cyrl"}


def _primary_and_script(tag: str) -> tuple[str, str | None]:
    tag, _, modifier = tag.strip().lower().replace("_", "-").partition("@")
    primary, *subtags = tag.split("-")
    script = next((part for part in subtags if len(part) == 4 and part.isalpha()), None)
    return primary, script or _SCRIPT_OF_GETTEXT_MODIFIER.get(modifier)


def _same_primary_and_script(tag: str, wanted: str) -> bool:
    (primary, script), (other, other_script) = _primary_and_script(tag), _primary_and_script(wanted)
    return primary == other and (script is None or other_script is None or script == other_script)


def _projected_term(concept: Concept, forms: LanguageForms, source: LanguageForms | None, glossary: str) -> Term:
    return Term(
        id=concept.id, canonical=forms.canonical, glossary=glossary, variants=forms.variants, short=forms.short,
        forbidden=forms.forbidden, source=tuple(dict.fromkeys(source.as_source())) if source else (),
        type=concept.type, note=forms.note or concept.note, severity=concept.severity, fuzzy=concept.fuzzy,
        case_sensitive=concept.case_sensitive, flag_examples=forms.flag_examples, pass_examples=forms.pass_examples,
        morphology=concept.morphology, inflections=forms.inflections, reviewed=concept.reviewed,
    )


def _without_shared_source(terms: list[Term]) -> tuple[Term, ...]:
    """The terms without the source forms that are forms of the target language too: a name spelled
    alike in both ("Kosovo", "NATO") is no untranslated word."""
    return _without_written_source(terms, _written_forms(terms))


def _written_forms(terms) -> set[str]:
    return {fold(form) for term in terms for role, forms in term.forms_by_role().items() if role != "source"
            for form in forms}


def _without_written_source(terms, written: set[str]) -> tuple[Term, ...]:
    return tuple(replace(term, source=tuple(f for f in term.source if fold(f) not in written)) if term.source else term
                 for term in terms)


# --- loading -------------------------------------------------------------------------------------

def build_termbase(data: dict, source: str) -> Termbase:
    """The record of a version-2 mapping already valid against the schema (defaults expanded)."""
    from mtcheck.glossary.loader import DEFAULT_FUZZY

    defaults = data.get("defaults", {})
    concepts = tuple(_concept(raw, defaults, DEFAULT_FUZZY) for raw in data.get("terms", []))
    return Termbase(data["name"], source, tuple(languages_of(data)), data.get("source_language"), concepts)


def languages_of(data: dict) -> list[str]:
    """The glossary's languages: those it lists, else those its terms use, in order of first use."""
    if data.get("languages"):
        return list(data["languages"])
    return list(dict.fromkeys(tag for term in data.get("terms", []) for tag in term.get("forms", {})))


def _concept(raw: dict, defaults: dict, default_fuzzy: int) -> Concept:
    def setting(key, fallback):
        return raw.get(key, defaults.get(key, fallback))

    severity, fuzzy = setting("severity", None), setting("fuzzy", default_fuzzy)
    return Concept(
        id=raw["id"], forms=tuple(_language_forms(tag, block) for tag, block in raw["forms"].items()),
        type=raw.get("type"), note=raw.get("note"), severity=Severity.parse(severity) if severity else None,
        fuzzy=None if fuzzy is False else int(fuzzy), case_sensitive=bool(setting("case_sensitive", False)),
        morphology=setting("morphology", "inflect"), reviewed=tuple(raw.get("reviewed", {}).items()),
    )


def _language_forms(tag: str, block: dict) -> LanguageForms:
    clean = lambda forms: tuple(f.strip() for f in forms)  # noqa: E731
    examples = block.get("examples", {})
    return LanguageForms(tag, block["canonical"].strip(), *(clean(block.get(kind, [])) for kind in BLOCK_LISTS),
                         note=block.get("note"), flag_examples=tuple(examples.get("flag", ())),
                         pass_examples=tuple(examples.get("pass", ())))


def termbase_problems(located: Located, source: str) -> list[Problem]:
    """What the schema cannot say of a version-2 file, each where it stands: a language block of a
    language not listed, a source language with no forms, a term id used twice, a form listed twice
    in a block or given to two terms in one language."""
    data = located.data
    problems = []
    listed = data.get("languages")
    languages = languages_of(data)
    if not languages:
        problems.append(Problem(source, "no language: list the glossary's languages in 'languages'", *located.position(())))
    if data.get("source_language") and not matching_language(data["source_language"], languages):
        problems.append(Problem(source, f"source_language {data['source_language']!r} is none of the glossary's "
                                        f"languages ({', '.join(languages)})", *located.position(("source_language",))))
    ids: dict[str, int] = {}
    claimed: dict[tuple[str, str], tuple[str, str | bool]] = {}
    for t, term in enumerate(data.get("terms", [])):
        if term["id"] in ids:
            line, column = located.position(("terms", ids[term["id"]], "id"))
            problems.append(Problem(source, f"duplicate term id {term['id']!r} (first defined at {source}:{line}:{column})",
                                    *located.position(("terms", t, "id"))))
        ids.setdefault(term["id"], t)
        for tag, block in term["forms"].items():
            at = ("terms", t, "forms", tag)
            if listed and tag not in listed:
                problems.append(Problem(source, f"term {term['id']!r}: language {tag!r} is not among the glossary's "
                                                f"languages ({', '.join(listed)})", *located.position(at, key=True)))
            problems += _block_problems(located, source, term, tag, block, at, claimed)
    return problems


def _block_problems(located: Located, source: str, term: dict, tag: str, block: dict, at: tuple,
                    claimed: dict) -> list[Problem]:
    from mtcheck.glossary.loader import iter_forms

    problems = []
    seen: dict[str, str] = {}
    case_sensitive = term.get("case_sensitive", False)
    for role, index, form in iter_forms(block, BLOCK_LISTS):
        where = located.position(at + ((role,) if index is None else (role, index)))
        key = fold(form.strip())
        if key in seen:
            kind = "listed twice" if seen[key] == role else f"both {seen[key]} and {role}"
            problems.append(Problem(source, f"term {term['id']!r} ({tag}): form {form!r} is {kind}", *where))
            continue
        seen[key] = role
        owner = claimed.setdefault((tag, key), (term["id"], case_sensitive and form.strip()))
        if owner[0] != term["id"] and not (owner[1] and case_sensitive and owner[1] != form.strip()):
            problems.append(Problem(source, f"{tag} form {form!r} of term {term['id']!r} is also a form of term "
                                            f"{owner[0]!r}", *where))
    return problems


class ProjectedLocation:
    """Where things stand in a version-2 file, asked by the paths of one of its projections, as the
    glossary tools ask a version-1 file (``("terms", t, "forbidden", 0)``): the projection's term t
    is found by id, and its forms and examples in its language's block."""

    BLOCK_KEYS = frozenset({"canonical", *BLOCK_LISTS, "examples", "note"})

    def __init__(self, located: Located, glossary: ProjectedGlossary):
        self.located = located
        self.data = located.data
        index = {term["id"]: t for t, term in enumerate(located.data.get("terms", []))}
        self._terms = [index[term.id] for term in glossary.terms]
        self._language = glossary.termbase.block_language(glossary.language) if glossary.termbase else None

    def seen_as(self, glossary: ProjectedGlossary) -> ProjectedLocation:
        """The same file asked by the paths of another of its projections."""
        return ProjectedLocation(self.located, glossary)

    def position(self, path, *, key: bool = False) -> tuple[int | None, int | None]:
        path = tuple(path)
        if len(path) >= 2 and path[0] == "terms" and isinstance(path[1], int) and path[1] < len(self._terms):
            rest = path[2:]
            if rest[:1] == ("source",):  # forms of another language's block: the term's forms stand for them
                rest = ("forms",)
            elif rest and rest[0] in self.BLOCK_KEYS and not (rest[0] == "note" and not self._has_note(path[1])):
                rest = ("forms", self._language, *rest)
            path = ("terms", self._terms[path[1]], *rest)
        return self.located.position(path, key=key)

    def _has_note(self, t: int) -> bool:
        term = self.data["terms"][self._terms[t]]
        return "note" in term.get("forms", {}).get(self._language, {})


def checked_text(text: str, path: str) -> str:
    """The text of a version-2 glossary that a tool made, once the loader's checks find nothing in
    it; else a GlossaryError, and nothing is written."""
    from mtcheck.errors import GlossaryError
    from mtcheck.validation import schema_problems
    from mtcheck.yamlnodes import load_located

    located, problems = load_located(text, path)
    if located is not None:
        problems += schema_problems(termbase_schema(), located, path) or termbase_problems(located, path)
    if problems:
        raise GlossaryError(problems)
    return text



# --- choosing the language of a run --------------------------------------------------------------

def in_language(glossaries: list[Glossary], language: str | None, source_language: str | None = None) -> list[Glossary]:
    """The glossaries a check of texts in ``language`` reads: each version-2 one seen in it (when it
    has that language), each version-1 one whose language it is. Without a language: the first
    glossary's. A run of version-1 glossaries naming no language reads them as they are."""
    if not glossaries or (language is None and source_language is None
                          and not any(isinstance(g, ProjectedGlossary) for g in glossaries)):
        return glossaries
    from mtcheck.bilingual.formats import same_language

    language = language or glossaries[0].language
    chosen = []
    for glossary in glossaries:
        if isinstance(glossary, ProjectedGlossary) and glossary.termbase is not None:
            if (projected := glossary.termbase.project(language, source_language)) is not None:
                chosen.append(projected)
        elif same_language(glossary.language, language):
            chosen.append(glossary)
    written = _written_forms(term for glossary in chosen for term in glossary.terms)  # version 1's too
    return [replace(glossary, terms=_without_written_source(glossary.terms, written))
            if isinstance(glossary, ProjectedGlossary) else glossary for glossary in chosen]


def forms_of_other_files(loaded: list[tuple[Glossary, object]]) -> list[Problem]:
    """In each language: a form of a version-2 file's term that a term of another file has too
    (within one file, ``termbase_problems`` says it), located in the version-2 file."""
    from mtcheck.glossary.loader import is_projection

    located_of = {glossary.path: located for glossary, located in loaded}
    glossaries = [glossary for glossary, _ in loaded]
    problems = []
    for language in languages_held(glossaries):
        chosen = sorted(in_language(glossaries, language), key=is_projection)  # version 1 first: they claim first
        claimed: dict[str, tuple[str, str, str | bool]] = {}
        for glossary in chosen:
            view = located_of[glossary.path].seen_as(glossary) if is_projection(glossary) else None
            for t, term in enumerate(glossary.terms):
                for role, index, form in _target_forms(term, all_roles=view is None):
                    owner = claimed.setdefault(fold(form), (glossary.path, term.id, term.case_sensitive and form))
                    if (view is not None and owner[0] != glossary.path and owner[1] != term.id
                            and not (owner[2] and term.case_sensitive and owner[2] != form)):
                        where = view.position(("terms", t, role) + (() if index is None else (index,)))
                        problems.append(Problem(glossary.path, f"{language} form {form!r} of term {term.id!r} is also a "
                                                               f"form of term {owner[1]!r} ({owner[0]})", *where))
    return list(dict.fromkeys(problems))


def _target_forms(term: Term, all_roles: bool):
    """(list name or "canonical", index or None, form) of a term's forms: a projection's source forms
    are another language's, and no claim in this one."""
    yield "canonical", None, term.canonical
    for role in ("variants", "short", "forbidden", "inflections", *(("source",) if all_roles else ())):
        for index, form in enumerate(getattr(term, role)):
            yield role, index, form


def serves(glossaries: list[Glossary], language: str) -> bool:
    """Whether any of the (loaded or cached) glossaries has forms in ``language``."""
    from mtcheck.bilingual.formats import same_language

    return any(matching_language(language, glossary.languages) if isinstance(glossary, ProjectedGlossary)
               else same_language(glossary.language, language) for glossary in glossaries)


def languages_held(glossaries: list[Glossary]) -> list[str]:
    """Every language the glossaries have forms in, in order (for messages)."""
    return list(dict.fromkeys(tag for glossary in glossaries for tag in
                              (glossary.languages if isinstance(glossary, ProjectedGlossary) else (glossary.language,))))


def is_multilingual(glossaries: list[Glossary]) -> bool:
    return any(isinstance(glossary, ProjectedGlossary) for glossary in glossaries)

