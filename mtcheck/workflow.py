"""What ``mtcheck check`` does, as a library call: config → glossaries → checker → report."""

from __future__ import annotations

import enum
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, NamedTuple

from mtcheck.config import (CONFIG_FILE, DEFAULT_GLOSSARY_DIR, FAIL_ON_CHOICES, LANGUAGE_TAG, PYPROJECT, Config,
                            find_config, glossary_paths, load_config)
from mtcheck.baseline import apply_baseline, baseline_chunks, load_baseline
from mtcheck.cache import DEFAULT_DIR, Cache, NoCache
from mtcheck.engine import Checker, fails, select_rules
from mtcheck.bilingual.cat import parse_states
from mtcheck.documents import BILINGUAL_FORMATS, STDIN, check_encoding, check_input_format, document_paths, read_as
from mtcheck.errors import MtcheckError, Problem
from mtcheck.glossary.loader import glossary_files, is_projection
from mtcheck.model import RunResult
from mtcheck.process_speed import freeze_lasting
from mtcheck.output import FileChanged, rewrite, refuse_to_overwrite_inputs, write_atomic
from mtcheck.reporters import BINARY_FORMATS, REPORTERS
from mtcheck.runner import LanguageCheckers, Progress, check_paths, compile_index, in_segments
from mtcheck.selection import pattern_problem
from mtcheck.scoring.quality import score_run

if TYPE_CHECKING:
    from mtcheck.fixer import FileFix


ENGINES = ("local", "dask")
CACHE_DIR_VARIABLE = "MTCHECK_CACHE_DIR"


class CacheDir(enum.Enum):
    """Where the cache is when no folder is named for it."""

    DEFAULT = "$MTCHECK_CACHE_DIR, else .mtcheck_cache in the project's folder (Config.root)"


Note = Callable[[str], None]  # takes one line saying what a run did (--verbose)


def _say_nothing(message: str) -> None:
    pass


@dataclass(frozen=True)
class CheckRequest:
    paths: list[str]
    glossaries: list[str] = field(default_factory=list)
    config_file: str | None = None
    use_config: bool = True
    output_format: str = "text"  # the report on standard output (or in ``output``)
    output: str | None = None
    extra_outputs: tuple[tuple[str, str], ...] = ()  # (format, file) reports written in the same run
    fail_on: str | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    jobs: int = 0  # 0: all cores
    engine: str = "local"  # local | dask
    scheduler: str | None = None  # the Dask scheduler's address; None starts a local cluster
    cache_dir: str | CacheDir | None = CacheDir.DEFAULT  # None: no cache
    min_score: float | None = None  # fail when a file's quality score is below this (None: the config's)
    baseline: str | None = None  # leave out the findings this baseline file holds
    write_baseline: str | None = None  # record every finding (before --baseline) in this file
    source: str | None = None  # the line-aligned source of the one target file checked
    encoding: str = "utf-8-sig"  # of the texts: UTF-8 with or without a BOM unless told otherwise
    states: str | None = None  # --states: the units of translation files to check (None: the config's, else the default)
    input_format: str | None = None  # --input-format: how to read a file of no known suffix
    language: str | None = None  # --language: the texts' language where a file declares none (None: the config's)
    source_language: str | None = None  # --source-language: the language they were translated from
    rewrites_documents: bool = False  # fix --write: the documents are written too
    exclude: list[str] = field(default_factory=list)  # --exclude: more gitignore-style patterns (current folder's)
    include: list[str] = field(default_factory=list)  # --include: these instead of the config's include
    respect_gitignore: bool = True  # False: folder walks take what git ignores too
    note: Note | None = field(default=None, compare=False, repr=False)  # told what the run does (--verbose)


@dataclass(frozen=True)
class Report:
    format: str
    path: str | None  # None: standard output
    chunks: Iterable[str] | Iterable[bytes]  # the report, made as it is consumed (once); bytes for BINARY_FORMATS


@dataclass(frozen=True)
class CheckOutcome:
    run: RunResult
    reports: list[Report]
    failed: bool
    warnings: tuple[str, ...] = ()  # about the run itself, not the texts (e.g. why the cache is off)

    @property
    def report(self) -> Iterable[str]:
        """The main report's chunks (standard output or --output)."""
        return self.reports[0].chunks


