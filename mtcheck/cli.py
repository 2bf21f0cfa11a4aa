"""The command line: parse arguments, call the library, print, choose the exit code.

No ``from __future__ import annotations`` here: typer reads every command's annotations at each
start, and evaluating them from strings (``typing.get_type_hints``) took 12 ms of every run.
"""

import inspect
import io
import os
import re
import sys
import time
from contextlib import contextmanager
from typing import Annotated

import typer
from typer.core import TyperGroup

from mtcheck import __version__
from mtcheck.entry import ExitCode, stops_and_errors_reported
from mtcheck.errors import MtcheckError, Problem
from mtcheck.visible import visible


class _ReportingGroup(TyperGroup):
    """Each command ends as the process boundary (``mtcheck.entry.stops_and_errors_reported``) says:
    a Ctrl-C, SIGTERM or SIGHUP with one line and 128 + the signal (typer would end a Ctrl-C with a
    silent 130), an MtcheckError with its problems and 2."""

    def make_context(self, *args, **kwargs):  # parsing the arguments (and --version) runs here
        with stops_and_errors_reported(inside_a_command=True):
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx):  # every command and subcommand runs here
        with stops_and_errors_reported(inside_a_command=True):
            return super().invoke(ctx)


app = typer.Typer(
    cls=_ReportingGroup,
    help="Machine-translation quality and terminology checker.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        with _reader_may_stop():
            typer.echo(f"mtcheck {__version__}")
        raise typer.Exit(ExitCode.OK)


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")] = False,
) -> None:
    """mtcheck checks machine-translated texts against terminology glossaries."""


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


EXCLUDE_HELP = ("Leave out of folder walks what this gitignore-style pattern (relative to the current folder) "
                "matches, besides the config's exclude; repeatable. Files named are always checked.")
INCLUDE_HELP = ("Folder walks take only files this gitignore-style pattern (relative to the current folder) "
                "matches, instead of the config's include; repeatable.")
GITIGNORE_HELP = "Folder walks take files that .gitignore or .git/info/exclude ignore too."


STATES_HELP = ("Which units of translation files to check, by state (comma-separated): new, draft, translated, "
               "reviewed, final, rejected, or all. Default: translated,reviewed,final (or the config's states). "
               "Locked units and units marked translate=\"no\" are never checked.")
INPUT_FORMAT_HELP = ("How to read a file whose suffix mtcheck does not know, or standard input: text, markdown, html, "
                     "xliff, po, tmx, csv, tsv or jsonl.")


LANGUAGE_HELP = ("The texts' language (BCP 47: en, de, sr-Latn) where a file declares none: which forms of a "
                 "multilingual glossary (version 2) are checked. Default: the config's language, else the first "
                 "glossary's. A translation file declaring its target language is checked in that language.")
SOURCE_LANGUAGE_HELP = ("The language the texts were translated from: whose forms of a multilingual glossary count "
                        "as untranslated source words. Default: the config's, else the glossary's source_language.")
QUIET_HELP = ("-q: standard output gets only the findings (no summary or score lines), stderr only errors and "
              "files skipped unchecked; -qq: only errors. Reports written to files stay whole.")
VERBOSE_HELP = ("Say on stderr, with the seconds since start, which config and glossaries were used, where the "
                "term index came from, how many files were checked and how many results came from the cache.")


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (*.txt, *.md, *.markdown and translation files inside) or - for stdin.")],
    glossary: Annotated[list[str] | None, typer.Option("--glossary", "-g", help="Glossary file or folder; repeatable. Replaces the configured ones.")] = None,
    config_file: Annotated[str | None, typer.Option("--config", help="Config file (mtcheck.yaml or pyproject.toml).")] = None,
    no_config: Annotated[bool, typer.Option("--no-config", help="Ignore config files and the default ./glossaries/.")] = False,
    formats: Annotated[list[str] | None, typer.Option("--format", "-f", help="Output format: text, json, jsonl, sarif, junit, github, markdown, html or xlsx (to a file only); FORMAT:FILE writes one to a file (repeatable).")] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", help="Write the report to this file.")] = None,
    fail_on: Annotated[str | None, typer.Option("--fail-on", help="Exit 1 on findings at or above: neutral, minor, major, critical, or never.")] = None,
    min_score: Annotated[float | None, typer.Option("--min-score", help="Also exit 1 when a file's MQM quality score, as the report shows it (2 decimals), is below this; files too short to score are left out.")] = None,
    source: Annotated[str | None, typer.Option("--source", help="The line-aligned source of the one TARGET file: adds the bilingual checks.")] = None,
    encoding: Annotated[str, typer.Option("--encoding", help="Encoding of the texts (default UTF-8, with or without a BOM; UTF-16 with a BOM is always read).")] = "utf-8-sig",
    states: Annotated[str | None, typer.Option("--states", help=STATES_HELP)] = None,
    input_format: Annotated[str | None, typer.Option("--input-format", help=INPUT_FORMAT_HELP)] = None,
    language: Annotated[str | None, typer.Option("--language", help=LANGUAGE_HELP)] = None,
    source_language: Annotated[str | None, typer.Option("--source-language", help=SOURCE_LANGUAGE_HELP)] = None,
    baseline: Annotated[str | None, typer.Option("--baseline", help="Report only findings this baseline file does not hold.")] = None,
    write_baseline: Annotated[str | None, typer.Option("--write-baseline", help="Record every finding in this baseline file.")] = None,
    select: Annotated[list[str] | None, typer.Option("--select", help="Only these rules (comma-separated).")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Skip these rules (comma-separated).")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Worker processes; 0 means one per core.")] = 0,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the cache.")] = False,
    cache_dir: Annotated[str | None, typer.Option("--cache-dir", help="Where the cache lives (default: $MTCHECK_CACHE_DIR, else .mtcheck_cache next to the config file found).")] = None,
    exclude: Annotated[list[str] | None, typer.Option("--exclude", help=EXCLUDE_HELP)] = None,
    include: Annotated[list[str] | None, typer.Option("--include", help=INCLUDE_HELP)] = None,
    no_respect_gitignore: Annotated[bool, typer.Option("--no-respect-gitignore", help=GITIGNORE_HELP)] = False,
    engine: Annotated[str, typer.Option("--engine", help="local (processes on this machine) or dask (a cluster).")] = "local",
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler address, e.g. tcp://host:8786; without it a local cluster is started.")] = None,
    quiet: Annotated[int, typer.Option("--quiet", "-q", count=True, help=QUIET_HELP)] = 0,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help=VERBOSE_HELP)] = False,
) -> None:
    """Check translated texts for terminology defects."""
    note = _verbose_note() if verbose else None  # its clock starts before the library is imported
    from mtcheck import workflow

    _refuse_quiet_and_verbose(quiet, verbose)
    output_format, extra_outputs = workflow.parse_formats(formats or [], output)
    progress = None if quiet else _progress_bar(machine_format_on_stdout=output_format != "text" and not output)
    request = workflow.CheckRequest(
        paths=paths, glossaries=glossary or [], config_file=config_file, use_config=not no_config,
        output_format=output_format, output=output, extra_outputs=extra_outputs, fail_on=fail_on, select=_split(select), ignore=_split(ignore),
        jobs=jobs, cache_dir=None if no_cache else cache_dir or workflow.CacheDir.DEFAULT, engine=engine, scheduler=scheduler,
        exclude=exclude or [], include=include or [], respect_gitignore=not no_respect_gitignore,
        min_score=min_score, baseline=baseline, write_baseline=write_baseline, source=source, encoding=encoding,
        states=states, input_format=input_format, language=language, source_language=source_language, note=note,
    )
    try:
        outcome = workflow.run_check(request, progress)
    finally:
        if progress:
            progress.close()  # before anything is printed: a live bar and the report must never share lines
    _warn_about_run(outcome, quiet)
    _write_reports(outcome, quiet, note)
    code = ExitCode.FINDINGS if outcome.failed else ExitCode.OK
    if note:
        note(f"exit code {code:d}")
    raise typer.Exit(code)


