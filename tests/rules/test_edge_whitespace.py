"""edge-whitespace: the whitespace at a target's start and end is its source's."""

from __future__ import annotations

from mtcheck.rules.edge_whitespace import described, edges


def test_edges_and_their_names():
    assert edges("\n Total: \t") == ("\n ", " \t")
    assert described("\u00a0\n") == "a no-break space, a line break"
    assert described("") == "nothing"


def test_a_lost_trailing_space_and_an_added_leading_one(pair_findings):
    findings = pair_findings("edge-whitespace", [("Total: ", "Gesamt:"), ("Name", " Name"), ("Total: ", "Gesamt: ")])
    assert findings == [(0, "", "the source ends with a space, the target with nothing"),
                        (1, " ", "the source starts with nothing, the target with a space")]