def parse_formats(formats: list[str], output: str | None = None) -> tuple[str, tuple[tuple[str, str], ...]]:
    """``--format`` values: one plain ``FORMAT`` (at most) for standard output or ``--output``, and any
    number of ``FORMAT:FILE`` pairs. Returns the main format and the pairs."""
    main, pairs = [], []
    for value in formats or ["text"]:
        name, _, path = value.partition(":")
        name = name.strip()
        if name not in REPORTERS:
            raise MtcheckError(f"unknown format {name!r} (choose from {', '.join(REPORTERS)})")
        if path:
            pairs.append((name, path))
        else:
            main.append(name)
    if len(main) > 1:
        raise MtcheckError(f"several formats for one output ({', '.join(main)}): write the others to files with FORMAT:FILE")
    targets = [path for _, path in pairs] + ([output] if output and main else [])
    if len(set(map(_normalised, targets))) < len(targets):
        raise MtcheckError("two reports would be written to the same file")
    if not main and output:
        raise MtcheckError("--output needs a plain --format (FORMAT:FILE names its own file)")
    return (main[0] if main else "text"), tuple(pairs)


def _normalised(path: str) -> str:
    return os.path.normcase(os.path.abspath(path))


def resolve_config(request: CheckRequest) -> Config:
    """The config file named, else the nearest one found (unless --no-config), with the command
    line's --exclude, --include and --no-respect-gitignore."""
    if request.config_file:
        config = load_config(request.config_file)
    else:
        config = find_config() if request.use_config else Config()
    problems = [Problem("mtcheck", f"--{flag} {pattern!r}: {why}")
                for flag, patterns in (("exclude", request.exclude), ("include", request.include))
                for pattern in patterns if (why := pattern_problem(pattern))]
    if problems:
        raise MtcheckError(problems)
    selection = config.selection.with_command_line(request.exclude, request.include, request.respect_gitignore, os.getcwd())
    return replace(config, selection=selection)


def _states(wanted: str | None, config: Config) -> frozenset[str]:
    """The states of the units to check: --states, else the config's ``states``, else the default."""
    if wanted is None:
        return config.states
    try:
        return parse_states(wanted)
    except ValueError as exc:
        raise MtcheckError(f"--states: {exc}") from None


def _no_glossary(config: Config, use_config: bool) -> str:
    """Why there is no glossary, and where mtcheck looked."""
    if not use_config:
        return "no glossary: with --no-config, pass --glossary PATH"
    folder = os.path.relpath(os.path.join(config.root or ".", DEFAULT_GLOSSARY_DIR))
    found = (f"{config.path} configures no 'glossaries'" if config.path else
             f"no {CONFIG_FILE} or [tool.mtcheck] in {PYPROJECT} here or above")
    return f"no glossary: {found}, and there is no {folder}/ folder: pass --glossary PATH, or configure 'glossaries'"


def cache_folder(wanted: str | CacheDir | None, root: str | None) -> str | None:
    """The cache's folder: the one named (--cache-dir), else $MTCHECK_CACHE_DIR, else .mtcheck_cache
    in the project's folder ``root`` (Config.root: next to the config found), shown relative to the
    current folder."""
    if wanted is not CacheDir.DEFAULT:
        return wanted
    if named := os.environ.get(CACHE_DIR_VARIABLE):
        return named
    return os.path.relpath(os.path.join(root, DEFAULT_DIR)) if root else DEFAULT_DIR


