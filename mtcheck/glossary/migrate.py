"""``mtcheck glossary migrate``: a version-1 glossary rewritten as version 2, keeping what a person
wrote: comments, key order and quoting (ruamel.yaml's round trip, as ``glossary edit`` keeps them).

Each term's forms move into a block of the glossary's ``language``; its ``source`` forms into a
block of its ``source_language`` (the first is that block's canonical form, the others its
variants; ``und``, "undetermined", when the glossary names no source language). Examples and
inflections go with the target language; id, type, note and the settings stay with the term. A
check with the migrated file finds what the version-1 file found.
"""

from __future__ import annotations

import io
from pathlib import Path

from mtcheck.errors import GlossaryError, Problem
from mtcheck.glossary.concepts import checked_text

TARGET_KEYS = ("canonical", "variants", "short", "forbidden", "inflections", "examples")
UNDETERMINED = "und"  # BCP 47: the language of source forms whose glossary names none


def migrated(path: str) -> str:
    """The text of ``path`` (a valid version-1 glossary) as a version-2 glossary, checked by the loader."""
    from mtcheck.glossary.editing import _yaml
    from mtcheck.glossary.loader import load_glossaries

    if Path(path).is_dir():
        raise GlossaryError(Problem(path, "a folder: migrate takes one glossary file"))
    [glossary] = load_glossaries([path])  # a problem of the file is reported as the checker reports it
    if getattr(glossary, "languages", ()):
        raise GlossaryError(Problem(path, "already a glossary of version 2"))
    yaml = _yaml()
    data = yaml.load(Path(path).read_text("utf-8-sig"))
    source = data.get("source_language") or (UNDETERMINED if any(term.get("source") for term in data["terms"]) else None)
    _top_level(data, data["language"], source)
    for term in data.get("terms") or []:
        _move_forms(term, data["languages"][0], source)
    out = io.StringIO()
    yaml.dump(data, out)
    return checked_text(out.getvalue(), path)


def as_version_2(data: dict) -> dict:
    """A version-1 glossary's data (plain mappings, as loaded) as the version-2 data ``migrated``
    writes, without its comments: what ``glossary diff`` compares a version-2 file with."""
    source = data.get("source_language") or (UNDETERMINED if any(term.get("source") for term in data["terms"]) else None)
    top = {key: value for key, value in data.items() if key not in ("version", "language", "terms")}
    top = {"version": 2, "languages": [data["language"], *([source] if source else [])], **top}
    if source:
        top["source_language"] = source
    terms = []
    for term in data["terms"]:
        moved = {key: value for key, value in term.items() if key not in TARGET_KEYS and key != "source"}
        forms = {data["language"]: {key: term[key] for key in TARGET_KEYS if key in term}}
        if sources := list(term.get("source") or ()):
            forms[source] = {"canonical": sources[0], **({"variants": sources[1:]} if sources[1:] else {})}
        terms.append({**moved, "forms": forms})
    return {**top, "terms": terms}


def _flow(items):
    from ruamel.yaml.comments import CommentedSeq

    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def _top_level(data, language: str, source: str | None) -> None:
    data["version"] = 2
    position = list(data).index("language")
    del data["language"]
    data.insert(position, "languages", _flow([language, *([source] if source else [])]))
    if source and "source_language" not in data:
        data.insert(position + 1, "source_language", source)


def _move_forms(term, language: str, source: str | None) -> None:
    """The term's forms into ``forms``, its last key; a comment after the term (a section heading
    before the next) stays after it."""
    from ruamel.yaml.comments import CommentedMap

    trailing = term.ca.items.pop(list(term)[-1], None)
    block = CommentedMap((key, term[key]) for key in TARGET_KEYS if key in term)
    forms = CommentedMap({language: block})
    if term.get("source"):
        sources = list(term["source"])
        forms[source] = CommentedMap({"canonical": sources[0], **({"variants": _flow(sources[1:])} if sources[1:] else {})})
    for key in [key for key in term if key in TARGET_KEYS or key == "source"]:
        term.ca.items.pop(key, None)
        del term[key]
    term["forms"] = forms
    if trailing is not None:
        holder, key = _last_key(term)
        holder.ca.items.setdefault(key, trailing)


def _last_key(mapping):
    """The mapping and key a comment after ``mapping`` belongs to: its last key, nested or not."""
    from ruamel.yaml.comments import CommentedMap

    key = list(mapping)[-1]
    value = mapping[key]
    return _last_key(value) if isinstance(value, CommentedMap) and value else (mapping, key)

