"""Many files: worker processes, the on-disk cache, and the index cache."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from mtcheck.cache import Cache, fingerprint
from mtcheck.config import Config
from mtcheck.engine import Checker, select_rules
from mtcheck.runner import check_paths, compile_checker
from tests.conftest import BUNDLED_GLOSSARY, CORRECTED_SAMPLE, MT_SAMPLE
from tests.test_cli import mtcheck


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    text = MT_SAMPLE.read_text(encoding="utf-8")
    for i in range(6):
        (folder / f"mt-{i}.txt").write_text(text[i * 700:], encoding="utf-8")
    shutil.copy(CORRECTED_SAMPLE, folder / "corrected.txt")
    return folder


def test_jobs_give_byte_identical_output(corpus, tmp_path):
    one = mtcheck("check", corpus, "-g", BUNDLED_GLOSSARY, "-f", "json", "--jobs", "1", cwd=tmp_path)
    two = mtcheck("check", corpus, "-g", BUNDLED_GLOSSARY, "-f", "json", "--jobs", "2", cwd=tmp_path)
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert len(json.loads(one.stdout)["files"]) == 7


def test_results_and_index_are_cached(corpus, tmp_path):
    first = mtcheck("check", corpus, "-g", BUNDLED_GLOSSARY, "-f", "json", cwd=tmp_path, cache=True)
    entries = sorted((tmp_path / ".mtcheck_cache" / "results").rglob("*/*"))
    assert len(entries) == 7 and len(list((tmp_path / ".mtcheck_cache" / "index").rglob("*/*"))) == 1
    for entry in entries:  # a cached result is what the second run reports: prove it by planting one
        entry.write_bytes(entry.read_bytes()[:-5])  # corrupt: must be ignored, not trusted
    second = mtcheck("check", corpus, "-g", BUNDLED_GLOSSARY, "-f", "json", cwd=tmp_path, cache=True)
    assert second.stdout == first.stdout
    assert (tmp_path / ".mtcheck_cache" / ".gitignore").read_text().endswith("*\n")


def test_cache_hit_skips_the_check(corpus, tmp_path, monkeypatch):
    checker = compile_checker([str(BUNDLED_GLOSSARY)], Config(), select_rules(Config()), Cache(tmp_path / "c"))
    cache = Cache(tmp_path / "c")
    first = check_paths(checker, [str(corpus)], jobs=1, cache=cache)
    checked = []
    original = Checker.check_document
    monkeypatch.setattr(Checker, "check_document",
                        lambda self, document: checked.append(document.path) or original(self, document))
    again = check_paths(checker, [str(corpus)], jobs=1, cache=cache)
    assert again == first and again.findings and checked == []
    (corpus / "mt-0.txt").write_text("edited: no findings left", encoding="utf-8")
    edited = check_paths(checker, [str(corpus)], jobs=1, cache=cache)
    assert checked == [str(corpus / "mt-0.txt")] and edited.files[1].findings == ()


def test_changed_glossary_or_settings_miss_the_cache(tmp_path):
    glossary = tmp_path / "g.yaml"
    glossary.write_text("version: 1\nname: g\nlanguage: en\nterms:\n  - {id: x, canonical: Xavier, forbidden: [Xavi]}\n")
    text = tmp_path / "a.txt"
    text.write_text("Xavi and Yvo")
    args = ("check", "a.txt", "-g", "g.yaml", "-f", "json", "--fail-on", "never")
    assert len(json.loads(mtcheck(*args, cwd=tmp_path, cache=True).stdout)["files"][0]["findings"]) == 1
    glossary.write_text(glossary.read_text().replace("[Xavi]", "[Xavi, Yvo]"))
    assert len(json.loads(mtcheck(*args, cwd=tmp_path, cache=True).stdout)["files"][0]["findings"]) == 2
    quiet = mtcheck(*args, "--ignore", "term-forbidden", cwd=tmp_path, cache=True)
    assert json.loads(quiet.stdout)["files"][0]["findings"] == []


def test_changed_rule_options_miss_the_cache(tmp_path):
    """A configured boilerplate pattern changes what a file yields: its cached result must not be reused."""
    (tmp_path / "g.yaml").write_text("version: 1\nname: g\nlanguage: en\nterms:\n  - {id: x, canonical: Xavier}\n")
    (tmp_path / "a.txt").write_text("Follow us on Facebook for more.\n")
    config = tmp_path / "mtcheck.yaml"
    args = ("check", "a.txt", "-g", "g.yaml", "-f", "json", "--fail-on", "never", "--config", "mtcheck.yaml")

    def findings() -> int:
        return len(json.loads(mtcheck(*args, cwd=tmp_path, cache=True).stdout)["files"][0]["findings"])

    config.write_text("rules:\n  artifact:\n    patterns: ['Follow us on Facebook']\n")
    assert findings() == 1
    config.write_text("rules:\n  artifact:\n    patterns: []\n")
    assert findings() == 0


def test_concurrent_runs_share_a_cache_safely(corpus, tmp_path):
    command = [sys.executable, "-m", "mtcheck", "check", str(corpus), "-g", str(BUNDLED_GLOSSARY), "-f", "json"]
    runs = [subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE) for _ in range(3)]
    outputs = [run.communicate()[0] for run in runs]
    assert outputs[0] == outputs[1] == outputs[2]
    assert not list((tmp_path / ".mtcheck_cache").rglob(".tmp-*"))


def test_cache_entries_are_verified(tmp_path):
    cache = Cache(tmp_path)
    key = fingerprint("x")
    assert cache.get("results", key) is None
    cache.put("results", key, {"a": 1})
    assert cache.get("results", key) == {"a": 1}
    path = tmp_path / "results" / key[:2] / key
    entry = path.read_bytes()
    path.write_bytes(entry.replace(b"MTCHECK3", b"MTCHECK0"))
    assert cache.get("results", key) is None  # foreign
    path.write_bytes(entry[:-1] + bytes([entry[-1] ^ 1]))
    assert cache.get("results", key) is None  # damaged
    path.write_bytes(entry[:-3])
    assert cache.get("results", key) is None  # truncated
    path.write_bytes(entry)
    assert cache.get("results", key) == {"a": 1}


def test_unwritable_cache_is_skipped(tmp_path):
    (tmp_path / "blocked").write_text("a file where the cache folder would go")
    Cache(tmp_path / "blocked").put("results", fingerprint("x"), 1)  # no exception


def test_a_large_file_scanned_by_several_workers_gives_the_same_result(monkeypatch, tmp_path):
    import mtcheck.documents as documents
    import mtcheck.runner as runner

    big = tmp_path / "big.txt"
    big.write_text((MT_SAMPLE.read_text(encoding="utf-8") + "\n\n") * 4, encoding="utf-8")
    checker = compile_checker([str(BUNDLED_GLOSSARY)], Config(), select_rules(Config()))
    whole = check_paths(checker, [str(big)], jobs=1)
    monkeypatch.setattr(runner, "PARALLEL_SEGMENTS_ABOVE", 1000)
    monkeypatch.setattr(documents, "EXAMINE_WHOLE_UP_TO", 1000)
    monkeypatch.setattr(documents, "SEGMENT_CHARS", 5000)
    alone = check_paths(checker, [str(big)], jobs=1)
    together = check_paths(checker, [str(big), str(CORRECTED_SAMPLE)], jobs=2)
    assert len(list(documents.examination_segments(checker.read(str(big))))) > 1
    assert together.files[0] == alone.files[0] == whole.files[0]
    assert len(whole.files[0].findings) == 4 * 13  # "Peleven" four times reads as a name: not garbled
    assert together.files[1].findings == ()


def test_a_large_file_in_another_encoding_is_read_in_it_by_the_workers(monkeypatch, tmp_path):
    import mtcheck.documents as documents
    import mtcheck.runner as runner

    big = tmp_path / "big.txt"
    big.write_bytes(((MT_SAMPLE.read_text(encoding="utf-8") + "\n\n") * 3).encode("cp1250", errors="replace"))
    checker = compile_checker([str(BUNDLED_GLOSSARY)], Config(), select_rules(Config()), encoding="cp1250")
    alone = check_paths(checker, [str(big)], jobs=1)
    monkeypatch.setattr(runner, "PARALLEL_SEGMENTS_ABOVE", 1000)
    monkeypatch.setattr(documents, "EXAMINE_WHOLE_UP_TO", 1000)
    together = check_paths(checker, [str(big)], jobs=2)
    assert together.files[0] == alone.files[0] and alone.files[0].findings


def test_a_file_that_fails_in_a_worker_leaves_no_worker_running(tmp_path):
    """The error ends the run at once, with the pool's processes already gone: one still running at
    exit races with Python's own exit handler ("Exception ignored ... Bad file descriptor")."""
    import multiprocessing

    from mtcheck.errors import InputError

    (tmp_path / "bad.txt").write_bytes(b"ok\nok\xffno")
    checker = compile_checker([str(BUNDLED_GLOSSARY)], Config(), select_rules(Config()))
    with pytest.raises(InputError):
        check_paths(checker, [str(tmp_path / "bad.txt"), str(CORRECTED_SAMPLE)], jobs=2)
    assert multiprocessing.active_children() == []


def test_one_file_examined_whole_is_checked_in_this_process_whatever_the_jobs(monkeypatch):
    """A pool would have one worker check it while this process waits: forking costs more than it gives."""
    import concurrent.futures

    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started for one file")

    checker = compile_checker([str(BUNDLED_GLOSSARY)], Config(), select_rules(Config()))
    alone = check_paths(checker, [str(MT_SAMPLE)], jobs=1)
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    assert check_paths(checker, [str(MT_SAMPLE)], jobs=2) == alone
    with pytest.raises(AssertionError, match="a pool was started"):
        check_paths(checker, [str(MT_SAMPLE), str(CORRECTED_SAMPLE)], jobs=2)
