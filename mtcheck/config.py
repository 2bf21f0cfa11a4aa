"""Project configuration: ``mtcheck.yaml`` or ``[tool.mtcheck]`` in ``pyproject.toml``.

```yaml
glossaries: [glossaries/]          # files or folders, relative to this file
fail_on: major                     # neutral | minor | major | critical | never
include: ["articles/"]             # gitignore-style patterns, relative to this file's folder:
exclude: ["drafts/", "*.orig.md"]  # which files folder walks pick (mtcheck.selection)
states: [translated, reviewed, final]  # the units of translation files checked, like --states
language: de                       # like --language: the texts' language where a file declares none
source_language: en                # like --source-language
rules:
  term-inconsistent: {severity: major}
  name-inconsistent: {enabled: false}
scoring:                           # the MQM quality score (mtcheck.scoring)
  model: mqm                       # mqm | wmt-mqm: the preset the settings below change
  passing_threshold: 90            # PT
  acceptable_penalty: 10           # APP, per reference_words
  min_words: 500                   # fewer words: too short to score (0 scores every text)
  min_score: 80                    # like --min-score
review:                            # mtcheck review, the editors' app (mtcheck.review)
  dismiss: baseline                # baseline | inline: where a dismissed finding is recorded
```
"""

from __future__ import annotations

import difflib
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from mtcheck.bilingual.cat import DEFAULT_STATES, STATES, parse_states
from mtcheck.errors import ConfigError, Problem
from mtcheck.model import SEVERITY_NAMES, Severity
from mtcheck.rules import RULES
from mtcheck.rules.base import Option
from mtcheck.scoring.quality import ScoringModel
from mtcheck.scoring.weights import PRESETS, WEIGHTS_SCHEMA_PROPERTIES, weights_from
from mtcheck.validation import schema_problems
from mtcheck.located import Located
from mtcheck.selection import GIT, Patterns, Selection, pattern_problem

CONFIG_FILE = "mtcheck.yaml"
PYPROJECT = "pyproject.toml"
DEFAULT_GLOSSARY_DIR = "glossaries"
FAIL_ON_CHOICES = (*SEVERITY_NAMES, "never")
LANGUAGE_TAG = "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$"  # BCP 47, as glossaries write it
# Where `mtcheck review` records a finding an editor dismisses: the baseline file, or an inline
# directive line above it in the text (mtcheck.suppressions).
DISMISS_CHOICES = ("baseline", "inline")


def rule_settings_schema(options: tuple[Option, ...] = ()) -> dict:
    """What the config may set of a rule: every rule's two settings, and the options it declares."""
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "enabled": {"type": "boolean"},
            "severity": {"enum": list(SEVERITY_NAMES)},
            **{option.name: dict(option.schema) for option in options},
        },
    }


SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "glossaries": {"type": "array", "items": {"type": "string"}},
        "fail_on": {"enum": list(FAIL_ON_CHOICES)},
        "exclude": {"type": "array", "items": {"type": "string"}},
        "include": {"type": "array", "items": {"type": "string"}},
        "respect_gitignore": {"type": "boolean"},
        "states": {"type": "array", "items": {"enum": [*STATES, "all"]}, "minItems": 1},
        "language": {"type": "string", "pattern": LANGUAGE_TAG},
        "source_language": {"type": "string", "pattern": LANGUAGE_TAG},
        "rules": {
            "type": "object",
            "properties": {rule_id: rule_settings_schema(rule.options) for rule_id, rule in RULES.items()},
            "additionalProperties": rule_settings_schema(),  # an unknown rule, reported below with a hint
        },
        "scoring": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "model": {"enum": list(PRESETS)},
                **WEIGHTS_SCHEMA_PROPERTIES,
                "passing_threshold": {"type": "number"},
                "acceptable_penalty": {"type": "number", "exclusiveMinimum": 0},
                "reference_words": {"type": "integer", "minimum": 1},
                "max_score": {"type": "number", "exclusiveMinimum": 0},
                "min_words": {"type": "integer", "minimum": 0},
                "min_score": {"type": "number"},
            },
        },
        "review": {
            "type": "object",
            "additionalProperties": False,
            "properties": {"dismiss": {"enum": list(DISMISS_CHOICES)}},
        },
    },
}


