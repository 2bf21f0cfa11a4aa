"""The cache's size cap (least recently used entries go first) and `mtcheck cache info|clean`."""

from __future__ import annotations

import os

from mtcheck.cache import Cache
from mtcheck.config import Config
from mtcheck.engine import select_rules
from mtcheck.runner import check_paths, compile_checker
from tests.cli_runs import mtcheck
from tests.conftest import BUNDLED_GLOSSARY, MT_SAMPLE


def _cache_with_entries(folder, count: int) -> Cache:
    """``count`` results entries of about 10 kB each, used one second apart (entry 0 longest ago)."""
    cache = Cache(folder / "c", key_file=folder / "key")
    for number in range(count):
        cache.put("results", f"{number:064x}", os.urandom(10_000))
        path = cache.folder / "results" / "00" / f"{number:064x}"
        os.utime(path, (1_000_000 + number, 1_000_000 + number))
    return cache


def test_trim_removes_the_least_recently_used_first(tmp_path):
    cache = _cache_with_entries(tmp_path, 5)
    assert cache.get("results", f"{0:064x}") is not None  # entry 0 answered now: the most recent
    removed = cache.trim(max_bytes=35_000)
    left = sorted(entry.path.name for entry in cache.entries())
    assert removed == 2 and left == [f"{n:064x}" for n in (0, 3, 4)]
    assert sum(entry.size for entry in cache.entries()) <= 35_000


def test_a_run_keeps_the_cache_under_its_cap(tmp_path, monkeypatch):
    corpus = tmp_path / "texts"
    corpus.mkdir()
    for number in range(6):
        (corpus / f"{number}.txt").write_text(MT_SAMPLE.read_text(encoding="utf-8") + f"\nVersion {number}.\n",
                                              encoding="utf-8")
    glossary = tmp_path / "glossary.yaml"  # a glossary of its own, so that its index is stored here
    glossary.write_bytes((BUNDLED_GLOSSARY / "kosovo-serbia.yaml").read_bytes())
    cache = Cache(tmp_path / "c", key_file=tmp_path / "key")
    checker = compile_checker([str(glossary)], Config(), select_rules(Config()), cache)
    index_size = sum(entry.size for entry in cache.entries())
    monkeypatch.setenv("MTCHECK_CACHE_MAX_MB", str((index_size + 8_000) / 2**20))
    check_paths(checker, [str(corpus)], cache=cache)
    entries = cache.entries()
    assert sum(entry.size for entry in entries) <= index_size + 8_000
    assert 1 < len(entries) < 7  # the newest results stayed, the oldest went


def _mtcheck(*args, cwd):
    return mtcheck(*args, cwd=cwd, cache=True, text=True)


def test_cache_info_and_clean(tmp_path):
    (tmp_path / "a.txt").write_bytes(MT_SAMPLE.read_bytes())
    assert _mtcheck("check", "a.txt", "-g", BUNDLED_GLOSSARY, cwd=tmp_path).returncode == 1
    info = _mtcheck("cache", "info", cwd=tmp_path)
    assert info.returncode == 0 and info.stdout.startswith(".mtcheck_cache: 2 entries, ")
    cleaned = _mtcheck("cache", "clean", cwd=tmp_path)
    assert cleaned.returncode == 0 and cleaned.stdout.startswith(".mtcheck_cache: removed 2 entries, ")
    assert sorted(p.name for p in (tmp_path / ".mtcheck_cache").iterdir()) == [".gitignore", "CACHEDIR.TAG", "index",
                                                                               "results"]
    assert _mtcheck("cache", "info", cwd=tmp_path).stdout.startswith(".mtcheck_cache: 0 entries, 0.0 MB")


def test_clean_leaves_a_folder_mtcheck_did_not_make_alone(tmp_path):
    folder = tmp_path / "work"
    (folder / "results" / "ab").mkdir(parents=True)
    (folder / "results" / "ab" / "thesis.txt").write_text("years of work", encoding="utf-8")
    refused = _mtcheck("cache", "clean", "--cache-dir", folder, cwd=tmp_path)
    assert refused.returncode == 2
    assert refused.stderr == f"error: {folder}: not a cache mtcheck made (no mtcheck CACHEDIR.TAG): left alone\n"
    assert (folder / "results" / "ab" / "thesis.txt").exists()
    missing = _mtcheck("cache", "clean", "--cache-dir", tmp_path / "none", cwd=tmp_path)
    assert missing.returncode == 0 and "nothing to clean" in missing.stdout
