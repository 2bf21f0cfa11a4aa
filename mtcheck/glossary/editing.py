"""``mtcheck glossary add``, ``edit`` and ``remove``: change a glossary file from the command line and
keep everything a person wrote in it: comments, key order, quoting, blank lines (ruamel.yaml's round
trip). A change that would make the glossary invalid is refused and nothing is written.

ruamel.yaml hangs a comment on the entry just before it: the blank line and the "# People" header
above a term belong, in its model, to the last key of the term before. Removing an entry, or adding
one after the last, would take such comments with it or put the new entry below them; so they are
moved to the entry that now comes before them (``_cut_tail``, ``_add_tail``).

A version-2 (multilingual) glossary keeps a term's forms per language, in ``forms: {L: {...}}``:
its form edits name the language (``language``) and act on that block, its settings (severity,
fuzzy, ...) stay with the term. The language is never guessed: a form edit of a version-2 file
without one is refused, and a version-1 file refuses a language other than its own (or its source
language, for source forms). A canonical form for a language the term lacks makes its block, and
adds the language to the file's ``languages`` list when the file has one (a maintainer naming a
new language means it; the loader refuses a block of an unlisted language).
"""

from __future__ import annotations

import io
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from mtcheck.errors import GlossaryError, MtcheckError, Problem
from mtcheck.glossary.loader import FORM_LISTS, glossary_schema, load_glossaries
from mtcheck.output import write_atomic
from mtcheck.text import fold

FORM_ROLES = ("variants", "short", "forbidden", "source")
EXAMPLE_KINDS = ("flag", "pass")


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


def add_term(path: str, term: dict, language: str | None = None) -> str:
    """The file's text with ``term`` (id, canonical, and any of the other fields) appended; in a
    version-2 file, its forms as the block of ``language``."""
    data = _load(path)
    if any(t.get("id") == term["id"] for t in data["terms"]):
        raise GlossaryError(Problem(path, f"term {term['id']!r} exists already: use 'mtcheck glossary edit'"))
    if _multilingual(data):
        term = _concept_entry(path, data, term, language)
    else:
        _refuse_other_language(path, data, language, source_only=False)
    # a ruamel mapping: the comments after the last term can hang on the new one
    entry = _block({key: _flow(value) for key, value in term.items() if value not in (None, [], "")})
    if not data["terms"]:  # `terms: []` of a new glossary: the terms go below it, one block each
        from ruamel.yaml.comments import CommentedSeq

        data["terms"] = CommentedSeq()
    _append(data["terms"], None, entry)
    return _checked(path, data)


def _flow(value):
    """Form lists written inline ("[CSM, ASM]"), as glossaries usually keep them."""
    if not isinstance(value, list):
        return value
    from ruamel.yaml.comments import CommentedSeq

    seq = CommentedSeq(value)
    seq.fa.set_flow_style()
    return seq


@dataclass
class TermChanges:
    """What ``glossary edit`` does to one term, in this order: forms removed, forms added, settings,
    examples and reviews set, the id changed."""

    remove: list[str] = field(default_factory=list)  # forms, from whichever list holds them
    add: dict[str, list[str]] = field(default_factory=dict)  # list key (variants, short, ...) -> forms
    settings: dict[str, object] = field(default_factory=dict)  # key -> value; None removes the key
    examples: dict[str, list[str]] = field(default_factory=dict)  # flag | pass -> sentences
    reviewed: dict[str, str | None] = field(default_factory=dict)  # lint code -> reason; None removes it
    rename: str | None = None

    def touches_forms(self) -> bool:
        """Whether the changes write forms, examples or the canonical: what a version-2 term keeps per language."""
        return bool(self.remove or any(self.add.values()) or any(self.examples.values())
                    or "canonical" in self.settings)

    def adds_source_forms_only(self) -> bool:
        """Whether the changes only add source forms: all a version-1 file's source language may be named for."""
        return (bool(self.add.get("source")) and not self.remove and not any(self.examples.values())
                and not any(forms for role, forms in self.add.items() if role != "source")
                and not set(self.settings) & set(BLOCK_SETTINGS))


