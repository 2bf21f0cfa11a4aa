"""JSON Schema validation of YAML/TOML data, with errors a person can act on."""

from __future__ import annotations

import difflib
import json

from mtcheck.errors import Problem
from mtcheck.located import Located

_validators: dict[str, object] = {}


def _validator(schema: dict):
    key = json.dumps(schema, sort_keys=True)
    if key not in _validators:
        import jsonschema  # imported lazily: it is the slowest import on the start-up path

        _validators[key] = jsonschema.Draft202012Validator(schema)
    return _validators[key]


def schema_problems(schema: dict, located: Located, source: str) -> list[Problem]:
    problems = []
    for error in _validator(schema).iter_errors(located.data):
        path = tuple(error.absolute_path)
        for message, where in _describe(error, path, located):
            problems.append(Problem(source, message, *where))
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0, p.message))


def _describe(error, path: tuple, located: Located):
    """Turn a jsonschema error into (message, (line, col)) pairs a person can act on."""
    name = _dotted(path)
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        for key in sorted(set(error.instance) - set(allowed), key=str):
            hint = difflib.get_close_matches(str(key), allowed, n=1)
            tip = f" (did you mean {hint[0]!r}?)" if hint else f" (allowed: {', '.join(allowed)})"
            yield f"unknown key {key!r}{' in ' + name if name else ''}{tip}", located.position(path + (key,), key=True)
        return
    if error.validator == "required":
        missing = error.message.split("'")[1]
        yield f"missing required key {missing!r}{' in ' + name if name else ''}", located.position(path)
        return
    # A key that its mapping's propertyNames refuse (a language tag in a glossary of version 2) stands where the key is.
    naming = "propertyNames" in error.relative_schema_path and isinstance(error.instance, str)
    yield f"{name or 'document'}: {_explain(error)}", located.position(path + (error.instance,) if naming else path, key=naming)


def _explain(error) -> str:
    value = error.instance
    if error.validator == "pattern":
        if error.schema.get("pattern") == "[^\\W_]":
            return f"{value!r} is not a usable form (it has no letters or digits)"
        if error.schema.get("pattern") == "\\S":
            return "no reason given: say why the entry is right"
        return f"{value!r} does not match {error.schema['pattern']}"
    if error.validator == "const" and error.schema.get("const") == 1:
        return f"unsupported version {value!r} (this mtcheck reads versions 1 and 2)"
    if error.validator == "enum":
        return f"{value!r} is not one of {', '.join(map(str, error.schema['enum']))}"
    if _is_fuzzy(error):
        return f"{value!r} is not a similarity threshold (an integer 0-100, or false)"
    if error.validator == "type":
        wanted = error.schema["type"]
        expected = "a list" if wanted == "array" else "a mapping" if wanted == "object" else "a " + wanted
        return f"expected {expected}, got {_type_name(value)}"
    return error.message


def _is_fuzzy(error) -> bool:
    return bool(error.absolute_path) and error.absolute_path[-1] == "fuzzy"


def _type_name(value) -> str:
    return {dict: "a mapping", list: "a list", str: "a string", bool: "a boolean", type(None): "nothing"}.get(
        type(value), type(value).__name__
    )


def _dotted(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


