"""Where the command line's output goes when a terminal, a file or a pipe is on the other end (issue
15): the report on stdout whatever the progress bar does; report files written whatever happens to
stdout; the exit code of a run that records a baseline; -q and -v; shell completion."""

from __future__ import annotations

import json
import os
import pty
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.cli_runs import mtcheck as run_mtcheck
from tests.conftest import BUNDLED_GLOSSARY, MT_SAMPLE

MTCHECK_SCRIPT = Path(sys.executable).with_name("mtcheck")  # the console script, as a shell runs it
FINDING_LINE = re.compile(r"^\S+:\d+:\d+: (critical|major|minor|neutral) ")
# The console script with the progress bar shown at once instead of after two seconds: the bar is
# then live from the first file checked on, which is what a long run on a terminal does.
BAR_AT_ONCE = ("import sys; from mtcheck.terminal import ProgressBar; ProgressBar.DELAY = 0; "
               "from mtcheck.entry import run; sys.argv[0] = 'mtcheck'; run()")


def command(*args) -> list[str]:
    return [sys.executable, "-m", "mtcheck", *map(str, args)]


def check_args(*paths, cache_dir: Path | None) -> list[str]:
    cache = ["--cache-dir", str(cache_dir)] if cache_dir else ["--no-cache"]  # no cache: each file is examined
    return ["check", "--no-config", "-g", str(BUNDLED_GLOSSARY), *cache, *map(str, paths)]


def plain_env() -> dict[str, str]:
    """No CI variable (it turns the bar off) and a terminal type that rich draws on."""
    env = {key: value for key, value in os.environ.items() if key not in ("CI", "NO_COLOR")}
    return {**env, "TERM": "xterm-256color", "COLUMNS": "100"}


@pytest.fixture()
def articles(tmp_path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for number in range(3):
        shutil.copy(MT_SAMPLE, folder / f"a{number}.txt")
    return folder


def run_with_terminal(args: list[str], terminal_on: str, other: Path, cwd: Path) -> tuple[int, bytes]:
    """Run with stderr (or stdout) on a pseudo-terminal and the other stream into the file ``other``;
    returns the exit code and what the terminal showed."""
    controller, terminal = pty.openpty()
    shown = bytearray()

    def read_terminal() -> None:
        while True:
            try:
                data = os.read(controller, 65536)
            except OSError:  # EIO: the child's end is closed
                return
            if not data:
                return
            shown.extend(data)

    reader = threading.Thread(target=read_terminal, daemon=True)
    reader.start()
    with open(other, "wb") as file:
        streams = {"stderr": terminal, "stdout": file} if terminal_on == "stderr" else {"stdout": terminal, "stderr": file}
        process = subprocess.Popen(args, stdin=subprocess.DEVNULL, cwd=cwd, env=plain_env(), **streams)
        os.close(terminal)
        code = process.wait(timeout=180)
    reader.join(timeout=10)
    os.close(controller)
    return code, bytes(shown)


def test_the_report_goes_to_stdout_while_the_progress_bar_shows_on_the_terminal(articles, tmp_path):
    """Issue 15, item 3: with stderr on a terminal and stdout in a file, the report used to go to the
    terminal, mixed with the bar (rich sends stdout to its console while the bar is live), and the
    file stayed empty."""
    args = check_args(articles, "-j", "1", cache_dir=None)
    expected = subprocess.run(command(*args), capture_output=True, cwd=tmp_path, env=plain_env())
    assert expected.returncode == 1 and expected.stdout.count(b"\n") > 20

    code, shown = run_with_terminal([sys.executable, "-c", BAR_AT_ONCE, *args], "stderr", tmp_path / "out.txt", tmp_path)
    assert code == 1
    assert b"checking" in shown  # the bar was drawn...
    assert b"term-forbidden" not in shown  # ...and no finding went to the terminal
    assert (tmp_path / "out.txt").read_bytes() == expected.stdout


def test_no_progress_bar_when_stderr_is_no_terminal(articles, tmp_path):
    """The bar belongs on stderr and only when stderr is a terminal: with stdout on one and stderr in
    a file, stderr gets nothing and the report reaches the terminal."""
    args = check_args(articles, "-j", "1", cache_dir=None)
    code, shown = run_with_terminal([sys.executable, "-c", BAR_AT_ONCE, *args], "stdout", tmp_path / "err.txt", tmp_path)
    assert code == 1
    assert (tmp_path / "err.txt").read_bytes() == b""
    assert b"term-forbidden" in shown and b"Quality score" in shown


def run_with_stdout_closed(args: list[str], cwd: Path) -> tuple[int, bytes]:
    """Run with a standard output whose reader has already gone (as `| head -1` leaves it)."""
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd)
    process.stdout.close()
    _, errors = process.communicate(timeout=180)
    return process.returncode, errors


