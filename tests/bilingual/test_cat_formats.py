"""XLIFF as CAT tools write it (Trados .sdlxliff, memoQ .mqxliff, Phrase .mxliff, plain XLIFF 1.2
and 2.x states): one pair per <mrk mtype="seg"> segment, each tool's states and locks read into
one vocabulary, positions of the target text in the file. Fixtures: tests/data/cat/."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck.bilingual.cat import DEFAULT_STATES, STATE_NAMES, STATES, Status, parse_states
from mtcheck.bilingual.document import read_bilingual
from mtcheck.bilingual.formats import read_pairs

DATA = Path(__file__).resolve().parent.parent / "data" / "cat"


def statuses(name: str) -> list[tuple[str | None, str | None, Status]]:
    return [(pair.unit, pair.target, pair.status) for pair in read_pairs(str(DATA / name))]


def line_text(name: str, line: int, column: int, length: int) -> str:
    """The file's text at a 1-based line and column."""
    return (DATA / name).read_text(encoding="utf-8").split("\n")[line - 1][column - 1: column - 1 + length]


def test_trados_one_pair_per_segment_with_its_confirmation_level_and_lock():
    found = read_pairs(str(DATA / "trados.sdlxliff"))
    assert [(p.unit, p.source, p.target, p.status) for p in found] == [
        ("0", "", None, Status(None, locked=True)),  # translate="no": a structure unit
        ("a1c3e0d2-8f9b-4b7a-9e51-0c2d1f3e4a51/1", "Die Sitzung beginnt um 9 Uhr.", "The meeting starts at 9 a.m.",
         Status("translated")),
        ("a1c3e0d2-8f9b-4b7a-9e51-0c2d1f3e4a51/2", "Bitte {0} mitbringen.", "Please bring {0}.", Status("reviewed")),
        ("b2d4f1e3-9a0c-4c8b-8f62-1d3e2a4f5b62", "{0} Dateien gespeichert.", "Files saved.", Status("draft")),
        ("c3e5a2f4-0b1d-4d9c-9a73-2e4f3b5a6c73", "{1} Ordner gelöscht.", "Folders deleted.",
         Status("translated", locked=True)),
        ("d4f6b3a5-1c2e-4e0d-8b84-3f5a4c6b7d84", "Ende.", "", Status("new")),  # no conf: not translated
        ("e5a7c4b6-2d3f-4f1e-9c95-4a6b5d7c8e95", "{2} Seiten.", "Pages.", Status("rejected")),
        ("f6b8d5c7-3e4a-4a2f-8da6-5b7c6e8d9fa6", "Danke.", "Thank you.", Status("final")),
    ]
    # The segment wrappers are no inline tags; the <g> inside a segment is, on both sides.
    assert [(p.source_tags, p.target_tags) for p in found[1:3]] == [((), ()), (("g#pt1",), ("g#pt1",))]


def test_segment_positions_are_those_of_each_mrk_text():
    for pair in read_pairs(str(DATA / "trados.sdlxliff"))[1:]:
        if pair.target:
            assert line_text("trados.sdlxliff", pair.line, pair.column, 6) == pair.target[:6]
    segmented = [p for p in read_pairs(str(DATA / "states-1.2.xlf")) if p.unit.startswith("segmented")]
    assert [(p.unit, p.target, line_text("states-1.2.xlf", p.line, p.column, 4)) for p in segmented] == [
        ("segmented/1", "One.", "One."), ("segmented/2", "Two.", "Two.")]


def test_memoq_status_and_lock():
    assert statuses("memoq.mqxliff") == [
        ("1", "Warning: {0} files.", Status("translated")),
        ("2", "Folders.", Status("draft")),
        ("3", "Pages.", Status("reviewed", locked=True)),
        ("4", "", Status("new")),
        ("5", "Thank you.", Status("final")),
    ]


