"""The Dask engine on a LocalCluster of two worker processes: results identical to a local run."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pytest.importorskip("distributed")

import dask  # noqa: E402
import dask.bag as db  # noqa: E402
from distributed import Client, LocalCluster  # noqa: E402

from mtcheck import Checker, load_glossaries  # noqa: E402
from mtcheck import distributed as mtcheck_distributed  # noqa: E402
from mtcheck.distributed import check_bag, check_paths_on_cluster  # noqa: E402
from mtcheck.config import load_config  # noqa: E402
from tests.conftest import BUNDLED_GLOSSARY, MT_SAMPLE  # noqa: E402
from tests.rules.consistency_runs import project_of_two  # noqa: E402
from tests.cli_runs import mtcheck, mtcheck_process  # noqa: E402


@pytest.fixture(scope="module")
def client():
    # Dask's active memory manager drops replicas that no task needs, every 2 s: it took the broadcast
    # checker from one worker now and then, and the broadcast test failed (held [0, 1]) in CI runs.
    with dask.config.set({"distributed.scheduler.active-memory-manager.start": False}):
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            with Client(cluster) as client:
                yield client


@pytest.fixture(scope="module")
def checker():
    return Checker(load_glossaries([BUNDLED_GLOSSARY]))


def test_check_bag_matches_the_local_run(client, checker):
    text = MT_SAMPLE.read_text(encoding="utf-8")
    pieces = [(f"part-{i}.txt", text[i * 900:]) for i in range(6)]
    results = check_bag(db.from_sequence(pieces, npartitions=3), checker=checker, client=client).compute()
    assert results == [checker.check_text(piece, path) for path, piece in pieces]
    assert sum(len(r.findings) for r in results) > 20


def test_the_index_is_broadcast_once_to_every_worker(client, checker, monkeypatch):
    text = MT_SAMPLE.read_text(encoding="utf-8")
    # The test keeps the broadcast future: once nothing holds it, the scheduler may release the
    # checker at any moment, and counting the copies raced with that (the bag's graph keeps only its key).
    futures = []
    broadcast = mtcheck_distributed._broadcast
    monkeypatch.setattr(mtcheck_distributed, "_broadcast", lambda *args: futures.append(broadcast(*args)) or futures[-1])
    check_bag(db.from_sequence([("a", text)] * 4, npartitions=4), checker=checker, client=client).compute()
    held = client.run(lambda dask_worker: sum(type(v).__name__ == "Checker" for v in dask_worker.data.values()))
    assert len(futures) == 1 and sorted(held.values()) == [1, 1]


def test_paths_on_the_cluster_keep_the_given_paths(client, checker, tmp_path, monkeypatch):
    monkeypatch.chdir(MT_SAMPLE.parent.parent)
    relative = str(MT_SAMPLE.relative_to(MT_SAMPLE.parent.parent))
    run = check_paths_on_cluster(checker, [relative], client)
    assert run.files == (checker.check_paths([relative]).files[0],)


def test_run_wide_findings_on_the_cluster_are_the_local_run_s(client, tmp_path, monkeypatch):
    """source-/target-inconsistent across a project: the cluster checks each file, the run decides."""
    project = project_of_two(tmp_path)
    monkeypatch.chdir(tmp_path)
    checker = Checker(load_glossaries([BUNDLED_GLOSSARY]), load_config(str(tmp_path / "mtcheck.yaml")))
    paths = [str(path.relative_to(tmp_path)) for path in sorted(project.glob("*.po"))]
    local = checker.check_paths(paths)
    on_cluster = check_paths_on_cluster(checker, paths, client)
    assert on_cluster.files == local.files
    assert {f.rule for f in local.files[1].findings} >= {"source-inconsistent", "target-inconsistent"}


# The CLI's Dask engine starts a cluster of its own, whose worker processes end with the run's
# process: it runs in a process of its own, so none outlives it inside the test session.
def test_cli_dask_engine_output_is_identical(tmp_path):
    local = mtcheck("check", MT_SAMPLE, "-g", BUNDLED_GLOSSARY, "-f", "json", cwd=tmp_path)
    dask = mtcheck_process("check", MT_SAMPLE, "-g", BUNDLED_GLOSSARY, "-f", "json", "--engine", "dask", cwd=tmp_path)
    assert dask.returncode == local.returncode == 1, dask.stderr
    assert dask.stdout == local.stdout and json.loads(dask.stdout)["summary"]["findings"] == 14


# An unreachable scheduler is waited for (5 s, mtcheck/distributed.py's connect timeout) before the
# run gives up: its process starts with the module, and waits while the tests above run.
@pytest.fixture(scope="module", autouse=True)
def unreachable_scheduler_run(tmp_path_factory):
    command = [sys.executable, "-m", "mtcheck", "check", "--no-cache", str(MT_SAMPLE), "-g", str(BUNDLED_GLOSSARY),
               "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"]
    process = subprocess.Popen(command, cwd=tmp_path_factory.mktemp("unreachable"), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env={**os.environ, "NO_COLOR": "1"})
    yield process
    if process.poll() is None:
        process.kill()
    process.communicate()


def test_unreachable_scheduler_is_a_one_line_error(unreachable_scheduler_run):
    _, stderr = unreachable_scheduler_run.communicate(timeout=120)
    assert unreachable_scheduler_run.returncode == 2
    assert stderr.decode().startswith("error: mtcheck: cannot reach the Dask scheduler tcp://127.0.0.1:9")
    assert stderr.decode().count("\n") == 1