@pytest.mark.parametrize("fail_on, code", [("major", 1), ("never", 0)])
def test_report_files_are_written_whole_when_stdout_is_closed(articles, tmp_path, fail_on, code):
    """Issue 15, item 4: `-f json:out/a.json -f github | head -1` exited 1 (typer's answer to EPIPE)
    before writing out/a.json. Report files now come first, and a closed stdout changes nothing but
    what is printed: the exit code is the run's own, and nothing is said about it."""
    args = command(*check_args(articles, "--fail-on", fail_on, "-f", "json:out/a.json", "-f", "github",
                               cache_dir=tmp_path / "cache"))
    (tmp_path / "out").mkdir()
    for _ in range(4):
        (tmp_path / "out" / "a.json").unlink(missing_ok=True)
        assert run_with_stdout_closed(args, tmp_path) == (code, b"")
        report = json.loads((tmp_path / "out" / "a.json").read_text(encoding="utf-8"))
        assert [file["path"] for file in report["files"]] == [str(articles / f"a{n}.txt") for n in range(3)]


@pytest.mark.parametrize("args", [
    ["check", MT_SAMPLE],
    ["check", MT_SAMPLE, "-f", "sarif", "--fail-on", "never"],
    ["fix", MT_SAMPLE],
    ["glossary", "export", BUNDLED_GLOSSARY],
    ["glossary", "schema"],
    ["glossary", "stats", BUNDLED_GLOSSARY],
    ["glossary", "diff", BUNDLED_GLOSSARY / "kosovo-serbia.yaml", BUNDLED_GLOSSARY / "kosovo-serbia.yaml"],
    ["cache", "info", "--cache-dir", "nowhere"],
    ["rules"],
    ["--version"],
], ids=lambda args: " ".join(str(a) for a in args[:3]))
def test_a_closed_stdout_keeps_the_exit_code_and_says_nothing(args, tmp_path):
    """No traceback, no "Exception ignored": the code and the messages the command has with a reader."""
    args = command(*args[:1], "--no-config", "-g", BUNDLED_GLOSSARY, *args[1:]) if args[0] in ("check", "fix") else command(*args)
    usual = subprocess.run(args, capture_output=True, cwd=tmp_path)
    assert usual.stdout
    assert run_with_stdout_closed(args, tmp_path) == (usual.returncode, usual.stderr)


@pytest.fixture()
def project(tmp_path) -> Path:
    shutil.copy(MT_SAMPLE, tmp_path / "a.txt")
    return tmp_path