BLOCK_SETTINGS = ("canonical", "note")  # the settings a version-2 term keeps per language (its note: both)


def edit_term(path: str, term_id: str, changes: TermChanges, language: str | None = None) -> str:
    """The file's text with ``changes`` made to term ``term_id``; in a version-2 file, its forms,
    examples, canonical and note in the block of ``language``."""
    data = _load(path)
    term = _term(path, data, term_id)
    holder = _form_holder(path, data, term, language, changes)  # the term, or its language's block
    emptied = {_remove_form(path, holder, form, term["id"]) for form in changes.remove}
    for role, forms in changes.add.items():
        if forms:
            if role not in holder:
                _append(holder, role, _flow([]))
            holder[role].extend(form for form in forms if form not in holder[role])
    for role in emptied:
        if not holder[role]:  # an empty list says nothing
            _delete(holder, role)
    for key, value in changes.settings.items():
        _set(holder if key in BLOCK_SETTINGS else term, key, value)
    for kind, sentences in changes.examples.items():
        _add_examples(holder, kind, [_quoted(sentence) for sentence in sentences])
    for code, reason in changes.reviewed.items():
        _review(path, term, code, reason)
    if changes.rename is not None and changes.rename != term_id:
        if any(t.get("id") == changes.rename for t in data["terms"]):
            raise GlossaryError(Problem(path, f"term {changes.rename!r} exists already: choose another id"))
        term["id"] = changes.rename
    return _checked(path, data)


def remove_term(path: str, term_id: str, language: str | None = None) -> str:
    """The file's text without term ``term_id``; with ``language`` (a version-2 file), without that
    language's block of the term only."""
    data = _load(path)
    term = _term(path, data, term_id)
    if language is None:
        _delete(data["terms"], next(i for i, t in enumerate(data["terms"]) if t.get("id") == term_id))
    elif not _multilingual(data):
        raise GlossaryError(Problem(path, f"--language {language}: a version-1 term has one language; remove the "
                                          "term without --language"))
    else:
        tag = _block_tag(path, term, language, wanted=True)
        if len(term["forms"]) == 1:
            raise GlossaryError(Problem(path, f"term {term_id!r}: {tag} is its only language; remove the term "
                                              "without --language"))
        _delete(term["forms"], tag)
    return _checked(path, data)


def _term(path: str, data, term_id: str):
    term = next((t for t in data["terms"] if t.get("id") == term_id), None)
    if term is None:
        raise GlossaryError(Problem(path, f"no term {term_id!r} in this glossary"))
    return term


def _remove_form(path: str, holder, form: str, term_id: str) -> str:
    """Take ``form`` out of the list of ``holder`` (a term, or a version-2 term's language block)
    holding it, and say which. Forms are unique within a term (a block) once folded (the loader says
    so), so a folded match is the one meant."""
    wanted = fold(form.strip())
    if fold(holder["canonical"].strip()) == wanted:
        raise GlossaryError(Problem(path, f"term {term_id!r}: {form!r} is its canonical form: give the term "
                                          "another with --set canonical=FORM (the old one is then gone; "
                                          "--add-variant keeps it as a variant)"))
    for role in FORM_LISTS:
        forms = holder.get(role, [])
        for index, existing in enumerate(forms):
            if fold(existing.strip()) == wanted:
                del forms[index]
                return role
    raise GlossaryError(Problem(path, f"term {term_id!r} has no form {form!r}"))


# --- the language of a change ----------------------------------------------------------------------

def _multilingual(data) -> bool:
    return data.get("version") == 2


