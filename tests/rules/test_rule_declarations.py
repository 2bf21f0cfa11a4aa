"""A rule is one complete declaration in its own module (mtcheck.rules.base.Rule): its examples run
through the engine, each failing one flagged exactly where it is marked and each passing one not at
all; a rule cannot be declared without both kinds; and the modules that run, configure, fix and list
rules name none of them.
"""

from __future__ import annotations

import ast
import json
import re
from functools import cache

import pytest

from mtcheck import Checker, load_glossaries
from mtcheck.config import SCHEMA, Config, load_config
from mtcheck.errors import ConfigError
from mtcheck.model import Glossary, Severity
from mtcheck.rules import RULES
from mtcheck.rules.base import Example, Rule, Scope
from tests.conftest import BUNDLED_GLOSSARY, ROOT

EXAMPLES = [(rule, example) for rule in RULES.values() for example in rule.examples]


def example_id(case) -> str:
    rule, example = case
    return f"{rule.id}-{'fails' if example.fails else 'passes'}-{rule.examples.index(example)}"


@cache
def bundled_glossaries() -> list[Glossary]:
    return load_glossaries([BUNDLED_GLOSSARY])


def glossaries_for(example: Example, folder) -> list[Glossary]:
    if example.glossary is not None:
        (folder / "glossary.yaml").write_text(example.glossary, encoding="utf-8")
        return load_glossaries([folder / "glossary.yaml"])
    if example.language is not None:
        return [Glossary("example", example.language, "<example>", (), example.source_language)]
    return bundled_glossaries()


def config_for(rule: Rule, example: Example, folder) -> Config:
    """The example's options, set as a user sets them: in a config file, validated."""
    if not example.options:
        return Config()
    config = folder / "mtcheck.yaml"
    config.write_text(json.dumps({"rules": {rule.id: dict(example.options)}}), encoding="utf-8")  # JSON is YAML
    return load_config(config)


def places(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """(line, column, end line, end column) of each (start, end) offset span of ``text``, 1-based."""
    def at(offset: int) -> tuple[int, int]:
        return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)

    return [(*at(start), *at(end)) for start, end in spans]


@pytest.mark.parametrize("case", EXAMPLES, ids=[example_id(case) for case in EXAMPLES])
def test_each_example_is_flagged_where_marked_and_nowhere_else(case, tmp_path):
    rule, example = case
    checker = Checker(glossaries_for(example, tmp_path), config_for(rule, example, tmp_path), rules=[rule])
    target = tmp_path / example.path
    target.write_text(example.plain_text, encoding="utf-8")
    if example.source is not None:
        source = tmp_path / f"source-{example.path}"
        source.write_text(example.source, encoding="utf-8")
        checker.sources[str(target)] = str(source)
    result = checker.check_document(checker.read(str(target)))
    assert result.skipped is None
    found = sorted((f.line, f.column, f.end_line, f.end_column) for f in result.findings)
    assert found == sorted(places(example.plain_text, example.flagged())), [f.message for f in result.findings]


@pytest.mark.parametrize("rule", RULES.values(), ids=list(RULES))
def test_every_rule_has_examples_that_fail_and_examples_that_pass(rule):
    assert any(example.fails for example in rule.examples)
    assert any(not example.fails for example in rule.examples)


def test_every_rule_has_category_severity_and_doc():
    for rule in RULES.values():
        assert rule.category and isinstance(rule.severity, Severity) and rule.summary
        module = __import__(rule.check.__module__, fromlist=["_"])
        assert "Fails:" in module.__doc__ and "Passes:" in module.__doc__


def check_nothing(ctx):
    return iter(())


@pytest.mark.parametrize("examples", [
    (),
    (Example("the ⟦the⟧ meeting"),),
    (Example("the meeting"), Example("that that is")),
])
def test_a_rule_without_examples_of_both_kinds_is_rejected(examples):
    with pytest.raises(ValueError, match="declare examples it must flag and examples it must pass"):
        Rule("new-rule", "Linguistic conventions/Grammar", Severity.MINOR, "Something.", check_nothing,
             examples=examples)


def test_a_segment_rule_cannot_ask_for_the_document_s_matches_or_counts():
    examples = (Example("the ⟦the⟧ meeting"), Example("the meeting"))
    with pytest.raises(ValueError, match="for document-wide rules"):
        Rule("new-rule", "Linguistic conventions/Grammar", Severity.MINOR, "Something.", check_nothing,
             needs=lambda match: True, examples=examples)
    assert Rule("new-rule", "Linguistic conventions/Grammar", Severity.MINOR, "Something.", check_nothing,
                scope=Scope.DOCUMENT, needs=lambda match: True, examples=examples).needs(None)


@pytest.mark.parametrize("text, plain, spans", [
    ("the ⟦the⟧ meeting", "the the meeting", [(4, 7)]),
    ("⟦⟧⟦13⟧ people", "13 people", [(0, 0), (0, 2)]),
    ("no marks", "no marks", []),
])
def test_marks_give_the_spans_of_the_plain_text(text, plain, spans):
    example = Example(text)
    assert (example.plain_text, example.flagged(), example.fails) == (plain, spans, bool(spans))


def test_the_config_schema_gives_each_rule_its_declared_options():
    settings = SCHEMA["properties"]["rules"]["properties"]
    assert list(settings) == list(RULES)
    for rule_id, rule in RULES.items():
        declared = [option.name for option in rule.options]
        assert list(settings[rule_id]["properties"]) == ["enabled", "severity", *declared]


def test_an_option_is_read_as_its_rule_declares_and_refused_on_a_rule_without_it(tmp_path):
    config = tmp_path / "mtcheck.yaml"
    config.write_text("rules:\n  artifact:\n    patterns: ['Follow us']\n", encoding="utf-8")
    assert load_config(config).rule("artifact").options == {"patterns": ("Follow us",)}
    config.write_text("rules:\n  spacing:\n    patterns: ['Follow us']\n", encoding="utf-8")
    with pytest.raises(ConfigError) as refused:
        load_config(config)
    assert str(refused.value) == f"{config}:3:5: unknown key 'patterns' in rules.spacing (allowed: enabled, severity)"


def code_strings(path) -> list[str]:
    """The string constants of a module's code: its docstrings (prose, examples) left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


RULE_USERS = [*sorted((ROOT / "mtcheck").glob("*.py")), ROOT / "mtcheck" / "rules" / "catalogue.py"]


@pytest.mark.parametrize("path", RULE_USERS, ids=lambda path: path.name)
def test_no_module_outside_the_rules_names_a_rule(path):
    """Adding a rule is adding its module and its registry line: the engine, the config, the fixer
    and the listing read its declaration."""
    rule_id = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, RULES)) + r")(?![\w-])")
    assert [text for text in code_strings(path) if rule_id.search(text)] == []