def mtcheck(*args, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """What the run says, and where, when no terminal is involved: in this process, cache as configured."""
    return run_mtcheck(*args, cwd=cwd, env=env, cache=True, text=True)


def test_writing_a_baseline_exits_0_and_a_skipped_file_still_fails_it(project):
    """Issue 15, item 11: a run that records a baseline did what it was asked; it exited 1 because
    the findings it recorded were there. A file left unchecked still fails it: the baseline holds
    nothing for that file."""
    recorded = mtcheck("check", "--no-config", "-g", BUNDLED_GLOSSARY, "a.txt", "--write-baseline", "base.json", cwd=project)
    assert recorded.returncode == 0, recorded.stderr
    findings = json.loads((project / "base.json").read_text(encoding="utf-8"))["findings"]
    assert len(findings) > 5
    assert mtcheck("check", "--no-config", "-g", BUNDLED_GLOSSARY, "a.txt", "--baseline", "base.json", cwd=project).returncode == 0

    (project / "folder").mkdir()
    shutil.copy(MT_SAMPLE, project / "folder" / "a.txt")
    (project / "folder" / "image.txt").write_bytes(b"\x00PNG")
    with_skipped = ["check", "--no-config", "-g", BUNDLED_GLOSSARY, "folder", "--write-baseline", "base2.json"]
    assert mtcheck(*with_skipped, cwd=project).returncode == 1
    assert mtcheck(*with_skipped, "--fail-on", "never", cwd=project).returncode == 0


def test_quiet_prints_the_findings_only_and_very_quiet_nothing(project):
    args = ["check", "--no-config", "-g", BUNDLED_GLOSSARY, "a.txt"]
    full = mtcheck(*args, cwd=project)
    findings = [line for line in full.stdout.splitlines() if FINDING_LINE.match(line)]
    assert len(findings) > 5 and "Quality score" in full.stdout

    quiet = mtcheck(*args, "-q", "-f", "text:whole.txt", cwd=project)
    assert (quiet.returncode, quiet.stdout.splitlines(), quiet.stderr) == (1, findings, "")
    assert (project / "whole.txt").read_text(encoding="utf-8") == full.stdout  # a file named is whole

    silent = mtcheck(*args, "-qq", "-o", "report.json", "-f", "json", cwd=project)
    assert (silent.returncode, silent.stdout, silent.stderr) == (1, "", "")
    assert json.loads((project / "report.json").read_text(encoding="utf-8"))["summary"]["findings"] == len(findings)

    json_quiet = mtcheck(*args, "-q", "-f", "json", cwd=project)
    assert json.loads(json_quiet.stdout)["summary"]["findings"] == len(findings)  # only the text report is cut


def test_quiet_hides_warnings_but_names_a_skipped_file_until_qq(project, tmp_path_factory):
    """-q leaves the line that explains an exit code 1 when the findings do not (a file skipped)."""
    home = tmp_path_factory.mktemp("home")
    (home / "mtcheck").mkdir()
    (home / "mtcheck" / "cache-key").write_bytes(os.urandom(32))
    (home / "mtcheck" / "cache-key").chmod(0o644)  # others can read it: the cache is off, with a warning
    env = {**os.environ, "XDG_CACHE_HOME": str(home)}
    (project / "folder").mkdir()
    (project / "folder" / "clean.txt").write_text("Jens Stoltenberg spoke.\n", encoding="utf-8")
    (project / "folder" / "image.txt").write_bytes(b"\x00PNG")
    args = ["check", "--no-config", "-g", BUNDLED_GLOSSARY, "folder"]

    loud = mtcheck(*args, cwd=project, env=env)
    assert "warning: cache off" in loud.stderr and "image.txt: looks binary" in loud.stderr
    quiet = mtcheck(*args, "-q", cwd=project, env=env)
    assert (quiet.returncode, quiet.stdout) == (1, "")
    assert quiet.stderr == "warning: folder/image.txt: looks binary (NUL byte at offset 0), skipped\n"
    silent = mtcheck(*args, "-qq", cwd=project, env=env)
    assert (silent.returncode, silent.stdout, silent.stderr) == (1, "", "")


def test_quiet_says_why_min_score_fails_the_run_when_no_finding_does(project):
    """-q cuts the text report's last line, which names the score below --min-score: without a line
    on stderr, a run that exits 1 with no failing finding would not say why."""
    args = ["check", "--no-config", "-g", BUNDLED_GLOSSARY, "a.txt", "--fail-on", "never", "-q"]
    failing = mtcheck(*args, "--min-score", "60", cwd=project)
    assert failing.returncode == 1
    assert failing.stderr == "--min-score 60 fails the run: a.txt scores 59.88.\n"
    passing = mtcheck(*args, "--min-score", "59.88", cwd=project)
    assert (passing.returncode, passing.stderr) == (0, "")
    silent = mtcheck(*args, "-q", "--min-score", "60", cwd=project)
    assert (silent.returncode, silent.stderr) == (1, "")


def test_verbose_says_what_the_run_did_on_stderr_and_leaves_the_report_alone(project):
    args = ["check", "--no-config", "-g", BUNDLED_GLOSSARY, "a.txt", "--cache-dir", "cache", "-j", "1"]
    first = mtcheck(*args, "-v", cwd=project)
    plain = mtcheck(*args, cwd=project)
    again = mtcheck(*args, "--verbose", cwd=project)
    assert first.stdout == again.stdout == plain.stdout
    for run in (first, again):
        assert all(re.match(r"\[\d+\.\d\d s\] ", line) for line in run.stderr.splitlines()), run.stderr
    first_notes = re.sub(r"\[\d+\.\d\d s\] ", "", first.stderr)
    assert "config: none (--no-config)\n" in first_notes
    assert f"glossaries: {BUNDLED_GLOSSARY}\n" in first_notes
    assert re.search(r"term index: \d+ terms, compiled\n", first_notes)
    assert re.search(r"files: 1 checked \(0 answered by the cache, 1 examined in this process\); \d+ findings\n", first_notes)
    assert first_notes.endswith("report: text written to standard output\nexit code 1\n")
    again_notes = re.sub(r"\[\d+\.\d\d s\] ", "", again.stderr)
    assert re.search(r"term index: \d+ terms, from the cache\n", again_notes)
    assert "files: 1 checked (1 answered by the cache, none examined)" in again_notes


def test_quiet_and_verbose_together_are_a_usage_error(project):
    for command_name in ("check", "fix"):
        both = mtcheck(command_name, "--no-config", "-g", BUNDLED_GLOSSARY, "a.txt", "-q", "-v", cwd=project)
        assert (both.returncode, both.stdout) == (2, "")
        assert both.stderr == "error: mtcheck: --quiet and --verbose contradict each other: give one\n"


def test_fix_quiet_drops_the_summary_and_very_quiet_the_diff(project):
    args = ["fix", "--no-config", "-g", BUNDLED_GLOSSARY, "a.txt"]
    loud = mtcheck(*args, cwd=project)
    assert loud.returncode == 1 and loud.stdout.startswith("--- a/a.txt") and loud.stderr.startswith("Would fix ")
    quiet = mtcheck(*args, "-q", cwd=project)
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (1, loud.stdout, "")
    silent = mtcheck(*args, "-qq", cwd=project)
    assert (silent.returncode, silent.stdout, silent.stderr) == (1, "", "")
    verbose = mtcheck(*args, "-v", cwd=project)
    assert verbose.stdout == loud.stdout and "term index: " in verbose.stderr


@pytest.mark.skipif(not MTCHECK_SCRIPT.exists(), reason="the console script is not installed")
def test_shell_completion_is_offered_and_completes_commands_and_options(tmp_path):
    # The shell is named, not detected: detection reads the parent processes, which a test runner hides.
    named = {**os.environ, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    script = subprocess.run([MTCHECK_SCRIPT, "--show-completion", "bash"], capture_output=True, text=True, cwd=tmp_path,
                            env=named)
    assert script.returncode == 0 and "_MTCHECK_COMPLETE=complete_bash" in script.stdout
    assert "--install-completion" in subprocess.run([MTCHECK_SCRIPT, "--help"], capture_output=True, text=True).stdout

    def complete(words: str) -> list[str]:
        env = {**os.environ, "_MTCHECK_COMPLETE": "complete_bash", "COMP_WORDS": words,
               "COMP_CWORD": str(len(words.split()) - 1)}
        done = subprocess.run([MTCHECK_SCRIPT], capture_output=True, text=True, cwd=tmp_path, env=env)
        assert done.returncode == 0, done.stderr
        return done.stdout.split()

    assert complete("mtcheck ch") == ["check"]
    assert "--verbose" in complete("mtcheck check --ver")
    assert complete("mtcheck glossary val") == ["validate"]
