"""The cache folder is data, never code: what is planted there cannot run, hang or crash a check."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import stat
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from mtcheck.cache import Cache, KeyProblem, _mac, load_or_create_key
from mtcheck.config import Config
from mtcheck.engine import Checker, select_rules
from mtcheck.runner import check_paths, compile_checker

from tests.cli_runs import mtcheck
from tests.conftest import BUNDLED_GLOSSARY, MT_SAMPLE, SMALL_GLOSSARY


class _Payload:
    """What an attacker plants: unpickling it creates a marker file (as it could run anything)."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def _entries(cache_dir: Path) -> list[Path]:
    return sorted(p for kind in ("index", "results") for p in (cache_dir / kind).glob("*/*"))


def _old_style_entry(payload: bytes) -> bytes:
    """An entry as mtcheck wrote them before entries were authenticated: magic, length, CRC-32."""
    return b"MTCHECK2" + struct.pack(">QI", len(payload), zlib.crc32(payload)) + payload


def _entry_signed_with(secret: bytes, kind: str, key: str, payload: bytes) -> bytes:
    return b"MTCHECK3" + struct.pack(">Q32s", len(payload), _mac(secret, kind, key, payload)) + payload


def _run(*args, cwd: Path, home: Path) -> subprocess.CompletedProcess:
    """The CLI in this process, with the cache, as a new process would run it: the user's cache key in ``home``."""
    return mtcheck(*args, cwd=cwd, cache=True, env={"XDG_CACHE_HOME": str(home)})


CHECK = ("check", "articles", "-g", "g.yaml", "-f", "json")


@pytest.fixture(scope="module")
def warm_project(tmp_path_factory):
    """A project with one article, a glossary and a warm cache, made by its owner (whose key is in ``home``)."""
    base = tmp_path_factory.mktemp("warm")
    work = base / "project"
    (work / "articles").mkdir(parents=True)
    (work / "articles" / "a.txt").write_bytes(MT_SAMPLE.read_bytes())
    (work / "g.yaml").write_text(SMALL_GLOSSARY, encoding="utf-8")
    home = base / "home"
    first = _run(*CHECK, cwd=work, home=home)
    assert first.returncode == 1, first.stderr
    assert len(_entries(work / ".mtcheck_cache")) == 2  # the index and the article's result
    return work, home, first.stdout


@pytest.fixture()
def project(warm_project, tmp_path):
    """A copy of the warm project and of its owner's key, for a test to tamper with."""
    work, home, report = warm_project
    shutil.copytree(work, tmp_path / "project", symlinks=True)
    shutil.copytree(home, tmp_path / "home", symlinks=True)  # keeps the key's mode, 0600
    return tmp_path / "project", tmp_path / "home", report


@pytest.mark.parametrize("framing", ["old-style", "signed-with-another-key"])
def test_planted_pickles_never_run(project, tmp_path, framing):
    work, home, clean_report = project
    marker = tmp_path / "payload-ran"
    payload = pickle.dumps(_Payload(marker))
    for entry in _entries(work / ".mtcheck_cache"):
        kind, key = entry.parent.parent.name, entry.name
        planted = (_old_style_entry(payload) if framing == "old-style"
                   else _entry_signed_with(os.urandom(32), kind, key, payload))
        entry.write_bytes(planted)
    again = _run(*CHECK, cwd=work, home=home)
    assert not marker.exists()
    assert (again.returncode, again.stdout, again.stderr) == (1, clean_report, b"")


def test_a_copied_or_restored_cache_is_ignored(project, tmp_path, monkeypatch):
    """Another user's (or another machine's) cache is not answered from: their key is not ours."""
    work, home, _ = project
    monkeypatch.chdir(work)
    checked: list[str] = []
    original = Checker.check_document
    monkeypatch.setattr(Checker, "check_document",
                        lambda self, document: checked.append(document.path) or original(self, document))
    for key, examined in [(home / "mtcheck" / "cache-key", []), (tmp_path / "other-user" / "key", ["articles/a.txt"])]:
        cache = Cache(work / ".mtcheck_cache", key_file=key)
        checker = compile_checker(["g.yaml"], Config(), select_rules(Config()), cache)
        check_paths(checker, ["articles"], cache=cache)
        assert checked == examined  # the owner's cache answers its owner, and no one else
        checked.clear()


def test_a_genuine_result_moved_to_another_files_key_is_ignored(tmp_path):
    cache = Cache(tmp_path / "c", key_file=tmp_path / "key")
    cache.put("results", "a" * 64, {"findings": "of file a"})
    moved = tmp_path / "c" / "results" / "bb" / ("b" * 64)
    moved.parent.mkdir(parents=True)
    moved.write_bytes((tmp_path / "c" / "results" / "aa" / ("a" * 64)).read_bytes())
    assert cache.get("results", "a" * 64) == {"findings": "of file a"}
    assert cache.get("results", "b" * 64) is None
    assert cache.get("index", "a" * 64) is None  # nor under another kind