def _refuse_quiet_and_verbose(quiet: int, verbose: bool) -> None:
    if quiet and verbose:
        raise MtcheckError("--quiet and --verbose contradict each other: give one")


def _verbose_note():
    """What --verbose prints: one line on stderr, after the seconds since the command began."""
    started = time.monotonic()

    def note(message: str) -> None:
        typer.echo(visible(f"[{time.monotonic() - started:.2f} s] {message}", double_backslashes=False), err=True)

    return note


def _warn_about_run(outcome, quiet: int) -> None:
    """Warnings on stderr. -q leaves only those that say why the run exits 1 when no finding does: a
    file skipped unchecked, a score below --min-score (the text report's last line, which -q cuts);
    -qq leaves none."""
    if not quiet:
        for warning in outcome.warnings:
            typer.echo(f"warning: {warning}", err=True)
    if quiet < 2:
        for path, why in outcome.run.skipped:
            typer.echo("warning: " + visible(f"{path}: {why}, skipped", double_backslashes=False), err=True)
    if quiet == 1 and outcome.run.scores is not None and outcome.run.scores.fails_min_score:
        from mtcheck.reporters.summary import score_note

        typer.echo(score_note(outcome.run.scores), err=True)
    if not quiet:
        for problem in outcome.run.warnings:
            typer.echo(f"warning: {problem}", err=True)


def _write_reports(outcome, quiet: int, note) -> None:
    """The report files first, so that a reader who stops reading standard output early (| head)
    costs none of them; then standard output, whose text report -q cuts to the findings and -qq
    leaves out."""
    from mtcheck.output import write_atomic
    from mtcheck.reporters import BINARY_FORMATS

    for report in outcome.reports:
        if report.path:
            write_atomic(report.path, b"".join(report.chunks) if report.format in BINARY_FORMATS else report.chunks)
            if note:
                note(f"report: {report.format} written to {report.path}")
    for report in outcome.reports:
        if report.path is None and quiet < 2:
            chunks = report.chunks
            if quiet and report.format == "text":
                from mtcheck.reporters.text_report import finding_chunks

                chunks = finding_chunks(outcome.run)
            _print(chunks, colour=report.format == "text")
            if note:
                note(f"report: {report.format} written to standard output")