def test_phrase_confirmed_and_locked():
    assert statuses("phrase.mxliff") == [
        ("Ab3kYt0c9", "The meeting starts at 9 a.m.", Status("translated")),
        ("Bc4lZu1d0", "Files saved.", Status("draft")),
        ("Cd5mAv2e1", "Folders deleted.", Status("translated", locked=True)),
    ]


def test_xliff_1_2_states_translate_no_and_protected_text():
    found = {unit: status for unit, _, status in statuses("states-1.2.xlf")}
    assert found == {
        "new": Status("new"), "needs-translation": Status("new"), "needs-l10n": Status("draft"),
        "translated": Status("translated"), "needs-review": Status("translated"), "signed-off": Status("reviewed"),
        "final": Status("final"), "no-state": Status(None),
        "not-to-translate": Status("translated", locked=True), "in-frozen-group": Status("translated", locked=True),
        "protected": Status("translated"), "segmented/1": Status("translated"), "segmented/2": Status("translated"),
    }
    protected = next(p for p in read_pairs(str(DATA / "states-1.2.xlf")) if p.unit == "protected")
    assert (protected.source, protected.target) == ("Öffnen Sie ````````````.", "Open ````````````.")  # masked, same length


def test_xliff_2_segment_states_translate_no_and_inline_mrk():
    assert statuses("states-2.xliff") == [
        ("u1/s1", "Files.", Status("new")),
        ("u1/s2", "{0} folders.", Status("translated")),
        ("u2", "{0} pages.", Status("reviewed")),
        ("u3", "Lines.", Status("final", locked=True)),
        ("u4", "Open ````````````.", Status("final")),
    ]


def test_po_fuzzy_entries_are_drafts_translated_ones_translated_obsolete_ones_left_out():
    assert statuses("states.po") == [
        ("{0} Dateien.", "{0} files.", Status("translated")),
        ("{1} Ordner.", "Folders.", Status("draft")),  # #, fuzzy
        ("{0} Seite", "{0} page", Status("draft")),  # #, fuzzy, python-brace-format: every form
        ("{0} Seite", "pages", Status("draft")),
        ("Ende.", None, Status()),  # untranslated: no state, checked (empty-target)
    ]  # the header and the obsolete (#~) entries, fuzzy or not, give no pair


@pytest.mark.parametrize("name, default, everything", [
    ("trados.sdlxliff", ["a1c3e0d2-8f9b-4b7a-9e51-0c2d1f3e4a51/1", "a1c3e0d2-8f9b-4b7a-9e51-0c2d1f3e4a51/2",
                         "f6b8d5c7-3e4a-4a2f-8da6-5b7c6e8d9fa6"], 6),
    ("memoq.mqxliff", ["1", "5"], 4),
    ("phrase.mxliff", ["Ab3kYt0c9"], 2),
    ("states-2.xliff", ["u1/s2", "u2", "u4"], 4),
    ("states.po", ["{0} Dateien.", "Ende."], 5),
])
def test_only_the_states_wanted_are_kept_never_locked_ones(name, default, everything):
    document = read_bilingual(str(DATA / name))
    assert [pair.unit for pair in document.pairs] == default
    kept = read_bilingual(str(DATA / name), states=frozenset(STATES)).pairs
    assert len(kept) == everything and not any(pair.status.locked for pair in kept)
    # Pairs kept keep their index in the file: findings name the file's segment.
    assert [pair.index for pair in document.pairs] == [
        pair.index for pair in read_pairs(str(DATA / name)) if pair.unit in default]


def test_states_vocabulary():
    assert DEFAULT_STATES == {"translated", "reviewed", "final"}
    assert {state for names in STATE_NAMES.values() for state in names.values()} == set(STATES)
    assert parse_states(" Draft, translated ") == {"draft", "translated"}
    assert parse_states("all") == set(STATES)
    with pytest.raises(ValueError, match="unknown state 'reviewd'"):
        parse_states("reviewd")
    with pytest.raises(ValueError, match="no state named"):
        parse_states(",")
