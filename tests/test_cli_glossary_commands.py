"""`mtcheck glossary`: export, import and suggest through the command line. Validate, test, lint,
stats and schema are in tests/glossary/test_maintenance.py, add and edit in tests/glossary/test_editing.py."""

from __future__ import annotations

import pytest

from tests.cli_runs import glossary
from tests.conftest import BUNDLED_GLOSSARY


@pytest.mark.parametrize("to", ["csv", "tbx"])
def test_export_then_import_through_the_cli(tmp_path, to):
    exported = tmp_path / f"g.{to}"
    assert glossary("export", BUNDLED_GLOSSARY, "--to", to, "-o", exported).returncode == 0
    imported = tmp_path / "g.yaml"
    result = glossary("import", exported, "--from", to, "-o", imported, "--name", "kosovo-serbia", "--language", "en",
                      "--source-language", "sr")
    assert result.returncode == 0, result.stderr
    from mtcheck import load_glossaries

    [before], [after] = load_glossaries([BUNDLED_GLOSSARY]), load_glossaries([imported])
    keep = ("id", "canonical", "variants", "short", "forbidden", "source", "type", "note", "severity", "fuzzy",
            "case_sensitive")
    assert [[getattr(t, k) for k in keep] for t in before.terms] == [[getattr(t, k) for k in keep] for t in after.terms]
    assert glossary("import", exported, "--from", "xlsx", "-o", imported).returncode == 2


def test_suggest_writes_a_draft_that_validates(tmp_path):
    from tests.conftest import SAMPLES

    draft = tmp_path / "draft.yaml"
    result = glossary("suggest", SAMPLES, "-o", draft)
    assert result.returncode == 0 and "draft terms" in result.stderr.decode()
    text = draft.read_text(encoding="utf-8")
    assert 'canonical: "Albin Kurti"' in text and '"Aljbin Kurti"' in text and "# " in text
    assert glossary("validate", draft).returncode == 0
    assert "(3 to decide: " in result.stderr.decode() and "# To decide first (3): " in text
    again = tmp_path / "again.yaml"
    assert glossary("suggest", SAMPLES, "-o", again).returncode == 0
    assert again.read_bytes() == draft.read_bytes()  # evidence and ties give the same draft every run
    covered = glossary("suggest", SAMPLES, "-g", BUNDLED_GLOSSARY, "-o", draft)
    assert covered.returncode == 0 and "Kurti" not in draft.read_text(encoding="utf-8")