@dataclass(frozen=True, slots=True)
class RuleSettings:
    enabled: bool = True
    severity: Severity | None = None
    options: dict = field(default_factory=dict)  # the rule's options the config sets (Rule.options), by name


@dataclass(frozen=True, slots=True)
class Config:
    glossaries: tuple[str, ...] = ()
    fail_on: str = "major"
    selection: Selection = Selection()  # which files folder walks pick: include, exclude, .gitignore
    rules: dict[str, RuleSettings] = field(default_factory=dict)
    scoring: ScoringModel = ScoringModel()
    min_score: float | None = None
    states: frozenset[str] = DEFAULT_STATES  # the units of translation files checked (bilingual.cat)
    # The texts' language where a file declares none, and their source language: which forms of a
    # multilingual (version 2) glossary a check reads (like --language, --source-language).
    language: str | None = None
    source_language: str | None = None
    dismiss: str = "baseline"  # review.dismiss: where `mtcheck review` records a dismissed finding
    path: str | None = None
    # The project's folder (absolute): the config file's, else the top of the git work tree the
    # config was looked for in; None: the current folder. The default ./glossaries/ and the cache
    # are there.
    root: str | None = None

    def rule(self, rule_id: str) -> RuleSettings:
        return self.rules.get(rule_id) or RuleSettings(enabled=RULES[rule_id].enabled_by_default)


def find_config(start: Path | None = None) -> Config:
    """The nearest config at or above ``start`` (default: the current folder), see config_location;
    without one, the defaults, rooted at the project's folder."""
    path, root = config_location(start)
    return load_config(path) if path else Config(root=root)


def config_location(start: Path | None = None) -> tuple[Path | None, str | None]:
    """Where the config is, looked for as ruff looks for its own: in ``start`` (default: the current
    folder) and each folder above it, mtcheck.yaml, else a pyproject.toml with [tool.mtcheck]; the
    search stops at the top of a git work tree (the folder holding .git) or at the filesystem root.
    Returns the file (as messages show it: relative to the current folder) and the project's folder
    (absolute: the file's, else the work tree's top, else None)."""
    start = (start or Path.cwd()).absolute()
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file():
            return _shown(folder / CONFIG_FILE), str(folder)
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _pyproject_section(pyproject) is not None:
            return _shown(pyproject), str(folder)
        if (folder / GIT).exists():
            return None, str(folder)
    return None, None


def _shown(path: Path) -> Path:
    """``path`` as messages show it: relative to the current folder ("mtcheck.yaml", "../mtcheck.yaml")."""
    return Path(os.path.relpath(path))


