"""Words located in a bare text, and sets of spans: what both passes of the term index use."""

from __future__ import annotations

from mtcheck.glossary.index.spans import Intervals, locate


def test_locate_finds_whole_words_only():
    assert locate("nation national nation-state", {"nation"}) == [(0, 6, "nation"), (16, 22, "nation")]
    assert locate("zvečan zvecan", {"zvečan"}) == [(0, 6, "zvečan")]
    assert locate("anything", set()) == []


def test_intervals():
    intervals = Intervals([(10, 20), (0, 5)])
    assert intervals.overlaps(4, 6) and intervals.overlaps(19, 30) and not intervals.overlaps(5, 10)
    assert intervals.contains(10, 20) and not intervals.contains(9, 12)
    intervals.add(30, 40)
    assert intervals.contains(31, 39)