def run_check(request: CheckRequest, progress: Progress | None = None) -> CheckOutcome:
    """``mtcheck check`` as a library call: the scored run, its reports (made as they are consumed),
    whether it fails, and warnings about the run itself."""
    for name in [request.output_format, *(name for name, _ in request.extra_outputs)]:
        if name not in REPORTERS:
            raise MtcheckError(f"unknown format {name!r} (choose from {', '.join(REPORTERS)})")
    if request.output_format in BINARY_FORMATS and not request.output:
        raise MtcheckError(f"an {request.output_format} report is a workbook, not text: write it to a file "
                           f"(-o report.{request.output_format}, or -f {request.output_format}:FILE)")
    run, checker, cache_problem, _ = scored_run(request, progress)
    run = run.with_printable_paths()  # what the reports and warnings say
    warnings = (f"cache off: {cache_problem}",) if cache_problem else ()
    reports = [Report(request.output_format, request.output, REPORTERS[request.output_format](run))]
    reports += [Report(name, path, REPORTERS[name](run)) for name, path in request.extra_outputs]
    failed = fails(run, request.fail_on or checker.config.fail_on) or run.scores.fails_min_score
    if request.write_baseline:  # recording the findings was the run's purpose, so they do not fail it;
        # a file left unchecked still does: the baseline holds nothing for it
        failed = bool(run.skipped) and (request.fail_on or checker.config.fail_on) != "never"
    return CheckOutcome(run, reports, failed, warnings)


class ScoredRun(NamedTuple):
    run: RunResult
    checker: Checker  # the checker that made it
    cache_problem: str | None  # why the on-disk cache was off, if it was
    languages: LanguageCheckers | None  # with a multilingual glossary: the checker of each file's language


def run_cache(request: CheckRequest, config: Config) -> Cache:
    """The on-disk cache a run of ``request`` uses: NoCache with --no-cache."""
    cache_dir = cache_folder(request.cache_dir, config.root)
    return Cache(cache_dir) if cache_dir else NoCache()


def scored_run(request: CheckRequest, progress: Progress | None = None, cache: Cache | None = None) -> ScoredRun:
    """The checking part of ``run_check``: the run of a check, scored, and the checker that made it
    (no reports, no verdict). ``cache``: one to use instead of ``run_cache``'s (a review session
    keeps the results of its files in memory between its re-checks)."""
    if request.engine not in ENGINES:
        raise MtcheckError(f"unknown engine {request.engine!r} (choose from {', '.join(ENGINES)})")
    if request.scheduler and request.engine != "dask":
        raise MtcheckError("--scheduler needs --engine dask")
    if request.fail_on is not None and request.fail_on not in FAIL_ON_CHOICES:
        raise MtcheckError(f"unknown --fail-on {request.fail_on!r} (choose from {', '.join(FAIL_ON_CHOICES)})")
    note = request.note or _say_nothing
    config = resolve_config(request)
    note(f"config: {config.path or ('none found' if request.use_config else 'none (--no-config)')}")
    paths = glossary_paths(request.glossaries, config, request.use_config or bool(request.config_file))
    if not paths:
        raise MtcheckError(_no_glossary(config, request.use_config or bool(request.config_file)))
    note(f"glossaries: {', '.join(map(str, paths))}")
    if request.source and (len(request.paths) != 1 or not os.path.isfile(request.paths[0])):
        raise MtcheckError("--source pairs one source file with one target file: give exactly one TARGET file")
    known = load_baseline(request.baseline) if request.baseline else None
    cache = cache if cache is not None else run_cache(request, config)
    rules = select_rules(config, request.select, request.ignore)
    language = _language_tag("--language", request.language) or config.language
    source_language = _language_tag("--source-language", request.source_language) or config.source_language
    compiled = compile_index(paths, cache, language, source_language)
    cache_problem = cache.problem  # known once the index was asked of the cache
    note(f"term index: {_many(len(compiled.index.terms), 'term')}, {'from the cache' if cache.answered['index'] else 'compiled'}")
    checker = Checker(compiled.glossaries, config, rules, index=compiled.index, index_key=compiled.key,
                      sources={request.paths[0]: request.source} if request.source else None,
                      encoding=check_encoding(request.encoding), states=_states(request.states, config),
                      input_format=check_input_format(request.input_format))
    _refuse_to_overwrite_inputs(request, config, paths)
    freeze_lasting()  # the index lives as long as the run
    languages = (LanguageCheckers(checker, paths, compiled.glossaries, cache, source_language)
                 if any(map(is_projection, compiled.glossaries)) else None)
    if request.engine == "dask":
        from mtcheck.distributed import connect

        with connect(request.scheduler) as client:
            run = check_paths(checker, request.paths, cache=cache, cluster=client, languages=languages)
    else:
        run = check_paths(checker, request.paths, request.jobs, cache, progress, languages=languages)
    _note_checked(note, run, cache.answered["results"], request, checker)
    if request.write_baseline:
        write_atomic(request.write_baseline, baseline_chunks(run.findings))
        note(f"baseline written: {request.write_baseline} ({_many(len(run.findings), 'finding')})")
    if known is not None:
        held = len(run.findings)
        run = apply_baseline(run, known)
        note(f"baseline {request.baseline}: {held - len(run.findings):,} of {_many(held, 'finding')} left out")
    named = {f.term for f in run.findings if f.term}
    checkers = languages.checkers if languages else [checker]
    terms = {term.id: term for each in checkers for term in each.index.terms if term.id in named}
    rules = tuple(rule.info(config.rule(rule.id).severity) for rule in checker.rules)
    min_score = request.min_score if request.min_score is not None else config.min_score
    return ScoredRun(replace(run, scores=score_run(run, config.scoring, min_score), terms=terms, rules=rules), checker,
                     cache_problem, languages)


