"""`mtcheck score`: the same numbers as sacrebleu's own command line, paired tests, --check, annotations."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_runs import mtcheck
from tests.conftest import CORRECTED_SAMPLE, MT_SAMPLE
from tests.scoring.test_scoring import TED

SACREBLEU = [sys.executable, "-m", "sacrebleu"]


def sacrebleu(*args) -> str:
    result = subprocess.run([*SACREBLEU, *map(str, args)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def systems(tmp_path_factory) -> dict[str, Path]:
    """Two hypotheses and two references, line-parallel, from the bundled samples."""
    folder = tmp_path_factory.mktemp("systems")
    reference = CORRECTED_SAMPLE.read_text(encoding="utf-8").splitlines()
    first = MT_SAMPLE.read_text(encoding="utf-8").splitlines()
    second = [line.replace("Kosovo", "Kosova").replace(" the ", " a ") for line in first]
    other_reference = [line.replace("said", "stated") for line in reference]
    files = {"ref": reference, "ref2": other_reference, "hyp": first, "hyp2": second}
    paths = {}
    for name, lines in files.items():
        paths[name] = folder / f"{name}.txt"
        paths[name].write_text("\n".join(lines) + "\n", encoding="utf-8")
    return paths


def score_json(*args) -> dict:
    result = mtcheck("score", *args, "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("refs", [("ref",), ("ref", "ref2")])
def test_corpus_scores_equal_sacrebleus_command_line(systems, refs):
    references = [systems[r] for r in refs]
    ours = score_json(systems["hyp"], *[a for r in references for a in ("--ref", r)])
    theirs = json.loads(sacrebleu(*references, "-i", systems["hyp"], "-m", "bleu", "chrf", "ter",
                                  "--chrf-word-order", "2", "-w", "4", "-f", "json"))
    assert ours["version"] == 1 and list(ours["corpus"]) == [t["name"] for t in theirs] == ["BLEU", "chrF2++", "TER"]
    for metric in theirs:
        mine = ours["corpus"][metric["name"]]
        assert round(mine["score"], 4) == metric["score"]
        assert mine["signature"] == metric["signature"]
    assert ours["corpus"]["BLEU"]["verbose_score"] == theirs[0]["verbose_score"]


def test_segment_scores_equal_sacrebleus_sentence_level(systems):
    ours = score_json(systems["hyp"], "--ref", systems["ref"], "--segments", "--metrics", "bleu,chrf")
    for metric, option in (("BLEU", "bleu"), ("chrF2++", "chrf")):
        lines = sacrebleu(systems["ref"], "-i", systems["hyp"], "-m", option, "--chrf-word-order", "2",
                          "-sl", "-w", "4").splitlines()
        theirs = [float(re.search(r" = (\S+)", line).group(1)) for line in lines]
        assert [round(row[metric], 4) for row in ours["segments"]] == theirs
        assert ours["segment_signatures"][metric] == lines[0].split(" = ")[0].split("|", 1)[1]


@pytest.mark.parametrize("test", ["bs", "ar"])
def test_paired_tests_equal_sacrebleus(systems, test):
    ours = score_json(systems["hyp"], systems["hyp2"], "--ref", systems["ref"], "--compare", "--metrics", "bleu")
    theirs = json.loads(sacrebleu(systems["ref"], "-i", systems["hyp"], systems["hyp2"], "-m", "bleu",
                                  f"--paired-{test}", "-f", "json"))
    [baseline, other] = ours["comparison"][f"paired-{test}"]["systems"]
    assert baseline["baseline"] and baseline["system"] == str(systems["hyp"]) and other["system"] == str(systems["hyp2"])
    assert theirs[0]["system"] == f"Baseline: {systems['hyp']}" and theirs[1]["system"] == str(systems["hyp2"])
    for mine, their in ((baseline, theirs[0]), (other, theirs[1])):
        assert mine["metrics"]["BLEU"] == their["BLEU"]  # score, p-value, mean and interval, unrounded


def test_paired_bootstrap_with_chrf_gives_valid_json(systems):
    """sacrebleu's own CLI fails here under numpy 2 (float32 is not JSON-serialisable)."""
    ours = score_json(systems["hyp"], systems["hyp2"], "--ref", systems["ref"], "--compare", "--metrics", "chrf")
    other = ours["comparison"]["paired-bs"]["systems"][1]["metrics"]["chrF2++"]
    assert isinstance(other["mean"], float) and isinstance(other["ci"], float) and 0 <= other["p_value"] <= 1