@app.command()
def fix(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to fix.")],
    write: Annotated[bool, typer.Option("--write", help="Apply the fixes (default: show them as a unified diff).")] = False,
    glossary: Annotated[list[str] | None, typer.Option("--glossary", "-g", help="Glossary file or folder; repeatable.")] = None,
    config_file: Annotated[str | None, typer.Option("--config", help="Config file (mtcheck.yaml or pyproject.toml).")] = None,
    no_config: Annotated[bool, typer.Option("--no-config", help="Ignore config files and the default ./glossaries/.")] = False,
    select: Annotated[list[str] | None, typer.Option("--select", help="Only these rules (comma-separated).")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Skip these rules (comma-separated).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the cache.")] = False,
    exclude: Annotated[list[str] | None, typer.Option("--exclude", help=EXCLUDE_HELP)] = None,
    include: Annotated[list[str] | None, typer.Option("--include", help=INCLUDE_HELP)] = None,
    no_respect_gitignore: Annotated[bool, typer.Option("--no-respect-gitignore", help=GITIGNORE_HELP)] = False,
    encoding: Annotated[str, typer.Option("--encoding", help="Encoding of the files, kept when they are written (default UTF-8, with or without a BOM; UTF-16 with a BOM is always read).")] = "utf-8-sig",
    states: Annotated[str | None, typer.Option("--states", help=STATES_HELP)] = None,
    input_format: Annotated[str | None, typer.Option("--input-format", help=INPUT_FORMAT_HELP)] = None,
    language: Annotated[str | None, typer.Option("--language", help=LANGUAGE_HELP)] = None,
    source_language: Annotated[str | None, typer.Option("--source-language", help=SOURCE_LANGUAGE_HELP)] = None,
    quiet: Annotated[int, typer.Option("--quiet", "-q", count=True, help="-q: no summary line; -qq: no diff either, only errors.")] = 0,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help=VERBOSE_HELP)] = False,
) -> None:
    """Apply the glossary's suggestions: forbidden, untranslated, misspelled and inconsistent forms.

    Without --write, print a unified diff and exit 1 when there is something to fix. With --write, a
    file that another program changed while fix ran is left as it is now, with a warning, and the
    exit code is 2: run fix again. Files keep their permissions, owner, group and hard links.

    Translation files are fixed in their targets, as the format writes text. A fixable finding left
    (its place there uncertain: inline markup, a PO continuation line; or overlapped by another) is
    listed with why, and without --write makes the exit code 1.
    """
    from mtcheck import workflow

    try:
        _refuse_quiet_and_verbose(quiet, verbose)
        request = workflow.FixRequest(paths=paths, glossaries=glossary or [], config_file=config_file,
                                      use_config=not no_config, select=_split(select), ignore=_split(ignore),
                                      cache_dir=None if no_cache else workflow.CacheDir.DEFAULT, encoding=encoding, write=write,
                                      exclude=exclude or [], include=include or [], respect_gitignore=not no_respect_gitignore,
                                      states=states, input_format=input_format, language=language,
                                      source_language=source_language, note=_verbose_note() if verbose else None)
        planned = workflow.run_fix(request)
        for_a_person = sum(len(f.for_a_person) for f in planned)
        fixes = [f for f in planned if f.changed]
        changed = []
        if write:
            changed = workflow.write_fixes(fixes, workflow.write_targets(paths, [f.path for f in fixes]))
            for problem in changed:
                typer.echo(f"warning: {problem}", err=True)
            left = {problem.path for problem in changed}
            fixes = [f for f in fixes if f.path not in left]  # the summary counts what was written
        elif quiet < 2:
            _write_diffs(f.diff() for f in fixes)
        edits = sum(len(f.edits) for f in fixes)
        verb = "Fixed" if write else "Would fix"
        if not quiet:
            typer.echo(f"{verb} {edits} finding{'s' if edits != 1 else ''} in {len(fixes)} file{'s' if len(fixes) != 1 else ''}.",
                       err=True)
            if for_a_person:
                typer.echo(f"{for_a_person} suggestion{'s' if for_a_person != 1 else ''} left to a person: written in place, "
                           f"{'they' if for_a_person != 1 else 'it'} would not keep the text's inflection (mtcheck check lists them).",
                           err=True)
        if quiet < 2:
            _say_left(planned)
    except KeyboardInterrupt as stop:  # the last words (mtcheck.entry) say what state the files are in
        stop.add_note("each file is either fixed or as it was")
        raise
    if changed:
        raise typer.Exit(ExitCode.ERROR)
    unfixed = any(f.left_for_a_person for f in planned)  # a diff that leaves fixable findings is no clean pass
    raise typer.Exit(ExitCode.FINDINGS if (fixes or unfixed) and not write else ExitCode.OK)


def _say_left(planned) -> None:
    """The fixable findings the fix left alone, counted, each with where it is and why."""
    left = [(file.path, finding, why) for file in planned for finding, why in file.left_for_a_person]
    if not left:
        return
    typer.echo(f"{len(left)} fixable finding{'s' if len(left) != 1 else ''} left for a person:", err=True)
    for path, finding, why in left:
        typer.echo(f"  {path}:{finding.line}:{finding.column}: {finding.text!r}: {why}", err=True)


REVIEW_BASELINE_HELP = ("The baseline file that dismissed findings go to, and whose findings are not shown "
                        "(default: .mtcheck-baseline.json next to the config file, else in the current folder).")