def _form_holder(path: str, data, term, language: str | None, changes: TermChanges):
    """Where ``changes`` write forms: a version-1 term itself (once ``language`` is its file's), a
    version-2 term's block of ``language`` (made when the changes give it a canonical)."""
    if not _multilingual(data):
        _refuse_other_language(path, data, language, source_only=changes.adds_source_forms_only())
        return term
    if changes.add.get("source"):
        raise GlossaryError(Problem(path, "a version-2 term has no source list: a source form is a form of the "
                                          "source language's block (--language SOURCE --add-variant FORM)"))
    if language is None and changes.touches_forms():
        raise GlossaryError(Problem(path, "a multilingual glossary: name the language block to change with "
                                          f"--language (one of {', '.join(_languages(data))})"))
    if language is None or not (changes.touches_forms() or "note" in changes.settings):
        return term  # the term's own settings: every language's
    tag = _block_tag(path, term, language, wanted=False)
    if tag is None:
        canonical = changes.settings.get("canonical")
        if not canonical:
            raise GlossaryError(Problem(path, f"term {term['id']!r} has no {language} forms yet: give it a canonical "
                                              f"form first (--language {language} --set canonical=FORM); its "
                                              f"languages: {', '.join(term['forms'])}"))
        tag = _listed_language(data, language)
        _append(term["forms"], tag, _new_block(term["forms"], canonical))
    return term["forms"][tag]


def _block_tag(path: str, term, language: str, wanted: bool) -> str | None:
    """The tag of the term's block of ``language`` as the file writes it (tags are read without
    regard to case); None when it has none, or with ``wanted`` a one-line refusal."""
    tag = next((tag for tag in term["forms"] if tag.lower() == language.lower()), None)
    if tag is None and wanted:
        raise GlossaryError(Problem(path, f"term {term['id']!r} has no {language} forms (its languages: "
                                          f"{', '.join(term['forms'])})"))
    return tag


def _new_block(forms, canonical: str):
    """A language block holding ``canonical``, written inline when the term's other blocks are."""
    from ruamel.yaml.comments import CommentedMap

    block = CommentedMap({"canonical": canonical})
    if all(isinstance(other, dict) and other.fa.flow_style() for other in forms.values()):
        block.fa.set_flow_style()
    return block


def _listed_language(data, language: str) -> str:
    """``language`` as the file's ``languages`` list spells it (a block must use a listed tag);
    a language it does not list yet is added at its end."""
    listed = data.get("languages")
    if listed is None:
        return language
    tag = next((tag for tag in listed if tag.lower() == language.lower()), None)
    if tag is None:
        listed.append(tag := language)
    return tag


def _languages(data) -> list[str]:
    from mtcheck.glossary.concepts import languages_of

    return languages_of(data)


def _refuse_other_language(path: str, data, language: str | None, source_only: bool) -> None:
    """A version-1 file holds the forms of its ``language`` (and source forms of its
    ``source_language``): ``--language`` must name one of them (the source language for source forms only)."""
    if language is None:
        return
    from mtcheck.glossary.concepts import matching_language

    if matching_language(language, [data["language"]]):
        return
    source = data.get("source_language")
    if source_only and source and matching_language(language, [source]):
        return
    held = data["language"] + (f", source forms in {source}" if source else "")
    raise GlossaryError(Problem(path, f"--language {language}: this glossary is version 1, of one language "
                                      f"({held}); 'mtcheck glossary migrate' makes it multilingual"))


def _concept_entry(path: str, data, term: dict, language: str | None) -> dict:
    """A new version-2 term: id, type and note for the concept, the forms as ``language``'s block."""
    if language is None:
        raise GlossaryError(Problem(path, "a multilingual glossary: name the language of the forms with --language "
                                          f"(one of {', '.join(_languages(data))})"))
    if term.get("source"):
        raise GlossaryError(Problem(path, "a version-2 term has no source list: add the source language's forms "
                                          "afterwards (glossary edit TERM --language SOURCE --set canonical=FORM)"))
    from ruamel.yaml.comments import CommentedMap

    block = CommentedMap({key: _flow(term[key]) for key in ("canonical", "variants", "short", "forbidden")
                          if term.get(key)})
    return {"id": term["id"], "type": term.get("type"), "note": term.get("note"),
            "forms": _block({_listed_language(data, language): block})}