def test_paired_tests_are_reproducible_and_the_seed_matters(systems):
    args = (systems["hyp"], systems["hyp2"], "--ref", systems["ref"], "--compare", "--metrics", "bleu")
    first = mtcheck("score", *args, "--format", "json").stdout
    assert first == mtcheck("score", *args, "--format", "json").stdout
    assert first != mtcheck("score", *args, "--format", "json", "--seed", "7").stdout


def test_check_adds_the_mqm_score_and_terminology(systems):
    report = score_json(MT_SAMPLE, "--ref", CORRECTED_SAMPLE, "--check")
    assert report["quality"]["findings"] == {"artifact": 1, "garbled-word": 1, "spacing": 1, "term-forbidden": 4,
                                             "term-misspelled": 6, "term-untranslated": 1}
    assert report["quality"]["penalty"] == 66 and not report["quality"]["passed"]
    terminology = report["terminology"]
    csm = next(t for t in terminology["terms"] if t["term"] == "csm")
    assert csm["forms"] == {"Union of Serbian Municipalities": 2, "WSO": 2, "Association of Serbian Municipalities": 1,
                            "USO": 1, "ZSO": 1}
    assert not csm["consistent"] and csm["canonical_occurrences"] == 0
    assert 0 < terminology["consistency"] < 1 and 0 < terminology["reference_match_rate"] < 1
    clean = score_json(CORRECTED_SAMPLE, "--ref", CORRECTED_SAMPLE, "--check")
    assert clean["quality"]["passed"] and clean["terminology"]["reference_match_rate"] == 1.0
    assert clean["corpus"]["BLEU"]["score"] == pytest.approx(100.0)  # sacrebleu says 100.00000000000004


def test_mqm_annotations_json_contract():
    report = score_json("--mqm-annotations", TED)
    assert report["version"] == 1 and report["systems"][0] == {"system": "ref", "mqm": 0.9115, "segments": 529}
    assert [s["mqm"] for s in report["systems"]] == sorted(s["mqm"] for s in report["systems"])
    assert report["weights"]["name"] == "wmt-mqm"


def test_a_weights_file(tmp_path):
    weights = tmp_path / "weights.yaml"
    weights.write_text("model: wmt-mqm\nseverity_multipliers: {major: 10}\n", encoding="utf-8")
    report = score_json("--mqm-annotations", TED, "--weights", weights)
    assert report["systems"][0]["system"] == "ref" and report["systems"][0]["mqm"] > 1.5
    weights.write_text("severity_multipliers: {major: ten}\n", encoding="utf-8")
    result = mtcheck("score", "--mqm-annotations", TED, "--weights", weights)
    assert result.returncode == 2 and result.stderr.decode().startswith(f"error: {weights}:1:")


@pytest.mark.parametrize("args, message", [
    ((), "nothing to score"),
    (("{hyp}",), "needs --ref"),
    (("{hyp}", "--ref", "{short}"), "has 2 lines but"),
    (("{hyp}", "{hyp2}", "--ref", "{ref}"), "need --compare"),
    (("{hyp}", "--ref", "{ref}", "--metrics", "meteor"), "unknown metric 'meteor'"),
    (("{hyp}", "--ref", "{missing}"), "no such file"),
])
def test_bad_score_input_is_one_line_and_exit_2(systems, tmp_path, args, message):
    short = tmp_path / "short.txt"
    short.write_text("one\ntwo\n", encoding="utf-8")
    names = {**{k: str(v) for k, v in systems.items()}, "short": str(short), "missing": str(tmp_path / "none.txt")}
    result = mtcheck("score", *[a.format(**names) for a in args])
    assert result.returncode == 2 and result.stdout == b""
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and message in lines[0], lines
