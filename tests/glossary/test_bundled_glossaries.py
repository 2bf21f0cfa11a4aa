"""The shipped glossary is data and is tested like code."""

from __future__ import annotations

from mtcheck import load_glossaries
from mtcheck.folding import strip_diacritics
from mtcheck.text import fold
from tests.conftest import BUNDLED_GLOSSARY

REQUIRED = {"csm", "albin-kurti", "aleksandar-vucic", "jens-stoltenberg", "vjosa-osmani", "kfor", "pristina",
            "zvecan", "banjska", "serb-list", "milan-radoicic", "miroslav-lajcak", "hashim-thaci", "ivica-dacic",
            "eulex", "brussels-agreement"}


def test_bundled_glossary_loads_and_covers_the_sample_concepts():
    [glossary] = load_glossaries([BUNDLED_GLOSSARY])
    ids = {t.id for t in glossary.terms}
    assert REQUIRED <= ids
    assert all(t.note and len(t.note) > 30 for t in glossary.terms)


def test_no_form_is_a_diacritic_less_copy_of_another():
    [glossary] = load_glossaries([BUNDLED_GLOSSARY])
    seen: dict[str, str] = {}
    for term in glossary.terms:
        for forms in term.forms_by_role().values():
            for form in forms:
                bare = strip_diacritics(fold(form))
                assert seen.setdefault(bare, form) == form, f"{form!r} collides with {seen[bare]!r}"
