"""Sound keys of names (mtcheck/similarity/phonetic.py)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.similarity.phonetic import sound_keys


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_characters="\n", blacklist_categories=("Cs",)), min_size=1, max_size=12),
                max_size=6))
def test_sound_keys_of_many_names_are_those_of_each_name(names):
    """Keys are made for a document's names at once, joined in one string: no name may bleed into the next."""
    assert sound_keys(names) == [sound_keys([name])[0] for name in names]
