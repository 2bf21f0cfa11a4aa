"""Running checks over many files: the compiled-index cache, the result cache, worker processes."""

from __future__ import annotations

import hashlib
import os
import signal
from collections import deque
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from mtcheck import __version__
from mtcheck.cache import Cache, NoCache, fingerprint
from mtcheck.config import Config
from mtcheck.documents import (BILINGUAL_FORMATS, EXAMINE_WHOLE_UP_TO, STDIN, STREAM_ABOVE, document_paths, examination_segments,
                               nul_offset, read_as)
from mtcheck.engine import Checker, Examination
from mtcheck.errors import GlossaryError, InputError, MtcheckError, Problem
from mtcheck.glossary.index import TermIndex
from mtcheck.glossary.loader import glossary_files, is_projection, load_glossaries
from mtcheck.lexicon import lexicon_for, lexicon_version
from mtcheck.model import Document, FileResult, Glossary, RunResult
from mtcheck.process_speed import collector_paused, freeze_lasting
from mtcheck.rules import Rule
from mtcheck.text import with_line_starts

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

Progress = Callable[[int, int], None]  # (files done, files in all)
PARALLEL_SEGMENTS_ABOVE = EXAMINE_WHOLE_UP_TO  # bytes: larger files may be examined in segments, by all workers at once


def compile_checker(glossary_paths: list[str], config: Config, rules: list[Rule], cache: Cache = NoCache(), *,
                    sources: dict[str, str] | None = None, encoding: str = "utf-8-sig") -> Checker:
    """A checker for these glossaries, its term index loaded from the cache when the files are unchanged;
    ``sources`` and ``encoding`` as ``Checker`` takes them."""
    compiled = compile_index(glossary_paths, cache)
    return Checker(compiled.glossaries, config, rules, index=compiled.index, index_key=compiled.key,
                   sources=sources, encoding=encoding)


class CompiledIndex(NamedTuple):
    glossaries: list[Glossary]
    index: TermIndex
    key: str  # identifies the glossary files (and the code) it was compiled from


def compile_index(glossary_paths: list[str], cache: Cache = NoCache(), language: str | None = None,
                  source_language: str | None = None) -> CompiledIndex:
    """The term index of these glossaries, loaded from the cache when the files are unchanged. With
    a ``language`` (a ``source_language``), or glossaries of version 2, the index of the glossaries
    as a check of texts in that language reads them (``concepts.in_language``)."""
    files = glossary_files(glossary_paths)
    chosen = [f"{name}={tag}" for name, tag in (("language", language), ("source", source_language)) if tag]
    key = fingerprint(code_fingerprint(), lexicon_version(),
                      *(part for f in files for part in (str(f), _read(f))), *chosen)
    cached = _COMPILED.get(key) or cache.get("index", key, lasting=True, expect=_is_compiled_index)
    if cached is None:
        glossaries = load_glossaries(files)
        if language or source_language or any(map(is_projection, glossaries)):
            glossaries = _in_language(glossaries, language, source_language)
        language = glossaries[0].language if glossaries else "en"
        cached = ([_for_cache(glossary) for glossary in glossaries], TermIndex(glossaries, lexicon_for(language)))
        cache.put("index", key, cached)
    _remember(key, cached)
    return CompiledIndex(*cached, key)


def _in_language(glossaries: list[Glossary], language: str | None, source_language: str | None) -> list[Glossary]:
    from mtcheck.glossary.concepts import in_language, languages_held

    chosen = in_language(glossaries, language, source_language)
    if glossaries and not chosen:
        raise GlossaryError(Problem(str(glossaries[0].path), f"no glossary has forms in {language!r} (they have: "
                                                             f"{', '.join(languages_held(glossaries))})"))
    return chosen


def _for_cache(glossary: Glossary) -> Glossary:
    """The glossary as a cached index keeps it: a version-2 file's projection without the whole file."""
    return replace(glossary, termbase=None) if is_projection(glossary) else glossary


