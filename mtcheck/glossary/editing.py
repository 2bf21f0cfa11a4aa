"""``mtcheck glossary add`` and ``edit``: change a glossary file from the command line and keep
everything a person wrote in it: comments, key order, quoting, blank lines (ruamel.yaml's round
trip). A change that would make the glossary invalid is refused and nothing is written.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from mtcheck.errors import GlossaryError, Problem
from mtcheck.glossary.loader import load_glossaries
from mtcheck.output import write_atomic

FORM_ROLES = ("variants", "short", "forbidden", "source")


def _yaml():
    from ruamel.yaml import YAML

    yaml = YAML()  # round-trip mode: comments and layout survive
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    return yaml


def _load(path: str):
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as error:
        raise GlossaryError(Problem(path, f"cannot read: {error.strerror}")) from None
    load_glossaries([path])  # only a valid glossary is edited
    return _yaml().load(text)


def add_term(path: str, term: dict) -> str:
    """The file's text with ``term`` (id, canonical, and any of the other fields) appended."""
    data = _load(path)
    if any(t.get("id") == term["id"] for t in data["terms"]):
        raise GlossaryError(Problem(path, f"term {term['id']!r} exists already: use 'mtcheck glossary edit'"))
    data["terms"].append({key: _flow(value) for key, value in term.items() if value not in (None, [], "")})
    return _checked(path, data)


def _flow(value):
    """Form lists written inline ("[CSM, ASM]"), as glossaries usually keep them."""
    if not isinstance(value, list):
        return value
    from ruamel.yaml.comments import CommentedSeq

    seq = CommentedSeq(value)
    seq.fa.set_flow_style()
    return seq


def edit_term(path: str, term_id: str, add: dict[str, list[str]], set_fields: dict[str, str]) -> str:
    """The file's text with forms added to term ``term_id`` and fields set."""
    data = _load(path)
    term = next((t for t in data["terms"] if t.get("id") == term_id), None)
    if term is None:
        raise GlossaryError(Problem(path, f"no term {term_id!r} in this glossary"))
    for role, forms in add.items():
        if forms:
            existing = term.setdefault(role, _flow([]))
            existing.extend(form for form in forms if form not in existing)
    for key, value in set_fields.items():
        if value is not None:
            term[key] = value
    return _checked(path, data)


def _checked(path: str, data) -> str:
    """The new text, once it loads as a valid glossary; its problems (named in the real file) otherwise."""
    buffer = io.StringIO()
    _yaml().dump(data, buffer)
    text = buffer.getvalue()
    with tempfile.TemporaryDirectory() as folder:
        trial = Path(folder) / Path(path).name
        trial.write_text(text, encoding="utf-8")
        try:
            load_glossaries([trial])
        except GlossaryError as error:
            raise GlossaryError([Problem(path, f"refused: {p.message}", p.line, p.column) for p in error.problems]) from None
    return text


def save(path: str, text: str) -> None:
    write_atomic(path, text)