def test_even_a_signed_entry_cannot_name_a_callable(tmp_path):
    """Behind the key, the unpickler takes only the types a cache entry is made of."""
    marker = tmp_path / "payload-ran"
    cache = Cache(tmp_path / "c", key_file=tmp_path / "key")
    cache.put("results", "k" * 64, _Payload(marker))
    assert cache.get("results", "k" * 64) is None and not marker.exists()


def test_a_well_formed_entry_of_the_wrong_type_is_no_answer(project):
    work, home, clean_report = project
    secret = (home / "mtcheck" / "cache-key").read_bytes()
    for entry in _entries(work / ".mtcheck_cache"):
        kind, key = entry.parent.parent.name, entry.name
        entry.write_bytes(_entry_signed_with(secret, kind, key, pickle.dumps(["not", "a", kind, "entry"])))
    again = _run(*CHECK, cwd=work, home=home)
    assert (again.returncode, again.stdout, again.stderr) == (1, clean_report, b"")


def _replace_with(entry: Path, kind: str) -> None:
    entry.unlink()
    if kind == "fifo":
        os.mkfifo(entry)
    elif kind == "symlink-to-dev-zero":
        entry.symlink_to("/dev/zero")
    elif kind == "folder":
        entry.mkdir()
    elif kind == "huge-length":  # a header that claims more than the file holds
        entry.write_bytes(b"MTCHECK3" + struct.pack(">Q32s", 2**62, b"\0" * 32))


@pytest.mark.parametrize("kind", ["fifo", "symlink-to-dev-zero", "folder", "huge-length"])
def test_what_is_not_an_entry_is_ignored_without_hanging(project, kind):
    work, home, clean_report = project
    for entry in _entries(work / ".mtcheck_cache"):
        _replace_with(entry, kind)
    # A process of its own, its memory capped: an entry read without end (/dev/zero) ends it, not the tests.
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (3 * 2**30, 3 * 2**30)); "
    command = [sys.executable, "-c", limit + "from mtcheck.entry import run; run()", *CHECK]
    env = {**os.environ, "NO_COLOR": "1", "XDG_CACHE_HOME": str(home)}
    again = subprocess.run(command, cwd=work, capture_output=True, env=env, timeout=60)
    assert (again.returncode, again.stdout, again.stderr) == (1, clean_report, b"")


def test_the_key_is_made_private_and_an_exposed_key_turns_the_cache_off(project, tmp_path):
    work, home, clean_report = project
    key = home / "mtcheck" / "cache-key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and len(key.read_bytes()) == 32
    key.chmod(0o644)
    again = _run(*CHECK, cwd=work, home=home)
    assert again.returncode == 1 and again.stdout == clean_report
    assert again.stderr.decode().startswith(f"warning: cache off: the cache key {key} must belong to you")
    with pytest.raises(KeyProblem):
        load_or_create_key(key)


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")
def test_a_key_owned_by_someone_else_is_refused(tmp_path):
    key = tmp_path / "key"
    load_or_create_key(key)
    os.chown(key, 65534, 65534)
    with pytest.raises(KeyProblem, match="must belong to you"):
        load_or_create_key(key)


def test_without_a_usable_key_nothing_is_read_or_written(tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the key's folder would go")
    cache = Cache(tmp_path / "c", key_file=blocked / "key")
    cache.put("results", "k" * 64, {"a": 1})
    assert cache.get("results", "k" * 64) is None and not (tmp_path / "c").exists()
    assert cache.problem.startswith(f"cannot read the cache key {blocked / 'key'}: Not a directory")


def test_two_runs_making_the_key_at_once_agree_on_one(tmp_path):
    home = tmp_path / "home"
    code = "from mtcheck.cache import load_or_create_key, key_path; print(load_or_create_key(key_path()).hex())"
    env = {**os.environ, "XDG_CACHE_HOME": str(home)}
    runs = [subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE) for _ in range(4)]
    keys = {run.communicate(timeout=60)[0] for run in runs}
    assert len(keys) == 1 and len(next(iter(keys)).strip()) == 64
    assert [p.name for p in (home / "mtcheck").iterdir()] == ["cache-key"]


def test_real_entries_load_through_the_allowed_types(tmp_path):
    """Every type that a real index or result holds is on the unpickler's list (else the cache
    would silently never answer): index and results of a monolingual and a bilingual check."""
    cache = Cache(tmp_path / "c", key_file=tmp_path / "key")
    glossary = tmp_path / "glossary.yaml"  # a glossary of its own: this process has compiled the bundled one
    glossary.write_bytes((BUNDLED_GLOSSARY / "kosovo-serbia.yaml").read_bytes())
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "a.txt").write_bytes(MT_SAMPLE.read_bytes())
    (texts / "b.jsonl").write_text(json.dumps({"source": "Zajednica srpskih opština", "target": "the USO"}) + "\n",
                                   encoding="utf-8")
    checker = compile_checker([str(glossary)], Config(), select_rules(Config()), cache)
    first = check_paths(checker, [str(texts / "a.txt"), str(texts / "b.jsonl")], cache=cache)
    assert first.findings
    entries = _entries(tmp_path / "c")
    assert len(entries) == 3
    for entry in entries:
        assert cache.get(entry.parent.parent.name, entry.name) is not None, entry
