"""Running the two segment-consistency rules alone on a translation file, and the WMT21 TED data
(a system's translation of one talk, or of all its talks) as translation files."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

from mtcheck import Checker
from mtcheck.bilingual.document import read_bilingual
from mtcheck.config import Config, RuleSettings
from mtcheck.model import Finding, Glossary
from mtcheck.rules import RULES
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data" / "consistency"
TED = ROOT / "tests" / "data" / "wmt-mqm-ted-ende" / "mqm_ted_ende.tsv"
CONSISTENCY_RULES = ("source-inconsistent", "target-inconsistent")
ERROR_SPAN = re.compile(r"</?v>")


def findings(path: Path | str, rule_id: str, **options) -> list[Finding]:
    """The findings of one rule on the file, with these options, against an empty glossary of the
    file's declared target language (English where it declares none)."""
    declared = next((pair.target_language for pair in read_bilingual(str(path)).pairs if pair.target_language), None)
    glossary = Glossary("consistency", declared or "en", "<test>", (), "en")
    config = Config(rules={rule_id: RuleSettings(options=options)})
    checker = Checker([glossary], config, rules=[RULES[rule_id]])
    result = checker.check_document(checker.read(str(path)))
    assert result.skipped is None
    return list(result.findings)


def places(found: list[Finding]) -> list[tuple[int, int, str | None]]:
    return [(finding.line, finding.segment, finding.unit) for finding in found]


def ted_translations() -> dict[tuple[str, str], list[tuple[str, str, str]]]:
    """(system, talk) -> its segments as (id, source, target), in talk order: the MQM file has a row
    per rater's error, so each segment once, with the raters' error marks taken out."""
    segments = {}
    with TED.open(encoding="utf-8", newline="") as rows:
        for row in csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE):
            key = (row["system"], row["doc"], int(row["seg_id"]))
            segments.setdefault(key, (ERROR_SPAN.sub("", row["source"]), ERROR_SPAN.sub("", row["target"])))
    talks = defaultdict(list)
    for (system, talk, number), (source, target) in sorted(segments.items()):
        talks[system, talk].append((f"{talk}:{number}", source, target))
    return dict(talks)


def write_csv(path: Path, segments: list[tuple[str, str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["id", "source", "target"])
        writer.writerows(segments)
    return path


# The repo's well-formed bilingual test files: clean translations, each segment its own.
CLEAN_BILINGUAL = [ROOT / "tests" / "data" / "bilingual" / name
                   for name in ("en-fr.csv", "en-fr.jsonl", "en-fr.po", "en-fr.xlf", "en-sr.xliff", "three.tmx")]


def ted_files(folder: Path, whole_systems: bool = False) -> list[Path]:
    """The WMT21 TED translations as CSV files in ``folder``: one per system and talk, or with
    ``whole_systems`` one per system holding all its talks."""
    translations = ted_translations()
    if whole_systems:
        systems = defaultdict(list)
        for (system, _), segments in translations.items():
            systems[system] += segments
        return [write_csv(folder / f"{system}.csv", segments) for system, segments in sorted(systems.items())]
    return [write_csv(folder / f"{system}.{talk}.csv", segments) for (system, talk), segments in sorted(translations.items())]


def write_po(path: Path, pairs: list[tuple[str, str]]) -> Path:
    """A PO file of these (source, target) pairs, each its own unit (by msgctxt), no language declared."""
    units = "".join(f'msgctxt "{n}"\nmsgid "{source}"\nmsgstr "{target}"\n\n' for n, (source, target) in enumerate(pairs))
    path.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n' + units, encoding="utf-8")
    return path


def project_of_two(folder: Path, across: str | None = "project") -> Path:
    """A project of two PO files that render one source two ways and use one target for two sources:
    a.po holds the dominant renderings (twice each), b.po the others; each file alone is consistent.
    Its config sets ``across`` for both consistency rules (none: the default)."""
    project = folder / "project"
    project.mkdir()
    write_po(project / "a.po", [("The meeting ended at noon.", "Das Treffen endete mittags."),
                                ("Delete the file now.", "Die Datei jetzt löschen."),
                                ("The meeting ended at noon.", "Das Treffen endete mittags."),
                                ("Delete the file now.", "Die Datei jetzt löschen.")])
    write_po(project / "b.po", [("It rained all day.", "Es regnete den ganzen Tag."),
                                ("The meeting ended at noon.", "Die Sitzung war mittags zu Ende."),
                                ("Delete the files now.", "Die Datei jetzt löschen.")])
    options = f"{{across: {across}}}" if across else "{}"
    (folder / "mtcheck.yaml").write_text(
        "rules:\n" + "".join(f"  {rule}: {options}\n" for rule in CONSISTENCY_RULES), encoding="utf-8")
    return project