@app.command()
def review(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to review (as check takes them).")],
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port on 127.0.0.1 (default: a free one).")] = 0,
    no_browser: Annotated[bool, typer.Option("--no-browser", help="Do not open the browser; only print the URL.")] = False,
    baseline: Annotated[str | None, typer.Option("--baseline", help=REVIEW_BASELINE_HELP)] = None,
    glossary: Annotated[list[str] | None, typer.Option("--glossary", "-g", help="Glossary file or folder; repeatable. Replaces the configured ones.")] = None,
    config_file: Annotated[str | None, typer.Option("--config", help="Config file (mtcheck.yaml or pyproject.toml).")] = None,
    no_config: Annotated[bool, typer.Option("--no-config", help="Ignore config files and the default ./glossaries/.")] = False,
    source: Annotated[str | None, typer.Option("--source", help="The line-aligned source of the one TARGET file: adds the bilingual checks.")] = None,
    encoding: Annotated[str, typer.Option("--encoding", help="Encoding of the texts, kept when they are written (default UTF-8, with or without a BOM).")] = "utf-8-sig",
    states: Annotated[str | None, typer.Option("--states", help=STATES_HELP)] = None,
    input_format: Annotated[str | None, typer.Option("--input-format", help=INPUT_FORMAT_HELP)] = None,
    language: Annotated[str | None, typer.Option("--language", help=LANGUAGE_HELP)] = None,
    source_language: Annotated[str | None, typer.Option("--source-language", help=SOURCE_LANGUAGE_HELP)] = None,
    select: Annotated[list[str] | None, typer.Option("--select", help="Only these rules (comma-separated).")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Skip these rules (comma-separated).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the on-disk cache.")] = False,
    cache_dir: Annotated[str | None, typer.Option("--cache-dir", help="Where the cache lives (as check's).")] = None,
    exclude: Annotated[list[str] | None, typer.Option("--exclude", help=EXCLUDE_HELP)] = None,
    include: Annotated[list[str] | None, typer.Option("--include", help=INCLUDE_HELP)] = None,
    no_respect_gitignore: Annotated[bool, typer.Option("--no-respect-gitignore", help=GITIGNORE_HELP)] = False,
) -> None:
    """Review the findings in the browser: apply fixes, edit, dismiss, grow the glossary, undo.

    Serves a page on 127.0.0.1 (with a token of its own in the URL it prints) until Ctrl-C, which
    ends it with exit code 0. Every decision is written at once (the text, the baseline or the
    glossary YAML) and logged in mtcheck-review.jsonl next to the config file."""
    from mtcheck import workflow
    from mtcheck.review.server import serve
    from mtcheck.review.session import ReviewSession

    request = workflow.CheckRequest(
        paths=paths, glossaries=glossary or [], config_file=config_file, use_config=not no_config,
        select=_split(select), ignore=_split(ignore), cache_dir=None if no_cache else cache_dir or workflow.CacheDir.DEFAULT,
        exclude=exclude or [], include=include or [], respect_gitignore=not no_respect_gitignore,
        source=source, encoding=encoding, states=states, input_format=input_format, language=language,
        source_language=source_language,
    )
    session = ReviewSession(request, baseline=baseline)

    def announce(url: str) -> None:
        files = f"{len(session.paths)} file{'s' if len(session.paths) != 1 else ''}"
        typer.echo(visible(f"mtcheck review: {files} at {url}\nDecisions are logged in {session.log}; Ctrl-C stops.",
                           keep_line_breaks=True), err=True)

    serve(session, port, open_browser=not no_browser, announce=announce)
    raise typer.Exit(ExitCode.OK)


@app.command()
def score(
    hypotheses: Annotated[list[str] | None, typer.Argument(help="Hypothesis file(s), one segment per line; with --compare the first is the baseline.")] = None,
    ref: Annotated[list[str] | None, typer.Option("--ref", "-r", help="Reference file, line-parallel to the hypothesis; repeatable.")] = None,
    metrics: Annotated[str, typer.Option("--metrics", "-m", help="Comma-separated: bleu, chrf (chrF++), ter.")] = "bleu,chrf,ter",
    output_format: Annotated[str, typer.Option("--format", "-f", help="Output format: text or json.")] = "text",
    output: Annotated[str | None, typer.Option("--output", "-o", help="Write the report to this file.")] = None,
    segments: Annotated[bool, typer.Option("--segments", help="Also score each segment.")] = False,
    compare: Annotated[bool, typer.Option("--compare", help="Paired significance tests of each system against the first.")] = False,
    seed: Annotated[int, typer.Option("--seed", help="Random seed of the paired tests (sacrebleu's default).")] = 12345,
    run_checks: Annotated[bool, typer.Option("--check", help="Also run the glossary checks: MQM score and terminology metrics.")] = False,
    glossary: Annotated[list[str] | None, typer.Option("--glossary", "-g", help="Glossary for --check; repeatable.")] = None,
    config_file: Annotated[str | None, typer.Option("--config", help="Config file for --check.")] = None,
    no_config: Annotated[bool, typer.Option("--no-config", help="Ignore config files.")] = False,
    language: Annotated[str | None, typer.Option("--language", help="For --check: " + LANGUAGE_HELP)] = None,
    annotations: Annotated[str | None, typer.Option("--mqm-annotations", help="Score human MQM annotations (WMT TSV format) per system.")] = None,
    weights: Annotated[str, typer.Option("--weights", help="Weights for --mqm-annotations: wmt-mqm, mqm or a weights file.")] = "wmt-mqm",
    source_errors: Annotated[str, typer.Option("--source-errors", help="count or ignore 'Source error' annotations.")] = "count",
    wmt_terms: Annotated[str | None, typer.Option("--wmt-terms", help="WMT21 terminology task source SGML with <term> annotations: exact-match term accuracy, and window overlap with --ref REF.sgm.")] = None,
) -> None:
    """Score translations: BLEU, chrF++ and TER against references (sacrebleu), paired tests, MQM."""
    from mtcheck.output import write_atomic
    from mtcheck.reporters.score_report import json_chunks, text_chunks
    from mtcheck.scoring import reference
    from mtcheck.scoring.command import ScoreRequest, run_score

    if output_format not in ("text", "json"):
        raise MtcheckError(f"unknown format {output_format!r} (choose from text, json)")
    request = ScoreRequest(
        hypotheses=hypotheses or [], references=ref or [], metrics=reference.parse_metrics(metrics.split(",")),
        segments=segments, compare=compare, seed=seed, check=run_checks, glossaries=glossary or [],
        config_file=config_file, use_config=not no_config, language=language, annotations=annotations, weights=weights,
        source_errors=source_errors, wmt_terms=wmt_terms, output=output,
    )
    chunks = (json_chunks if output_format == "json" else text_chunks)(run_score(request))
    if output:
        write_atomic(output, chunks)
    else:
        _print(chunks, colour=False)


glossary_app = typer.Typer(help="Maintain glossaries: init, validate, test, lint, stats, schema, import, export, migrate, add, edit, "
                                 "remove, diff, suggest.",
                            no_args_is_help=True)
app.add_typer(glossary_app, name="glossary")


def _glossary_problems(loaded_problems, extra, quiet: bool = False) -> None:
    """Print problems one per line; exit 1 when there are any (the files were read: not a usage error)."""
    problems = list(loaded_problems) + list(extra)
    with _reader_may_stop():
        for problem in problems:
            typer.echo(str(problem))
    if problems:
        raise typer.Exit(ExitCode.FINDINGS)
    if not quiet:
        typer.echo("OK", err=True)


@glossary_app.command("validate")
def glossary_validate(paths: Annotated[list[str], typer.Argument(help="Glossary files or folders.")]) -> None:
    """Check glossaries as the checker loads them, and run their examples; exit 1 on problems."""
    from mtcheck.glossary.maintenance import example_failures, load_for_tools

    loaded, problems = load_for_tools(paths)
    _glossary_problems(problems, example_failures(loaded) if loaded else [])


@glossary_app.command("test")
def glossary_test(paths: Annotated[list[str], typer.Argument(help="Glossary files or folders.")]) -> None:
    """Run the terms' examples: each 'flag' sentence must be flagged for its term, each 'pass' one not."""
    from mtcheck.glossary.maintenance import example_failures, load_for_tools

    loaded, problems = load_for_tools(paths)
    failures = example_failures(loaded) if loaded else []
    count = sum(len(t.flag_examples) + len(t.pass_examples) for g, _ in loaded for t in g.terms)
    _glossary_problems(problems, failures, quiet=True)
    typer.echo(f"{count} example{'s' if count != 1 else ''} passed.", err=True)


@glossary_app.command("lint")
def glossary_lint(
    paths: Annotated[list[str], typer.Argument(help="Glossary files or folders.")],
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Leave out these codes (comma-separated; repeatable).")] = None,
    show_reviewed: Annotated[bool, typer.Option("--show-reviewed", help="Also list what terms record as reviewed, with the reason.")] = False,
) -> None:
    """Legal but risky entries, one per line with its code; exit 1 when one is not reviewed.

    fuzzy-collision: a form within another term's fuzzy threshold of its forms
    common-word: a one-word form that is an everyday word of the language
    case-only-variant: a variant unlike the canonical only in case or diacritics
    no-note: no note says why the canonical form is canonical
    near-duplicate: two terms' canonical forms 90% alike
    nested-form: a form inside another term's form (the longer match wins)

    A term accepts a code with `reviewed: {CODE: REASON}` (glossary edit --review
    CODE=REASON). The README's glossary section says how to fix or accept each."""
    from mtcheck.glossary.maintenance import lint, lint_codes, load_for_tools

    ignored = lint_codes(_split(ignore))
    loaded, problems = load_for_tools(paths)
    found = lint(loaded, ignored) if loaded else []
    with _reader_may_stop():
        for problem in found:
            if problem.reviewed and show_reviewed:
                typer.echo(str(problem))
    _glossary_problems(problems, [problem for problem in found if not problem.reviewed])


@glossary_app.command("stats")
def glossary_stats(
    paths: Annotated[list[str], typer.Argument(help="Glossary files or folders.")],
    output_format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """Terms, forms by role, types and languages, per file."""
    import json

    from mtcheck.glossary.loader import load_glossaries
    from mtcheck.glossary.maintenance import stats

    rows = stats(load_glossaries(paths))
    if output_format == "json":
        with _reader_may_stop():
            typer.echo(json.dumps({"version": 1, "files": rows}, ensure_ascii=False, indent=1))
        return
    with _reader_may_stop():
        for row in rows:
            roles = ", ".join(f"{n} {role}" for role, n in row["by_role"].items())
            types = ", ".join(f"{kind} {n}" for kind, n in row["types"].items())
            languages = row["language"] + (f" (from {row['source_language']})" if row["source_language"] else "")
            if "languages" in row:
                languages += "; terms by language: " + ", ".join(f"{tag} {n}" for tag, n in row["languages"].items())
            typer.echo(visible(f"{row['path']}: {row['terms']} terms, {row['forms']} forms ({roles}); {languages}; "
                               f"types: {types}; {row['with_examples']} with examples, {row['without_note']} without a note"))


@glossary_app.command("schema")
def glossary_schema(
    version: Annotated[str, typer.Option("--version", help="1 (one language per file), 2 (forms per language) or both (either, by the file's version).")] = "1",
) -> None:
    """Print the JSON Schema of the glossary format (for editor completion and validation)."""
    import json

    from mtcheck.glossary.concepts import either_schema, termbase_schema
    from mtcheck.glossary.loader import glossary_schema as schema

    schemas = {"1": schema, "2": termbase_schema, "both": either_schema}
    if version not in schemas:
        raise MtcheckError(f"unknown --version {version!r} (choose from 1, 2, both)")
    with _reader_may_stop():
        typer.echo(json.dumps(schemas[version](), ensure_ascii=False, indent=2))


@glossary_app.command("add")
def glossary_add(
    path: Annotated[str, typer.Argument(help="The glossary file to change.")],
    term_id: Annotated[str, typer.Option("--id", help="The new term's id.")],
    canonical: Annotated[str, typer.Option("--canonical", help="Its canonical form.")],
    variant: Annotated[list[str] | None, typer.Option("--variant", help="An accepted variant (repeatable).")] = None,
    short: Annotated[list[str] | None, typer.Option("--short", help="A short form (repeatable).")] = None,
    forbidden: Annotated[list[str] | None, typer.Option("--forbidden", help="A forbidden rendering (repeatable).")] = None,
    source: Annotated[list[str] | None, typer.Option("--source", help="A source-language form (repeatable).")] = None,
    term_type: Annotated[str | None, typer.Option("--type", help="person, place, organization, ...")] = None,
    note: Annotated[str | None, typer.Option("--note", help="Why the canonical form is canonical (in a multilingual glossary: the concept's note).")] = None,
    language: Annotated[str | None, typer.Option("--language", help="A multilingual (version 2) glossary: the language of the forms given (required there; a new language joins the file's 'languages'). A version-1 glossary: its own language, if given.")] = None,
) -> None:
    """Add a term, keeping the file's comments, order and formatting; an invalid result is refused.
    In a multilingual glossary the forms go into the term's block of --language; the other
    languages' forms are added with `glossary edit TERM --language L --set canonical=FORM ...`."""
    from mtcheck.glossary.editing import add_term, save

    term = {"id": term_id, "canonical": canonical, "variants": variant or [], "short": short or [],
            "forbidden": forbidden or [], "source": source or [], "type": term_type, "note": note}
    save(path, add_term(path, term, language))
    typer.echo(f"Added {term_id!r} to {path}.", err=True)


@glossary_app.command("edit")
def glossary_edit(
    path: Annotated[str, typer.Argument(help="The glossary file to change.")],
    term_id: Annotated[str, typer.Argument(help="The term to change.")],
    variant: Annotated[list[str] | None, typer.Option("--add-variant", help="Add an accepted variant.")] = None,
    short: Annotated[list[str] | None, typer.Option("--add-short", help="Add a short form.")] = None,
    forbidden: Annotated[list[str] | None, typer.Option("--add-forbidden", help="Add a forbidden rendering.")] = None,
    source: Annotated[list[str] | None, typer.Option("--add-source", help="Add a source-language form.")] = None,
    remove: Annotated[list[str] | None, typer.Option("--remove", help="Remove a form from whichever list holds it (repeatable); not the canonical one.")] = None,
    settings: Annotated[list[str] | None, typer.Option("--set", metavar="KEY=VALUE", help="Set one of the term's options: canonical, type, note, severity, fuzzy (0-100 or false), case_sensitive (true/false), morphology (inflect/exact); KEY= removes it (repeatable).")] = None,
    flag_examples: Annotated[list[str] | None, typer.Option("--add-example-flag", help="Add a sentence that must be reported for this term (repeatable).")] = None,
    pass_examples: Annotated[list[str] | None, typer.Option("--add-example-pass", help="Add a sentence that must not (repeatable).")] = None,
    reviews: Annotated[list[str] | None, typer.Option("--review", metavar="CODE=REASON", help="Record that a person checked the lint code for this term and why the entry is right; CODE= takes it back (repeatable).")] = None,
    rename: Annotated[str | None, typer.Option("--rename", help="Give the term this new id.")] = None,
    canonical: Annotated[str | None, typer.Option("--set-canonical", help="Replace the canonical form.")] = None,
    note: Annotated[str | None, typer.Option("--set-note", help="Replace the note.")] = None,
    term_type: Annotated[str | None, typer.Option("--set-type", help="Replace the type.")] = None,
    language: Annotated[str | None, typer.Option("--language", help="A multilingual (version 2) glossary: the language whose forms to change (required there for forms, examples, canonical, and the note of that language). A version-1 glossary: its own language, if given.")] = None,
) -> None:
    """Change a term's forms, options, examples, reviews or id, keeping the file's comments, order and
    formatting; an invalid result is refused and nothing is written.

    In a multilingual (version 2) glossary, forms, examples, the canonical form and --set note=
    change the term's block of --language (--set canonical=FORM makes the block of a language the
    term lacks); severity, fuzzy, case_sensitive, morphology, type, reviews and the id stay the
    term's, for every language."""
    from mtcheck.glossary.editing import TermChanges, edit_term, parse_review, parse_setting, save

    given = {"canonical": canonical, "note": note, "type": term_type}
    changes = TermChanges(
        remove=remove or [],
        add={"variants": variant or [], "short": short or [], "forbidden": forbidden or [], "source": source or []},
        settings={key: value for key, value in given.items() if value is not None} | dict(map(parse_setting, settings or [])),
        examples={"flag": flag_examples or [], "pass": pass_examples or []},
        reviewed=dict(map(parse_review, reviews or [])),
        rename=rename,
    )
    save(path, edit_term(path, term_id, changes, language))
    typer.echo(f"Changed {term_id!r} in {path}" + (f" (now {rename!r})." if rename and rename != term_id else "."), err=True)


@glossary_app.command("remove")
def glossary_remove(
    path: Annotated[str, typer.Argument(help="The glossary file to change.")],
    term_id: Annotated[str, typer.Argument(help="The term to remove.")],
    language: Annotated[str | None, typer.Option("--language", help="A multilingual (version 2) glossary: remove only the term's forms in this language.")] = None,
) -> None:
    """Remove a term (or, with --language, one language's forms of it), keeping the rest of the file
    as it is; an invalid result is refused."""
    from mtcheck.glossary.editing import remove_term, save

    save(path, remove_term(path, term_id, language))
    typer.echo(f"Removed {term_id!r}" + (f" ({language} forms)" if language else "") + f" from {path}.", err=True)


@glossary_app.command("init")
def glossary_init(
    path: Annotated[str, typer.Argument(help="The glossary file to write (it must not exist).")],
    name: Annotated[str, typer.Option("--name", help="The glossary's name: a-z, 0-9, '.', '_', '-'.")],
    language: Annotated[str | None, typer.Option("--language", help="The language of the texts it checks, BCP 47.")] = None,
    languages: Annotated[str | None, typer.Option("--languages", metavar="L1,L2,...", help="Instead of --language: the languages of a multilingual glossary (format version 2), BCP 47, comma-separated.")] = None,
    source_language: Annotated[str | None, typer.Option("--source-language", help="The language they are translated from, BCP 47 (with --languages: added to them if missing).")] = None,
) -> None:
    """Write a new glossary with comments that explain the format and an example term to copy: of
    one language (--language; format version 1), or multilingual (--languages; version 2)."""
    from mtcheck.glossary.starter import multilingual_starter, starter_glossary
    from mtcheck.output import write_atomic

    if (language is None) == (languages is None):
        raise MtcheckError("glossary init needs --language L (one language) or --languages L1,L2,... (multilingual), not both")
    if os.path.lexists(path):
        raise MtcheckError(Problem(path, "exists already: init writes a new glossary only"))
    text = (starter_glossary(path, name, language, source_language) if languages is None else
            multilingual_starter(path, name, _split([languages]), source_language))
    try:
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)  # a new project has no glossaries/ yet
    except FileExistsError:
        raise MtcheckError(Problem(path, "cannot make its folder: a file of that name is in the way")) from None
    except OSError as error:
        raise MtcheckError(Problem(path, f"cannot make its folder: {error.strerror}")) from None
    write_atomic(path, text)
    typer.echo(f"Wrote {path}.", err=True)


@glossary_app.command("diff")
def glossary_diff(
    old: Annotated[str, typer.Argument(help="The old version: a glossary file, or git:REV:PATH.")],
    new: Annotated[str, typer.Argument(help="The new version: a glossary file, or git:REV:PATH.")],
    output_format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    exit_code: Annotated[bool, typer.Option("--exit-code", help="Exit 1 when the versions differ (as git diff --exit-code).")] = False,
) -> None:
    """What changed between two versions of a glossary: terms added, removed and renamed; per term,
    the forms (and examples, reviews) added and removed and the options changed; the glossary's own
    settings. git:REV:PATH is read with `git show REV:PATH` in the current folder's repository (PATH
    from the repository's top, or ./PATH from the current folder). Exit 0 unless --exit-code."""
    from mtcheck.glossary.diff import diff_glossaries, diff_json, diff_text, read_version

    if output_format not in ("text", "json"):
        raise MtcheckError(f"unknown format {output_format!r} (choose from text, json)")
    diff = diff_glossaries(old, read_version(old), new, read_version(new))
    with _reader_may_stop():
        sys.stdout.write((diff_json if output_format == "json" else diff_text)(diff))
    raise typer.Exit(ExitCode.FINDINGS if exit_code and diff.count else ExitCode.OK)


@glossary_app.command("export")
def glossary_export(
    paths: Annotated[list[str], typer.Argument(help="Glossary files or folders.")],
    to: Annotated[str | None, typer.Option("--to", help="csv, tbx (TBX-Basic, ISO 30042), json or xlsx (default: the --output file's suffix, else csv).")] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", help="Write to this file (default: standard output).")] = None,
    columns: Annotated[str, typer.Option("--columns", help="mtcheck, phrase or memoq: the columns of a csv or xlsx export (phrase, memoq: a column per language, as those tools import termbases).")] = "mtcheck",
) -> None:
    """Export glossaries as CSV (for spreadsheets), TBX-Basic, JSON or XLSX.

    In CSV, a cell that would start with =, +, -, @, a tab or a CR (a formula to a spreadsheet) gets
    a ' in front, and so does one that starts with quotes and then such a character; import removes
    that one quote, so an exported file imports as the same glossary.

    --columns phrase (Phrase TMS imports the xlsx) or memoq writes a termbase with a column per
    language; memoQ's forbidden mark is not documented, so forbidden forms go into its entry note."""
    from mtcheck.glossary.exchange import BINARY_FORMATS, exchange_format, export_glossaries
    from mtcheck.glossary.language_columns import forbidden_in_notes
    from mtcheck.glossary.loader import glossary_files, load_glossaries
    from mtcheck.output import refuse_to_overwrite_inputs, write_atomic

    to = exchange_format(output, to, "--to", default="csv")
    if to in BINARY_FORMATS and not output:
        raise MtcheckError(f"--to {to} writes a workbook, not text: give --output FILE.{to}")
    refuse_to_overwrite_inputs([("--output", output)], [("glossary", path) for path in glossary_files(paths)])
    glossaries = load_glossaries(paths)
    text = _multilingual_export(glossaries, to, columns) or export_glossaries(glossaries, to, columns)
    if output:
        write_atomic(output, text)
    else:
        with _reader_may_stop():
            sys.stdout.write(text)
    if moved := forbidden_in_notes(glossaries, columns):
        typer.echo(f"Wrote {moved} forbidden form{'s' if moved != 1 else ''} into Entry_Note, not as terms: "
                   "memoQ's forbidden mark (Term_Info) is not documented.", err=True)


def _multilingual_export(glossaries, to: str, columns: str):
    """A version-2 glossary's export, with every language; None for version-1 glossaries."""
    from mtcheck.glossary.concepts import is_multilingual
    from mtcheck.glossary.termbase_exchange import export_termbase

    if not is_multilingual(glossaries):
        return None
    if len(glossaries) > 1 or columns != "mtcheck":
        raise MtcheckError("a multilingual (version 2) glossary is exported alone, with mtcheck's columns: "
                           "give one glossary file")
    return export_termbase(glossaries[0].termbase, to)


@glossary_app.command("import")
def glossary_import(
    path: Annotated[str, typer.Argument(help="A CSV, TBX, JSON or XLSX file.")],
    from_format: Annotated[str | None, typer.Option("--from", help="csv, tbx, json or xlsx (default: the file's suffix).")] = None,
    output: Annotated[str, typer.Option("--output", "-o", help="The glossary YAML file to write.")] = ...,
    name: Annotated[str | None, typer.Option("--name", help="The glossary's name (default: the file's).")] = None,
    language: Annotated[str | None, typer.Option("--language", help="Target language, BCP 47 (default: the file's).")] = None,
    source_language: Annotated[str | None, typer.Option("--source-language", help="Source language, BCP 47 (default: the file's).")] = None,
    multilingual: Annotated[bool, typer.Option("--multilingual", help="Keep every language in one glossary of version 2 (TBX, CSV or XLSX), instead of one target language.")] = False,
) -> None:
    """Import a CSV, TBX or JSON termbase as a glossary (validated before it is written).

    --multilingual keeps every language of a TBX file (or of a CSV or XLSX file a multilingual
    glossary was exported to) in one glossary of version 2; --language does not apply then.

    Name and languages come from the file (an mtcheck export carries them); the options override
    them, and a CSV written by another tool, whose columns name no language, needs --language.
    A CSV or XLSX termbase with a column per language (as Phrase and memoQ export them) gives the
    --language column's terms as forms and the --source-language column's as source forms.

    A CSV cell that starts with quotes and then =, +, -, @, a tab or a CR loses one quote: the one
    a spreadsheet user or glossary export put there to keep the cell from being run as a formula."""
    from mtcheck.glossary.exchange import exchange_format, import_glossary
    from mtcheck.output import refuse_to_overwrite_inputs, write_atomic

    from_format = exchange_format(path, from_format, "--from")
    refuse_to_overwrite_inputs([("--output", output)], [("termbase", path)])
    if multilingual:
        from mtcheck.glossary.termbase_exchange import import_termbase

        if language is not None:
            raise MtcheckError("--multilingual keeps every language: --language does not apply")
        text = import_termbase(path, from_format, name, source_language)
    else:
        text = import_glossary(path, from_format, name, language, source_language)
    write_atomic(output, text)
    typer.echo(f"Wrote {output}.", err=True)


@glossary_app.command("migrate")
def glossary_migrate(
    path: Annotated[str, typer.Argument(help="A glossary of version 1.")],
    output: Annotated[str | None, typer.Option("--output", "-o", help="Write here (default: PATH itself, with --force).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file (PATH itself without -o).")] = False,
) -> None:
    """Rewrite a glossary of version 1 as version 2 (forms per language), keeping its comments.

    The forms go into a block of its language, the source forms into one of its source language;
    a check with the new file finds what the old one found."""
    from mtcheck.glossary.migrate import migrated
    from mtcheck.output import write_atomic

    target = output or path
    if os.path.exists(target) and not force:
        raise MtcheckError(Problem(target, "exists: give --force to replace it" if output else
                                   "give -o NEW.yaml, or --force to replace this file"))
    write_atomic(target, migrated(path))
    typer.echo(f"Wrote {target}.", err=True)


@glossary_app.command("suggest")
def glossary_suggest(
    corpus: Annotated[list[str], typer.Argument(help="Translated articles: files or folders.")],
    output: Annotated[str, typer.Option("--output", "-o", help="The draft glossary YAML to write.")],
    glossary: Annotated[list[str] | None, typer.Option("--glossary", "-g", help="Skip what these glossaries cover.")] = None,
    language: Annotated[str, typer.Option("--language", help="The corpus's language.")] = "en",
    min_forms: Annotated[int, typer.Option("--min-forms", min=2, help="Only concepts written in this many ways.")] = 2,
    output_format: Annotated[str, typer.Option("--format", "-f", help="yaml (a draft glossary) or json (the clusters, their evidence and counts, for tools).")] = "yaml",
) -> None:
    """Mine draft entries: names and acronyms the corpus writes in several ways, most inconsistent first;
    the canonical chosen by evidence (diacritics, the lexicon, the source), weak choices marked to decide."""
    from mtcheck.documents import document_paths
    from mtcheck.glossary.loader import glossary_files, load_glossaries
    from mtcheck.glossary.suggest import draft_json, draft_yaml, suggest
    from mtcheck.output import refuse_to_overwrite_inputs, write_atomic

    if output_format not in ("yaml", "json"):
        raise MtcheckError(f"unknown --format {output_format!r} (choose from yaml, json)")
    known = load_glossaries(glossary) if glossary else None
    documents = document_paths(corpus)
    refuse_to_overwrite_inputs([("--output", output)], [("document", path) for path in documents]
                               + [("glossary", path) for path in glossary_files(glossary or [])])
    clusters = suggest(documents, known, language, min_forms)
    write_atomic(output, draft_yaml(clusters, "draft", language) if output_format == "yaml" else draft_json(clusters, language))
    to_decide = sum(1 for cluster in clusters if cluster.to_decide)
    typer.echo(f"Wrote {len(clusters)} draft term{'s' if len(clusters) != 1 else ''} to {output}"
               f" ({to_decide} to decide: the evidence for their canonical is weak or conflicting).", err=True)


@app.command("rules")
def rules_command(
    rule_id: Annotated[str | None, typer.Argument(metavar="[ID]", help="A rule id: print its documentation and examples.")] = None,
) -> None:
    """List the rules (id, MQM error type, default severity, fixable, what each finds), or document one."""
    from mtcheck.rules.catalogue import rule_page, rule_table

    with _reader_may_stop():
        sys.stdout.write(rule_page(rule_id) if rule_id is not None else rule_table())


def _write_diffs(diffs) -> None:
    """Diffs name a file whose name is not UTF-8 by its own bytes, as diff and patch do (Python holds
    them as lone surrogates, which a strict standard output refuses); the texts hold no such thing."""
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="surrogateescape")
    with _reader_may_stop():
        sys.stdout.writelines(diffs)


