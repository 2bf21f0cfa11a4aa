"""Load glossary files, report every problem with its position, build ``Glossary`` records."""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path

from mtcheck.documents import decode, files_in, why_not_a_file
from mtcheck.errors import GlossaryError, InputError, Problem
from mtcheck.located import Located
from mtcheck.validation import schema_problems
from mtcheck.model import Glossary, Severity, Term
from mtcheck.text import fold

GLOSSARY_SUFFIXES = (".yaml", ".yml")
DEFAULT_FUZZY = 88
FORM_LISTS = ("variants", "short", "forbidden", "source", "inflections")


@lru_cache(maxsize=1)
def glossary_schema() -> dict:
    """The JSON Schema of glossary format version 1, as shipped in the package."""
    return json.loads(resources.files("mtcheck.glossary").joinpath("schema.json").read_text("utf-8"))


def glossary_files(paths: list[str | Path]) -> list[Path]:
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = [Path(p) for p in files_in(str(path), GLOSSARY_SUFFIXES)]  # an unreadable folder: an error
            if not found:
                raise GlossaryError(Problem(str(path), "no *.yaml or *.yml glossary files in this folder"))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise GlossaryError(Problem(str(path), why_not_a_file(str(path)) or "glossary file or folder not found"))
    return files


def load_glossaries(paths: list[str | Path]) -> list[Glossary]:
    """Load and validate glossary files and folders; raise GlossaryError listing every problem."""
    return [glossary for glossary, _ in load_located_glossaries(paths)]


def load_located_glossaries(paths: list[str | Path]) -> list[tuple[Glossary, Located]]:
    """The glossaries with their YAML nodes, for tools that point at a term's line and column."""
    problems: list[Problem] = []
    loaded: list[tuple[Glossary, Located]] = []
    for path in glossary_files(paths):
        glossary, located, file_problems = _load_file(path)
        problems.extend(file_problems)
        if glossary is not None:
            loaded.append((glossary, located))
    problems.extend(_cross_checks(loaded))
    if problems:
        raise GlossaryError(problems)
    return loaded


def _read_text(path: Path) -> tuple[str | None, Problem | None]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, Problem(str(path), f"cannot read: {exc.strerror}")
    try:
        return decode(raw, str(path)), None
    except InputError as exc:
        return None, exc.problems[0]


def load_glossary_text(text: str, source: str) -> tuple[Glossary, Located]:
    """One glossary from its text (``source`` names it in problems), checked as a file is."""
    glossary, located, problems = _load_text(text, source)
    if glossary is not None:
        problems.extend(_cross_checks([(glossary, located)]))
    if problems:
        raise GlossaryError(problems)
    return glossary, located


def _load_file(path: Path) -> tuple[Glossary | None, Located | None, list[Problem]]:
    text, problem = _read_text(path)
    if problem:
        return None, None, [problem]
    return _load_text(text, str(path))


def _load_text(text: str, source: str) -> tuple[Glossary | None, Located | None, list[Problem]]:
    from mtcheck.yamlnodes import load_located  # PyYAML only when a glossary is read, not for a cached index

    located, problems = load_located(text, source)
    if located is None:
        return None, None, problems
    if not isinstance(located.data, dict):
        return None, None, problems + [Problem(source, "a glossary must be a YAML mapping", 1, 1)]
    if located.data.get("version") == 2:
        return _load_version_2(located, source, problems)
    problems.extend(schema_problems(glossary_schema(), located, source))
    if problems:
        return None, located, problems
    problems.extend(_term_form_checks(located, source))
    return build_glossary(located.data, source), located, problems


def _load_version_2(located: Located, source: str, problems: list[Problem]):
    """A concept-oriented multilingual glossary, seen in its default language (``concepts``)."""
    from mtcheck.glossary.concepts import ProjectedLocation, build_termbase, termbase_problems, termbase_schema

    problems.extend(schema_problems(termbase_schema(), located, source))
    if problems:
        return None, located, problems
    problems.extend(termbase_problems(located, source))
    if problems:  # a file with no language at all has no view to give
        return None, located, problems
    glossary = build_termbase(located.data, source).project()
    return glossary, ProjectedLocation(located, glossary), problems


def is_projection(glossary: Glossary) -> bool:
    """Whether ``glossary`` is a version-2 file seen in one language (``concepts.ProjectedGlossary``).
    Asked without importing that module: none exists before it is imported, and a run of version-1
    glossaries never imports it."""
    concepts = sys.modules.get("mtcheck.glossary.concepts")
    return concepts is not None and isinstance(glossary, concepts.ProjectedGlossary)