def _is_compiled_index(value) -> bool:
    return (isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], list)
            and all(isinstance(g, Glossary) for g in value[0]) and isinstance(value[1], TermIndex))


# Compiled indexes, kept for the life of the process as the lexicons are: a caller that checks again
# reuses one, and a run does not end by freeing 10^6 objects one by one (25 ms for 10^4 terms).
_COMPILED: dict[str, tuple] = {}
KEEP_COMPILED = 2


def _remember(key: str, compiled: tuple) -> None:
    _COMPILED.pop(key, None)
    _COMPILED[key] = compiled
    while len(_COMPILED) > KEEP_COMPILED:
        del _COMPILED[next(iter(_COMPILED))]


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
                progress: Progress | None = None, cluster=None, languages: LanguageCheckers | None = None) -> RunResult:
    """Check files and folders; results come back in path order whatever ``jobs`` is.

    With a Dask ``cluster`` client, files the cache does not answer are checked on the cluster.
    With ``languages`` (glossaries of version 2), each translation file is checked by the checker of
    the target language it declares; the others by ``checker``.
    """
    files = document_paths(paths, checker.config.selection, checker.input_format)
    skipped = _binary_files(files, {Path(path).as_posix() for path in paths}, checker.encoding)
    files = [path for path in files if path not in skipped]
    groups = languages.grouped(files) if languages is not None else {checker: files}
    results: dict[str, FileResult] = {}
    for each, group in groups.items():
        checked = _checked_files(each, group, cache, _Counted(jobs, len(results), len(files), progress), cluster)
        # After the cache took each file's result: the cache holds what a file says alone, the run decides
        # what needs all its files (the same whichever of them the cache answered).
        results.update(zip(group, each.decide_run_wide([checked[path] for path in group]), strict=True))
    if cache.written:
        cache.trim()
    return RunResult.of(tuple(results[path] for path in files), tuple(skipped.items()))


class _Counted(NamedTuple):
    """How a group of a run's files is checked and counted: jobs, files done before it, files in all."""

    jobs: int
    done: int
    total: int
    progress: Progress | None


def _checked_files(checker: Checker, files: list[str], cache: Cache, counted: _Counted, cluster) -> dict[str, FileResult]:
    """What each file says alone (its run-wide findings pending), from the cache or checked."""
    keys = {path: _result_key(checker, path) for path in files}
    results: dict[str, FileResult] = {}
    for path, key in keys.items():
        if key is not None and (hit := cache.get("results", key, expect=_is_file_result(path))) is not None:
            results[path] = hit
    todo = [path for path in files if path not in results]
    if cluster is not None:
        from mtcheck.distributed import each_file_on_cluster

        checked = each_file_on_cluster(checker, todo, cluster)
    else:
        checked = _check_all(checker, todo, counted.jobs, counted.done + len(results), counted.total, counted.progress)
    for path, result in zip(todo, checked, strict=True):  # strict: runs ``checked`` to its end, which closes the pool
        results[path] = result
        if keys[path] is not None:
            cache.put("results", keys[path], result)
    return results


