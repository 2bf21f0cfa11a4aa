"""Running checks over many files: the compiled-index cache, the result cache, worker processes."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from mtcheck import __version__
from mtcheck.cache import Cache, NoCache, fingerprint
from mtcheck.config import Config
from mtcheck.documents import STDIN, document_paths, read_document
from mtcheck.engine import Checker
from mtcheck.glossary.index import TermIndex
from mtcheck.glossary.loader import glossary_files, load_glossaries
from mtcheck.lexicon import lexicon_for
from mtcheck.model import FileResult, RunResult
from mtcheck.rules import Rule

Progress = Callable[[int, int], None]  # (files done, files in all)


def compile_checker(glossary_paths: list[str], config: Config, rules: list[Rule], cache: Cache = NoCache()) -> Checker:
    """A checker for these glossaries, its term index loaded from the cache when the files are unchanged."""
    files = glossary_files(glossary_paths)
    key = fingerprint(code_fingerprint(), metadata.version("wordfreq"),
                      *(part for f in files for part in (str(f), _read(f))))
    cached = cache.get("index", key)
    if cached is None:
        glossaries = load_glossaries(files)
        language = glossaries[0].language if glossaries else "en"
        cached = (glossaries, TermIndex(glossaries, lexicon_for(language)))
        cache.put("index", key, cached)
    glossaries, index = cached
    return Checker(glossaries, config, rules, index=index, index_key=key)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """mtcheck's version and source: a cached index or result never outlives the code that made it."""
    package = Path(__file__).parent
    return fingerprint(__version__, *(p.read_bytes() for p in sorted(package.rglob("*.py"))))


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""  # the loader reports the unreadable file


def check_paths(checker: Checker, paths: list[str], jobs: int = 1, cache: Cache = NoCache(),
                progress: Progress | None = None, cluster=None) -> RunResult:
    """Check files and folders; results come back in path order whatever ``jobs`` is.

    With a Dask ``cluster`` client, files the cache does not answer are checked on the cluster.
    """
    files = document_paths(paths, checker.config.exclude)
    keys = {path: _result_key(checker, path) for path in files}
    results: dict[str, FileResult] = {}
    for path, key in keys.items():
        if key is not None and (hit := cache.get("results", key)) is not None:
            results[path] = hit
    todo = [path for path in files if path not in results]
    if cluster is not None:
        from mtcheck.distributed import check_paths_on_cluster

        checked = check_paths_on_cluster(checker, todo, cluster).files
    else:
        checked = _check_all(checker, todo, jobs, len(results), len(files), progress)
    for path, result in zip(todo, checked):
        results[path] = result
        if keys[path] is not None:
            cache.put("results", keys[path], result)
    return RunResult(tuple(results[path] for path in files))


def _result_key(checker: Checker, path: str) -> str | None:
    if path == STDIN or checker.index_key is None:
        return None
    try:
        with open(path, "rb") as handle:
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None
    return fingerprint(checker.index_key, checker.settings, path, digest)


def _check_all(checker: Checker, paths: list[str], jobs: int, done: int, total: int, progress: Progress | None):
    jobs = min(jobs or os.cpu_count() or 1, len(paths))
    if jobs <= 1 or STDIN in paths:
        for path in paths:
            yield checker.check_document(read_document(path))
            done += 1
            if progress:
                progress(done, total)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(checker,)) as pool:
        for result in pool.map(_check_in_worker, paths, chunksize=max(1, len(paths) // (jobs * 8))):
            yield result
            done += 1
            if progress:
                progress(done, total)


_worker_checker: Checker | None = None


def _start_worker(checker: Checker) -> None:
    global _worker_checker
    _worker_checker = checker


def _check_in_worker(path: str) -> FileResult:
    return _worker_checker.check_document(read_document(path))
