"""Building the term index: forms numbered, filed per pass, and the index's parts of one type."""

from __future__ import annotations

import pickle

from mtcheck.glossary.index import Form, TermIndex
from mtcheck.glossary.index.building import build_parts
from mtcheck.glossary.index.exact import ExactIndex
from mtcheck.glossary.index.near_miss import AcronymIndex, FuzzyIndex
from mtcheck.lexicon import lexicon_for


def test_forms_are_numbered_in_the_order_of_the_terms(small_glossaries):
    parts = build_parts([t for g in small_glossaries for t in g.terms], lexicon_for("en"))
    assert isinstance(parts.forms, tuple)
    assert [form.number for form in parts.forms] == list(range(len(parts.forms)))
    assert parts.forms[0] == Form(0, parts.forms[0].term, "Community of Serb Municipalities", "canonical",
                                  "community of serb municipalities", "Community of Serb Municipalities", False)


def test_acronyms_are_case_sensitive_forms(small_glossaries):
    index = TermIndex(small_glossaries, lexicon_for("en"))
    by_text = {form.text: form for form in index.forms}
    assert by_text["KFOR"].case_sensitive and by_text["EU"].case_sensitive
    assert not by_text["Kosovo Force"].case_sensitive


def test_parts_keep_their_types_after_building_and_unpickling(small_glossaries):
    index = TermIndex(small_glossaries, lexicon_for("en"))
    index.find("Stoltenbreg met Kurti.")  # fills the fuzzy pass's memo
    restored = pickle.loads(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
    for each in (index, restored):
        assert isinstance(each.forms, tuple)
        assert isinstance(each.exact, ExactIndex)
        assert isinstance(each.fuzzy, FuzzyIndex)
        assert isinstance(each.acronyms, AcronymIndex)
    assert "_memo" not in index.fuzzy.__getstate__()  # what texts taught it is not stored
    assert restored.fuzzy._memo == {}
    text = "Stoltenbreg met Kurti and the KFOT; Vucic spoke of the union of serbian municipalities."
    assert restored.find(text) == index.find(text)


def test_no_forms_make_an_index_that_finds_nothing():
    index = TermIndex([], lexicon_for("en"))
    assert index.forms == ()
    assert index.find("Stoltenberg met Kurti in Brussels.") == []
