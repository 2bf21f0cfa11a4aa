"""length-ratio: a segment far shorter or longer than its source, against its document's usual ratio."""

from __future__ import annotations

from tests.cli_runs import check_json


def test_length_ratio_flags_the_outlier_of_its_document(tmp_path):
    sources = [f"Ovo je rečenica broj {n} o sastanku u Beogradu." for n in range(10)]
    targets = [f"This is sentence number {n} about the meeting in Belgrade." for n in range(10)]
    targets[6] = "Sentence 6."
    (tmp_path / "src.txt").write_text("\n".join(sources) + "\n", encoding="utf-8")
    (tmp_path / "tgt.txt").write_text("\n".join(targets) + "\n", encoding="utf-8")
    report = check_json(tmp_path / "tgt.txt", "--source", tmp_path / "src.txt")
    [finding] = [f for f in report["files"][0]["findings"] if f["rule"] == "length-ratio"]
    assert finding["segment"] == 6 and finding["line"] == 7 and "times shorter" in finding["message"]