def _language_tag(option: str, tag: str | None) -> str | None:
    if tag is not None and not re.fullmatch(LANGUAGE_TAG, tag):
        raise MtcheckError(f"{option} {tag!r} is not a BCP 47 language tag such as 'en', 'de' or 'sr-Latn'")
    return tag


def _note_checked(note: Note, run: RunResult, answered: int, request: CheckRequest, checker: Checker) -> None:
    checked = len(run.files) - answered
    jobs = request.jobs or os.cpu_count() or 1
    # One file left to check goes to no worker unless it is examined in segments (runner.pool_wanted).
    alone = checked == 1 and not any(in_segments(checker, f.path) for f in run.files)
    where = ("on the Dask cluster" if request.engine == "dask" else
             "in this process" if jobs == 1 or alone else f"by up to {jobs} worker processes")
    skipped = f", {len(run.skipped)} skipped" if run.skipped else ""
    examined = f"{checked:,} examined {where}" if checked else "none examined"
    note(f"files: {len(run.files):,} checked ({answered:,} answered by the cache, {examined}){skipped}; "
         f"{_many(len(run.findings), 'finding')}")


def _many(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'s' if number != 1 else ''}"


def _refuse_to_overwrite_inputs(request: CheckRequest, config: Config, glossaries: list[str]) -> None:
    """Refuse, before the check, a report or baseline file that is also a file the check reads."""
    outputs = [("--output", request.output), ("--write-baseline", request.write_baseline),
               *((f"--format {name}:{path}", path) for name, path in request.extra_outputs)]
    if not request.rewrites_documents and not any(path for _, path in outputs):
        return  # everything goes to standard output: no need to list the inputs
    documents = [("document", path) for path in document_paths(request.paths, config.selection, request.input_format)
                 if path != STDIN]
    others = [("glossary", path) for path in glossary_files(glossaries)]
    others += [(what, path) for what, path in (("config file", config.path), ("baseline", request.baseline),
                                               ("source", request.source)) if path]
    if request.rewrites_documents:  # each document is written, over itself only
        refuse_to_overwrite_inputs([("fix --write", path) for _, path in documents], others)
    refuse_to_overwrite_inputs(outputs, documents + others)


@dataclass(frozen=True)
class FixRequest:
    paths: list[str]
    glossaries: list[str] = field(default_factory=list)
    config_file: str | None = None
    use_config: bool = True
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    cache_dir: str | CacheDir | None = CacheDir.DEFAULT
    encoding: str = "utf-8-sig"  # of the files, read and written back in it (a UTF-16 BOM is always honoured)
    states: str | None = None  # as CheckRequest's
    input_format: str | None = None
    language: str | None = None  # as CheckRequest's
    source_language: str | None = None
    write: bool = False  # the fixes will replace the files: none may be a glossary or the config file
    exclude: list[str] = field(default_factory=list)  # as CheckRequest's
    include: list[str] = field(default_factory=list)
    respect_gitignore: bool = True
    note: Note | None = field(default=None, compare=False, repr=False)  # told what the run does (--verbose)