def _set(mapping, key: str, value) -> None:
    if value is None:
        if key in mapping:
            _delete(mapping, key)
    elif key in mapping:
        mapping[key] = value
    else:
        _put(mapping, key, value)


def _put(mapping, key: str, value) -> None:
    """A new key of a term: before a version-2 term's ``forms`` (the schema's order: the settings
    that serve every language above the languages), else at the end."""
    if "forms" in mapping and key != "forms":
        mapping.insert(list(mapping).index("forms"), key, value)
    else:
        _append(mapping, key, value)


def _add_examples(term, kind: str, sentences: list) -> None:
    if not sentences:
        return
    if "examples" not in term:
        _append(term, "examples", _block({kind: _flow(sentences)}))
    elif kind not in term["examples"]:
        _append(term["examples"], kind, _flow(sentences))
    else:
        term["examples"][kind].extend(sentence for sentence in sentences if sentence not in term["examples"][kind])


def _review(path: str, term, code: str, reason: str | None) -> None:
    """Record (or, without a reason, take back) a review; the check of the result refuses an unknown code."""
    if reason is None and code not in term.get("reviewed", {}):
        raise GlossaryError(Problem(path, f"term {term['id']!r} records no review of {code!r} to take back"))
    if "reviewed" not in term:
        _put(term, "reviewed", _block({code: reason}))
    elif reason is None and len(term["reviewed"]) == 1:
        _delete(term, "reviewed")  # as a whole: the comments after its last line stay in the file
    else:
        _set(term["reviewed"], code, reason)


def _block(entries: dict):
    """A mapping written one key a line (a reason reads better so than inline)."""
    from ruamel.yaml.comments import CommentedMap

    return CommentedMap(entries)


