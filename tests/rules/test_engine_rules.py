"""Each rule: what fires, what doesn't, what it suggests; config severity and enabling."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck import Checker
from mtcheck.config import Config, RuleSettings
from mtcheck.engine import select_rules
from mtcheck.model import Severity
from mtcheck.rules import RULES
from mtcheck.similarity.phonetic import sound_keys
from tests.conftest import findings


def test_every_rule_has_category_severity_and_doc():
    for rule in RULES.values():
        assert rule.category and isinstance(rule.severity, Severity) and rule.summary
        module = __import__(rule.check.__module__, fromlist=["_"])
        assert "Fails:" in module.__doc__ and "Passes:" in module.__doc__


def test_term_forbidden(checker):
    [f] = findings(checker, "the Union of Serbian Municipalities (CSM)", "term-forbidden")
    assert (f.term, f.suggestion, f.category, f.severity) == ("csm", "Community of Serb Municipalities", "terminology", Severity.MAJOR)
    assert findings(checker, "the Community of Serb Municipalities", "term-forbidden") == []


def test_term_untranslated(checker):
    [f] = findings(checker, "nothing from the ZSO", "term-untranslated")
    assert (f.text, f.term, f.category, f.suggestion) == ("ZSO", "csm", "accuracy", "CSM")  # acronym for acronym
    assert "(sr)" in f.message
    [f] = findings(checker, "nothing from the Zajednica srpskih opština", "term-untranslated")
    assert f.suggestion == "Community of Serb Municipalities"
    assert findings(checker, "nothing from the CSM", "term-untranslated") == []


def test_term_inconsistent_flags_the_less_used_form(checker):
    text = ("The Community of Serb Municipalities ... the Community of Serb Municipalities ... "
            "the Association of Serb Municipalities ... the CSM")
    [f] = findings(checker, text, "term-inconsistent")
    assert (f.text, f.suggestion, f.severity) == ("Association of Serb Municipalities", "Community of Serb Municipalities", Severity.MINOR)


def test_term_inconsistent_prefers_canonical_on_ties_and_ignores_short_forms(checker):
    [f] = findings(checker, "the Kosovo Force and KFOR", "term-inconsistent")
    assert (f.text, f.suggestion) == ("Kosovo Force", "KFOR")
    assert findings(checker, "Albin Kurti ... Kurti ... Kurti", "term-inconsistent") == []
    assert findings(checker, "the Kosovo Force, the Kosovo Force", "term-inconsistent") == []


def test_name_inconsistent(checker):
    text = ("Miroslav Lajčák arrived. Lajčák spoke. Lejsac left. Thaçi resigned; Taci denied it; Thaçi spoke. "
            "Kurti met Corti. Kurti left.")
    assert [(f.text, f.suggestion) for f in findings(checker, text, "name-inconsistent")] == [
        ("Lejsac", "Lajčák"), ("Taci", "Thaçi"), ("Corti", "Kurti")]


def test_name_inconsistent_stays_quiet_on_distinct_names(checker):
    text = ("Vjosa Osmani met Milan Radoičić in Banjska, then Jens Stoltenberg in Brussels and Zvečan. "
            "Greece, Romania, Russia and Brazil; Facebook, Twitter and Viber; Dayton and Herzegovina.")
    assert findings(checker, text, "name-inconsistent") == []


def test_config_changes_severity_and_disables_rules(small_glossaries):
    config = Config(rules={"term-forbidden": RuleSettings(severity=Severity.CRITICAL),
                           "term-untranslated": RuleSettings(enabled=False)})
    checker = Checker(small_glossaries, config)
    result = checker.check_text("the USO and the ZSO")
    assert [(f.rule, f.severity) for f in result.findings] == [("term-forbidden", Severity.CRITICAL)]


def test_select_and_ignore():
    assert [r.id for r in select_rules(Config(), select=["term-forbidden"])] == ["term-forbidden"]
    assert "name-inconsistent" not in [r.id for r in select_rules(Config(), ignore=["name-inconsistent"])]


def test_positions_are_valid_slices(checker):
    text = "Line one.\r\nThe USO and\nAljbin Kurti’s ZSO."
    for f in findings(checker, text):
        assert text[f.offset:f.offset + f.length] == f.text
    [uso] = findings(checker, text, "term-forbidden")
    assert (uso.line, uso.column, uso.end_line, uso.end_column) == (2, 5, 2, 8)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_characters="\n", blacklist_categories=("Cs",)), min_size=1, max_size=12),
                max_size=6))
def test_sound_keys_of_many_names_are_those_of_each_name(names):
    """Keys are made for a document's names at once, joined in one string: no name may bleed into the next."""
    assert sound_keys(names) == [sound_keys([name])[0] for name in names]