def run_fix(request: FixRequest) -> list[FileFix]:
    """What ``mtcheck fix`` would change in each checked file (nothing is written here). A file
    whose fix its encoding cannot hold is an error, reported with every other such file."""
    from mtcheck.documents import STDIN

    if STDIN in request.paths:
        raise MtcheckError("fix works on files, not standard input")
    check = CheckRequest(paths=request.paths, glossaries=request.glossaries, config_file=request.config_file,
                         use_config=request.use_config, select=request.select, ignore=request.ignore,
                         jobs=1, cache_dir=request.cache_dir, encoding=request.encoding, exclude=request.exclude,
                         include=request.include, respect_gitignore=request.respect_gitignore,
                         states=request.states, input_format=request.input_format, language=request.language,
                         source_language=request.source_language, rewrites_documents=request.write, note=request.note)
    run, checker, _, languages = scored_run(check)
    fixes, problems = [], []
    for file in run.files:
        try:
            fixes.append(_fix_one(languages.for_file(file.path) if languages else checker, file))
        except MtcheckError as error:
            problems += error.problems
    if problems:
        raise MtcheckError(problems)
    return fixes


def _fix_one(checker, file) -> FileFix:
    """The fix of one checked file, by the checker that checked it. A translation file is fixed in
    one pass, through its format (bilingual.fixing): its fixed targets are not checked again."""
    from mtcheck.fixer import fix_until_stable, read_raw
    from mtcheck.model import Document

    kind = read_as(file.path, checker.input_format)
    if file.path not in checker.sources and kind in BILINGUAL_FORMATS:
        from mtcheck.bilingual.fixing import fix_translation_file

        return fix_translation_file(file.path, read_raw(file.path), list(file.findings), checker.read, kind,
                                    checker.encoding)

    def recheck(text: str) -> list:
        return list(checker.check_document(Document(file.path, text)).findings)

    return fix_until_stable(file.path, read_raw(file.path), list(file.findings), recheck, encoding=checker.encoding)


def write_targets(given: list[str], files: list[str]) -> dict[str, str]:
    """Where ``fix --write`` writes each file: through a symbolic link to the file it names (so the
    link stays a link), but never outside the trees that were given. Such a link, a read-only file
    and a file in a read-only folder are refused up front, and then nothing is written."""
    roots = [os.path.realpath(p if os.path.isdir(p) else os.path.dirname(p) or ".") for p in given]
    targets, refused = {}, []
    for path in files:
        real = os.path.realpath(path)
        if os.path.islink(path) and not any(os.path.commonpath([real, root]) == root for root in roots):
            refused.append(Problem(path, f"is a symbolic link to {real}, outside the checked tree: not written"))
        elif why := _unwritable(path, real):
            refused.append(Problem(path, f"{why}: no file was written"))
        targets[path] = real
    if refused:
        raise MtcheckError(refused)
    return targets


def _unwritable(path: str, real: str) -> str | None:
    """Why ``real`` (what ``path`` names) cannot be replaced, if the permissions say so. The file is replaced
    by a rename, which needs only its folder to be writable; a read-only file is refused all the same:
    someone protected it."""
    if not os.access(real, os.W_OK):
        return "cannot write: the file is read-only"
    if not os.access(os.path.dirname(real), os.W_OK | os.X_OK):
        return f"cannot write: its folder {os.path.dirname(real if os.path.islink(path) else path) or '.'} is read-only"
    return None


def write_fixes(fixes: list[FileFix], targets: dict[str, str]) -> list[Problem]:
    """Write each fixed file (``output.rewrite``), in order, and say which were left alone because
    another program changed them since they were read. The first that cannot be written (a full disk)
    stops the run: the ones before it are fixed, it and the rest are unchanged, and the error says so."""
    changed: list[Problem] = []
    for done, file_fix in enumerate(fixes):
        try:
            rewrite(targets[file_fix.path], file_fix.before, file_fix.after)
        except FileChanged as error:
            changed += [replace(p, path=file_fix.path) for p in error.problems]
        except MtcheckError as error:
            note = f"; {done - len(changed)} of {len(fixes)} files were fixed before it, the rest are unchanged"
            raise MtcheckError([replace(p, path=file_fix.path, message=p.message + note) for p in error.problems]) from None
    return changed
