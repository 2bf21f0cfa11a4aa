"""``mtcheck glossary diff OLD NEW``: what changed between two versions of a glossary, concept by
concept, for a person reviewing a pull request.

Both sides are read as written (defaults not expanded) and checked as the loader checks a file. A
term's nested mappings are compared key by key under dotted names (``examples.flag``,
``reviewed.nested-form``), as are the glossary's own settings (``defaults.fuzzy``); a list (the
forms of one kind, the examples) by its items, so reordering a list is no change; any other value
as a whole. A term that only changed its id is a rename; with any other change it is one term
removed and one added.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from mtcheck.documents import decode
from mtcheck.errors import GlossaryError, Problem
from mtcheck.glossary.loader import glossary_schema, load_glossary_text
from mtcheck.visible import visible

GIT = "git:"


@dataclass
class Changes:
    """Between two mappings: items added to and removed from lists, and other values changed."""

    added: dict[str, list] = field(default_factory=dict)
    removed: dict[str, list] = field(default_factory=dict)
    changed: dict[str, tuple[object, object]] = field(default_factory=dict)  # key -> (old, new); None: absent
    keys: list[str] = field(default_factory=list)  # every key above, in the order the comparison met them

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)

    def as_json(self) -> dict:
        return {"added": self.added, "removed": self.removed,
                "changed": {key: {"old": old, "new": new} for key, (old, new) in self.changed.items()}}


@dataclass
class GlossaryDiff:
    old: str
    new: str
    glossary: Changes
    added: list[dict]  # the terms, as written
    removed: list[dict]
    renamed: list[tuple[str, str]]
    changed: dict[str, Changes]  # term id -> its changes

    @property
    def count(self) -> int:
        """Differences: each glossary setting changed, each term added, removed, renamed or changed."""
        settings = len(self.glossary.added) + len(self.glossary.removed) + len(self.glossary.changed)
        return settings + len(self.added) + len(self.removed) + len(self.renamed) + len(self.changed)


def read_version(given: str) -> dict:
    """The glossary data of a file, or of ``git:REV:PATH`` (``git show REV:PATH`` in the current
    folder's repository), once it passes the loader's checks."""
    raw = _git_show(given) if given.startswith(GIT) else _file_bytes(given)
    return load_glossary_text(decode(raw, given), given)[1].data


def _file_bytes(path: str) -> bytes:
    if Path(path).is_dir():
        raise GlossaryError(Problem(path, "a folder: diff compares two glossary files"))
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise GlossaryError(Problem(path, f"cannot read: {error.strerror}")) from None


def _git_show(given: str) -> bytes:
    rev, colon, path = given[len(GIT):].partition(":")
    if not (rev and colon and path):
        raise GlossaryError(Problem(given, "expected git:REV:PATH, such as git:main:glossaries/news.yaml"))
    try:
        shown = subprocess.run(["git", "show", f"{rev}:{path}"], capture_output=True, check=False)
    except OSError as error:
        raise GlossaryError(Problem(given, f"cannot run git: {error.strerror}")) from None
    if shown.returncode != 0:
        said = shown.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GlossaryError(Problem(given, f"git show failed: {said[0] if said else f'exit code {shown.returncode}'}"))
    return shown.stdout


def diff_glossaries(old_name: str, old: dict, new_name: str, new: dict) -> GlossaryDiff:
    if old["version"] != new["version"]:  # a migration: compare concepts, not where the forms stand
        old, new = _concepts(old), _concepts(new)
    old_terms = {term["id"]: term for term in old["terms"]}
    new_terms = {term["id"]: term for term in new["terms"]}
    removed = [term for term_id, term in old_terms.items() if term_id not in new_terms]
    added = [term for term_id, term in new_terms.items() if term_id not in old_terms]
    renamed = []
    for term in list(added):
        twin = next((gone for gone in removed if _content(gone) == _content(term)), None)
        if twin is not None:
            renamed.append((twin["id"], term["id"]))
            removed.remove(twin)
            added.remove(term)
    schema = glossary_schema()
    term_keys = list(schema["$defs"]["term"]["properties"])
    changed = {term_id: _changes(old_terms[term_id], term, term_keys) for term_id, term in new_terms.items()
               if term_id in old_terms}
    settings = _changes(_settings(old), _settings(new), list(schema["properties"]))
    return GlossaryDiff(old_name, new_name, settings, added, removed, renamed,
                        {term_id: changes for term_id, changes in changed.items() if changes})


def _concepts(data: dict) -> dict:
    """A glossary's data in the version-2 shape, its version as written (the one change a pure
    migration shows)."""
    from mtcheck.glossary.migrate import as_version_2

    return data if data["version"] != 1 else {**as_version_2(data), "version": 1}


def _content(term: dict) -> dict:
    return {key: value for key, value in _flat(term).items() if key != "id"}


def _settings(glossary: dict) -> dict:
    return {key: value for key, value in glossary.items() if key != "terms"}


def _flat(mapping: dict, prefix: str = "") -> dict:
    """Nested mappings as dotted keys: {"examples": {"flag": [...]}} -> {"examples.flag": [...]}."""
    flat = {}
    for key, value in mapping.items():
        if isinstance(value, dict):
            flat.update(_flat(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def _changes(old: dict, new: dict, order: list[str]) -> Changes:
    """``order``: the schema's keys, in the order the schema (and the README) gives them; others follow."""
    before, after = _flat(old), _flat(new)
    met = [*before, *(key for key in after if key not in before)]
    rank = {key: order.index(key.split(".")[0]) if key.split(".")[0] in order else len(order) for key in met}
    changes = Changes()
    for key in sorted(met, key=rank.__getitem__):  # a stable sort: keys of one rank as the files hold them
        was, now = before.get(key), after.get(key)
        if isinstance(was, list | None) and isinstance(now, list | None):
            if added := [item for item in now or [] if item not in (was or [])]:
                changes.added[key] = added
            if removed := [item for item in was or [] if item not in (now or [])]:
                changes.removed[key] = removed
        elif was != now:
            changes.changed[key] = (was, now)
        if key in changes.added or key in changes.removed or key in changes.changed:
            changes.keys.append(key)
    return changes