def load_config(path: str | Path) -> Config:
    path = Path(path)
    if path.name == PYPROJECT:
        section = _pyproject_section(path)
        return _build(Located(section or {}), path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(Problem(str(path), "config file not found")) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(Problem(str(path), f"cannot read config: {exc}")) from None
    from mtcheck.yamlnodes import load_located  # PyYAML only for a YAML config

    located, problems = load_located(text, str(path))
    if located is None and problems and "empty" in problems[0].message:
        return Config(path=str(path), root=str(path.parent.absolute()))
    if problems:
        raise ConfigError(problems)
    return _build(located, path)


def _pyproject_section(path: Path) -> dict | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(Problem(str(path), f"cannot read config: {exc}")) from None
    return data.get("tool", {}).get("mtcheck")


def _build(located: Located, path: Path) -> Config:
    source = str(path)
    data = located.data
    if not isinstance(data, dict):
        raise ConfigError(Problem(source, "the config must be a mapping", *located.position(())))
    problems = schema_problems(SCHEMA, located, source)
    for rule_id in data.get("rules", {}) if isinstance(data.get("rules"), dict) else ():
        if rule_id not in RULES:
            hint = difflib.get_close_matches(str(rule_id), list(RULES), n=1)
            tip = f" (did you mean {hint[0]!r}?)" if hint else ""
            problems.append(Problem(source, f"unknown rule {rule_id!r}{tip}", *located.position(("rules", rule_id), key=True)))
    if problems:
        raise ConfigError(problems)
    base = path.parent
    problems += _option_problems(located, source) + _selection_problems(located, source)
    if problems:
        raise ConfigError(problems)
    rules = {
        rule_id: RuleSettings(settings.get("enabled", RULES[rule_id].enabled_by_default),
                              Severity.parse(settings["severity"]) if "severity" in settings else None,
                              {option.name: option.read(settings[option.name])
                               for option in RULES[rule_id].options if option.name in settings})
        for rule_id, settings in data.get("rules", {}).items()
    }
    return Config(
        glossaries=tuple(str(base / g) for g in data.get("glossaries", [])),
        fail_on=data.get("fail_on", "major"),
        selection=_selection(data, str(base.absolute())),
        rules=rules,
        scoring=scoring_model(data.get("scoring", {})),
        min_score=data.get("scoring", {}).get("min_score"),
        states=parse_states(",".join(data["states"])) if "states" in data else DEFAULT_STATES,
        language=data.get("language"),
        source_language=data.get("source_language"),
        dismiss=data.get("review", {}).get("dismiss", "baseline"),
        path=source,
        root=str(base.absolute()),
    )


def _selection(data: dict, folder: str) -> Selection:
    exclude, include = tuple(data.get("exclude", [])), tuple(data.get("include", []))
    return Selection(exclude=(Patterns(folder, exclude),) if exclude else (),
                     include=Patterns(folder, include) if include else None,
                     respect_gitignore=data.get("respect_gitignore", True))


def _selection_problems(located: Located, source: str) -> list[Problem]:
    return [Problem(source, f"{key}: {pattern!r} is {why}", *located.position((key, i)))
            for key in ("exclude", "include") for i, pattern in enumerate(located.data.get(key, []))
            if (why := pattern_problem(pattern))]


def _option_problems(located: Located, source: str) -> list[Problem]:
    """What each rule's options' own checks find that the schema cannot say (``Option.problems``:
    a rule's regular expressions must compile, say)."""
    problems = []
    for rule_id, settings in (located.data.get("rules") or {}).items():
        for option in RULES[rule_id].options:
            if option.name in settings:
                for where, message in option.problems(settings[option.name]):
                    problems.append(Problem(source, f"rules.{rule_id}.{option.name}: {message}",
                                            *located.position(("rules", rule_id, option.name, *where))))
    return problems


def scoring_model(settings: dict) -> ScoringModel:
    """The scoring model a config's (validated) ``scoring`` section describes."""
    base = ScoringModel()
    weights = weights_from(settings, PRESETS[settings.get("model", base.weights.name)])
    return ScoringModel(
        weights=weights,
        reference_words=settings.get("reference_words", base.reference_words),
        max_score=float(settings.get("max_score", base.max_score)),
        passing_threshold=float(settings.get("passing_threshold", base.passing_threshold)),
        acceptable_penalty=float(settings.get("acceptable_penalty", base.acceptable_penalty)),
        min_words=int(settings.get("min_words", base.min_words)),
    )


def glossary_paths(explicit: list[str], config: Config, use_config: bool = True) -> list[str]:
    """--glossary replaces the configured glossaries; without either, the glossaries/ folder of the
    project (config.root: next to the config file, else at the top of the git work tree, else in the
    current folder) if it exists."""
    if explicit:
        return list(explicit)
    if use_config and config.glossaries:
        return list(config.glossaries)
    default = os.path.relpath(os.path.join(config.root, DEFAULT_GLOSSARY_DIR)) if config.root else DEFAULT_GLOSSARY_DIR
    if use_config and Path(default).is_dir():
        return [default]
    return []