class LanguageCheckers:
    """The checkers of a run whose glossaries hold several languages (version 2): besides the run's
    own, one per other target language that a translation file declares, built when first wanted
    (its index from the cache when the glossaries are unchanged)."""

    def __init__(self, checker: Checker, glossary_paths: list[str], glossaries: list[Glossary], cache: Cache = NoCache(),
                 source_language: str | None = None):
        self.checker = checker
        self._paths, self._glossaries, self._cache, self._source_language = glossary_paths, glossaries, cache, source_language
        self._built: dict[tuple[str, str | None], Checker] = {}

    def grouped(self, files: list[str]) -> dict[Checker, list[str]]:
        """The files by the checker of their language, the run's own checker first."""
        groups: dict[Checker, list[str]] = {self.checker: []}
        for path in files:
            groups.setdefault(self.for_file(path), []).append(path)
        return groups

    def for_file(self, path: str) -> Checker:
        """The checker of the languages a translation file declares, where they differ from the
        run's: its target language (when a glossary has it), its source language."""
        if (path == STDIN or path in self.checker.sources  # standard input can be read once only
                or read_as(path, self.checker.input_format) not in BILINGUAL_FORMATS):
            return self.checker
        try:
            document = self.checker.read(path)
            targets = document.other_target_languages(self.checker.language)
        except MtcheckError:  # checking it will report why it cannot be read
            return self.checker
        from mtcheck.bilingual.formats import same_language
        from mtcheck.glossary.concepts import serves

        if len(targets) > 1 or (targets and not serves(self._glossaries, targets[0])):
            return self.checker  # which says why it cannot judge the file
        sources = {pair.source_language for pair in document.pairs if pair.source_language}
        source = sources.pop() if len(sources) == 1 else None
        if source and self.checker.source_language and same_language(source, self.checker.source_language):
            source = None
        if not targets and not source:
            return self.checker
        return self.for_languages(targets[0] if targets else self.checker.language, source or self._source_language)

    def for_languages(self, language: str, source_language: str | None = None) -> Checker:
        """The checker of texts in ``language`` translated from ``source_language``, built once."""
        if (language, source_language) not in self._built:
            compiled = compile_index(self._paths, self._cache, language, source_language)
            base = self.checker
            self._built[language, source_language] = Checker(
                compiled.glossaries, base.config, list(base.rules), index=compiled.index, index_key=compiled.key,
                sources=base.sources, encoding=base.encoding, states=base.states, input_format=base.input_format)
            freeze_lasting()  # the index lives as long as the run, as the run's own does
        return self._built[language, source_language]

    @property
    def checkers(self) -> list[Checker]:
        """The run's checker, then those built for other languages."""
        return [self.checker, *self._built.values()]


def _binary_files(files: list[str], named: set[str], encoding: str) -> dict[str, str]:
    """The files that look binary, each with why, to be skipped: those a folder walk found. One named
    on the command line is an error: it was meant to be checked."""
    skipped = {}
    for path in files:
        if (offset := nul_offset(path, encoding)) is not None:
            why = f"looks binary (NUL byte at offset {offset})"
            if path in named:
                raise InputError(Problem(path, why))
            skipped[path] = why
    return skipped


def _is_file_result(path: str) -> Callable[[object], bool]:
    return lambda value: isinstance(value, FileResult) and value.path == path


def _result_key(checker: Checker, path: str) -> str | None:
    """The cache key of a file's result; none for standard input, nor for a file too large to hold twice."""
    if path == STDIN or checker.index_key is None or _size(path) > STREAM_ABOVE:
        return None
    try:
        digests = [_digest(p) for p in (path, checker.sources.get(path)) if p]
    except OSError:
        return None
    return fingerprint(checker.index_key, checker.settings, checker.encoding, path, *digests)