def _quoted(sentence: str):
    """Example sentences in double quotes, as glossaries write them: a sentence often holds ", " or ": "."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    return DoubleQuotedScalarString(sentence)


# --- comments on the way: see the module's docstring ---------------------------------------------

def _append(container, key, value) -> None:
    """Add ``value`` at the end of a mapping (under ``key``) or a sequence (``key`` None): the
    comments that followed the last entry follow the new one."""
    last = _last_key(container)
    moved = _cut_tail(container, last) if last is not None else ""
    if key is None:
        container.append(value)
        key = len(container) - 1
    else:
        container[key] = value
    _add_tail(container, key, moved)


def _delete(container, key) -> None:
    """Remove an entry of a mapping or a sequence; the comments that followed it (and those ruamel
    holds above a sequence item) follow the entry before it (or, for the first item of a sequence,
    precede the next)."""
    moved = _cut_lead(container, key) + _cut_tail(container, key)
    keys = list(container) if isinstance(container, dict) else list(range(len(container)))
    position = keys.index(key)
    del container[key]
    if position > 0:
        _add_tail(container, keys[position - 1], moved)
    elif moved.strip() and len(container):
        _precede_first_item(container, moved)


def _last_key(container):
    if not len(container):
        return None
    return next(reversed(container)) if isinstance(container, dict) else len(container) - 1


def _tail_slot(container, key) -> tuple[list, int]:
    """Where ruamel keeps the comment written after entry ``key``: on the entry's own slot when its
    value is a scalar or an inline collection, else on the last entry inside it."""
    value = container[key]
    if isinstance(value, (dict, list)) and len(value) and not value.fa.flow_style():
        return _tail_slot(value, _last_key(value))
    slots = container.ca.items.setdefault(key, [None, None, None, None])
    return slots, 2 if isinstance(container, dict) else 0


def _cut_tail(container, key) -> str:
    """The comment lines after entry ``key``'s own line (blank lines, comments on what comes next),
    taken from it; its own end-of-line comment stays."""
    slots, index = _tail_slot(container, key)
    token = slots[index]
    if token is None:
        return ""
    own, newline, rest = token.value.partition("\n")
    token.value = own + newline
    return rest


def _cut_lead(container, key) -> str:
    """The comment lines ruamel holds above a sequence item (it does so after an inline mapping, where
    it cannot hang them on the mapping's last entry), taken from it: a section heading above a
    removed term stays in the file."""
    slots = container.ca.items.get(key) if isinstance(container, list) else None
    if not slots or not slots[1]:
        return ""
    tokens, slots[1] = slots[1], None
    return "".join(" " * token.column + token.value if token.value.strip() else token.value for token in tokens)


def _add_tail(container, key, lines: str) -> None:
    if not lines:
        return
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    slots, index = _tail_slot(container, key)
    if slots[index] is None:
        slots[index] = CommentToken("\n", CommentMark(0))
    slots[index].value += lines


def _precede_first_item(sequence, lines: str) -> None:
    """Comment lines put above the sequence's first item (after the first item was removed)."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    comments = [line.strip() for line in lines.splitlines() if line.strip()]
    column = next((len(line) - len(line.lstrip()) for line in lines.splitlines() if line.strip()), 0)
    slots = sequence.ca.items.setdefault(0, [None, None, None, None])
    slots[1] = [CommentToken(comment + "\n", CommentMark(column)) for comment in comments] + (slots[1] or [])


# --- --set KEY=VALUE ----------------------------------------------------------------------------

def settable_keys() -> list[str]:
    """The term's keys that hold one value: the options ``--set`` changes (the id: ``--rename``)."""
    schema = glossary_schema()
    return [key for key, rule in schema["$defs"]["term"]["properties"].items()
            if key != "id" and _resolved(schema, rule).get("type") not in ("array", "object")]


def parse_setting(given: str) -> tuple[str, object]:
    """KEY=VALUE as the key and the YAML value the schema wants: fuzzy=90 a number, fuzzy=false and
    case_sensitive=true booleans, anything else text; KEY= (nothing) removes the key. A value the
    schema refuses is kept as given, for the check of the whole glossary to name."""
    key, equals, text = given.partition("=")
    key = key.strip()
    keys = settable_keys()
    if not equals or key not in keys:
        raise MtcheckError(f"--set {given!r}: expected KEY=VALUE with KEY one of {', '.join(keys)}")
    if text == "":
        return key, None
    candidates = _typed(text) + [text]
    rule = _resolved(glossary_schema(), glossary_schema()["$defs"]["term"]["properties"][key])
    return key, next((value for value in candidates if _allowed(rule, value)), candidates[0])


def _typed(text: str) -> list:
    if text.strip().lower() in ("true", "false"):
        return [text.strip().lower() == "true"]
    if re.fullmatch(r"\s*-?[0-9]{1,9}\s*", text):
        return [int(text)]
    return []


def _resolved(schema: dict, rule: dict) -> dict:
    while "$ref" in rule:
        rule = schema["$defs"][rule["$ref"].rsplit("/", 1)[1]]
    return rule


def _allowed(rule: dict, value) -> bool:
    from mtcheck.validation import schema_problems
    from mtcheck.located import Located

    return not schema_problems({"$defs": glossary_schema()["$defs"], **rule}, Located(value), "value")


def parse_review(given: str) -> tuple[str, str | None]:
    """CODE=REASON; CODE= (no reason) takes the review back."""
    code, equals, reason = given.partition("=")
    if not equals:
        raise MtcheckError(f"--review {given!r}: expected CODE=REASON")
    return code.strip(), reason.strip() or None


# --- checking and writing ----------------------------------------------------------------------

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
