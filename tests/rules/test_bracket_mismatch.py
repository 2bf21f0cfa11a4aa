"""bracket-mismatch: the brackets of a target are its source's, placeholders' braces left out."""

from __future__ import annotations

from mtcheck.rules.bracket_mismatch import bracket_places


def test_placeholder_brackets_are_not_counted():
    places = bracket_places("%(n)d {name} {count, plural, one {#} other {#}} (x) （y）")
    assert {char: len(at) for char, at in places.items() if at} == {"(": 2, ")": 2}


def test_a_bracket_left_open_and_a_dropped_pair(pair_findings):
    findings = pair_findings("bracket-mismatch", [
        ("(Laughter) I want to start with a paradox.", "(Ich möchte mit einem Paradoxon beginnen."),  # WMT21 TED MT
        ("On the right, [0,0] input is a 1 output.", "Rechts ist 0,0 Eingang ein 1 Ausgang."),
    ])
    assert findings == [(0, "", "'()': the source has 1 '(' and 1 ')', the target 1 and 0"),
                        (1, "", "'[]': the source has 1 '[' and 1 ']', the target 0 and 0")]


def test_an_aside_set_off_by_dashes_may_become_brackets_but_not_half_of_them(pair_findings):
    source = "Einstein also realized -- and this is the point -- that mass curves space."
    assert pair_findings("bracket-mismatch", [(source, "Einstein erkannte auch (und darum geht es), dass ...")]) == []
    [(_, text, _)] = pair_findings("bracket-mismatch", [(source, "Einstein erkannte auch und darum geht es), dass")])
    assert text == ")"