def _digest(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _check_all(checker: Checker, paths: list[str], jobs: int, done: int, total: int, progress: Progress | None):
    """FileResults in path order. Small files go to the workers whole; a large file is cut into
    segments that the workers scan side by side, and its document-wide rules run here."""
    if not pool_wanted(checker, paths, jobs):
        for path in paths:
            yield checker.check_document(checker.read(path))
            done += 1
            if progress:
                progress(done, total)
        return
    from concurrent.futures import ProcessPoolExecutor  # here: a run of one article needs no pool (8 ms of imports)

    jobs = jobs or os.cpu_count() or 1
    large = {path for path in paths if in_segments(checker, path)}
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(checker, os.getpid()))
    try:
        small = [path for path in paths if path not in large]
        whole = pool.map(_check_in_worker, small, chunksize=max(1, len(small) // (jobs * 8)))
        for path in paths:
            if path in large:
                document = checker.read(path)
                segments = ((path, *located) for located in with_line_starts(examination_segments(document)))
                if path == paths[-1]:  # the workers may end as they finish, while the document-wide rules run here
                    segments = _then(segments, lambda: pool.shutdown(wait=False))
                examined = _bounded_map(pool, _examine_in_worker, segments, jobs * 2)
                yield checker.check_document(
                    document, ((segment, examination) for (_, segment, _), examination in examined))
            else:
                yield next(whole)
            done += 1
            if progress:
                progress(done, total)
    except BaseException as stop:  # Ctrl-C, a signal, an error, or the caller stopping early: drop
        # the queued work and wait for the workers: a pool left running at exit races with Python's
        # own exit handler, which then prints "Exception ignored ... Bad file descriptor". A run
        # that was stopped wants no more results: its workers are ended rather than waited for (a
        # service manager's SIGTERM is followed by SIGKILL within seconds).
        if isinstance(stop, KeyboardInterrupt):
            _end_workers(pool)
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown()


def pool_wanted(checker: Checker, paths: list[str], jobs: int) -> bool:
    """Whether worker processes are to check ``paths``: not for one job, nor for standard input, nor
    for one file examined whole (a worker would do that alone while this process waits: forking it and
    sending its result back cost ~40 ms of a one-article run)."""
    if (jobs or os.cpu_count() or 1) <= 1 or STDIN in paths:
        return False
    return len(paths) > 1 or any(in_segments(checker, path) for path in paths)


def in_segments(checker: Checker, path: str) -> bool:
    """Whether ``path`` is large enough that workers examine it in segments, side by side."""
    return (_size(path) > PARALLEL_SEGMENTS_ABOVE and read_as(path, checker.input_format) not in BILINGUAL_FORMATS
            and path not in checker.sources)


def _end_workers(pool: ProcessPoolExecutor) -> None:
    """Kill the pool's worker processes: they hold no files and write nothing, so nothing is lost.
    Python 3.14 has ``kill_workers``; before it, the pool's own table of its processes (the same
    one ``kill_workers`` reads)."""
    if hasattr(pool, "kill_workers"):
        pool.kill_workers()
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.kill()


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0  # reading it will report the problem


def _then(items, action: Callable[[], object]):
    """``items``, then ``action`` once they are all taken."""
    yield from items
    action()


def _bounded_map(pool, function, items, ahead: int):
    """(item, result) pairs in order, like ``pool.map``, with at most ``ahead`` items in flight, so that
    a streamed file stays streamed."""
    pending = deque()
    for item in items:
        pending.append((item, pool.submit(function, item)))
        if len(pending) >= ahead:
            item, future = pending.popleft()
            yield item, future.result()
    while pending:
        item, future = pending.popleft()
        yield item, future.result()


_worker_checker: Checker | None = None


def _start_worker(checker: Checker, parent: int) -> None:
    global _worker_checker
    _worker_checker = checker
    freeze_lasting()  # nor touch (and so copy) the forked index pages
    # A terminal's Ctrl-C reaches the whole process group, as a hang-up's SIGHUP and a service
    # manager's SIGTERM can: the main process alone answers them (one line, 128 + the signal) and
    # drops the pool's work, then waits for the workers; a worker would print a traceback, or die
    # and leave the main process to find a broken pool.
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
    _die_with_parent(parent)


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this worker when the main process dies, however it dies: a main process
    killed with SIGKILL cannot end its workers, and they ignore SIGTERM (above), so they would
    live on, blocked on the pool's pipes and holding the caller's stdout and stderr open."""
    import ctypes  # here, not at start-up: only workers need it

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the orphan case stays as it is
        return
    if os.getppid() != parent:  # the main process died before the request was made
        os._exit(1)


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _check_in_worker(path: str) -> FileResult:
    return _worker_checker.check_document(_worker_checker.read(path))


def _examine_in_worker(task: tuple[str, tuple[int, str], tuple[int, int]]) -> Examination:
    """Examine one segment of a large file (its matches travel encoded: forms by number)."""
    path, segment, start = task
    with collector_paused():  # examining makes 10^5 short-lived objects and no cycles
        return _worker_checker.examine(Document(path, segment[1]), segment, start)