def _term_form_checks(located: Located, source: str) -> list[Problem]:
    """Within one term: a form both accepted and forbidden (or source), or listed twice."""
    problems = []
    for t, term in enumerate(located.data.get("terms", [])):
        seen: dict[str, str] = {}
        for role, index, form in iter_forms(term):
            key = fold(form.strip())
            where = located.position(("terms", t, role) if index is None else ("terms", t, role, index))
            if key in seen:
                kind = "listed twice" if seen[key] == role else f"both {seen[key]} and {role}"
                problems.append(Problem(source, f"term {term['id']!r}: form {form!r} is {kind}", *where))
            else:
                seen[key] = role
    return problems


def iter_forms(term: dict, lists: tuple[str, ...] = FORM_LISTS):
    """(role, index in its list or None, form) of a term's (or a language block's) forms, as written."""
    yield "canonical", None, term["canonical"]
    for role in lists:
        for index, form in enumerate(term.get(role, [])):
            yield role, index, form


def build_glossary(data: dict, source: str) -> Glossary:
    """The record of a glossary mapping already valid against the schema (defaults expanded)."""
    defaults = data.get("defaults", {})
    terms = tuple(_build_term(term, defaults, data["name"]) for term in data.get("terms", []))
    return Glossary(data["name"], data["language"], source, terms, data.get("source_language"))


def _build_term(raw: dict, defaults: dict, glossary: str) -> Term:
    def setting(key, fallback):
        return raw.get(key, defaults.get(key, fallback))

    severity = setting("severity", None)
    fuzzy = setting("fuzzy", DEFAULT_FUZZY)
    clean = lambda forms: tuple(f.strip() for f in forms)  # noqa: E731
    return Term(
        id=raw["id"],
        canonical=raw["canonical"].strip(),
        glossary=glossary,
        variants=clean(raw.get("variants", [])),
        short=clean(raw.get("short", [])),
        forbidden=clean(raw.get("forbidden", [])),
        source=clean(raw.get("source", [])),
        type=raw.get("type"),
        note=raw.get("note"),
        severity=Severity.parse(severity) if severity else None,
        fuzzy=None if fuzzy is False else int(fuzzy),
        case_sensitive=bool(setting("case_sensitive", False)),
        morphology=setting("morphology", "inflect"),
        inflections=clean(raw.get("inflections", [])),
        flag_examples=tuple(raw.get("examples", {}).get("flag", ())),
        pass_examples=tuple(raw.get("examples", {}).get("pass", ())),
        reviewed=tuple(raw.get("reviewed", {}).items()),
    )


def _cross_checks(loaded: list[tuple[Glossary, Located]]) -> list[Problem]:
    """Across all loaded glossaries: glossary names, term ids and surface forms are unique."""
    problems = []
    names: dict[str, str] = {}
    ids: dict[str, str] = {}
    forms: dict[str, tuple[str, str]] = {}
    for glossary, located in loaded:
        if glossary.name in names:
            where = located.position(("name",))
            problems.append(Problem(glossary.path, f"glossary name {glossary.name!r} is also used by {names[glossary.name]}", *where))
        names.setdefault(glossary.name, glossary.path)
        for t, term in enumerate(glossary.terms):
            if term.id in ids:
                where = located.position(("terms", t, "id"))
                problems.append(Problem(glossary.path, f"duplicate term id {term.id!r} (first defined at {ids[term.id]})", *where))
                continue
            line, col = located.position(("terms", t, "id"))
            ids[term.id] = f"{glossary.path}:{line}:{col}"
            if not is_projection(glossary):  # a version-2 file's forms are checked per language
                problems.extend(_claimed_forms(glossary, located, t, term, forms))
    if any(is_projection(glossary) for glossary, _ in loaded):
        from mtcheck.glossary.concepts import forms_of_other_files

        problems.extend(forms_of_other_files(loaded))
    return problems


def _claimed_forms(glossary, located, t, term, forms) -> list[Problem]:
    problems = []
    for role, forms_of_role in term.forms_by_role().items():
        for index, form in enumerate(forms_of_role):
            key = fold(form)
            owner = forms.get(key)
            if owner is None:
                forms[key] = (term.id, term.case_sensitive and form)
            elif owner[0] != term.id and not (owner[1] and term.case_sensitive and owner[1] != form):
                path = ("terms", t, "canonical") if role == "canonical" else ("terms", t, _LIST_KEY[role], index)
                where = located.position(path)
                problems.append(Problem(glossary.path, f"form {form!r} of term {term.id!r} is also a form of term {owner[0]!r}", *where))
    return problems


_LIST_KEY = {"variant": "variants", "short": "short", "forbidden": "forbidden", "source": "source",
             "inflection": "inflections"}