# --- output ------------------------------------------------------------------------------------

def diff_json(diff: GlossaryDiff) -> str:
    data = {"version": 1, "old": diff.old, "new": diff.new, "differences": diff.count,
            "glossary": diff.glossary.as_json(),
            "terms": {"added": diff.added, "removed": diff.removed,
                      "renamed": [{"old": old, "new": new} for old, new in diff.renamed],
                      "changed": [{"id": term_id, **changes.as_json()} for term_id, changes in diff.changed.items()]}}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def diff_text(diff: GlossaryDiff) -> str:
    lines = [f"--- {diff.old}", f"+++ {diff.new}"]
    if diff.glossary:
        lines += ["glossary:", *_change_lines(diff.glossary)]
    lines += [f"- term {term['id']!r} ({_shown(term.get('canonical'))})" for term in diff.removed]
    lines += [f"+ term {term['id']!r} ({_shown(term.get('canonical'))})" for term in diff.added]
    lines += [f"~ term {old!r} renamed {new!r}" for old, new in diff.renamed]
    for term_id, changes in diff.changed.items():
        lines += [f"~ term {term_id!r}:", *_change_lines(changes)]
    lines.append(_summary(diff))
    return "".join(visible(line, double_backslashes=False) + "\n" for line in lines)


def _change_lines(changes: Changes) -> list[str]:
    """Key by key: a value changed (old -> new), or the items taken from (-) and added to (+) a list."""
    lines = []
    for key in changes.keys:
        if key in changes.changed:
            old, new = changes.changed[key]
            lines.append(f"    {key}: {_shown(old)} -> {_shown(new)}")
        lines += [f"    - {key}: {_shown(item)}" for item in changes.removed.get(key, [])]
        lines += [f"    + {key}: {_shown(item)}" for item in changes.added.get(key, [])]
    return lines


def _shown(value) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value) if isinstance(value, str) else str(value)


def _summary(diff: GlossaryDiff) -> str:
    if not diff.count:
        return "No differences."
    counts = [(len(diff.added), "added"), (len(diff.removed), "removed"), (len(diff.renamed), "renamed"),
              (len(diff.changed), "changed")]
    parts = [f"{count} {_plural(count, 'term')} {what}" for count, what in counts if count]
    if settings := diff.count - sum(count for count, _ in counts):
        parts.append(f"{settings} glossary {_plural(settings, 'setting')} changed")
    return f"{diff.count} {_plural(diff.count, 'difference')}: {', '.join(parts)}."


def _plural(count: int, word: str) -> str:
    return word if count == 1 else word + "s"
