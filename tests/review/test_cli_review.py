"""`mtcheck review` on the command line: its options, its one-line errors, and a real server process
that prints its URL, answers only with the token, and ends with exit code 0 on Ctrl-C."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.request

from tests.cli_runs import mtcheck
from tests.review.projects import project

URL = re.compile(r"http://127\.0\.0\.1:(\d+)/\?token=([\w-]+)")


def test_help_lists_the_options(tmp_path):
    result = mtcheck("review", "--help", text=True, env={"COLUMNS": "200"})
    assert result.returncode == 0
    for option in ("--port", "--no-browser", "--baseline", "--glossary", "--config", "--no-config", "--select", "--ignore",
                   "--states", "--input-format", "--source", "--encoding", "--exclude", "--include", "--no-cache",
                   "--language", "--source-language"):
        assert option in result.stdout, option
    assert "127.0.0.1" in result.stdout and "mtcheck-review.jsonl" in result.stdout


def test_a_missing_file_is_a_one_line_error(tmp_path):
    project(tmp_path)
    result = mtcheck("review", "nowhere.txt", "--no-browser", cwd=tmp_path, text=True)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("error: nowhere.txt: ") and len(result.stderr.splitlines()) == 1


def test_a_baseline_that_is_an_input_is_refused(tmp_path):
    project(tmp_path)
    result = mtcheck("review", "a.txt", "b.md", "--baseline", "b.md", "--no-browser", cwd=tmp_path, text=True)
    assert (result.returncode, result.stderr) == (2, "error: b.md: --baseline would overwrite the document b.md that this "
                                                     "run reads: nothing was written\n")


def test_standard_input_is_refused(tmp_path):
    project(tmp_path)
    result = mtcheck("review", "-", "--no-browser", cwd=tmp_path, text=True)
    assert (result.returncode, result.stderr) == (2, "error: mtcheck: review works on files, not standard input\n")


def test_a_file_whose_name_is_not_utf8_is_a_one_line_error(tmp_path):
    # Before: the review started, and every API answer naming the file was an HTTP 500.
    project(tmp_path)
    with open(os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt"), "w", encoding="utf-8") as file:
        file.write("The USO met.\n")
    result = mtcheck("review", ".", "--no-browser", cwd=tmp_path, text=True)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == ("error: caf\ufffd.txt: its name is not UTF-8, which the review page cannot name: "
                             "rename it, or leave it out of the review\n")


def get(url: str, **headers) -> int:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


def test_the_server_prints_its_url_answers_with_the_token_and_stops_on_ctrl_c(tmp_path):
    folder = project(tmp_path / "project")
    process = subprocess.Popen([sys.executable, "-m", "mtcheck", "review", "a.txt", "b.md", "--no-browser", "--port", "0",
                                "--no-cache"], cwd=folder, env={**os.environ, "NO_COLOR": "1"},
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=lambda: [lines.put(line) for line in process.stderr], daemon=True)
    reader.start()
    try:
        first = lines.get(timeout=60)
        found = URL.search(first)
        assert found, first
        port, token = found.groups()
        base = f"http://127.0.0.1:{port}"
        assert get(f"{base}/?token={token}") == 200
        assert get(f"{base}/api/files", **{"X-MTCheck-Token": token}) == 200
        assert get(f"{base}/") == get(f"{base}/api/files") == get(f"{base}/?token=wrong") == 403
        assert get(f"http://localhost:{port}/?token={token}") == 200
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
    reader.join(timeout=10)
    rest = "".join(lines.queue)
    assert "Traceback" not in rest and "interrupted" not in rest
    assert process.stdout.read() == ""
    assert "Decisions are logged in mtcheck-review.jsonl" in first + rest


def test_the_config_key_review_dismiss_is_validated_like_the_others(tmp_path):
    project(tmp_path)
    (tmp_path / "mtcheck.yaml").write_text("glossaries: [glossaries/]\nreview: {dismiss: maybe}\n", encoding="utf-8")
    result = mtcheck("review", "a.txt", "--no-browser", cwd=tmp_path, text=True)
    assert (result.returncode, result.stderr) == (2, "error: mtcheck.yaml:2:19: review.dismiss: 'maybe' is not one of "
                                                     "baseline, inline\n")
    (tmp_path / "mtcheck.yaml").write_text("glossaries: [glossaries/]\nreview: {dismis: inline}\n", encoding="utf-8")
    result = mtcheck("check", "a.txt", cwd=tmp_path, text=True)
    assert result.returncode == 2 and "unknown key 'dismis' in review (did you mean 'dismiss'?)" in result.stderr