def _progress_bar(machine_format_on_stdout: bool):
    """A progress bar only for a person at a terminal: never in CI logs, pipes, or under a machine
    format on stdout (rich, which draws it, is then not even imported)."""
    if not sys.stderr.isatty() or os.environ.get("CI") or machine_format_on_stdout:
        return None
    from mtcheck.terminal import ProgressBar

    return ProgressBar()


def _print(report, colour: bool) -> None:
    with _reader_may_stop():
        if colour and sys.stdout.isatty():
            from mtcheck.terminal import print_coloured

            print_coloured("".join(report))
        else:
            sys.stdout.writelines(report)


@contextmanager
def _reader_may_stop():
    """Standard output whose reader may stop reading early (mtcheck ... | head): the rest is dropped
    and the command goes on to its usual exit code, quietly. Python would print "Exception ignored"
    when it flushed what is still buffered at exit, so standard output then leads to /dev/null."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        nowhere = os.open(os.devnull, os.O_WRONLY)
        os.dup2(nowhere, sys.stdout.fileno())
        os.close(nowhere)


cache_app = typer.Typer(help="Look after the on-disk cache: info, clean.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")
CACHE_DIR_OPTION = typer.Option("--cache-dir", help="The cache folder (default: the one check uses: $MTCHECK_CACHE_DIR, else .mtcheck_cache next to the config file found).")


def _cache_folder(named: str | None) -> str:
    """--cache-dir, else the folder ``check`` keeps its cache in when run here."""
    from mtcheck.config import config_location
    from mtcheck.workflow import CacheDir, cache_folder

    return named or cache_folder(CacheDir.DEFAULT, config_location()[1])


@cache_app.command("info")
def cache_info(cache_dir: Annotated[str | None, CACHE_DIR_OPTION] = None) -> None:
    """Say where the cache is, how much it holds and its size cap."""
    from mtcheck.cache import Cache, max_bytes_wanted

    cache_dir = _cache_folder(cache_dir)
    cache = Cache(cache_dir)
    entries = cache.entries()
    size = sum(entry.size for entry in entries)
    with _reader_may_stop():
        typer.echo(visible(f"{cache_dir}: {len(entries)} entries, {_megabytes(size)} "
                           f"(cap {_megabytes(max_bytes_wanted())}: the least recently used go first)"))


@cache_app.command("clean")
def cache_clean(cache_dir: Annotated[str | None, CACHE_DIR_OPTION] = None) -> None:
    """Remove every cached index and result (the next run rebuilds what it needs)."""
    from mtcheck.cache import Cache

    cache_dir = _cache_folder(cache_dir)
    cache = Cache(cache_dir)
    if not os.path.exists(cache_dir):
        with _reader_may_stop():
            typer.echo(visible(f"{cache_dir}: no cache here, nothing to clean"))
        return
    if not cache.is_mtcheck_cache():
        raise MtcheckError(Problem(cache_dir, "not a cache mtcheck made (no mtcheck CACHEDIR.TAG): left alone"))
    removed, freed = cache.clean()
    with _reader_may_stop():
        typer.echo(visible(f"{cache_dir}: removed {removed} entries, {_megabytes(freed)}"))


def _megabytes(size: int) -> str:
    return f"{size / 2**20:,.1f} MB"


_DEFINITION_LINE = re.compile(r"[\w-]+: ")


def _help_paragraphs(text: str) -> str:
    """A command's docstring as typer should show it: each paragraph's lines joined (typer keeps the
    line breaks of every paragraph after the first, so "until Ctrl-C, which" would end a line at any
    terminal width), except a paragraph of ``code: meaning`` lines, which is a list."""
    paragraphs = inspect.cleandoc(text).split("\n\n")
    return "\n\n".join(paragraph if all(_DEFINITION_LINE.match(line) for line in paragraph.splitlines())
                       else " ".join(paragraph.split("\n")) for paragraph in paragraphs)


for _typer_app in (app, glossary_app, cache_app):
    for _info in _typer_app.registered_commands:
        if _info.help is None and _info.callback is not None and _info.callback.__doc__:
            _info.help = _help_paragraphs(_info.callback.__doc__)

