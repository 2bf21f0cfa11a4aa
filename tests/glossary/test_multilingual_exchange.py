"""glossary import --multilingual of TBX files other tools write: what is kept, what is left out."""

from __future__ import annotations

import pytest

from mtcheck import load_glossaries
from mtcheck.errors import InputError
from mtcheck.glossary.termbase_exchange import import_termbase

MARTIF = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="1-brake">
      <descrip type="subjectField">automotive</descrip>
      <langSet xml:lang="en">
        <tig><term>brake</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
      </langSet>
      <langSet xml:lang="en">
        <tig><term>brakes</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
        <tig><term>break</term><termNote type="normativeAuthorization">deprecatedTerm</termNote></tig>
      </langSet>
      <langSet xml:lang="fr">
        <tig><term>frein</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
      </langSet>
      <langSet xml:lang="de">
        <tig><term>Breake</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
      </langSet>
    </termEntry>
    <termEntry id="2">
      <langSet xml:lang="en">
        <tig><term>brake pad</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
        <tig><term>Brake</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
      </langSet>
      <langSet xml:lang="fr">
        <tig><term>frein</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
      </langSet>
      <langSet xml:lang="x!">
        <tig><term>zzz</term></tig>
      </langSet>
    </termEntry>
  </body></text>
</martif>
"""


def imported(tmp_path, text: str, **options) -> tuple[str, object]:
    source = tmp_path / "in.tbx"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out.yaml"
    out.write_text(import_termbase(str(source), "tbx", **options), encoding="utf-8")
    return out.read_text("utf-8"), load_glossaries([out])[0].termbase


def test_sections_of_one_language_join_and_what_cannot_be_kept_is_named(tmp_path):
    text, termbase = imported(tmp_path, MARTIF, source_language="fr")
    brake, pad = termbase.concepts
    assert (brake.id, brake.type, termbase.languages, termbase.source_language) == ("1-brake", "automotive", ("en", "fr"), "fr")
    en = brake.in_language("en")
    assert (en.canonical, en.variants, en.forbidden) == ("brake", ("brakes",), ("break",))
    assert brake.in_language("de") is None and pad.in_language("fr") is None
    assert pad.id == "2" and pad.in_language("en").variants == ()
    for remark in ("left out the de forms of concept '1-brake' (line 5): no canonical form",
                   "left out en variants form 'Brake' of concept '2' (line 21): a form of term '1-brake'",
                   "left out the fr forms of concept '2' (line 21): 'frein' is a form of term '1-brake'",
                   "left out the x! language of concept '2' (line 21): not a BCP 47 tag"):
        assert remark in " ".join(line.lstrip("# ") for line in text.splitlines() if line.startswith("#")), remark


def test_an_unusable_source_language_is_refused_or_left_unset(tmp_path):
    with pytest.raises(InputError):
        imported(tmp_path, MARTIF, source_language="not a tag")
    text, termbase = imported(tmp_path, MARTIF, source_language="it")
    assert termbase.source_language is None and "source language it has no forms in the file: none is set" in text


def test_a_one_language_export_imports_with_its_examples_in_its_language(tmp_path):
    from tests.cli_runs import glossary
    from tests.conftest import BUNDLED_GLOSSARY

    exported = tmp_path / "v1.tbx"
    assert glossary("export", BUNDLED_GLOSSARY, "-o", exported).returncode == 0
    text, termbase = imported(tmp_path, exported.read_text("utf-8"))
    [v1] = load_glossaries([BUNDLED_GLOSSARY])
    assert termbase.languages == ("en", "sr") and termbase.source_language == "sr"
    assert termbase.project().terms == v1.terms  # what a check reads is what version 1 gave
